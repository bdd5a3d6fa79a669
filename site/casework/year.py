"""The year at a glance for leaders (年度概览): per process and per agency, matters opened and closed per
month, clocks met and missed, overdue clocks by agency, and the statistics returns (统计年报) in and missing.

Reads only (nothing here writes a row), each figure one aggregate query in the database (TruncMonth,
conditional Count), never a query per matter or clock. Clocks counted are those on matters (a clock's
subject is the matter) whose due day falls in the year; a cancelled clock counts neither way."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, TruncDate, TruncMonth

from clocks.models import CANCELLED, MET, RUNNING, Clock

from .models import Matter

FIRST_YEAR = 2000  # a bound on the URL, not a statutory figure
MONTHS = list(range(1, 13))
NO_PROCESS = "未标注程序"


@dataclass
class MonthRow:
    """One line of a per-month table: a label and twelve counts."""

    label: str
    months: list[int]

    @property
    def total(self) -> int:
        return sum(self.months)


@dataclass
class ClockRow:
    label: str
    met: int = 0
    missed: int = 0  # met after the due day, or still running past it
    overdue: int = 0  # still running past the due day (part of missed)
    pending: int = 0  # running, due day not yet reached

    @property
    def total(self) -> int:
        return self.met + self.missed + self.pending


@dataclass
class AgencyRow:
    name: str
    jurisdiction: str
    opened: int = 0
    closed: int = 0
    clocks: ClockRow = field(default_factory=lambda: ClockRow(""))


@dataclass
class ReturnRow:
    jurisdiction: str
    agency: str
    submitted_on: dt.date | None


@dataclass
class YearGlance:
    year: int
    jurisdiction: str  # "" = every jurisdiction
    today: dt.date
    opened: list[MonthRow]  # per process
    closed: list[MonthRow]
    clocks_by_process: list[ClockRow]
    clocks_by_month: list[ClockRow]  # label = "1月" … "12月", by due month
    agencies: list[AgencyRow]
    returns: list[ReturnRow]  # the previous year's statistics, reported in this year

    @property
    def statistics_year(self) -> int:
        return self.year - 1

    @staticmethod
    def _sum(rows: list[MonthRow]) -> MonthRow:
        return MonthRow("合计", [sum(r.months[i] for r in rows) for i in range(12)])

    @property
    def opened_total(self) -> MonthRow:
        return self._sum(self.opened)

    @property
    def closed_total(self) -> MonthRow:
        return self._sum(self.closed)

    @property
    def clocks_total(self) -> ClockRow:
        total = ClockRow("合计")
        for r in self.clocks_by_process:
            total.met, total.missed = total.met + r.met, total.missed + r.missed
            total.overdue, total.pending = total.overdue + r.overdue, total.pending + r.pending
        return total

    @property
    def overdue_agencies(self) -> list[AgencyRow]:
        return sorted((a for a in self.agencies if a.clocks.overdue), key=lambda a: (-a.clocks.overdue, a.name))

    @property
    def returns_in(self) -> list[ReturnRow]:
        return [r for r in self.returns if r.submitted_on]

    @property
    def returns_missing(self) -> list[ReturnRow]:
        return [r for r in self.returns if not r.submitted_on]

    @property
    def returns_by_jurisdiction(self) -> list[tuple[str, int, int]]:
        """(jurisdiction name, in, missing) per jurisdiction that asked for returns."""
        out: dict[str, list[int]] = {}
        for r in self.returns:
            out.setdefault(r.jurisdiction, [0, 0])[0 if r.submitted_on else 1] += 1
        return [(j, a, b) for j, (a, b) in out.items()]


def _month_rows(qs, date_field: str, labels: dict[str, str]) -> list[MonthRow]:
    counts = qs.annotate(month=TruncMonth(date_field)).values("process", "month").annotate(n=Count("pk"))
    rows: dict[str, MonthRow] = {}
    for item in counts:
        label = labels.get(item["process"], item["process"] or NO_PROCESS)
        row = rows.setdefault(label, MonthRow(label, [0] * 12))
        row.months[item["month"].month - 1] += item["n"]
    order = list(labels.values())
    return sorted(rows.values(), key=lambda r: (order.index(r.label) if r.label in order else len(order), r.label))


def _clock_counts(today: dt.date) -> dict:
    """Conditional counts for Count(..., filter=...): met on time, missed, overdue now, pending."""
    on_time = Q(status=MET, stopped_on__lte=F("due_on"))
    late = Q(status=MET, stopped_on__gt=F("due_on"))
    overdue = Q(status=RUNNING, due_on__lt=today)
    return {"met": Count("pk", filter=on_time), "missed": Count("pk", filter=late | overdue),
            "overdue": Count("pk", filter=overdue), "pending": Count("pk", filter=Q(status=RUNNING, due_on__gte=today))}


def glance(*, year: int, today: dt.date, jurisdiction: str = "", process_labels: dict[str, str]) -> YearGlance:
    matters = Matter.objects.all()
    if jurisdiction:
        matters = matters.filter(jurisdiction=jurisdiction)
    opened = _month_rows(matters.filter(opened_on__year=year), "opened_on", process_labels)
    closed = _month_rows(matters.filter(closed_on__year=year), "closed_on", process_labels)

    # each clock on a matter, with its matter's process and agency read by a correlated subquery
    matter_of = matters.order_by().annotate(key=Cast("pk", CharField())).filter(key=OuterRef("subject_id"))
    clocks = (Clock.objects.filter(subject_type=ContentType.objects.get_for_model(Matter), due_on__year=year)
              .exclude(status=CANCELLED)
              .annotate(m_process=Subquery(matter_of.values("process")[:1]),
                        m_agency=Subquery(matter_of.values("agency_id")[:1]),
                        stopped_on=TruncDate("stopped_at"))
              .filter(m_agency__isnull=False))
    counts = _clock_counts(today)
    by_process = [ClockRow(process_labels.get(r["m_process"], r["m_process"] or NO_PROCESS),
                           r["met"], r["missed"], r["overdue"], r["pending"])
                  for r in clocks.values("m_process").annotate(**counts).order_by("m_process")]
    months = {r["month"].month: r for r in clocks.annotate(month=TruncMonth("due_on")).values("month")
              .annotate(**counts).order_by("month")}
    by_month = [ClockRow(f"{m}月", *(months[m][k] for k in ("met", "missed", "overdue", "pending")))
                if m in months else ClockRow(f"{m}月") for m in MONTHS]

    agencies = _agencies(matters, year, clocks, counts)
    return YearGlance(year, jurisdiction, today, opened, closed, by_process, by_month, agencies,
                      _returns(year - 1, jurisdiction))


def _agencies(matters, year: int, clocks, counts: dict) -> list[AgencyRow]:
    from .models import Agency

    rows: dict[int, AgencyRow] = {}
    per = matters.values("agency_id").annotate(
        opened=Count("pk", filter=Q(opened_on__year=year)), closed=Count("pk", filter=Q(closed_on__year=year))
    ).filter(Q(opened__gt=0) | Q(closed__gt=0)).order_by()
    clock_rows = list(clocks.values("m_agency").annotate(**counts).order_by())
    ids = {r["agency_id"] for r in per} | {r["m_agency"] for r in clock_rows}
    names = {a.pk: a for a in Agency.objects.filter(pk__in=ids).only("name", "jurisdiction")}
    for r in per:
        if r["agency_id"] is None:  # a file about the bureau's own staff (投诉 第十五条): no agency's row
            continue
        a = names[r["agency_id"]]
        rows[a.pk] = AgencyRow(a.name, a.jurisdiction, r["opened"], r["closed"])
    for r in clock_rows:
        if r["m_agency"] is None:
            continue
        a = names[r["m_agency"]]
        row = rows.setdefault(a.pk, AgencyRow(a.name, a.jurisdiction))
        row.clocks = ClockRow(a.name, r["met"], r["missed"], r["overdue"], r["pending"])
    return sorted(rows.values(), key=lambda r: (r.jurisdiction, r.name))


def _returns(statistics_year: int, jurisdiction: str) -> list[ReturnRow]:
    """The statistics returns of `statistics_year`, reported in the following year (004 统计年报制度 第三条)."""
    from django.utils import timezone

    from programme.models import StatisticsReturn  # a process app: read here only, never at import
    from rules.models import RuleProfile

    qs = StatisticsReturn.objects.filter(year__year=statistics_year)
    if jurisdiction:
        qs = qs.filter(year__jurisdiction=jurisdiction)
    names = dict(RuleProfile.objects.values_list("code", "name"))
    return [ReturnRow(names.get(j, j), agency, timezone.localtime(at).date() if at else None)
            for j, agency, at in qs.order_by("year__jurisdiction", "agency__name")
            .values_list("year__jurisdiction", "agency__name", "submitted_at")]
