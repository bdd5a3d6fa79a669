"""Demo accountability cases in Wulong: awaiting the competence check, awaiting the decision, an appeal
awaiting review, and a closed wrong case; two enforcement officers with accounts (password
demo-officer-2026) see their own decisions under 我的责任追究. Idempotent (by matter title)."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from viewflow.workflow.status import STATUS

from casework.models import Agency, Matter
from demo.loaders import loader
from roles.definitions import LIAISON
from roles.models import StaffProfile

from . import services

PERSONS = [("zf_zhang", "张明"), ("zf_wang", "王磊")]


def do_task(case, node: str, user, action):
    from accountability.flows import AccountabilityFlow
    from flows.services import process_for, task_perform

    process = process_for(case, AccountabilityFlow)
    task = process.task_set.filter(flow_task=getattr(AccountabilityFlow, node),
                                   status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED]).first()
    return task_perform(task=task, user=user, action=action)


def _people(agency):
    User = get_user_model()
    out = []
    for username, name in PERSONS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password="demo-officer-2026", is_staff=True,
                                            first_name=name)
            user.groups.add(Group.objects.get(name=LIAISON))  # agency staff account
            StaffProfile.objects.get_or_create(user=user, defaults={"jurisdiction": "wulong", "agency": agency})
        out.append(user)
    return out


def _through_decision(case, officer, leader, persons):
    do_task(case, "screen", officer, lambda: services.case_screen(case=case, by=officer, competent=True))
    do_task(case, "investigate", officer, lambda: services.case_investigate(
        case=case, by=officer, team="刘洋、陈静", findings="未依法告知陈述申辩权利，主要证据不足。", persons=persons))


@loader("责任追究（各办理阶段）", stage=61)
def load_accountability() -> str:
    User = get_user_model()
    officer, leader = User.objects.get(username="officer"), User.objects.get(username="leader")
    agency = Agency.objects.get(jurisdiction="wulong", name="武隆区市场监督管理局")
    zhang, wang = _people(agency)
    made = 0

    def fresh(title):
        return not Matter.objects.filter(process="accountability", title=title).exists()

    if fresh("群众举报执法人员酒后执法"):
        services.case_intake(by=officer, agency=agency, kind="fault", origin="complaint", grounds=["rude"],
                             title="群众举报执法人员酒后执法", facts="举报人称执法人员酒后参与检查。")
        made += 1
    if fresh("外区执法人员过错线索"):  # not ours: transferred
        case = services.case_intake(by=officer, agency=agency, kind="fault", origin="letter", grounds=["procedure"],
                                    title="外区执法人员过错线索", facts="线索涉及外区执法人员。")
        do_task(case, "screen", officer, lambda: services.case_screen(case=case, by=officer, competent=False,
                                                                     transferred_to="重庆市彭水县司法局"))
        made += 1
    if fresh("某餐饮店行政处罚超越职权"):
        case = services.case_intake(by=officer, agency=agency, kind="fault", origin="inspection", grounds=["abuse"],
                                    title="某餐饮店行政处罚超越职权", facts="监督检查发现处罚超越法定职权。")
        _through_decision(case, officer, leader, [
            {"name": "张明", "username": "zf_zhang", "position": "主办人员", "share": "main"},
            {"name": "王磊", "username": "zf_wang", "position": "协办人员", "share": "secondary"}])
        made += 1
    if fresh("某食品经营户行政处罚案执法过错"):
        case = services.case_intake(by=officer, agency=agency, kind="fault", origin="court",
                                    grounds=["procedure", "facts"], title="某食品经营户行政处罚案执法过错",
                                    facts="行政处罚决定被人民法院判决撤销。")
        _through_decision(case, officer, leader, [
            {"name": "张明", "username": "zf_zhang", "position": "主办人员", "share": "main"},
            {"name": "王磊", "username": "zf_wang", "position": "协办人员", "share": "secondary"}])
        persons = list(case.persons.filter(active=True))
        do_task(case, "decide", leader, lambda: services.case_decide(
            case=case, by=leader, discussion="局务会，局长、分管副局长、法制科科长参加，一致同意",
            decisions={persons[0].pk: {"sanctions": ["correct", "criticism"], "culpability": "gross", "harm": "rights"},
                       persons[1].pk: {"sanctions": ["correct", "pay"], "mitigating": ["self_corrected"],
                                       "culpability": "gross", "harm": "rights"}}))
        do_task(case, "hearing", officer, lambda: services.case_hearing(case=case, by=officer, hearings={
            persons[0].pk: {"statement": "认可处理决定。"},
            persons[1].pk: {"statement": "本人按主办人员指示记录，且已主动纠正。", "appealed": True}}))
        made += 1
    if fresh("某拆除决定被复议撤销错案"):
        case = services.case_intake(by=officer, agency=agency, kind="wrong_case", origin="other",
                                    wrong_ground="reconsideration", title="某拆除决定被复议撤销错案",
                                    facts="行政复议决定撤销该拆除决定。")
        _through_decision(case, officer, leader, [
            {"name": "赵刚", "username": "", "position": "副局长（决策人）", "share": "decider_main"},
            {"name": "孙丽", "username": "", "position": "法制员", "share": "dissent_exempt"}])
        persons = list(case.persons.filter(active=True))
        do_task(case, "decide", leader, lambda: services.case_decide(
            case=case, by=leader, discussion="局务会，局长、分管副局长参加",
            decisions={persons[0].pk: {"sanctions": ["written_review", "criticism"]},
                       persons[1].pk: {"exemption": "other"}}))
        do_task(case, "hearing", officer, lambda: services.case_hearing(case=case, by=officer, hearings={}))
        do_task(case, "review", leader, lambda: services.case_review(case=case, by=leader, reinvestigate=False))
        made += 1
    if fresh("某建材店行政处罚案赔偿追偿"):  # 过错 第十一条第（六）项: compensation paid, recovery decided, one instalment
        from referrals import services as recover

        case = services.case_intake(by=officer, agency=agency, kind="fault", origin="court", grounds=["facts"],
                                    title="某建材店行政处罚案赔偿追偿", facts="处罚决定被判决撤销，本机关已支付行政赔偿金。")
        _through_decision(case, officer, leader, [
            {"name": "张明", "username": "zf_zhang", "position": "主办人员", "share": "main"}])
        person = case.persons.get(active=True)
        do_task(case, "decide", leader, lambda: services.case_decide(
            case=case, by=leader, discussion="局务会，局长、分管副局长参加",
            decisions={person.pk: {"sanctions": ["correct", "compensation"], "culpability": "gross",
                                   "harm": "rights"}}))
        today = timezone.localdate()
        recovery = recover.recovery_decide(case=case, by=leader, compensation="12000", paid_on=today,
                                           basis="主办人员重大过失认定事实错误，导致行政赔偿。", shares={person.pk: "6000"})
        recover.recovery_collect(recovery=recovery, by=officer, person=person.pk, amount="2000", paid_on=today,
                                 receipt="演示缴款凭证0001")
        made += 1
    if fresh("某副食品店行政处罚案执法过错"):  # 过错 第五条: the agency's legal unit runs it and decides the recovery
        from referrals import services as recover

        unit = User.objects.get(username="liaison_wl")  # the market regulator's liaison = its legal unit
        case = services.case_intake(by=unit, kind="fault", origin="court", grounds=["facts"],
                                    title="某副食品店行政处罚案执法过错",
                                    facts="本局对某副食品店作出的行政处罚决定被人民法院判决撤销，本局已依法支付行政赔偿金。")
        do_task(case, "screen", unit, lambda: services.case_screen(case=case, by=unit, competent=True))
        do_task(case, "investigate", unit, lambda: services.case_investigate(
            case=case, by=unit, team="法规科黄敏、李强", findings="主办人员未核实进货票据即认定违法所得，导致处罚决定被撤销。",
            persons=[{"name": "王磊", "username": "zf_wang", "position": "主办人员", "share": "sole"}]))
        person = case.persons.get(active=True)
        do_task(case, "decide", unit, lambda: services.case_decide(
            case=case, by=unit, discussion="局务会，局长、分管副局长、法规科科长参加，一致同意",
            decisions={person.pk: {"sanctions": ["criticism", "compensation"], "culpability": "gross",
                                   "harm": "rights"}}))
        do_task(case, "hearing", unit, lambda: services.case_hearing(case=case, by=unit, hearings={
            person.pk: {"statement": "认可处理决定，愿意承担部分赔偿金额。"}}))
        today = timezone.localdate()
        recovery = recover.recovery_decide(case=case, by=unit, compensation="9600", paid_on=today,
                                           basis="主办人员重大过失，未核实进货票据即认定违法所得，导致行政赔偿。",
                                           shares={person.pk: "3000"})
        recover.recovery_collect(recovery=recovery, by=unit, person=person.pk, amount="1000", paid_on=today,
                                 receipt="武隆市监缴款凭证0001")
        made += 1
    if fresh("某货运车辆超限运输处罚案执法过错"):  # 过错 第十条第（三）项: the review sends the bureau's own staff
        transport = Agency.objects.get(jurisdiction="wulong", name="武隆区交通运输局")
        case = services.case_intake(by=officer, agency=transport, kind="fault", origin="inspection",
                                    grounds=["procedure"], title="某货运车辆超限运输处罚案执法过错",
                                    facts="案卷评查发现执法人员未告知当事人陈述、申辩权利即作出罚款决定。")
        _through_decision(case, officer, leader, [
            {"name": "周平", "username": "", "position": "主办人员", "share": "sole"}])
        person = case.persons.get(active=True)
        do_task(case, "decide", leader, lambda: services.case_decide(
            case=case, by=leader, discussion="局务会，局长、分管副局长参加",
            decisions={person.pk: {"sanctions": ["correct"], "culpability": "gross", "harm": "rights"}}))
        do_task(case, "hearing", officer, lambda: services.case_hearing(case=case, by=officer, hearings={}))
        do_task(case, "review", leader, lambda: services.case_review(
            case=case, by=leader, reinvestigate=False, direct=True, staff=[officer],
            reason="仅责令改正，与案卷记载的多次未告知陈述申辩权利的情节不相当"))
        made += 1
    return f"新增责任追究案件 {made} 件（执法人员账号 zf_zhang、zf_wang，密码 demo-officer-2026）"
