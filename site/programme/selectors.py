"""Reads of the yearly programme: what each agency still owes this year, the statistics returns and their
clocks, the aggregated annual report, and the draft of the yearly notification."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from casework.models import Agency
from casework.selectors import addressable_agencies
from clocks.models import Clock
from rules.profiles import get_profile

from .deadlines import first_clocks, subject_clocks, yearly_due
from .models import (
    INSPECTION,
    KIND_FIGURES,
    KIND_FLAGS,
    PERIODIC,
    Activity,
    ProgrammeYear,
    StatisticsReturn,
    kinds_for,
)

NOT_SET = "办法未规定"


def programme_year(jurisdiction: str, year: int) -> ProgrammeYear | None:
    return ProgrammeYear.objects.filter(jurisdiction=jurisdiction, year=year).first()


def categories(jurisdiction: str) -> list[dict]:
    """The statistics categories (code, label, citation) of the jurisdiction's profile."""
    return get_profile(jurisdiction).choices("statistics_categories")


@dataclass
class Requirement:
    kind: str
    label: str
    done: int
    required: int | None  # None: the profile sets no yearly number
    citation: str
    by: dt.date
    unscheduled: int | None = None  # 检查 第六条: unscheduled inspections, listed apart, not counted

    @property
    def remaining(self) -> int | None:
        return None if self.required is None else max(self.required - self.done, 0)

    @property
    def text(self) -> str:
        done = f"定期检查已开展{self.done}次" if self.unscheduled is not None else f"已开展{self.done}次"
        if self.required is None:
            text = f"{done}（{NOT_SET}）"
        elif self.remaining:
            text = f"{done}，尚需{self.remaining}次（每年至少{self.required}次）"
        else:
            text = f"{done}，已达每年至少{self.required}次"
        if self.unscheduled:
            text += f"；另有不定期检查{self.unscheduled}次，不计入"
        return text


@dataclass
class AgencyYear:
    agency: Agency
    requirements: list[Requirement] = field(default_factory=list)
    statistics: StatisticsReturn | None = None
    statistics_clock: Clock | None = None


def requirements(jurisdiction: str, year: int) -> list[AgencyYear]:
    """Per agency: inspections, case-file reviews, evaluations done this year against the profile's
    yearly minimum (to be met within the year, by 31 December), and the previous year's statistics."""
    return requirements_of([jurisdiction], year)[jurisdiction]


def requirements_of(jurisdictions, year: int) -> dict[str, list[AgencyYear]]:
    """`requirements` of each of `jurisdictions`, in four queries however many there are (the province-wide
    dashboard panel lists every jurisdiction's: issue 28): the activities, returns and agencies of all, each row
    filed under its own year's (or agency's) jurisdiction, as the one-jurisdiction reads filtered them."""
    codes = list(dict.fromkeys(jurisdictions))
    counts: dict[tuple[str, int, str], int] = {}
    unscheduled: dict[tuple[str, int], int] = {}
    periodic_only = {}
    for code in codes:
        profile = get_profile(code)
        periodic_only[code] = profile.has(KIND_FIGURES[INSPECTION]) and \
            profile.figure(KIND_FIGURES[INSPECTION]).value.get("periodic_only", False)
    for code, agency_id, kind, schedule in Activity.objects.filter(year__jurisdiction__in=codes, year__year=year) \
            .values_list("year__jurisdiction", "agency_id", "kind", "schedule"):
        if kind == INSPECTION and periodic_only[code] and schedule != PERIODIC:  # 检查 第六条: only periodic ones count
            unscheduled[(code, agency_id)] = unscheduled.get((code, agency_id), 0) + 1
            continue
        counts[(code, agency_id, kind)] = counts.get((code, agency_id, kind), 0) + 1
    returns = {(r.programme_jurisdiction, r.agency_id): r for r in StatisticsReturn.objects.filter(
        year__jurisdiction__in=codes, year__year=year - 1).annotate(programme_jurisdiction=F("year__jurisdiction"))}
    clocks = first_clocks(returns.values())
    out: dict[str, list[AgencyYear]] = {code: [] for code in codes}
    # ordered by jurisdiction and name (addressable_agencies): each jurisdiction's agencies by name, as before
    for agency in addressable_agencies().filter(jurisdiction__in=codes):
        code = agency.jurisdiction
        profile = get_profile(code)
        row = AgencyYear(agency)
        for kind, label in kinds_for(code):
            key = KIND_FIGURES.get(kind, "")
            done = counts.get((code, agency.pk, kind), 0)
            if profile.has(key):
                fig = profile.figure(key)
                extra = unscheduled.get((code, agency.pk), 0) if kind == INSPECTION and periodic_only[code] else None
                row.requirements.append(Requirement(kind, label, done, profile.count(key),
                                                    str(fig.citation), dt.date(year, 12, 31), extra))
            else:  # a method the rules list without a yearly number (003 第十六条第（七）项) cites where it stands
                cite = f"{profile.figure(KIND_FLAGS[kind]).citation}，{NOT_SET}次数" if kind in KIND_FLAGS else NOT_SET
                row.requirements.append(Requirement(kind, label, done, None, cite, dt.date(year, 12, 31)))
        row.statistics = returns.get((code, agency.pk))
        if row.statistics is not None:
            row.statistics_clock = clocks.get(row.statistics.pk)
        out[code].append(row)
    return out


def inspection_form_counts(jurisdiction: str, year: int) -> tuple[list[tuple[str, int]], str]:
    """检查 第六条: how many of the year's inspections took each form of the profile's list (an inspection
    of several forms counts under each), with the citation; ([], "") where the rules list no forms."""
    profile = get_profile(jurisdiction)
    if not profile.has("inspection_forms"):
        return [], ""
    counts: dict[str, int] = {}
    for forms in Activity.objects.filter(year__jurisdiction=jurisdiction, year__year=year, kind=INSPECTION) \
            .values_list("forms", flat=True):
        for code in {f["code"] for f in forms or ()}:
            counts[code] = counts.get(code, 0) + 1
    rows = [(c["label"], counts.get(c["code"], 0)) for c in profile.choices("inspection_forms")]
    return rows, str(profile.figure("inspection_forms").citation)


def statistics_due_text(jurisdiction: str, report_year: int) -> str:
    """'2026-02-02（《行政执法统计年报制度》第三条：每年1月31日前，遇休息日顺延）' or 办法未规定."""
    profile = get_profile(jurisdiction)
    if not profile.has("annual_statistics_due"):
        return f"{NOT_SET}报送日期"
    fig = profile.figure("annual_statistics_due")
    due = yearly_due(profile, "annual_statistics_due", report_year + 1)
    text = f"{due.due:%Y-%m-%d}（{fig.citation}：{fig.label}每年{fig.value['month']}月{fig.value['day']}日前"
    if due.skipped:
        text += "，届满日为休息日的顺延至其后第一个工作日"
    text += "）"
    if due.provisional:
        text += " " + due.provisional_note
    return text


def returns_for(py: ProgrammeYear):
    returns = py.returns.all() if py.pk else StatisticsReturn.objects.none()  # a year not yet recorded has none
    return returns.select_related("agency", "submitted_by").order_by("agency__name")


def year_activities(py: ProgrammeYear):
    return py.activities.all() if py.pk else Activity.objects.none()


def year_notifications(py: ProgrammeYear):
    from .models import Notification

    return py.notifications.all() if py.pk else Notification.objects.none()


def liaison_returns(agency: Agency):
    return StatisticsReturn.objects.filter(agency=agency).select_related("year").order_by("-year__year")


@dataclass
class Aggregate:
    py: ProgrammeYear
    categories: list[dict]
    rows: list[tuple[StatisticsReturn, list[int], int]]
    totals: list[int]
    total: int
    missing: list[StatisticsReturn]


def aggregate(py: ProgrammeYear) -> Aggregate:
    """Sum of the submitted returns per category (统一汇总, 004 统计年报制度 第三条第二款)."""
    cats = categories(py.jurisdiction)
    rows, missing = [], []
    totals = [0] * len(cats)
    for ret in returns_for(py):
        if not ret.submitted:
            missing.append(ret)
            continue
        values = [int(ret.figures.get(c["code"], 0)) for c in cats]
        totals = [a + b for a, b in zip(totals, values, strict=False)]
        rows.append((ret, values, sum(values)))
    return Aggregate(py, cats, rows, totals, sum(totals), missing)


def overdue_returns(py: ProgrammeYear, today: dt.date | None = None) -> list[StatisticsReturn]:
    today = today or timezone.localdate()
    late = []
    for ret in returns_for(py):
        clock = subject_clocks(ret).first()
        if clock is not None and clock.status == "running" and clock.due_on < today:
            late.append(ret)
    return late


def notification_draft(py: ProgrammeYear) -> tuple[str, dict[int, list[str]]]:
    """The yearly notification's text from the year's findings and statistics, and per agency the problems
    it is named for (findings of activities with problems; statistics not submitted or late)."""
    agg = aggregate(py)
    problems: dict[int, list[str]] = {}
    activities = year_activities(py).select_related("agency").order_by("held_on", "pk")
    counts = {label: activities.filter(kind=kind).count() for kind, label in kinds_for(py.jurisdiction)}
    lines = [f"{py.year}年度，共开展" + "、".join(f"{label}{n}次" for label, n in counts.items()) + "。"]
    for act in activities.filter(has_problems=True):
        problems.setdefault(act.agency_id, []).append(
            f"{act.get_kind_display()}（{act.held_on:%Y-%m-%d}，{act.title}）发现：{act.findings}")
    if agg.rows or agg.missing:
        lines.append(f"全年统计年报应报{len(agg.rows) + len(agg.missing)}家，已报{len(agg.rows)}家，"
                     f"行政执法行为合计{agg.total}件。")
    for ret in agg.missing:
        problems.setdefault(ret.agency_id, []).append(f"未报送{py.year}年度行政执法统计年报")
    late = [r for r in agg.rows if _late(r[0])]
    for ret, _values, _total in late:
        problems.setdefault(ret.agency_id, []).append(f"{py.year}年度行政执法统计年报逾期报送")
    if problems:
        lines.append("存在的问题：")
        names = {a.pk: a.name for a in Agency.objects.filter(pk__in=problems)}
        for agency_id, items in problems.items():
            lines.append(f"{names[agency_id]}：" + "；".join(items) + "。")
    else:
        lines.append("本年度检查、评查、评议未发现需要通报的问题。")
    return "\n".join(lines), problems


def _late(ret: StatisticsReturn) -> bool:
    clock = subject_clocks(ret).first()
    return bool(clock and ret.submitted_at and timezone.localdate(ret.submitted_at) > clock.due_on)
