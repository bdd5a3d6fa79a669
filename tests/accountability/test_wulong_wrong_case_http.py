"""Wulong wrong-case accountability rows the audit (docs/audit/wulong-casework.md) found built but untested, over
HTTP as the role users with the clock frozen (004 行政执法错案责任倒查问责制度):
- 第七条第（六）项: a major penalty filed for record and found wrong on review is the case's ground, cited;
- 第八条第（二）项: the reviewer whose fault misled the approver bears the main responsibility, the approver his share;
- 第九条第（三）项 aggravating and 第十条第（一）项 mitigating circumstances, 第十二条第（一）（四）项 sanctions;
- 第十三条: the approver states his case and contests it (申辩); the bureau head rejects it in a record citing
  第十三条 (not 过错 第十二条).

Calendar 2026: intake and decision Wednesday 11-04; hearing Thursday 11-05; the appeal answered Monday 11-09."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, do_task, login

pytestmark = pytest.mark.django_db

WRONG = "《行政执法错案责任倒查问责制度》"


def test_filed_penalty_wrong_case_reviewer_main_approver_share_and_a_rejected_appeal(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_wc")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-11-04 09:00"):
        form = off.get("/admin/accountability/intake/").content.decode()
        assert "上报备案的重大行政处罚决定、重大行政强制措施经审查确认为错案（第七条第（六）项）" in form
        r = off.post("/admin/accountability/intake/", {
            "kind": "wrong_case", "agency": agency.pk, "origin": "other", "wrong_ground": "filing",
            "title": "某企业罚款50万元备案审查错案", "facts": "备案审查认定该重大行政处罚决定适用法律错误。",
            "intake_on": "2026-11-04"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        case = Case.objects.get()
        assert case.wrong_ground == "filing"
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "审核人未审出适用法律错误，致批准人批准。",
            "p0_name": "吴芳", "p0_position": "审核人", "p0_share": "reviewer_main",
            "p1_name": "郑军", "p1_position": "批准人", "p1_share": "approver_share"})
        p = {x.name: x for x in case.persons.filter(active=True)}
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年11月4日局务会集体讨论",
            f"s_{p['吴芳'].pk}": ["written_review", "suspend"], f"a_{p['吴芳'].pk}": ["obstruct"],
            f"s_{p['郑军'].pk}": ["written_review"], f"m_{p['郑军'].pk}": ["minor"]})

    decision = Document.objects.get(kind="accountability_decision")
    assert decision.doc_number == "武隆追决〔2026〕1号" and decision.issued_on == dt.date(2026, 11, 4)
    assert decision.article == f"{WRONG}第八条、第十二条"
    body = decision.body
    for line in ("认定为错案的情形：上报备案的重大行政处罚决定、重大行政强制措施经审查确认为错案（第七条第（六）项）",
                 "吴芳（审核人）：责任划分：审核人过错致批准人失误，审核人主要责任（第八条第（二）项）",
                 "从重情形：阻碍错案查处工作进行（第九条第（三）项）",
                 "处理：书面检查（第十二条第（一）项）；暂停执法（暂扣行政执法证）（第十二条第（四）项）",
                 "郑军（批准人）：责任划分：批准人负相应责任（第八条第（二）项）",
                 "从轻、减轻情形：情节轻微，损害和影响较小（第十条第（一）项）"):
        assert line in body, line
    records = DecisionRecord.objects.filter(process_kind="accountability", doc_number="武隆追决〔2026〕1号")
    assert records.count() == 2
    assert records.get(title__contains="吴芳").outcome == "书面检查、暂停执法（暂扣行政执"

    with freeze_time("2026-11-05 10:00"):
        do_task(off, "听取责任人陈述和申辩", {
            f"st_{p['吴芳'].pk}": "认可处理决定。",
            f"st_{p['郑军'].pk}": "审核意见未提示法律适用问题，本人不应承担责任。", f"ap_{p['郑军'].pk}": "on"})
    with freeze_time("2026-11-09 10:00"):
        do_task(lead, "申辩复核", {f"o_{p['郑军'].pk}": "rejected",
                                   f"n_{p['郑军'].pk}": "批准人对备案的重大处罚负有审查职责，维持原处理。"})
    appeal = DecisionRecord.objects.get(process_kind="accountability", title__startswith="申辩复核：郑军")
    assert appeal.outcome == "申辩不成立，维持处理" and appeal.decided_on == dt.date(2026, 11, 9)
    assert appeal.article == f"{WRONG}第十三条"
    assert appeal.body.startswith("申辩不成立，维持处理。复核意见：批准人对备案的重大处罚负有审查职责，维持原处理。")
    zheng = case.persons.get(name="郑军")
    assert zheng.sanctions == ["written_review"] and zheng.appeal_outcome == "rejected"
    page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
    assert "审核人过错致批准人失误，审核人主要责任（第八条第（二）项）" in page
