"""What the yearly programme leaves waiting outside a flow (我的待办 provider, flows.worklist.PROVIDERS): for an
agency's liaison, its statistics return not yet submitted (统计年报); for the bureau's officers, the year's own
deadlines (publishing the statistics, the yearly 通报) while they run. The rectification after a notification
(限时整改) is a flow (programme/flows.py): its steps reach 我的待办 as the flow's tasks."""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from roles.access import agency_of, groups_of, is_bureau, own_jurisdiction_only
from roles.definitions import OFFICER

from .models import ProgrammeYear, StatisticsReturn

PROCESS = "年度执法监督"


def returns_and_rectification(user, *, today: dt.date) -> tuple:
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
        # the bureau's: counted, sorted and paged in SQL (issue 28), a fixed number of queries for any number of
        # years, late agencies and clocks (the years were read and each checked with four queries before)
        years = {pk: (code, year) for pk, code, year in
                 own_jurisdiction_only(ProgrammeYear.objects, user).values_list("pk", "jurisdiction", "year")}
        return (items, _late_years_source(years, today), _year_clocks_source(years))
    return (items,)


def _late(field: str, due: dt.date | None, today: dt.date, *, moment: bool = False):
    """Q: the duty of `field` was done after `due`, or is not done and `due` has passed (Duty.late_days > 0); a
    moment (submitted_at) is late from the first instant of the next local day."""
    from django.db.models import Q

    if due is None:
        return Q(pk__in=[])
    after = due + dt.timedelta(days=1)
    if moment:
        after = timezone.make_aware(dt.datetime.combine(after, dt.time.min))
    late = Q(**{f"{field}__{'gte' if moment else 'gt'}": after if moment else due})
    return late | Q(**{f"{field}__isnull": True}) if today > due else late


def _late_years_source(years: dict, today: dt.date):
    """For the bureau's officers: a year whose agencies are late with their publication duties (统计 第三条、
    通报 第七条), once its statistics date has passed; the item names the late agencies (as duty_rows does)."""
    from django.db.models import Case, CharField, DateField, Q, Value, When
    from django.db.models.functions import Cast, Concat

    from flows.worklist import Item, QuerySource
    from rules.profiles import get_profile

    from .duties import due_of

    dues, late = {}, Q(pk__in=[])
    for pk, (code, year) in years.items():
        profile = get_profile(code)
        stats_due, article = due_of(profile, "annual_statistics_due", year)
        work_due, _art = due_of(profile, "work_report_due", year)
        if stats_due is None or today <= stats_due:
            continue
        dues[pk] = (stats_due, article)
        late |= Q(year_id=pk) & (_late("submitted_at", stats_due, today, moment=True)
                                 | _late("published_on", stats_due, today) | _late("superior_sent_on", stats_due, today)
                                 | _late("work_report_on", work_due, today)
                                 | _late("work_report_published_on", work_due, today))
    late_returns = StatisticsReturn.objects.filter(late)
    late_years = ProgrammeYear.objects.filter(pk__in=[*dues]).filter(pk__in=late_returns.values("year_id"))
    due = Case(*[When(pk=pk, then=Value(d)) for pk, (d, _a) in dues.items()], default=None,
                  output_field=DateField())

    def build(pks):
        names: dict = {}
        for year_id, name in late_returns.filter(year_id__in=pks).order_by("agency__name").values_list(
                "year_id", "agency__name"):
            names.setdefault(year_id, []).append(name)
        out = {}
        for pk in pks:
            code, year = years[pk]
            stats_due, article = dues[pk]
            out[pk] = Item(title=f"{year}年度统计年报、工作情况报告逾期：{'、'.join(names.get(pk, []))}",
                           subject=f"{year}年度", process=PROCESS,
                           url=reverse("programme:year_duties", args=[code, year]), key=f"late-duties:{pk}",
                           due=stats_due, article=article, note="督促逾期机关公开并报送（统计 第三条、通报 第七条）")
        return out

    # sorted by the title up to the names (the year): the names are read for the page's items only
    title = Concat(Cast("year", CharField()), Value("年度统计年报、工作情况报告逾期："), output_field=CharField())
    return QuerySource(late_years, due=due, title=title, order=("jurisdiction", "year"), build=build)


def _year_clocks_source(years: dict):
    """The years' own running clocks (the district summary, the yearly 通报), due on their date."""
    from django.db.models import F

    from clocks.models import RUNNING, Clock
    from flows.worklist import Item, QuerySource, clock_fields

    clocks = Clock.objects.filter(subject_type=ContentType.objects.get_for_model(ProgrammeYear), status=RUNNING,
                                  subject_id__in=[str(pk) for pk in years])

    def build(pks):
        out = {}
        for clock in clocks.filter(pk__in=pks):
            code, year = years[int(clock.subject_id)]
            out[clock.pk] = Item(title=clock.label, subject=f"{year}年度", process=PROCESS,
                                 url=reverse("programme:year", args=[code, year]),
                                 key=f"programme-clock:{clock.pk}", **clock_fields(clock))
        return out

    return QuerySource(clocks, due=F("due_on"), title=F("label"), order=("pk",), build=build)


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
