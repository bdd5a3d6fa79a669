"""The bureau's daily management of its supervisors beyond appointment and dismissal (issue 24 items 11, 13):

- the yearly evaluation (000 第十三条第（五）项, 第七条第二款; 002 第四条第（六）项): the year's attendance,
  opinions, leads and research reports counted, and the leader's grade — the basis for adjustment during
  the term (a dismissal proposal may rest on it);
- commendation (001 第十七条; 002 第四条第（六）项) published as a 监督员表彰通报;
- prior consent for an activity in the supervisor's name or a media interview (000 第十一条第（四）（五）项,
  002 第十一条第（五）项): the supervisor asks, the leader decides;
- misconduct found in a report about a supervisor, referred to the competent department (000 第十七条) — through
  the one referral door, referrals.services.refer (source 对监督员的举报); its screen is here;
- commissioned research (000 第八条第（二）项, 001 第八条第（五）项) with its due date and report.

Each is on where the jurisdiction's profile has it (`feature`); elsewhere it is refused with the profile's
note ("办法未规定 …"). Each decision is one service: it locks, checks the actor, writes its DecisionRecord."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from decisions.services import decision_record
from rules.profiles import get_profile

from .models import (
    SERVING,
    ConsentRequest,
    Evaluation,
    ResearchAssignment,
    Supervisor,
)
from .services import require

PERM_GRADE = "supervisors.grade_evaluation"
PERM_COMMEND = "supervisors.publish_commendation"
PERM_REQUEST = "supervisors.request_consent"
PERM_CONSENT = "supervisors.decide_consent"
PERM_ASSIGN = "supervisors.assign_research"
# what the bureau may give a supervisor: kind -> (profile flag, label, what is refused where the rules are silent)
ASSIGNMENTS = {"research": ("commissioned_research", "专题调研", "委托监督员专题调研"),
               "assigned": ("assigned_matters", "交办事项", "交办监督员其他行政执法监督事项")}
PERM_REPORT = "supervisors.submit_research"

FEATURES = [  # (figure key, what it is) — the profile says per jurisdiction which are on
    ("evaluation_grades", "年度履职评价"),
    ("commendation", "通报表彰"),
    ("consent_activity_in_name", "以监督员名义参加社会活动的事前同意"),
    ("consent_media_interview", "接受新闻媒体采访的事前同意"),
    ("misconduct_referral", "违法违纪行为移送相关部门"),
    ("commissioned_research", "受委托专题调研"),
    ("assigned_matters", "交办的其他行政执法监督事项"),
    ("activity_support", "参加活动的交通、误餐、保险保障"),
]


def feature(jurisdiction: str, key: str) -> bool:
    """Is `key` provided by this jurisdiction's rules? (a choices figure with items, or a flag on)"""
    profile = get_profile(jurisdiction)
    if not profile.has(key):
        return False
    f = profile.figure(key)
    return bool(f.value.get("items")) if f.kind == "choices" else profile.flag(key)


def refuse_unless(jurisdiction: str, key: str, what: str) -> None:
    if not feature(jurisdiction, key):
        profile = get_profile(jurisdiction)
        detail = ""
        if profile.has(key):
            f = profile.figure(key)
            detail = f"（{f.citation}：{f.note}）" if f.note else f"（{f.citation}）"
        raise ValidationError(f"{profile.name}的办法未规定{what}，不能办理{detail}。")


def feature_rows(jurisdiction: str) -> list[dict]:
    """For the screens: each feature, on or off, with its article and the profile's note."""
    profile = get_profile(jurisdiction)
    rows = []
    for key, label in FEATURES:
        if not profile.has(key):
            rows.append({"key": key, "label": label, "on": False, "citation": "", "note": "办法未规定"})
            continue
        f = profile.figure(key)
        rows.append({"key": key, "label": label, "on": feature(jurisdiction, key), "citation": str(f.citation),
                     "note": f.note})
    return rows


# ------------------------------------------------------------------ yearly evaluation
@dataclass
class YearRecord:
    """What the supervisors app recorded about one supervisor in one year."""

    invited: int = 0
    present: int = 0
    excused: int = 0
    unexcused: int = 0
    recused: int = 0
    opinions: int = 0
    leads: int = 0
    reports: int = 0

    @property
    def attendance_rate(self) -> str:
        due = self.present + self.excused + self.unexcused
        return f"{round(100 * self.present / due)}%" if due else "—"


def year_record(supervisor: Supervisor, year: int) -> YearRecord:
    from activities.models import EXCUSED, LEAD, OPINION, PRESENT, RECUSED, UNEXCUSED

    rec = YearRecord()
    for status in supervisor.invitations.filter(activity__held_on__year=year).values_list("status", flat=True):
        rec.invited += 1
        rec.present += status == PRESENT
        rec.excused += status == EXCUSED
        rec.unexcused += status == UNEXCUSED
        rec.recused += status == RECUSED
    for kind in supervisor.opinions.filter(submitted_at__year=year).values_list("kind", flat=True):
        rec.opinions += kind == OPINION
        rec.leads += kind == LEAD
    rec.reports = supervisor.research.filter(submitted_on__year=year).count()
    return rec


def grades(jurisdiction: str) -> list[dict]:
    return get_profile(jurisdiction).choices("evaluation_grades") if feature(jurisdiction, "evaluation_grades") \
        else []


def evaluable(jurisdiction: str, year: int):
    """Supervisors whose term overlapped `year` (every one the bureau must evaluate for that year)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (Supervisor.objects.filter(jurisdiction=jurisdiction, terms__start__lte=end, terms__end__gte=start)
            .distinct().order_by("name"))


@transaction.atomic
def evaluation_grade(*, supervisor: Supervisor, year: int, grade: str, note: str, by) -> Evaluation:
    """The leader grades one supervisor's year; the counts are kept as they stood that day."""
    require(by, PERM_GRADE, "评定监督员年度履职评价", jurisdiction=supervisor.jurisdiction)
    supervisor = Supervisor.objects.select_for_update().get(pk=supervisor.pk)
    refuse_unless(supervisor.jurisdiction, "evaluation_grades", "对监督员履职情况的评价")
    today = timezone.localdate()
    if year > today.year:
        raise ValidationError(f"{year}年度尚未开始，不能评价。")
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not supervisor.terms.filter(start__lte=end, end__gte=start).exists():
        raise ValidationError(f"{supervisor.name}在{year}年度不在聘任期内，无需评价。")
    choices = {g["code"]: g for g in grades(supervisor.jurisdiction)}
    if grade not in choices:
        raise ValidationError("请选择本辖区规则配置中的评价等次。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写评价意见。")
    if Evaluation.objects.filter(supervisor=supervisor, year=year).exists():
        raise ValidationError(f"{supervisor.name}的{year}年度履职评价已评定，不能重复评定。")
    rec, g = year_record(supervisor, year), choices[grade]
    profile = get_profile(supervisor.jurisdiction)
    article = str(g["citation"])
    evaluation = Evaluation(
        supervisor=supervisor, jurisdiction=supervisor.jurisdiction, year=year, invited=rec.invited,
        present=rec.present, excused=rec.excused, unexcused=rec.unexcused, opinions=rec.opinions, leads=rec.leads,
        reports=rec.reports, grade=grade, grade_label=g["label"], article=article[:100], note=note,
        decided_by=by, decided_on=today)
    evaluation.full_clean(exclude=["decision"])
    evaluation.save()
    adjust = ""
    if g.get("effect") == "adjust" and profile.flag("evaluation_adjustment"):
        adjust = f"\n可据此在聘任期内作出调整（{profile.figure('evaluation_adjustment').citation}）。"
    evaluation.decision = decision_record(
        kind="evaluation", title=f"{supervisor.name}{year}年度履职评价", outcome=g["label"], article=article,
        body=(f"受邀活动{rec.invited}次，出席{rec.present}次，请假{rec.excused}次，无故缺席{rec.unexcused}次；"
              f"意见建议{rec.opinions}件，违法线索{rec.leads}件，调研报告{rec.reports}篇。\n评价意见：{note}{adjust}"),
        jurisdiction=supervisor.jurisdiction, decided_on=today, subject=evaluation, party_user=supervisor.user)
    evaluation.save(update_fields=["decision"])
    return evaluation


def adjustment_ground(evaluation: Evaluation) -> bool:
    """May a dismissal proposal rest on this evaluation? (its grade's effect is 'adjust' and the profile says so)"""
    profile = get_profile(evaluation.jurisdiction)
    effects = {g["code"]: g.get("effect") for g in profile.choices("evaluation_grades")}
    return effects.get(evaluation.grade) == "adjust" and profile.flag("evaluation_adjustment")


def evaluation_statement(evaluation: Evaluation) -> str:
    profile = get_profile(evaluation.jurisdiction)
    return (f"{evaluation.year}年度履职评价为“{evaluation.grade_label}”（{evaluation.article}）："
            f"{evaluation.note}。依{profile.figure('evaluation_adjustment').citation}，据此提出调整。")


# ------------------------------------------------------------------ commendation
@transaction.atomic
def commendation_publish(*, jurisdiction: str, year: int, supervisors: list[Supervisor], deeds: str, by):
    """通报表彰: a notice naming the supervisors (name and workplace only) and a decision record for each."""
    from public_notices.kinds import COMMENDATION
    from public_notices.services import notice_publish

    require(by, PERM_COMMEND, "发布监督员表彰通报", jurisdiction=jurisdiction)
    refuse_unless(jurisdiction, "commendation", "通报表彰监督员")
    people = list(Supervisor.objects.select_for_update().filter(pk__in=[s.pk for s in supervisors])
                  .order_by("name"))
    if not people:
        raise ValidationError("请选择受表彰的监督员。")
    if any(s.jurisdiction != jurisdiction for s in people):
        raise ValidationError("只能表彰本辖区的监督员。")
    deeds = (deeds or "").strip()
    if not deeds:
        raise ValidationError("请填写积极履职、成绩突出的事迹。")
    today, profile = timezone.localdate(), get_profile(jurisdiction)
    if year > today.year:
        raise ValidationError(f"{year}年度尚未开始，不能表彰。")
    cite = profile.figure("commendation").citation
    title_word = profile.text("supervisor_title")
    names = "、".join(f"{s.name}（{s.workplace}）" for s in people)
    body = "".join(f"<p>{p}</p>" for p in (
        f"{year}年度，{names}等{len(people)}名{title_word}积极履职、成绩突出。",
        deeds, f"根据{cite}，经{profile.authority}研究，决定对上述同志予以通报表彰。"))
    page = notice_publish(kind=COMMENDATION, jurisdiction=jurisdiction, title=f"关于通报表彰{year}年度优秀{title_word}的通报",
                          body=body, issuer=profile.authority, written_on=today, by=by,
                          commendation_year=year, commended_names=names)
    for s in people:
        decision_record(kind="commendation", title=f"通报表彰{s.name}（{year}年度）", outcome="通报表彰",
                        article=str(cite), body=deeds, jurisdiction=jurisdiction, decided_on=today, subject=page,
                        party_user=s.user)
    return page


# ------------------------------------------------------------------ prior consent
@transaction.atomic
def consent_request(*, supervisor: Supervisor, kind: str, title: str, details: str, planned_on: dt.date, by
                    ) -> ConsentRequest:
    require(by, PERM_REQUEST, "申请事前同意", jurisdiction=supervisor.jurisdiction)
    supervisor = Supervisor.objects.select_for_update().get(pk=supervisor.pk)
    if supervisor.user_id != by.pk:
        raise ValidationError("只能以本人名义申请。")
    if kind not in ConsentRequest.FIGURE:
        raise ValidationError("请选择申请事项。")
    key = ConsentRequest.FIGURE[kind]
    refuse_unless(supervisor.jurisdiction, key, dict(ConsentRequest.KINDS)[kind] + "须经同意")
    if supervisor.status != SERVING:
        raise ValidationError("您不在聘任期内，无需申请。")
    today = timezone.localdate()
    if planned_on is None or planned_on < today:
        raise ValidationError("须在参加之前提出申请：拟参加日期不能早于今天。")
    title, details = (title or "").strip(), (details or "").strip()
    if not title or not details:
        raise ValidationError("请填写活动或采访名称，以及主办方、内容和方式。")
    article = str(get_profile(supervisor.jurisdiction).figure(key).citation)
    req = ConsentRequest(supervisor=supervisor, jurisdiction=supervisor.jurisdiction, kind=kind, title=title[:200],
                         details=details, planned_on=planned_on, article=article[:100], requested_on=today)
    req.full_clean(exclude=["decision"])
    req.save()
    return req


@transaction.atomic
def consent_decide(*, request: ConsentRequest, approve: bool, note: str, by) -> ConsentRequest:
    require(by, PERM_CONSENT, "决定是否同意", jurisdiction=request.supervisor.jurisdiction)
    req = ConsentRequest.objects.select_for_update().select_related("supervisor").get(pk=request.pk)
    if req.status != ConsentRequest.PENDING:
        raise ValidationError("该申请已经作出决定。")
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError("不同意的，请写明理由。")
    today = timezone.localdate()
    req.status = ConsentRequest.APPROVED if approve else ConsentRequest.REFUSED
    req.decided_by, req.decided_on, req.decision_note = by, today, note
    outcome = "同意" if approve else "不同意"
    req.decision = decision_record(
        kind="consent", title=f"{req.supervisor.name}{req.get_kind_display()}：{req.title}", outcome=outcome,
        article=req.article, body=f"拟参加日期：{req.planned_on:%Y-%m-%d}。{req.details}"
                                  + (f"\n决定意见：{note}" if note else ""),
        jurisdiction=req.jurisdiction, decided_on=today, subject=req, party_user=req.supervisor.user)
    req.save()
    return req


# ------------------------------------------------------------------ commissioned research
def assignment_kinds(jurisdiction: str) -> list[tuple[str, str]]:
    """(kind, label with article) the jurisdiction's rules let the bureau give a supervisor: commissioned
    research, and 交办的其他行政执法监督事项 (000 第八条第（七）项, 001 第八条第（六）项)."""
    profile = get_profile(jurisdiction)
    return [(kind, f"{label}（{profile.figure(key).citation}）") for kind, (key, label, _what) in ASSIGNMENTS.items()
            if feature(jurisdiction, key)]


@transaction.atomic
def research_assign(*, supervisor: Supervisor, topic: str, brief: str, due_on: dt.date, by,
                    kind: str = "research") -> ResearchAssignment:
    if kind not in ASSIGNMENTS:
        raise ValidationError("请选择委托或交办的类别。")
    key, label, what = ASSIGNMENTS[kind]
    require(by, PERM_ASSIGN, "委托专题调研", jurisdiction=supervisor.jurisdiction)
    supervisor = Supervisor.objects.select_for_update().get(pk=supervisor.pk)
    refuse_unless(supervisor.jurisdiction, key, what)
    if supervisor.status != SERVING:
        raise ValidationError(f"{supervisor.name}不在聘任期内，不能{'委托调研' if kind == 'research' else '交办事项'}。")
    today = timezone.localdate()
    if due_on is None or due_on <= today:
        raise ValidationError("报告提交期限须晚于今天。")
    topic, brief = (topic or "").strip(), (brief or "").strip()
    if not topic or not brief:
        raise ValidationError("请填写调研题目和调研要求。" if kind == "research" else "请填写交办事项和办理要求。")
    figure = get_profile(supervisor.jurisdiction).figure(key)
    item = ResearchAssignment(supervisor=supervisor, jurisdiction=supervisor.jurisdiction, kind=kind, topic=topic[:200],
                              brief=brief, article=str(figure.citation)[:100], assigned_on=today, due_on=due_on,
                              assigned_by=by)
    item.full_clean(exclude=["decision"])
    item.save()
    item.decision = decision_record(
        kind="research", title=f"{'委托' if kind == 'research' else '交办'}{supervisor.name}{label}：{topic}",
        outcome=f"{due_on:%Y-%m-%d}前提交报告",
        article=str(figure.citation), body=brief, jurisdiction=supervisor.jurisdiction, decided_on=today,
        subject=item, party_user=supervisor.user)
    item.save(update_fields=["decision"])
    return item


@transaction.atomic
def research_report(*, assignment: ResearchAssignment, report: str, by) -> ResearchAssignment:
    require(by, PERM_REPORT, "提交调研报告", jurisdiction=assignment.supervisor.jurisdiction)
    item = ResearchAssignment.objects.select_for_update().select_related("supervisor").get(pk=assignment.pk)
    if item.supervisor.user_id != by.pk:
        raise ValidationError(f"只能提交委托、交办给本人的{item.report_name}。")
    if item.submitted_on:
        raise ValidationError(f"该{item.report_name}已经提交。")
    report = (report or "").strip()
    if not report:
        raise ValidationError(f"请填写{item.report_name}。")
    item.report, item.submitted_on = report, timezone.localdate()
    item.save(update_fields=["report", "submitted_on"])
    return item
