"""The mitigating items over HTTP (Wulong 过错纠正和责任追究制度 第九条, 错案责任倒查问责制度 第十条): a decision
citing them states each item's text with its article in the decision document and on the person's record."""
import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, do_task, login

pytestmark = pytest.mark.django_db


def test_fault_decision_states_article_nine_items(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_mit_a")
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-09-03 09:00"):
        response = off.post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["procedure"],
            "title": "某餐馆行政处罚案执法过错", "facts": "行政处罚决定被人民法院判决撤销。", "intake_on": "2026-09-03"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get()
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {"team": "刘洋、陈静", "findings": "未告知陈述申辩权利。",
                                                "p0_name": "周强", "p0_position": "承办人员", "p0_share": "sole"})
        person = case.persons.get()
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月3日局务会", f"s_{person.pk}": ["correct"],
            f"m_{person.pk}": ["self_corrected", "minor"], f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"})
    decision = Document.objects.get(matter=case.matter, kind="accountability_decision")
    assert decision.doc_number == "武隆追决〔2026〕1号"
    text = ("从轻、减轻情形：主动认识并自觉纠正执法过错（第九条第（一）项）；"
            "情节显著轻微，未造成危害后果（第九条第（二）项）")
    assert text in decision.body
    assert text in DecisionRecord.objects.get(process_kind="accountability", title__contains="周强").body
    person.refresh_from_db()
    assert person.mitigating == ["self_corrected", "minor"]


def test_wrong_case_decision_states_article_ten_item_and_refuses_an_unknown_one(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区城市管理局", "lx_mit_b")
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-11-02 09:00"):
        response = off.post("/admin/accountability/intake/", {
            "kind": "wrong_case", "agency": agency.pk, "origin": "other", "wrong_ground": "reconsideration",
            "title": "某拆除决定错案", "facts": "行政复议决定撤销。", "intake_on": "2026-11-02"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get()
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {"team": "刘洋、陈静", "findings": "暴雨致危害后果加重。",
                                                "p0_name": "赵刚", "p0_share": "decider_main"})
        person = case.persons.get()
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "局务会", f"s_{person.pk}": ["written_review"], f"m_{person.pk}": ["force_majeure"]})
    decision = Document.objects.get(matter=case.matter, kind="accountability_decision")
    assert "从轻、减轻情形：不可抗力致危害后果加重（第十条第（二）项）" in decision.body
    assert decision.article.startswith("《行政执法错案责任倒查问责制度》")
