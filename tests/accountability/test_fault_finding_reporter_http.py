"""Wulong fault liability only for intent or gross negligence causing harm (《行政执法过错纠正和责任追究制度》第二条、
第四条) as a recorded finding, the reporter answered (第十条第（一）项), and the auxiliary staff's prohibited acts
(《行政执法辅助人员管理办法》第十条) cited at intake — over HTTP as the role users, the clock frozen.

Calendar 2026: intake Monday 11-02, decision Wednesday 11-04."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db

FAULT = "《行政执法过错纠正和责任追究制度》"
AUX = "《行政执法辅助人员管理办法》"


def test_liability_needs_the_finding_and_the_reporter_is_answered(make_user):
    agency, lx = agency_with_liaison(make_user, "武隆区城市管理局", "lx_w")
    zhang = make_user("zhangming", LIAISON)
    StaffProfile.objects.create(user=zhang, agency=agency)
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-11-02 09:00") as frozen:
        html = off.get("/admin/accountability/intake/").content.decode()
        # the nine prohibited acts of auxiliary staff, each with its article
        assert f"删改或者扩散相关执法文书、监控影像资料、报案记录等（{AUX}第十条第（三）项）" in html
        assert f"法律、法规、规章规定的其他禁止行为（{AUX}第十条第（九）项）" in html
        assert f"应当追究过错责任的情形（{FAULT}第六条）" in html and "举报人、投诉人" in html
        response = off.post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "complaint", "grounds": ["rude"],
            "aux_acts": ["conduct", "tamper"], "reporter": "李华",
            "title": "城管执法人员粗暴执法", "facts": "举报人称执法人员及协管员推搡摊贩并删除现场视频。",
            "intake_on": "2026-11-02"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get()
        assert case.aux_acts == ["conduct", "tamper"] and case.reporter == "李华"
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "执法人员张明推搡摊贩，协管员删除现场视频。",
            "p0_name": "张明", "p0_username": "zhangming", "p0_position": "主办人员", "p0_share": "main",
            "p1_name": "王磊", "p1_position": "协办人员", "p1_share": "secondary"})
        zm = case.persons.get(name="张明")

        frozen.move_to("2026-11-04 10:00")
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        page = lead.get(url).content.decode()
        assert "张明：主观过错" in page and "故意（第二条）" in page and "重大过失（第二条）" in page
        # a sanction without the finding of intent or gross negligence causing harm: refused, nothing written
        for finding in ({}, {f"c_{zm.pk}": "gross"}, {f"h_{zm.pk}": "rights"}):
            refused = lead.post(url, {"discussion": "2026年11月4日局务会", f"s_{zm.pk}": ["criticism"], **finding})
            assert refused.status_code == 200
            assert (f"追究张明的过错责任，须认定其故意或者重大过失并造成损害或其他严重后果（{FAULT}第二条）"
                    in refused.content.decode())
            assert not DecisionRecord.objects.exists() and not Document.objects.exists()
            assert Case.objects.get().decided_on is None
        # 张明: gross negligence harming the vendor's rights → liable; 王磊: no finding → no fault liability
        ok = lead.post(url, {"discussion": "2026年11月4日局务会", f"s_{zm.pk}": ["correct", "criticism"],
                             f"c_{zm.pk}": "gross", f"h_{zm.pk}": "rights"})
        assert ok.status_code == 302, ok.content.decode()[-3000:]

        article = f"{FAULT}第二条、第四条、第七条、第十条第（三）项、第十一条"
        liable = DecisionRecord.objects.get(party_user=zhang)
        assert liable.article == article and liable.decided_on == dt.date(2026, 11, 4)
        assert "主观过错：重大过失（第二条）；损害后果：给公民、法人和其他组织的合法权益造成损害（第二条）" in liable.body
        assert "处理与主观过错程度、过错行为的后果相适应（第四条）" in liable.body
        assert "粗暴执法、语言不文明、酒后执法等造成严重后果（第六条第（十）项）" in liable.body
        assert (f"涉及辅助人员禁止行为：在履职中有不规范、不公正、不文明行为（{AUX}第十条第（八）项）；"
                f"删改或者扩散相关执法文书、监控影像资料、报案记录等（{AUX}第十条第（三）项）") in liable.body
        not_liable = DecisionRecord.objects.get(title__contains="王磊")
        assert not_liable.outcome == "不承担过错责任"
        assert f"未认定故意或者重大过失致使具体行政行为违法或不当并造成损害或其他严重后果（{FAULT}第二条）" in not_liable.body
        decision = Document.objects.get(kind="accountability_decision")
        assert decision.doc_number == "武隆追决〔2026〕1号" and "不承担行政执法过错责任" in decision.body

        do_task(off, "听取责任人陈述和申辩", {f"st_{zm.pk}": "认可处理决定。"})
        frozen.move_to("2026-11-06 10:00")
        do_task(lead, "复核处理决定（1个月内可责令重新调查）", {"decision": "confirm"})
        # 第十条第（一）项: the case waits on the reporter's answer; the file stays open
        case = Case.objects.get()
        assert case.state == "answer" and case.matter.status != "closed"
        assert "答复举报人" in card(inbox(officer), "答复举报人")
        url = claim_and_open(off, "答复举报人")
        empty = off.post(url, {"text": ""})
        assert empty.status_code == 200 and not Document.objects.filter(kind="accountability_answer").exists()
        done = off.post(url, {"text": "经调查，执法人员张明推搡摊贩属实，已责令其书面检查并通报批评。"})
        assert done.status_code == 302, done.content.decode()[-3000:]

    case = Case.objects.get()
    assert case.state == "done" and case.answered_on == dt.date(2026, 11, 6)
    assert case.matter.status == "closed" and case.matter.outcome == "责任追究决定已确认，已答复举报人"
    answer = Document.objects.get(kind="accountability_answer")
    assert answer.doc_number == "武隆追复〔2026〕1号" and answer.addressee == "李华"
    assert answer.article == f"{FAULT}第十条第（一）项" and "已责令其书面检查并通报批评" in answer.body
    # the reporter's name is not the agency's business: the liaison cannot open the answer
    refused = login(lx).get(f"/admin/casework/files/document/{answer.pk}.pdf")
    assert refused.status_code != 200 and refused.get("Content-Type") != "application/pdf"
