"""Demo content: for each supervisor jurisdiction with serving supervisors, a past meeting with
attendance recorded and an inspection ahead awaiting recusal declarations; one opinion forwarded to
an agency with its answer clock running. Creates nothing when no supervisor exists. Idempotent."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.loaders import loader
from rules.profiles import get_profile
from supervisors.models import SERVING, Supervisor

from .models import EXCUSED, PRESENT, Activity, Opinion
from .opinions import opinion_answer, opinion_forward, opinion_submit
from .services import activity_create, attendance_record, invitation_create

AGENCIES = {"wanzhou": "万州区市场监督管理局", "weihai": "威海市城市管理局", "wuhan": "武汉市交通运输局"}
PLACES = {
    "wanzhou": "万州区司法局四楼会议室",
    "weihai": "威海市司法局二楼会议室",
    "wuhan": "武汉市司法局一号会议室",
}


def _activities(code: str, officer, supervisors: list[Supervisor], today: dt.date) -> int:
    created = 0
    meeting_title = "行政执法监督员季度工作例会"
    meeting = Activity.objects.filter(jurisdiction=code, title=meeting_title).first()
    if meeting is None:
        meeting = activity_create(
            by=officer,
            jurisdiction=code,
            kind="meeting",
            title=meeting_title,
            held_on=today - dt.timedelta(days=20),
            place=PLACES[code],
            notes="通报本季度行政执法监督工作情况，听取监督员意见建议。",
        )
        outcomes = [(PRESENT, ""), (EXCUSED, "单位临时安排出差"), (PRESENT, "")]
        for supervisor, (status, reason) in zip(supervisors, outcomes, strict=False):
            invitation = invitation_create(activity=meeting, supervisor=supervisor, by=officer)
            attendance_record(invitation=invitation, status=status, by=officer, excuse_reason=reason)
        created += 1
    inspection_title = "城市管理领域行政执法专项检查" if code == "weihai" else "行政执法案卷专项评查"
    if not Activity.objects.filter(jurisdiction=code, title=inspection_title).exists():
        inspection = activity_create(
            by=officer,
            jurisdiction=code,
            kind="inspection" if code == "weihai" else "casefile_review",
            title=inspection_title,
            held_on=today + dt.timedelta(days=14),
            place=AGENCIES[code],
            agency=_agency(code),
            notes="请受邀监督员在活动前作回避声明。",
        )
        for supervisor in supervisors[:3]:
            invitation_create(activity=inspection, supervisor=supervisor, by=officer)
        created += 1
    created += _agency_hearing(code, supervisors, today) + _normative_review(code, officer, supervisors, today)
    return created


def _agency_hearing(code: str, supervisors: list[Supervisor], today: dt.date) -> int:
    """Where the rules let agencies invite supervisors (000 第九条第（四）项): a hearing the demo agency's liaison
    holds today, its attendance waiting in the liaison's 我的待办."""
    from roles.models import StaffProfile

    title = "关于某餐饮店食品安全行政处罚听证会"
    if not get_profile(code).has("agency_invitation_kinds") or Activity.objects.filter(title=title).exists():
        return 0
    profile = StaffProfile.objects.filter(agency=_agency(code)).select_related("user").first()
    if profile is None:
        return 0
    hearing = activity_create(by=profile.user, jurisdiction=code, kind="hearing", title=title, held_on=today,
                              place=f"{AGENCIES[code]}三楼听证室", case_ref="万市监罚〔2026〕88号")
    for supervisor in supervisors[:2]:
        invitation_create(activity=hearing, supervisor=supervisor, by=profile.user)
    return 1


def _normative_review(code: str, officer, supervisors: list[Supervisor], today: dt.date) -> int:
    """Wuhan's supervisors take part in reviewing filed normative documents (002 第十条第（一）项)."""
    title = "本季度备案规范性文件审查"
    if code != "wuhan" or Activity.objects.filter(jurisdiction=code, title=title).exists():
        return 0
    review = activity_create(by=officer, jurisdiction=code, kind="normative_review", title=title,
                             held_on=today + dt.timedelta(days=21), place=PLACES[code])
    for supervisor in supervisors[:2]:
        invitation_create(activity=review, supervisor=supervisor, by=officer)
    return 1


def _agency(code: str):
    """The demo agency of `code` from the register (casework/demo.py creates it with its liaison)."""
    from casework.models import Agency

    return Agency.objects.get(jurisdiction=code, name=AGENCIES[code])


def _opinion(officer, today: dt.date) -> str:
    # prefer a jurisdiction whose rules put the agency's answer on a clock (001 第十二条)
    codes = sorted(AGENCIES, key=lambda c: not get_profile(c).has("opinion_answer_period"))
    supervisor = next(
        (s for c in codes for s in Supervisor.objects.filter(jurisdiction=c, status=SERVING)), None
    )
    if supervisor is None:
        return "无在聘监督员，未创建意见建议"
    title = "关于规范执法检查中出示执法证件的建议"
    if Opinion.objects.filter(title=title).exists():
        return "意见建议已存在"
    agency = _agency(supervisor.jurisdiction)  # its liaison comes from the register (casework demo)
    # entered from the supervisor's written submission (the demo roster may have no login accounts)
    opinion = Opinion(
        jurisdiction=supervisor.jurisdiction,
        supervisor=supervisor,
        kind="opinion",
        agency=agency,
        title=title,
        body="在参加执法检查时发现，部分执法人员开展检查前未主动出示执法证件，"
        "建议该机关组织专题培训，并在执法记录仪中完整记录亮证环节。",
        confidential=get_profile(supervisor.jurisdiction).flag("lead_confidentiality"),
    )
    opinion.full_clean()
    opinion.save()
    _, clock = opinion_forward(
        opinion=opinion,
        by=officer,
        forwarded_on=today - dt.timedelta(days=6),
        note="请按规定期限研究办理并反馈。",
    )
    return f"已转送{agency}" + (f"，反馈届满日 {clock.due_on:%Y-%m-%d}（{clock.citation}）" if clock else "")


def _rectifying_opinion(officer, today: dt.date) -> str:
    """A Wanzhou opinion the agency answered with a rectification deadline: its report of adoption and rectification
    (000 第十六条第三款) waits in the liaison's 我的待办."""
    supervisor = Supervisor.objects.filter(jurisdiction="wanzhou", status=SERVING).order_by("pk").first()
    title = "关于办事大厅收费项目公示不全的意见"
    if supervisor is None or Opinion.objects.filter(title=title).exists():
        return ""
    agency = _agency("wanzhou")
    liaison = get_user_model().objects.filter(staff_profile__agency=agency, is_active=True).order_by("pk").first()
    if liaison is None:
        return ""
    opinion = Opinion(jurisdiction="wanzhou", supervisor=supervisor, kind="opinion", agency=agency, title=title,
                      body="办事大厅收费公示栏缺少部分收费项目和标准，建议全部公示并标明依据。")
    opinion.full_clean()
    opinion.save()
    opinion_forward(opinion=opinion, by=officer, forwarded_on=today - dt.timedelta(days=10), note="请研究办理。")
    opinion_answer(opinion=opinion, by=liaison, answer="公示栏需重新制作，已列入整改计划。",
                   rectify_by=today + dt.timedelta(days=20))
    return f"；{agency}明确整改期限，待报送整改情况"


def _own_opinion() -> str:
    """The demo supervisor login's own submission, waiting for the bureau to forward it."""
    supervisor = Supervisor.objects.filter(user__username="supervisor", status=SERVING).first()
    title = "关于规范涉企行政检查频次的建议"
    if supervisor is None or Opinion.objects.filter(title=title).exists():
        return ""
    opinion_submit(
        by=supervisor.user,
        kind="opinion",
        agency=_agency(supervisor.jurisdiction),
        title=title,
        body="部分企业反映同一季度内被多个科室重复检查，建议推行“综合查一次”，统筹制定年度检查计划。",
    )
    return f"；{supervisor.name}提交意见建议 1 条（待转送）"


@loader("监督活动与意见建议", stage=30)
def load_activities() -> str:
    officer = get_user_model().objects.filter(username="officer").first()
    if officer is None:
        return "无经办人账号，跳过"
    today = timezone.localdate()
    created = 0
    for code in AGENCIES:
        supervisors = list(Supervisor.objects.filter(jurisdiction=code, status=SERVING).order_by("pk")[:3])
        if supervisors:
            created += _activities(code, officer, supervisors, today)
    return (f"新建监督活动 {created} 项；{_opinion(officer, today)}{_own_opinion()}"
            f"{_rectifying_opinion(officer, today)}")
