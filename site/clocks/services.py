"""Writes on clocks: start, pause, resume, extend, stop. Each recomputes the due date.

`clock_start` is the only door to a new Clock (tests/decisions/test_one_writer.py greps for `Clock(`)."""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rules.profiles import Profile

from .models import CANCELLED, MET, RUNNING, Clock, ClockExtension, ClockPause


@transaction.atomic(savepoint=False)  # one insert, nothing to undo alone: no savepoint in the caller's transaction
def clock_start(*, subject, profile: Profile, rule_key: str, started_on: dt.date, label: str = "",
                n: int | None = None, unit: str | None = None) -> Clock:
    """A clock on `subject` counting from `started_on`. Its length is the profile's period `rule_key`;
    where an act sets the length itself under a rule (a notification's 限期整改 period, a yearly fixed
    date stored as a one-day period — programme.deadlines), pass `n` and `unit`: `rule_key` then names
    the figure that is its basis, whose article the clock carries."""
    if n is None:
        rule = profile.period(rule_key)
        n, unit, name, citation = rule.n, rule.unit, rule.label, rule.citation
    else:
        if unit is None:
            raise ValueError("clock_start: a clock with its own length needs its unit too")
        figure = profile.figure(rule_key)
        name, citation = figure.label, figure.citation
    clock = Clock(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk),
        label=label or name, profile_code=profile.code, rule_key=rule_key,
        source=citation.source, document=citation.document, article=citation.article,
        started_on=started_on, n=n, unit=unit, due_on=started_on,
    )
    clock.recompute(save=False)
    clock.save()
    return clock


def _fresh(clock: Clock) -> Clock:
    """The clock re-read under a row lock: a caller's instance may carry prefetched pauses/extensions
    that would hide the one being added from the recomputation."""
    return Clock.objects.select_for_update().get(pk=clock.pk)


@transaction.atomic
def clock_pause(*, clock: Clock, start: dt.date, reason: str) -> ClockPause:
    clock = _fresh(clock)
    if clock.pauses.filter(end__isnull=True).exists():
        raise ValidationError("该时限已处于暂停状态。")
    pause = ClockPause.objects.create(clock=clock, start=start, reason=reason)
    clock.recompute()
    return pause


@transaction.atomic
def clock_resume(*, clock: Clock, end: dt.date) -> None:
    clock = _fresh(clock)
    pause = clock.pauses.filter(end__isnull=True).first()
    if pause is None:
        raise ValidationError("该时限没有处于暂停状态。")
    if end < pause.start:
        raise ValidationError("恢复计时日期不能早于暂停开始日期。")
    pause.end = end
    pause.save(update_fields=["end"])
    clock.recompute()


@transaction.atomic
def clock_extend(*, clock: Clock, n: int, by, reason: str, profile: Profile, max_rule_key: str) -> ClockExtension:
    """One extension within the profile's cap (e.g. 004 投诉举报制度 第十条: ≤ 30 days)."""
    clock = _fresh(clock)
    cap = profile.period(max_rule_key)
    if n <= 0:
        raise ValidationError("延长期限必须大于0。")
    if clock.extension_total + n > cap.n:
        raise ValidationError(f"延长后合计超过上限：{cap}。")
    ext = ClockExtension.objects.create(clock=clock, n=n, approved_by=by, reason=reason,
                                        article=str(cap.citation))
    clock.recompute()
    return ext


def clock_stop(*, clock: Clock, cancelled: bool = False) -> None:
    clock.status = CANCELLED if cancelled else MET
    clock.stopped_at = timezone.now()
    clock.save(update_fields=["status", "stopped_at"])


def clocks_for(subject):
    return Clock.objects.filter(subject_type=ContentType.objects.get_for_model(subject),
                                subject_id=str(subject.pk))


def recompute_running(*, year: int | None = None) -> int:
    """After a holiday year changes: recompute every running clock whose span touches it."""
    from rules.calendar import WorkCalendar

    calendar = WorkCalendar.load()
    qs = Clock.objects.filter(status=RUNNING).prefetch_related("pauses", "extensions")
    if year is not None:
        qs = qs.filter(started_on__year__lte=year, due_on__year__gte=year - 1)
    count = 0
    for clock in qs:
        before = (clock.due_on, clock.provisional_years)
        clock.recompute(calendar, save=False)
        if (clock.due_on, clock.provisional_years) != before:
            clock.save(update_fields=["due_on", "provisional_years"])
            count += 1
    return count
