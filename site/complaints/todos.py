"""What a complaint leaves waiting outside its flow's tasks (我的待办 provider, flows.worklist.PROVIDERS): the
leader's approval of an extension when the 办结期限 is within the warning horizon or past and can still be
extended (004 行政执法投诉举报制度 第十条). The steps themselves (受理审核, 确定调查人员, 调查, 集体审定, 告知)
are the flow's tasks (complaints/flows.py) and reach 我的待办 from viewflow."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from roles.access import own_jurisdiction_only

from .models import ACCEPTED, REVIEWED, Complaint
from .services import DECIDE, HANDLE

PROCESS = "投诉举报办理"


def complaint_steps(user, *, today: dt.date) -> tuple:
    """Three sources counted, sorted and paged in SQL (issue 28: thousands wait at a province's size, the leader's
    list was built whole): the officers' 12345 replies, the leader's extensions to approve and appeals to answer.
    Each excludes the matters the person has recused themselves from, in SQL, as _without_recused does for lists."""
    sources = []
    if user.has_perm(HANDLE):
        sources.append(_hotline_source(user))
    if user.has_perm(DECIDE):
        sources += [_extension_source(user, today), _appeal_source(user)]
    return tuple(sources)


def _constant(text: str):
    from django.db.models import CharField, Value

    return Value(text, output_field=CharField())


def _respondent(supervisor_name, agency_name) -> str:
    """Complaint.respondent from values (no model row, no query per item)."""
    if supervisor_name is not None:
        return f"监督员 {supervisor_name}"
    return agency_name or ""


def _clock_fields(pks) -> dict:
    """{clock pk: the item fields (due, article, provisional)} of these clocks: one query."""
    from clocks.models import Clock
    from flows.worklist import clock_fields

    return {c.pk: clock_fields(c) for c in Clock.objects.filter(pk__in=[pk for pk in pks if pk is not None])}


# ------------------------------------------------------------------ the leader: extensions (第十条)
EXTENSION = "审批延长办理期限"


def last_near_day(today: dt.date, working_days: int) -> dt.date:
    """The last due date still within `working_days` working days of `today` (working_days_left is monotonic in
    the due date): a clock due on or before it is near, however long overdue."""
    from rules.calendar import WorkCalendar, working_days_left

    calendar = WorkCalendar.load()
    day = today
    while working_days_left(calendar, today, day + dt.timedelta(days=1)) <= working_days:
        day += dt.timedelta(days=1)
    return day


def _extension_source(user, today: dt.date):
    """Complaints accepted or reviewed whose running 办结期限 (the earliest, on the complaint's matter, else on the
    complaint) falls within SOON_WORKING_DAYS working days or is past, and whose extensions granted stay below the
    jurisdiction's cap (complaint_extension_max): found from the clocks due soon (index (status, due_on, id)),
    the cap compared in SQL with the profiles' figure.

    The cap is read the other way round: the near clocks whose extensions already reach it (rare: each extension
    is a leader's decision) that are the earliest of their subject, one set per cap hashed once in the plan — not
    a clock lookup and a sum of extensions for each near complaint (a province's ~700: 10 ms for the count and
    17 ms for the page at 100,000 matters, both on the workbench after every write)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import (
        Case,
        CharField,
        Exists,
        IntegerField,
        OuterRef,
        Q,
        Subquery,
        Sum,
        Value,
        When,
    )
    from django.db.models.functions import Cast, Coalesce

    from casework.models import Matter
    from clocks.models import RUNNING, Clock, ClockExtension
    from flows.worklist import SOON_WORKING_DAYS, FastUrls, Item, QuerySource, recused_matters
    from rules.periods import UNITS
    from rules.profiles import figure_by_profile, get_profile

    c_type, m_type = ContentType.objects.get_for_model(Complaint), ContentType.objects.get_for_model(Matter)
    finish = Clock.objects.filter(rule_key="complaint_finish_period", status=RUNNING)
    near = finish.filter(due_on__lte=last_near_day(today, SOON_WORKING_DAYS))
    as_int = Cast("subject_id", IntegerField())
    caps = {code: int(f.value["n"]) for code, f in figure_by_profile("complaint_extension_max").items()
            if f.kind == "period"}

    def of_subjects(clocks):  # the complaints whose 办结期限 subject (their matter, else themselves) has one of `clocks`
        return (Q(matter_id__in=clocks.filter(subject_type=m_type).values(worklist_n=as_int))
                | Q(matter__isnull=True, pk__in=clocks.filter(subject_type=c_type).values(worklist_n=as_int)))

    earlier = finish.filter(subject_type=OuterRef("subject_type"), subject_id=OuterRef("subject_id")).filter(
        Q(due_on__lt=OuterRef("due_on")) | Q(due_on=OuterRef("due_on"), pk__lt=OuterRef("pk")))
    clock = finish.filter(subject_type_id=OuterRef("worklist_ctype"), subject_id=OuterRef("worklist_subject")
                          ).order_by("due_on", "pk")
    waiting = (own_jurisdiction_only(Complaint.objects.filter(status__in=(ACCEPTED, REVIEWED)), user)
               .filter(of_subjects(near), jurisdiction__in=sorted(caps))
               .exclude(matter_id__in=recused_matters(user))
               .annotate(worklist_ctype=Case(When(matter__isnull=True, then=Value(c_type.pk)), default=Value(m_type.pk),
                                             output_field=IntegerField()),
                         worklist_subject=Cast(Coalesce("matter_id", "pk"), CharField())))
    for n in sorted(set(caps.values())):  # one set per cap (the jurisdictions' caps are mostly the same)
        at_cap = ClockExtension.objects.order_by().values("clock_id").annotate(total=Sum("n")).filter(total__gte=n)
        # a near clock is the earliest of its subject when none of the subject's running clocks comes before it;
        # the earliest of a near complaint's clocks is itself near, so the near clocks are the only ones to look at
        ended = near.filter(pk__in=at_cap.values("clock_id")).exclude(Exists(earlier))
        waiting = waiting.exclude(Q(jurisdiction__in=sorted(c for c, cap in caps.items() if cap == n))
                                  & of_subjects(ended))
    urls = FastUrls()

    def build(pks):
        rows = list(waiting.filter(pk__in=pks).annotate(worklist_clock=Subquery(clock.values("pk")[:1])).values(
            "pk", "receipt_number", "matter_id", "jurisdiction", "worklist_clock", "supervisor__name", "agency__name"))
        clocks = _clock_fields(r["worklist_clock"] for r in rows)
        out = {}
        for r in rows:
            cap = get_profile(r["jurisdiction"]).period("complaint_extension_max")
            cap_text = f"{cap.n}{UNITS.get(cap.unit, '')}（{cap.citation}）"
            out[r["pk"]] = Item(
                title=EXTENSION, subject=f"{r['receipt_number']} {_respondent(r['supervisor__name'], r['agency__name'])}",
                process=PROCESS, url=urls.fill("complaint", lambda p: reverse("complaints:detail", args=[p]), r["pk"]),
                key=f"complaint:{r['pk']}:extension", matter_id=r["matter_id"],
                note=f"情况复杂不能按期办结的，经负责人批准可延长，最多{cap_text}", **clocks.get(r["worklist_clock"], {}))
        return out

    return QuerySource(waiting, due=Subquery(clock.values("due_on")[:1]), title=_constant(EXTENSION),
                       order=("received_on", "pk"), build=build)


# ------------------------------------------------------------------ the leader: appeals (第十四条)
APPEAL = "对申诉作出处理决定并答复"


def _appeal_source(user):
    """申诉 waiting for the head's decision and answer (004 行政执法投诉举报制度 第十四条), due by the clock on
    each appeal (the profile's complaint_appeal_answer_period)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, OuterRef, Subquery
    from django.db.models.functions import Cast

    from clocks.models import Clock
    from flows.worklist import FastUrls, Item, QuerySource, recused_matters

    from .models import Appeal

    clock = Clock.objects.filter(subject_type=ContentType.objects.get_for_model(Appeal),
                                 rule_key="complaint_appeal_answer_period",
                                 subject_id=Cast(OuterRef("pk"), CharField())).order_by("due_on", "pk")
    appeals = (own_jurisdiction_only(Appeal.objects.filter(decided_on__isnull=True), user, "complaint__jurisdiction")
               .exclude(complaint__matter_id__in=recused_matters(user))
               .annotate(worklist_clock=Subquery(clock.values("pk")[:1])))
    urls = FastUrls()

    def build(pks):
        rows = list(appeals.filter(pk__in=pks).values(
            "pk", "complaint_id", "complaint__receipt_number", "complaint__matter_id", "worklist_clock",
            "complaint__supervisor__name", "complaint__agency__name"))
        clocks = _clock_fields(r["worklist_clock"] for r in rows)
        return {r["pk"]: Item(
            title=APPEAL, process=PROCESS,
            subject=f"{r['complaint__receipt_number']} "
                    f"{_respondent(r['complaint__supervisor__name'], r['complaint__agency__name'])}",
            url=urls.fill("complaint", lambda p: reverse("complaints:detail", args=[p]), r["complaint_id"]),
            key=f"complaint:{r['complaint_id']}:appeal:{r['pk']}", matter_id=r["complaint__matter_id"],
            note="有关单位及个人对调查处理决定不服的，可以向决定作出机关提出申诉",
            **clocks.get(r["worklist_clock"], {})) for r in rows}

    return QuerySource(appeals, due=Subquery(clock.values("due_on")[:1]), title=_constant(APPEAL),
                       order=("received_on", "pk"), build=build)


# ------------------------------------------------------------------ the officers: 12345 replies (003 第十条)
HOTLINE = "回复12345热线工单"


def _hotline_source(user):
    """12345 work orders whose complaint is settled and not yet answered back to the hotline (003 第十条): the
    officers' item, due on the day the hotline asked for where the order states one."""
    from django.db.models import F

    from flows.worklist import FastUrls, Item, QuerySource, recused_matters
    from rules.profiles import get_profile

    from .models import OPEN_STATUSES, HotlineOrder

    orders = (own_jurisdiction_only(HotlineOrder.objects.filter(replied_on__isnull=True), user)
              .exclude(complaint__status__in=OPEN_STATUSES)
              .exclude(complaint__matter_id__in=recused_matters(user)))
    urls = FastUrls()

    def build(pks):
        out = {}
        for r in orders.filter(pk__in=pks).values("pk", "jurisdiction", "order_number", "hotline_due_on",
                                                  "complaint__matter_id", "complaint__supervisor__name",
                                                  "complaint__agency__name"):
            rule = get_profile(r["jurisdiction"]).figure("hotline_orders")
            respondent = _respondent(r["complaint__supervisor__name"], r["complaint__agency__name"])
            out[r["pk"]] = Item(
                title=HOTLINE, subject=f"工单{r['order_number']} {respondent}", process="12345热线工单",
                url=urls.fill("hotline", lambda p: reverse("complaints:hotline_detail", args=[p]), r["pk"]),
                key=f"hotline:{r['pk']}:reply", matter_id=r["complaint__matter_id"], due=r["hotline_due_on"],
                article=str(rule.citation),
                note="热线要求办结日期" if r["hotline_due_on"] else f"办法未规定回复期限（{rule.citation}），办结后及时回复")
        return out

    return QuerySource(orders, due=F("hotline_due_on"), title=_constant(HOTLINE), order=("received_on", "pk"),
                       build=build)
