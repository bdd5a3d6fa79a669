"""Yearly figures ("每年1月31日前", "每年一季度") as clocks.

Reading (RULES.md, Readings): a fixed date is a period's last day, rolled to the next working day when it
is a rest day, provisional while that year's holidays are missing; "第一季度" ends on the quarter's last day.

A Clock stores a period (started_on, n, unit) so that loading a holiday year later recomputes it
(clocks.services.recompute_running). A yearly date is stored as the 1-calendar-day period that starts the
day before the fixed date: rules.periods counts it to the fixed date and applies the rest-day roll. (A
0-day period would not do: rules.periods applies the roll only when n > 0.)"""
from __future__ import annotations

import calendar
import datetime as dt

from django.contrib.contenttypes.models import ContentType

from clocks.models import Clock
from clocks.services import clock_start
from rules.periods import CALENDAR_DAYS, DueDate, compute_due
from rules.profiles import Figure, FigureMissing, Profile


def fixed_day(figure: Figure, in_year: int) -> dt.date:
    """The unrolled last day a yearly figure names in `in_year`."""
    if figure.kind != "yearly":
        raise FigureMissing(f"“{figure.label}”不是每年固定日期。")
    value = figure.value
    if "quarter" in value:
        month = int(value["quarter"]) * 3
        return dt.date(in_year, month, calendar.monthrange(in_year, month)[1])
    return dt.date(in_year, int(value["month"]), int(value["day"]))


def yearly_due(profile: Profile, key: str, in_year: int) -> DueDate:
    """Due date of a yearly figure in `in_year`, rolled and marked provisional as rules.periods does."""
    last = fixed_day(profile.figure(key), in_year)
    return compute_due(last - dt.timedelta(days=1), 1, CALENDAR_DAYS)


def yearly_clock_start(*, subject, profile: Profile, rule_key: str, in_year: int, label: str = "") -> Clock:
    last = fixed_day(profile.figure(rule_key), in_year)
    return clock_start(subject=subject, profile=profile, rule_key=rule_key, started_on=last - dt.timedelta(days=1),
                       n=1, unit=CALENDAR_DAYS, label=label)


def subject_clocks(subject):
    if subject.pk is None:  # a year not yet recorded has no clocks
        return Clock.objects.none()
    return Clock.objects.filter(subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk))


def first_clocks(subjects) -> dict:
    """{subject pk: its first clock (subject_clocks(s).first(): the earliest due)} of records of one model, in one
    query — a list of them (the workbench's and the year's returns by agency) not one query a row (issue 28)."""
    subjects = [s for s in subjects if s.pk is not None]
    if not subjects:
        return {}
    out: dict = {}
    for clock in Clock.objects.filter(subject_type=ContentType.objects.get_for_model(subjects[0]),
                                      subject_id__in=[str(s.pk) for s in subjects]):  # in the order first() reads
        out.setdefault(clock.subject_id, clock)
    return {s.pk: out[str(s.pk)] for s in subjects if str(s.pk) in out}
