"""Demo coordinations in Wulong, one per state: awaiting examination, awaiting a supplement, being
coordinated (with a pause and an approved extension), opinion issued (PDF), proposal to the government,
and done with a refusing agency sent to the letter process. Idempotent (by matter title)."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from viewflow.workflow.status import STATUS

from casework.models import Agency, Matter
from demo.loaders import loader

from . import services

J = "wulong"


def do_task(dispute, node: str, user, action):
    """Complete the open `node` task of the dispute's process as `user` (the task screen's path)."""
    from coordination.flows import CoordinationFlow
    from flows.services import process_for, task_perform

    process = process_for(dispute, CoordinationFlow)
    task = process.task_set.filter(flow_task=getattr(CoordinationFlow, node),
                                   status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED]).first()
    return task_perform(task=task, user=user, action=action)


def _apply(title, applicant, party, liaison, category="duties"):
    return services.dispute_apply(by=liaison, applicant=applicant, parties=[party], category=category, title=title,
                                  facts=f"{applicant.name}与{party.name}就{title}存在分歧，均认为对方负有查处职责。",
                                  negotiation="两机关已于上月召开协商会，未能达成一致。",
                                  proposal_text="建议依据部门权责清单确定牵头机关。")


def _accept(dispute, officer):
    do_task(dispute, "examine", officer,
            lambda: services.dispute_examine(dispute=dispute, by=officer, decision="accept", note="材料齐备。"))


@loader("争议协调（各办理阶段）", stage=60)
def load_coordination() -> str:
    User = get_user_model()
    officer, leader = User.objects.get(username="officer"), User.objects.get(username="leader")
    scm, cg, jt, wl = (Agency.objects.get(jurisdiction=J, name=n) for n in (
        "武隆区市场监督管理局", "武隆区城市管理局", "武隆区交通运输局", "武隆区文化和旅游发展委员会"))
    liaison_scm = User.objects.get(username="liaison_wl")
    liaison_jt = User.objects.get(username="liaison_wl_jt")
    liaison_wl = User.objects.get(username="liaison_wl_wl")
    today = timezone.localdate()
    made = 0

    def fresh(title):
        return not Matter.objects.filter(process="coordination", title=title).exists()

    if fresh("景区临时摊点监管职责争议"):  # awaiting examination
        _apply("景区临时摊点监管职责争议", wl, scm, liaison_wl)
        made += 1
    if fresh("超限运输车辆扣押移送争议"):  # supplement requested
        d = _apply("超限运输车辆扣押移送争议", jt, cg, liaison_jt, category="transfer")
        do_task(d, "examine", officer, lambda: services.dispute_examine(
            dispute=d, by=officer, decision="supplement", note="请补充机构编制事项文件及职责运行情况（第十一条第（三）项）。"))
        made += 1
    if fresh("占道经营监管职责争议"):  # being coordinated: pause and extension
        d = _apply("占道经营监管职责争议", scm, cg, liaison_scm)
        _accept(d, officer)
        services.dispute_pause(dispute=d, by=officer, start=today, reason="就执法依据向市市场监管局请示")
        services.dispute_extend(dispute=d, by=leader, n=5, reason="需征求区委编办意见")
        made += 1
    if fresh("户外广告设置审批后监管争议"):  # opinion issued
        d = _apply("户外广告设置审批后监管争议", cg, scm, User.objects.get(username="liaison_wl_cg"), category="basis")
        _accept(d, officer)
        services.answer_record(dispute=d, by=officer, agency=scm, received_on=today, text="认为应由城市管理部门负责。")
        result = "户外广告设施的日常巡查和违法设置查处由城市管理部门负责，市场监管部门负责广告内容监管。"
        do_task(d, "coordinate", officer, lambda: services.dispute_conclude(dispute=d, by=officer, agreed=True,
                                                                           result=result))
        do_task(d, "opinion", leader, lambda: services.dispute_opinion(dispute=d, by=leader, consent_on=today,
                                                                      result=result))
        made += 1
    if fresh("联合执法牵头机关争议"):  # no agreement: proposal to the government
        d = _apply("联合执法牵头机关争议", jt, wl, liaison_jt, category="joint")
        _accept(d, officer)
        do_task(d, "coordinate", officer, lambda: services.dispute_conclude(
            dispute=d, by=officer, agreed=False, result="倾向于由交通运输部门牵头，文化旅游部门配合。"))
        made += 1
    if fresh("旅游客运车辆违法案件移送争议"):  # done: one agency refused, a letter matter opened
        d = _apply("旅游客运车辆违法案件移送争议", wl, jt, liaison_wl, category="transfer")
        _accept(d, officer)
        result = "涉及旅游客运车辆的运输违法案件由交通运输部门查处，文化旅游部门移送线索。"
        do_task(d, "coordinate", officer, lambda: services.dispute_conclude(dispute=d, by=officer, agreed=True,
                                                                           result=result))
        do_task(d, "opinion", leader, lambda: services.dispute_opinion(dispute=d, by=leader, consent_on=today,
                                                                      result=result))
        do_task(d, "execution", officer, lambda: services.dispute_execution(
            dispute=d, by=officer, refusing=[jt], note="交通运输局拒绝接收移送线索。"))
        made += 1
    if fresh("执法大队内部科室职责争议"):  # refused (第八条第（二）项)
        d = _apply("执法大队内部科室职责争议", scm, jt, liaison_scm)
        do_task(d, "examine", officer, lambda: services.dispute_examine(
            dispute=d, by=officer, decision="refuse", ground="internal", note="争议实为本机关内部科室之间的分工问题。"))
        made += 1
    if fresh("渣土运输车辆监管职责争议"):  # agreed, awaiting the government's consent
        d = _apply("渣土运输车辆监管职责争议", cg, jt, User.objects.get(username="liaison_wl_cg"))
        _accept(d, officer)
        do_task(d, "coordinate", officer, lambda: services.dispute_conclude(
            dispute=d, by=officer, agreed=True, result="渣土运输车辆道路运输违法由交通运输部门查处，抛洒滴漏由城市管理部门查处。"))
        made += 1
    return f"新增争议协调事项 {made} 件"
