"""What the yearly programme leaves waiting outside a flow (我的待办 provider, flows.worklist.PROVIDERS): for an
agency's liaison, its statistics return not yet submitted (统计年报); for the bureau's officers, the year's own
deadlines (publishing the statistics, the yearly 通报) while they run. The rectification after a notification
(限时整改) is a flow (programme/flows.py): its steps reach 我的待办 as the flow's tasks."""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from roles.access import agency_of, groups_of, is_bureau
from roles.definitions import OFFICER

from .models import ProgrammeYear, StatisticsReturn

PROCESS = "年度执法监督"


def returns_and_rectification(user, *, today: dt.date) -> list:
    from clocks.models import RUNNING, Clock
    from flows.worklist import Item, clock_fields, running_clocks

    items = []
    agency = None if is_bureau(user) else agency_of(user)
    if agency is not None:
        returns = list(StatisticsReturn.objects.filter(agency=agency).select_related("year"))  # one query
        for ret in (r for r in returns if r.submitted_at is None):
            clock = running_clocks(ret).first() or running_clocks(ret.year).filter(
                rule_key="annual_statistics_due").first()
            items.append(Item(title=f"报送{ret.year.year}年度行政执法统计年报", subject=agency.name, process=PROCESS,
                              url=reverse("programme:return", args=[ret.pk]), key=f"return:{ret.pk}",
                              **clock_fields(clock)))
        items += _own_duties(agency, returns, today)
    if OFFICER in groups_of(user) and user.has_perm("programme.manage_programme"):
        years = {py.pk: py for py in ProgrammeYear.objects.all()}
        items += _late_agencies(years.values(), today)
        clocks = Clock.objects.filter(subject_type=ContentType.objects.get_for_model(ProgrammeYear), status=RUNNING)
        for clock in clocks.order_by("due_on", "pk"):
            py = years.get(int(clock.subject_id))
            if py is None:
                continue
            items.append(Item(title=clock.label, subject=f"{py.year}年度", process=PROCESS,
                              url=reverse("programme:year", args=[py.jurisdiction, py.year]),
                              key=f"programme-clock:{clock.pk}", **clock_fields(clock)))
    return items


def _own_duties(agency, returns, today: dt.date) -> list:
    """统计 第三条、第五条, 通报 第七条: the agency's own publication duties still open, each with its date and article
    (overdue ones reach the workbench's 预警)."""
    from flows.worklist import Item
    from rules.profiles import get_profile

    from .duties import due_of

    items = []
    for ret in returns:
        profile = get_profile(ret.year.jurisdiction)
        url = reverse("programme:duties", args=[ret.pk])
        stats_due, stats_art = due_of(profile, "annual_statistics_due", ret.year.year)
        work_due, work_art = due_of(profile, "work_report_due", ret.year.year)
        if ret.submitted_at is not None and ret.published_on is None and stats_due is not None:
            title = "公开统计年报并报上级主管部门" if ret.response_plan else "制定应对预案，公开统计年报并报上级主管部门"
            items.append(Item(title=f"{title}（{ret.year.year}年度）", subject=agency.name, process=PROCESS, url=url,
                              key=f"publish:{ret.pk}", due=stats_due, article=stats_art))
        if ret.work_report_on is None and work_due is not None:
            items.append(Item(title=f"报送并公开{ret.year.year}年度工作情况报告", subject=agency.name, process=PROCESS,
                              url=url, key=f"work-report:{ret.pk}", due=work_due, article=work_art))
    return items


def _late_agencies(years, today: dt.date) -> list:
    """For the bureau's officers: a year whose agencies are late with their publication duties, the late named."""
    from flows.worklist import Item

    from .duties import due_of, late_agencies

    items = []
    from rules.profiles import get_profile

    for py in sorted(years, key=lambda y: (y.jurisdiction, y.year)):  # the years read above: no query of its own
        due, article = due_of(get_profile(py.jurisdiction), "annual_statistics_due", py.year)
        if due is None or today <= due:
            continue
        late = late_agencies(py, today)
        if late:
            items.append(Item(title=f"{py.year}年度统计年报、工作情况报告逾期：{'、'.join(late)}", subject=f"{py.year}年度",
                              process=PROCESS, url=reverse("programme:year_duties", args=[py.jurisdiction, py.year]),
                              key=f"late-duties:{py.pk}", due=due, article=article,
                              note="督促逾期机关公开并报送（统计 第三条、通报 第七条）"))
    return items
