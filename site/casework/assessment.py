"""年度监督结果 (supervision results into the annual assessment): per agency and year, what supervision found,
as the bureau hands it to the rule-of-law assessment — 恩施 003 第三十条 (结果纳入法治建设绩效考核) and 武隆 004
通报制度 第六条 (被通报及整改落实不力的扣减分值: the items it deducts for are marked and counted; it gives no
number of points) — 整改落实不力 both as a rectification overdue (its clock) and as one found not rectified on review
of the written report (RectificationTask.ineffective_on, programme.services.rectification_ineffective) — with
Wulong's interference lapses (干预 第十条) and inspections poorly implemented (检查 第十条). Each figure is one
aggregate query grouped by agency.

The year is the calendar year of the event (a letter issued, a finding made, a clock due) — the same reading as
the 年度概览 (year.py), whose statistics returns are those of the previous year, reported in this one. Points are
given only where the rule profile's `assessment_results` lists them; where it does not, the screen says so with
the article and shows the counts only. Reads only."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, TruncDate

from generations import Generation

# (key, column heading); the order of the screen and the workbook
COLUMNS = [
    ("letters", "制发监督建议书（意见书）"),
    ("decisions", "制发监督决定书（责令限期纠正通知书）"),
    ("findings", "检查、评查、评议发现问题"),
    ("filing_findings", "备案审查发现问题"),
    ("rectify_overdue", "逾期未整改（监督文书、限时整改）"),
    ("complaints", "投诉举报查证属实（含部分属实）"),
    ("filings_late", "重大决定逾期报备"),
    ("returns_late", "统计年报逾期报送"),
    ("returns_missing", "统计年报逾期未报送"),
    ("notified", "被通报（通报限时整改、逾期不纠正予以通报）"),
    ("interference_lapses", "干预插手案件不记录或不如实记录"),      # 武隆 干预 第十条
    ("inspection_poor", "检查决定未按期落实或落实不力"),            # 武隆 检查 第十条
    ("rectify_ineffective", "经审核认定整改落实不力（通报限时整改）"),  # 武隆 通报 第六条, on the merits
]
NOT_RECORDED = [
    "重大行政执法决定应报未报（平台只登记已报送的备案，无从得知应报未报的决定）",
]


# The models results() reads (with the rule profiles: the rules' generation). The workbench's one line of results
# (workbench.results_glance) is kept under a generation of these inputs, not the work generation that any write
# bumps (a task claimed, an event recorded): re-counting a year's records after every write cost 119 ms at 100,000
# matters. Not kept by day alone: the inputs are not day-grained — a letter issued or a complaint found true
# today counts today; the date is in the key too (a clock still running past its due day counts from the next).
INPUTS = frozenset({
    "casework.Agency", "casework.Matter", "casework.Document", "letters.Letter", "filings.Filing",
    "complaints.Complaint", "complaints.InterferenceLapse", "clocks.Clock", "programme.ProgrammeYear",
    "programme.Activity", "programme.FollowUp", "programme.StatisticsReturn", "programme.Notification",
    "programme.RectificationTask",
})
_GENERATION = Generation("assessment:generation")
generation = _GENERATION.current


def _on_write(sender, **kwargs) -> None:
    if not kwargs.get("raw"):
        _GENERATION.bump()


def connect() -> None:
    """A save or delete of an input bumps the generation (a queryset update() sends no signal: the kept line
    lasts flows.badge.TIMEOUT seconds at most)."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for label in INPUTS:
        try:
            model = apps.get_model(label)
        except LookupError:  # an app not installed: nothing of it to count
            continue
        post_save.connect(_on_write, sender=model, dispatch_uid=f"assessment_inputs_save:{label}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"assessment_inputs_delete:{label}")


@dataclass
class AgencyResult:
    pk: int
    name: str
    jurisdiction: str
    counts: dict[str, int] = field(default_factory=dict)
    points: float | None = None
    deductions: int | None = None  # items the rules deduct for (武隆 通报 第六条), where they name them

    def cells(self) -> list[int]:
        return [self.counts.get(k, 0) for k, _ in COLUMNS]


@dataclass
class Basis:
    """One jurisdiction's rule for the assessment: its text, article, and the points per column (may be empty)."""

    jurisdiction: str
    name: str
    text: str
    citation: str
    note: str
    points: dict[str, float]
    deducted: list[str] = field(default_factory=list)

    @property
    def points_text(self) -> str:
        labels = dict(COLUMNS)
        return "、".join(f"{labels.get(k, k)}每项{v:g}分" for k, v in self.points.items())

    @property
    def deducted_text(self) -> str:
        labels = dict(COLUMNS)
        return "、".join(labels.get(k, k) for k in self.deducted)


@dataclass
class Results:
    year: int
    jurisdiction: str
    today: dt.date
    rows: list[AgencyResult]
    bases: list[Basis]

    @property
    def totals(self) -> list[int]:
        return [sum(r.counts.get(k, 0) for r in self.rows) for k, _ in COLUMNS]

    @property
    def with_points(self) -> bool:
        return any(b.points for b in self.bases)

    @property
    def with_deductions(self) -> bool:
        return any(b.deducted for b in self.bases)

    def total(self, key: str) -> int:
        return sum(r.counts.get(key, 0) for r in self.rows)


def _bases(codes: list[str]) -> list[Basis]:
    from rules.profiles import FigureMissing, get_profile

    out = []
    for code in codes:
        try:
            profile = get_profile(code)
        except FigureMissing:
            continue
        if not profile.has("assessment_results"):
            continue
        f = profile.figure("assessment_results")
        out.append(Basis(code, profile.name, f.value.get("text", ""), str(f.citation), f.note,
                         {k: float(v) for k, v in (f.value.get("points") or {}).items()},
                         [k for k in (f.value.get("deducted") or []) if k in dict(COLUMNS)]))
    return out


def _grouped(qs, agency_path: str) -> dict[int, int]:
    return {r["a"]: r["n"] for r in qs.order_by().annotate(a=F(agency_path)).values("a").annotate(n=Count("pk"))
            if r["a"] is not None}


def _late_clocks(model, today: dt.date, year_filter: Q, agency_path: str) -> tuple[dict[int, int], dict[int, int]]:
    """(met after the due day, still running past it) per agency, for clocks whose subject is a `model` row."""
    from clocks.models import MET, RUNNING, Clock

    ids = model.objects.filter(year_filter).values_list("pk", flat=True)
    clocks = Clock.objects.filter(subject_type=ContentType.objects.get_for_model(model),
                                  subject_id__in=[str(i) for i in ids]).annotate(stopped_on=TruncDate("stopped_at"))
    late = clocks.filter(status=MET, stopped_on__gt=F("due_on"))
    missing = clocks.filter(status=RUNNING, due_on__lt=today)
    agency_of = dict(model.objects.filter(pk__in=ids).values_list("pk", agency_path))

    def per(qs):
        out: dict[int, int] = {}
        for sid in qs.values_list("subject_id", flat=True):
            a = agency_of.get(int(sid))
            if a is not None:
                out[a] = out.get(a, 0) + 1
        return out

    return per(late), per(missing)


def results(*, year: int, today: dt.date, jurisdiction: str = "") -> Results:
    from clocks.models import MET, RUNNING
    from complaints.models import PARTLY, SUBSTANTIATED, Complaint, InterferenceLapse
    from filings.models import FINDING, Filing
    from letters.models import Letter
    from programme.models import Activity, FollowUp, RectificationTask, StatisticsReturn

    from .models import Agency, Document

    def scoped(qs, path: str):
        return qs.filter(**{f"{path}__jurisdiction": jurisdiction}) if jurisdiction else qs

    letters = scoped(Letter.objects.annotate(to=Coalesce("agency_id", "matter__agency_id")), "matter")
    counts: dict[str, dict[int, int]] = {
        "letters": _grouped(letters.filter(document__issued_on__year=year), "to"),
        "decisions": _grouped(letters.filter(decision_document__issued_on__year=year), "to"),
        "findings": _grouped(scoped(Activity.objects.filter(has_problems=True, held_on__year=year), "agency"),
                             "agency_id"),
        "filing_findings": _grouped(scoped(Filing.objects.filter(outcome=FINDING, reviewed_on__year=year), "agency"),
                                    "agency_id"),
        "complaints": _grouped(scoped(Complaint.objects.filter(outcome__in=[SUBSTANTIATED, PARTLY],
                                                               reviewed_on__year=year), "agency"), "agency_id"),
        "filings_late": _grouped(scoped(Filing.objects.filter(late=True, filed_on__year=year), "agency"), "agency_id"),
        "notified": _grouped(scoped(RectificationTask.objects.filter(notification__issued_on__year=year), "agency"),
                             "agency_id"),
        # 通报 第六条 整改落实不力 on the merits: the year the bureau so found on review of the written report. A
        # task reported late and then found not rectified counts here only (see rectify_overdue below)
        "rectify_ineffective": _grouped(scoped(RectificationTask.objects.filter(ineffective_on__year=year), "agency"),
                                        "agency_id"),
    }
    # 被通报 also when a letter's last measure was 予以通报 (004 意见书 第十条: 逾期不纠正的予以通报; the document
    # is issued in the letter's file, whose agency it names) — 通报 第六条 counts every time an agency is notified
    circulars = _grouped(scoped(Document.objects.filter(kind="circular", issued_on__year=year), "matter"),
                         "matter__agency_id")
    for a, n in circulars.items():
        counts["notified"][a] = counts["notified"].get(a, 0) + n
    # rectification clocks due in the year, met after the due day or still running past it. 通报 第六条 deducts
    # once for a rectification 整改落实不力 ("对被通报或整改落实不力的，予以扣减相应分值": one result of one
    # rectification, whether the report came late or the review found the problems not rectified): a task both
    # overdue and then found ineffective on review counts once, in the column of the finding that closed it —
    # rectify_ineffective — and not here
    not_found_ineffective = Q(ineffective_on__isnull=True) | Q(ineffective_on__gt=today)
    rectify: dict[int, int] = {}
    for qs, path, c in ((letters, "to", "rectify_clock"),
                        (scoped(RectificationTask.objects.filter(not_found_ineffective), "agency"), "agency_id",
                         "clock")):
        late = (qs.annotate(rs=TruncDate(f"{c}__stopped_at")).filter(**{f"{c}__due_on__year": year})
                .filter(Q(**{f"{c}__status": MET, "rs__gt": F(f"{c}__due_on")})
                        | Q(**{f"{c}__status": RUNNING, f"{c}__due_on__lt": today})))
        for a, n in _grouped(late, path).items():
            rectify[a] = rectify.get(a, 0) + n
    counts["rectify_overdue"] = rectify
    returns = Q(year__year=year - 1) & (Q(year__jurisdiction=jurisdiction) if jurisdiction else Q())
    counts["returns_late"], counts["returns_missing"] = _late_clocks(StatisticsReturn, today, returns, "agency_id")
    counts["interference_lapses"] = _grouped(
        scoped(InterferenceLapse.objects.filter(found_on__year=year), "agency"), "agency_id")
    counts["inspection_poor"] = _grouped(
        scoped(FollowUp.objects.exclude(outcome="on_time").filter(decided_on__year=year), "activity__agency"),
        "activity__agency_id")

    ids = {a for per in counts.values() for a in per}
    every = Agency.objects.filter(active=True)
    agencies = Agency.objects.filter(pk__in=ids) | (every.filter(jurisdiction=jurisdiction) if jurisdiction else every)
    rows = {}
    for a in agencies.order_by("jurisdiction", "name").only("name", "jurisdiction"):
        rows[a.pk] = AgencyResult(a.pk, a.name, a.jurisdiction, {k: per.get(a.pk, 0) for k, per in counts.items()})
    codes = sorted({r.jurisdiction for r in rows.values()} | ({jurisdiction} if jurisdiction else set()))
    bases = _bases(codes)
    by_code = {b.jurisdiction: b for b in bases}
    for row in rows.values():
        basis = by_code.get(row.jurisdiction)
        if basis is not None and basis.points:
            row.points = sum(basis.points.get(k, 0) * n for k, n in row.counts.items())
        if basis is not None and basis.deducted:
            row.deductions = sum(row.counts.get(k, 0) for k in basis.deducted)
    return Results(year, jurisdiction, today, list(rows.values()), bases)
