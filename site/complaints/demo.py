"""Demo complaints in Wulong, one in each state (received, anonymous lead, refused, transferred, under
investigation, reviewed with an approved extension, answered with an appeal), and interference records
with a correction. Idempotent: nothing is added when Wulong already has complaints."""
from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from casework.models import Agency
from demo.loaders import loader
from throttle import fingerprint

from . import interference, services
from .models import Complaint, InterferenceRecord


def _id(body: str) -> str:
    from stdnum.cn import ric

    return body + ric.calc_check_digit(body + "0")


PEOPLE = [("陈建国", "50023219850312001", "芙蓉路8号", "13812345678"),
          ("刘芳", "50023219900715002", "仙女山镇1号", "13987654321"),
          ("王强", "50023219781101003", "江口镇12号", "023-77712345"),
          ("周敏", "50023219951208004", "白马镇3号", "13500001111"),
          ("孙立", "50023219700101005", "羊角街道6号", "13600002222"),
          ("吴静", "50023219880808006", "长坝镇9号", "13700003333")]


def _receive(agency, i, ground, request, facts, days_ago, channel="online", by=None, **extra):
    name, body, addr, phone = PEOPLE[i]
    fields = {"category": "enforcement", "anonymous": False, "name": name, "id_number": _id(body),
              "address": f"重庆市武隆区{addr}", "contact": phone, "agency": agency, "ground": ground,
              "request": request, "facts": facts, **extra}
    received = timezone.localdate() - dt.timedelta(days=days_ago)
    complaint, _ = services.complaint_receive(jurisdiction="wulong", fields=fields, received_on=received,
                                              fingerprint=fingerprint(["demo", name, request]), channel=channel, by=by)
    return complaint


@loader("投诉举报与干预插手记录", stage=60)
def load_complaints() -> str:
    if Complaint.objects.filter(jurisdiction="wulong").exists():
        return "已有投诉举报演示数据"
    User = get_user_model()
    officer, leader = User.objects.get(username="officer"), User.objects.get(username="leader")
    market = Agency.objects.get(jurisdiction="wulong", name="武隆区市场监督管理局")
    city = Agency.objects.get(jurisdiction="wulong", name="武隆区城市管理局")
    today = timezone.localdate()

    _receive(market, 0, "rough", "请求依法查处执法人员粗暴执法的行为。",
             "执法人员检查店铺时推搡并辱骂经营者，有视频为证。", 2)
    services.complaint_receive(jurisdiction="wulong", received_on=today - dt.timedelta(days=1),
                               fingerprint=fingerprint(["demo", "anonymous"]), fields={
                                   "category": "enforcement", "anonymous": True, "agency": city, "ground": "bribes",
                                   "request": "反映城管队员收受摊贩财物。", "facts": "夜市摊贩称每月须向某队员交“管理费”。"})
    c = _receive(market, 1, "not_handled", "请求责令处理我的举报。", "举报无证经营后一个月无人处理。", 12, channel="letter", by=officer)
    services.complaint_refuse(complaint=c, by=officer, ground="elsewhere", on=c.received_on + dt.timedelta(days=3),
                              reasons="该事项已由区信访办受理，正在办理中。")
    c = _receive(city, 2, "bribes", "请求查处执法人员收受财物。", "执法人员暗示缴纳“好处费”可免予处罚。", 10, channel="phone", by=officer)
    services.complaint_transfer(complaint=c, by=officer, to="武隆区纪委监委", on=c.received_on + dt.timedelta(days=2),
                                reasons="涉嫌公职人员收受财物，属监察机关管辖。")
    c = _receive(market, 3, "discretion", "请求纠正超出裁量标准的罚款。", "同类违法行为，其他商户罚款2000元，对我罚款20000元。", 9)
    services.complaint_accept(complaint=c, by=officer, on=c.received_on + dt.timedelta(days=2))
    services.investigators_assign(complaint=c, by=officer, users=[officer, leader], no_interest_confirmed=True)
    c = _receive(city, 4, "improper", "请求撤销明显不当的强制拆除行为。", "未经告知即拆除店招，造成损失。", 35)
    services.complaint_accept(complaint=c, by=officer, on=c.received_on + dt.timedelta(days=3))
    services.investigators_assign(complaint=c, by=officer, users=[officer, leader], no_interest_confirmed=True)
    services.opinion_submit(complaint=c, by=officer, text="拆除前未履行告知程序，投诉部分属实。")
    services.extension_approve(complaint=c, by=leader, days=15, reason="需听取第三方评估意见，情况复杂")
    services.review_decide(complaint=c, by=leader, participants=["张局长", "王副局长", "李副局长"], outcome="partly",
                           decision="责令区城市管理局补正告知程序，对经办人员批评教育。")
    c = _receive(market, 5, "not_investigated", "请求查处销售过期食品的超市。", "多次举报超市销售过期食品未获查处。", 60)
    services.complaint_accept(complaint=c, by=officer, on=c.received_on + dt.timedelta(days=4))
    services.investigators_assign(complaint=c, by=officer, users=[officer, leader], no_interest_confirmed=True)
    services.opinion_submit(complaint=c, by=officer, text="反映情况不实：市场监管局已于举报后立案查处。")
    services.review_decide(complaint=c, by=leader, participants=["张局长", "王副局长"], outcome="unfounded",
                           decision="反映情况不实，向投诉举报人说明情况。")
    services.complaint_reply(complaint=c, by=officer, text="经查，该超市已被立案查处并罚款，你反映的不予查处情况不实。",
                             explanation="区市场监督管理局已于收到举报后第三日立案，并依法作出罚款决定")
    services.appeal_record(complaint=c, by=officer, text="认为处罚过轻，提出申诉。")

    if not InterferenceRecord.objects.exists():
        liaison = User.objects.filter(username="liaison_wl").first() or officer
        now = timezone.now()
        first = interference.interference_record(
            by=liaison, jurisdiction="wulong", occurred_at=now - dt.timedelta(days=20), interferer_name="某科长",
            interferer_unit="区某局法规科科长", kind="pleading", manner="phone", case_ref="武隆市监罚〔2026〕88号",
            content="来电为当事人说情，要求从轻处罚；已拒绝并告知依程序办理。")
        interference.interference_record(
            by=liaison, jurisdiction="wulong", occurred_at=now - dt.timedelta(days=20), interferer_name="某科长",
            interferer_unit="区某局法规科科长", kind="pleading", manner="in_person", case_ref="武隆市监罚〔2026〕88号",
            content="更正：系当面说情，非来电；已拒绝。", corrects=first)
        interference.interference_record(
            by=officer, jurisdiction="wulong", occurred_at=now - dt.timedelta(days=5), interferer_name="某副局长",
            interferer_unit="区某局副局长", kind="guidance_oral", manner="oral", case_ref="武隆城管罚〔2026〕12号",
            content="口头提出“尽快结案”的指导意见，已记录在案并请其书面提出。")
    return f"投诉举报 {Complaint.objects.filter(jurisdiction='wulong').count()} 件，干预插手记录 " \
           f"{InterferenceRecord.objects.count()} 条"


@loader("恩施投诉举报与12345热线工单", stage=61)
def load_enshi_complaints() -> str:
    """Enshi (003 第十条): a complaint from the public form, and two 12345 work orders — one settled and answered
    back to the hotline, one waiting for acceptance. Idempotent."""
    from . import hotline
    from .models import HotlineOrder

    if Complaint.objects.filter(jurisdiction="enshi").exists():
        return "已有恩施投诉举报演示数据"
    User = get_user_model()
    officer = User.objects.get(username="officer")
    transport = Agency.objects.get(jurisdiction="enshi", name="恩施州交通运输局")
    market = Agency.objects.get(jurisdiction="enshi", name="恩施州市场监督管理局")
    today = timezone.localdate()
    services.complaint_receive(jurisdiction="enshi", received_on=today - dt.timedelta(days=3),
                               fingerprint=fingerprint(["demo", "enshi", "public"]), fields={
                                   "category": "enforcement", "anonymous": False, "name": "杨明",
                                   "contact": "13907180001", "agency": transport, "ground": "uncivil",
                                   "request": "请求查处执法人员粗暴执法。",
                                   "facts": "执法人员在恩施城区检查货车时推搡驾驶员，未出示执法证件。"})
    settled, _ = hotline.hotline_order_enter(
        by=officer, jurisdiction="enshi", order_number="ES" + (today - dt.timedelta(days=8)).strftime("%Y%m%d") + "001",
        received_on=today - dt.timedelta(days=8), agency=market, caller_name="向先生", caller_phone="13907181234",
        content="反映市场监管执法人员对同一违法行为重复罚款。", hotline_due_on=today + dt.timedelta(days=7))
    services.complaint_refuse(complaint=settled.complaint, by=officer, ground="litigation",
                              on=settled.received_on + dt.timedelta(days=2),
                              reasons="来电人已就该处罚决定提起行政诉讼，正在法定诉讼期限内。")
    hotline.hotline_reply(order=settled, by=officer, on=settled.received_on + dt.timedelta(days=3),
                          text="已告知来电人该事项依行政诉讼程序处理。")
    hotline.hotline_order_enter(
        by=officer, jurisdiction="enshi", order_number="ES" + (today - dt.timedelta(days=1)).strftime("%Y%m%d") + "002",
        received_on=today - dt.timedelta(days=1), agency=transport, caller_name="", caller_phone="",
        content="反映执法车辆长期占用人行道停放。")
    return f"恩施投诉举报 {Complaint.objects.filter(jurisdiction='enshi').count()} 件，12345热线工单 " \
           f"{HotlineOrder.objects.count()} 件"


@loader("涉及辅助人员的投诉举报", stage=61)
def load_auxiliary_complaint() -> str:
    """A visit about an auxiliary person of the city-management bureau, naming him from the register and citing
    the prohibited act (《行政执法辅助人员管理办法》第十条). Idempotent."""
    from auxiliary.models import AuxiliaryStaff

    if Complaint.objects.filter(jurisdiction="wulong", auxiliary_staff__isnull=False).exists():
        return "已有涉及辅助人员的投诉举报"
    person = AuxiliaryStaff.objects.filter(jurisdiction="wulong", agency__name="武隆区城市管理局").order_by("pk").first()
    officer = get_user_model().objects.filter(username="officer").first()
    if person is None or officer is None:
        return "缺少辅助人员名册或经办人账号，未加载"
    _receive(person.agency, 5, "bribes", "请求查处城管协管员索要财物的行为。",
             f"夜市摆摊时，协管员{person.name}以“不再劝离”为由索要香烟两条。", 3, channel="visit", by=officer,
             aux_acts=["bribe"], auxiliary_staff=person)
    return "涉及辅助人员的投诉举报 1 件"
@loader("恩施行政执法监督联系点", stage=62)
def load_enshi_contact_points() -> str:
    """Enshi (003 第十条第一款): two supervision contact points, and one complaint passed on by the first.
    Idempotent: nothing is added when Enshi already has contact points."""
    from . import contact_points
    from .models import CONTACT_POINT, ContactPoint

    if not contact_points.provided("enshi") or ContactPoint.objects.filter(jurisdiction="enshi").exists():
        return "已有恩施监督联系点演示数据"
    officer = get_user_model().objects.get(username="officer")
    today = timezone.localdate()
    center = contact_points.contact_point_save(by=officer, jurisdiction="enshi", data={
        "name": "恩施市政务服务中心行政执法监督联系点", "kind": "service_center", "address": "恩施市金桂大道88号",
        "contact_name": "黄晓燕", "contact_phone": "13972712345", "established_on": dt.date(today.year, 3, 1)})
    contact_points.contact_point_save(by=officer, jurisdiction="enshi", data={
        "name": "恩施州物流行业协会行政执法监督联系点", "kind": "association", "address": "恩施市舞阳大街12号",
        "contact_name": "向东", "contact_phone": "0718-8212345", "established_on": dt.date(today.year, 4, 15)})
    transport = Agency.objects.get(jurisdiction="enshi", name="恩施州交通运输局")
    services.complaint_receive(
        jurisdiction="enshi", channel=CONTACT_POINT, by=officer, received_on=today - dt.timedelta(days=2),
        fingerprint=fingerprint(["demo", "enshi", "contact_point"]), fields={
            "category": "enforcement", "anonymous": False, "name": "田女士", "contact": "13907185678",
            "agency": transport, "ground": "uncivil", "contact_point": center,
            "request": "请求核查货运车辆检查中未出示执法证件的情况。",
            "facts": "物流企业反映，执法人员在高速路口检查货车时未出示执法证件。"})
    return "恩施监督联系点 2 个，经联系点转来的投诉举报 1 件"


@loader("投诉举报办理中的打击报复与工作人员违法", stage=61)
def load_complaint_misconduct() -> str:
    """投诉 第十三条: the complained-about officer retaliated against the complainant during the investigation —
    the accountability case in the complaint's file; 第十五条: one of the bureau's own investigators leaked the
    complainant's identity — a case against the bureau's staff in a file of its own. Idempotent."""
    from . import handoffs
    from .models import ACCEPTED, ComplaintMisconduct

    if ComplaintMisconduct.objects.filter(complaint__jurisdiction="wulong").exists():
        return "已有投诉举报办理中追究责任的演示数据"
    officer = get_user_model().objects.filter(username="officer").first()
    complaint = (Complaint.objects.filter(jurisdiction="wulong", status=ACCEPTED, matter__isnull=False)
                 .order_by("pk").first())
    if officer is None or complaint is None:
        return "缺少调查中的投诉举报或经办人账号，未加载"
    handoffs.misconduct_to_accountability(
        complaint=complaint, by=officer, misconduct="retaliation", kind="fault", grounds=["other"],
        facts="被投诉执法人员在调查期间三次到投诉人店铺以检查为名刁难，并当面要求其撤回投诉")
    handoffs.misconduct_to_accountability(
        complaint=complaint, by=officer, misconduct=handoffs.HANDLER, kind="fault", grounds=["other"],
        facts="受理机构一名调查人员将投诉人姓名和联系方式告知被投诉机关，违反保密要求")
    return "投诉举报办理中打击报复（第十三条）、受理机关工作人员违法（第十五条）转入责任追究各 1 件"
