"""Demo letters: for Enshi and Wulong, one matter in each state — drafting, awaiting signature, served with
its clock running, objection pending, overdue, decision (correction order) issued, closed, typical-case
draft — so the dashboard shows live clocks. Dates are relative to today; documents are back-dated where a
state needs an earlier receipt. In Enshi's served one the agency does not provide the materials asked for
(003 第二十五条), handed to accountability (第三十二条第一款第（四）项). Idempotent (matters are found by title)."""
from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from casework.models import Agency, Document, Matter
from casework.services import document_serve
from demo.loaders import loader

from . import services
from .selectors import liaison_for
from .typical import typical_case_draft

STATES = ["drafting", "signing", "served", "objection", "overdue", "decision", "closed", "typical"]
# (jurisdiction, agency, ground, titles by state)
CASES = {
    "enshi": ("恩施州市场监督管理局", "non_performance", {
        "drafting": "食品抽检计划未落实", "signing": "投诉举报超期未办结", "served": "行政处罚未说明理由",
        "objection": "执法证件管理不规范", "overdue": "重大执法决定未经法制审核", "decision": "行政检查未全程记录",
        "closed": "罚没物品处置不规范", "typical": "对举报线索不履行查处职责"}),
    "wulong": ("武隆区市场监督管理局", "procedure", {
        "drafting": "行政处罚未告知陈述申辩权", "signing": "执法文书送达不规范", "served": "行政许可超期办理",
        "objection": "行政强制程序不合法", "overdue": "执法公示信息未更新", "decision": "执法辅助人员独立执法",
        "closed": "案卷归档不完整", "typical": "违法行为未依法查处"}),
}
FACTS = "年度案卷评查中发现该局相关执法案卷存在问题，经调查属实。"


def _back_date(letter, days_ago: int, today: dt.date) -> Document:
    doc = Document.objects.get(pk=letter.document_id)
    Document.objects.filter(pk=doc.pk).update(issued_on=today - dt.timedelta(days=days_ago))
    doc.refresh_from_db()
    return doc


def _task(letter, node: str, user, action):
    """Do the open task `node` of the letter's process as `user` (the same path as its screen)."""
    from viewflow.workflow.status import STATUS

    from flows.services import task_perform
    from letters.flows import LetterFlow

    from .selectors import process_of

    task = process_of(letter).task_set.get(flow_task=getattr(LetterFlow, node),
                                           status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED])
    return task_perform(task=task, user=user, action=action)


def _make(code: str, state: str, title: str, agency: Agency, ground: str, officer, leader, today: dt.date) -> None:
    liaison = liaison_for(agency)
    letter = services.letter_start(by=officer, agency=agency, source="casefile_review", title=title, facts=FACTS,
                                   ground=ground, findings=f"{title}：相关案卷3件，问题事实清楚。",
                                   request="限期自行纠正，并建立相应工作制度。")
    if state == "drafting":
        return
    _task(letter, "draft", officer, lambda: services.letter_draft(letter=letter, by=officer, ground=ground,
                                                                   findings=letter.findings, request=letter.request))
    if state == "signing":
        return
    _task(letter, "sign", leader, lambda: services.letter_sign(letter=letter, by=leader, approve=True))
    letter.refresh_from_db()
    # received long enough ago for the state to show (an overdue one past its whole period)
    days_ago = {"served": 5, "objection": 3, "overdue": 45, "decision": 45, "closed": 12, "typical": 12}[state]
    doc = _back_date(letter, days_ago, today)
    document_serve(document=doc, by=officer, received_on=doc.issued_on, method="直接送达",
                   received_by_name=liaison.get_full_name() or liaison.username)
    letter.refresh_from_db()
    if state == "served":
        return
    if state == "objection":
        services.objection_submit(letter=letter, by=liaison, reasons="认为所述情形不存在，附相关证据材料。")
        return
    if state in ("closed", "typical"):
        _task(letter, "rectify", liaison,
              lambda: services.report_submit(letter=letter, by=liaison, text="已逐项整改，相关制度已建立，附整改材料。"))
        from .selectors import pending_report

        _task(letter, "accept", officer, lambda: services.report_review(report=pending_report(letter), by=officer,
                                                                        accepted=True, note="整改到位。"))
        if state == "typical":
            typical_case_draft(letter=letter, by=officer)
        return
    services.mark_overdue(today=today)  # the scheduler's job, now
    if state == "overdue":
        return
    letter.refresh_from_db()
    _task(letter, "draft_decision", officer, lambda: services.decision_draft(
        letter=letter, by=officer, order="perform" if code == "enshi" else "", text="限期履行法定职责，纠正违法行为。"))
    _task(letter, "sign_decision", leader, lambda: services.decision_sign(letter=letter, by=leader))
    letter.refresh_from_db()
    decision = Document.objects.get(pk=letter.decision_document_id)
    document_serve(document=decision, by=officer, received_on=today, method="直接送达",
                   received_by_name=liaison.get_full_name() or liaison.username)


@loader("监督建议书（意见书）演示事项", stage=60)
def load_letters() -> str:
    User = get_user_model()
    officer, leader = User.objects.get(username="officer"), User.objects.get(username="leader")
    today = timezone.localdate()
    made = 0
    for code, (agency_name, ground, titles) in CASES.items():
        agency = Agency.objects.get(jurisdiction=code, name=agency_name)
        for state in STATES:
            title = titles[state]
            if Matter.objects.filter(jurisdiction=code, title=title).exists():
                continue
            _make(code, state, title, agency, ground, officer, leader, today)
            made += 1
    _measure_demo(officer)
    _refusal_demo(officer, today)
    return f"新增演示事项 {made} 件（恩施、武隆各{len(STATES)}个环节）"


def _measure_demo(officer) -> None:
    """A supervision measure (003 第二十三条) in Enshi's letter being drafted: the questioning on which it rests."""
    from .measures import measure_record
    from .models import SupervisionMeasure

    matter = Matter.objects.filter(jurisdiction="enshi", title=CASES["enshi"][2]["drafting"]).first()
    if matter is None or matter.status != "open" or SupervisionMeasure.objects.filter(matter=matter).exists():
        return
    measure_record(matter=matter, by=officer, kind="inquiry", taken_on=matter.opened_on,
                   staff="州司法局监督人员两名（出示行政执法监督证件）", subjects="被监督机关执法大队负责人",
                   content="询问相关案卷的办理经过，负责人确认案卷中的问题属实。")


def _refusal_demo(officer, today: dt.date) -> None:
    """Enshi 003 第二十五条: the agency of the served letter does not provide the materials asked for; the refusal
    goes to the directly responsible staff's accountability (第三十二条第一款第（四）项) through the one door,
    letters.cooperation.refusal_record. Once per demo (the matter is found by title)."""
    from .cooperation import refusal_record
    from .models import CooperationRefusal

    matter = Matter.objects.filter(jurisdiction="enshi", title=CASES["enshi"][2]["served"]).first()
    if matter is None or matter.status != "open" or CooperationRefusal.objects.filter(matter=matter).exists():
        return
    refusal_record(matter=matter, by=officer, kind="no_information", occurred_on=today,
                   facts="调查核实期间，州司法局书面要求提供相关行政处罚案卷3件，该局逾期未提供，也未说明情况",
                   request="")
