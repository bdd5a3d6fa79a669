"""Dispute coordination over HTTP with role users (004 行政执法争议协调办法 第十条至第十九条).

Calendar 2026 (chinesecalendar): Mid-autumn 09-25..09-27; National Day 10-01..10-07, 10-08 a working day,
Saturday 10-10 a make-up working day. Expected dates are counted by hand and written as literals."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document, Matter
from clocks.models import Clock
from coordination.models import Dispute
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, do_task, login, serve

pytestmark = pytest.mark.django_db


def clock(matter, rule_key):
    return Clock.objects.filter(subject_id=str(matter.pk), rule_key=rule_key).order_by("-pk").first()


def setup(make_user):
    a, lx_a = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_a")
    b, lx_b = agency_with_liaison(make_user, "武隆区城市管理局", "lx_b")
    return a, lx_a, b, lx_b, make_user("officer", OFFICER), make_user("leader", LEADER)


def apply(lx, b, title="占道经营监管职责争议"):
    response = login(lx).post("/admin/coordination/apply/", {
        "parties": [b.pk], "category": "duties", "title": title, "facts": "街面占道经营的查处职责存在分歧。",
        "negotiation": "2026年9月15日两局协商未达成一致。", "proposal_text": "建议按职责清单划分。"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    return Dispute.objects.get(matter__title=title)


def test_coordination_with_supplement_pause_and_extension_across_national_day(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-09-22 09:00") as frozen:
        # 第十条、第十一条: the liaison applies; 第十二条: examined within 5 WD of receipt
        dispute = apply(lx_a, b)
        matter = dispute.matter
        assert matter.process == "coordination" and matter.agency == a
        assert clock(matter, "dispute_accept_period").due_on == dt.date(2026, 9, 30)
        # 第十二条第（二）项: incomplete → supplement notice
        do_task(off, "审查争议协调申请", {"decision": "supplement", "note": "缺少机构编制事项文件。"})
        notice = Document.objects.get(matter=matter, kind="coordination_supplement")
        assert notice.doc_number == "武隆协补〔2026〕1号"
        frozen.move_to("2026-09-23 10:00")
        # the applicant's liaison acknowledges receipt online: the 5 WD to supplement count from today
        assert login(lx_a).post(f"/admin/casework/documents/{notice.pk}/service/").status_code == 302
        assert clock(matter, "dispute_supplement_period").due_on == dt.date(2026, 10, 8)
        frozen.move_to("2026-09-24 09:00")
        # supplement received: the 5 WD check restarts from its receipt
        do_task(off, "登记补正材料", {"decision": "received", "received_on": "2026-09-24"})
        assert clock(matter, "dispute_accept_period").due_on == dt.date(2026, 10, 9)
        do_task(off, "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        dispute.refresh_from_db()
        assert dispute.state == "accepted" and dispute.accepted_on == dt.date(2026, 9, 24)
        # 第十四条: 7 WD from acceptance, across Mid-autumn and National Day
        assert clock(matter, "dispute_finish_period").due_on == dt.date(2026, 10, 12)
        kinds = set(matter.documents.values_list("kind", flat=True))
        assert {"coordination_acceptance", "coordination_notice"} <= kinds
        # 第十六条: the stand-still banner on the matter screen and on the task screens
        page = off.get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "维持现状" in page and "第十六条" in page
        assert "维持现状" in login(lx_a).get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "维持现状" in off.get(f"/admin/coordination/{dispute.pk}/answer/").content.decode()

        frozen.move_to("2026-09-28 09:00")
        # the respondent received the notice on a holiday (送达回证 09-25): its 5 WD answer counts from then
        serve(off, Document.objects.get(matter=matter, kind="coordination_notice"), "2026-09-25")
        assert clock(matter, "dispute_answer_period").due_on == dt.date(2026, 10, 9)

        frozen.move_to("2026-09-29 09:00")
        # 第十四条第二款: asking the superior does not count
        assert off.post(f"/admin/coordination/{dispute.pk}/pause/", {
            "start": "2026-09-29", "reason": "就执法依据向市市场监管局请示"}).status_code == 302
        frozen.move_to("2026-09-30 16:00")
        assert off.post(f"/admin/coordination/{dispute.pk}/resume/", {"end": "2026-09-30"}).status_code == 302
        finish = clock(matter, "dispute_finish_period")
        assert finish.due_on == dt.date(2026, 10, 14)
        page = off.get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "2026-09-29 至 2026-09-30" in page and "就执法依据向市市场监管局请示" in page

        frozen.move_to("2026-10-09 10:00")
        # the respondent's liaison sees the stand-still and its answer clock under 我的争议协调, answers online
        resp = login(lx_b)
        mine = resp.get("/admin/coordination/mine/").content.decode()
        assert "维持现状" in mine and "2026-10-09届满" in mine
        assert resp.post(f"/admin/coordination/{dispute.pk}/answer-online/", {
            "text": "认为应由市场监管部门查处。"}).status_code == 302
        assert dispute.answers.get().received_on == dt.date(2026, 10, 9)
        assert clock(matter, "dispute_answer_period").status == "met"

        frozen.move_to("2026-10-12 10:00")
        # 第十四条: only the bureau head extends, once, by at most 15 WD — one span with the original 7
        refused = off.post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "5", "reason": "情况复杂"})
        assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's permission-denied
        assert not Clock.objects.get(pk=clock(matter, "dispute_finish_period").pk).extensions.exists()
        response = lead.post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "16", "reason": "情况复杂"})
        assert "超过上限" in response.content.decode()
        assert lead.post(f"/admin/coordination/{dispute.pk}/extend/", {
            "n": "5", "reason": "需征求编制部门意见"}).status_code == 302
        finish.refresh_from_db()
        assert finish.due_on == dt.date(2026, 10, 21)
        ext = finish.extensions.get()
        assert ext.approved_by == leader and ext.reason == "需征求编制部门意见"
        response = lead.post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "2", "reason": "再延"})
        assert "只能延长一次" in response.content.decode()

        frozen.move_to("2026-10-20 10:00")
        do_task(off, "协调并提出协调结果", {"agreed": "yes", "result": "占道经营由城市管理部门查处，市场监管部门配合。"})
        frozen.move_to("2026-10-21 15:00")
        do_task(lead, "报请区政府同意并签发协调意见书", {"consent_on": "2026-10-21",
                                                        "result": "占道经营由城市管理部门查处，市场监管部门配合。"})
        opinion = Document.objects.get(matter=matter, kind="coordination_opinion")
        assert opinion.doc_number == "武隆协意〔2026〕1号" and opinion.pdf
        assert off.get(f"/admin/casework/files/document/{opinion.pk}.pdf").status_code == 200
        record = DecisionRecord.objects.get(process_kind="coordination", doc_number="武隆协意〔2026〕1号")
        assert record.decided_on == dt.date(2026, 10, 21)
        assert clock(matter, "dispute_finish_period").status == "met"
        assert "维持现状" not in off.get(f"/admin/casework/{matter.pk}/").content.decode()

        frozen.move_to("2026-11-05 10:00")
        # 第十九条: the agency that refuses to execute gets a supervision letter (a letter matter)
        do_task(off, "监督协调意见书执行", {"refusing": [b.pk], "note": "城市管理局拒绝接收移交案件。"})
        letter = Matter.objects.get(process="letter")
        assert letter.source == "coordination" and letter.agency == b
        assert "武隆协意〔2026〕1号" in letter.title
        matter.refresh_from_db()
        assert matter.status == "closed"
        assert letter.number in off.get(f"/admin/casework/{matter.pk}/").content.decode()


def test_coordination_without_agreement_goes_to_the_government_as_a_proposal(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="联合执法牵头争议")
        do_task(off, "审查争议协调申请", {"decision": "accept"})
        # 7 WD from Monday 11-02
        assert clock(dispute.matter, "dispute_finish_period").due_on == dt.date(2026, 11, 11)
        frozen.move_to("2026-11-10 09:00")
        do_task(off, "协调并提出协调结果", {"agreed": "no", "result": "倾向于由市场监管部门牵头。"})
    proposal = Document.objects.get(matter=dispute.matter, kind="coordination_proposal")
    assert proposal.addressee == "重庆市武隆区人民政府" and proposal.doc_number == "武隆协建〔2026〕1号"
    dispute.refresh_from_db()
    assert dispute.state == "proposed" and dispute.matter.status == "closed"
    assert DecisionRecord.objects.filter(process_kind="coordination", outcome="未达成一致，报请区政府决定").exists()
    assert not Document.objects.filter(kind="coordination_opinion").exists()


def test_ineligible_application_is_refused_with_the_article_8_ground(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-11-02 09:00"):
        dispute = apply(lx_a, b, title="内部科室职责争议")
        do_task(login(officer), "审查争议协调申请", {"decision": "refuse", "ground": "internal", "note": ""})
    refusal = Document.objects.get(matter=dispute.matter, kind="coordination_refusal")
    assert "第八条第（二）项" in refusal.article
    dispute.refresh_from_db()
    assert dispute.state == "refused" and dispute.matter.status == "closed"


def test_a_liaison_cannot_apply_in_another_agencys_name_nor_name_free_text_agencies(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    response = login(lx_a).post("/admin/coordination/apply/", {
        "parties": [a.pk], "category": "duties", "title": "x", "facts": "x", "negotiation": "x"})
    assert response.status_code == 200 and not Dispute.objects.exists()


def test_bureau_opened_coordination_asks_each_agency_to_report_within_5_wd_of_receipt(make_user):
    """第十条第二款、第十三条: the bureau opens one itself; each agency's 5 WD run from its own receipt."""
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-09-29 09:00") as frozen:
        response = off.post("/admin/coordination/open/", {
            "agencies": [a.pk, b.pk], "category": "assistance", "title": "执法协助争议", "facts": "协助请求未获回应。"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        dispute = Dispute.objects.get(bureau_opened=True)
        assert dispute.state == "accepted"
        # 7 WD from 09-29: 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14
        assert clock(dispute.matter, "dispute_finish_period").due_on == dt.date(2026, 10, 14)
        notices = {n.addressee: n for n in Document.objects.filter(matter=dispute.matter, kind="coordination_notice")}
        assert set(notices) == {a.name, b.name}
        # the file's agency (城市管理局, first in the register's order) acknowledges online on 09-30;
        # the other's return slip says 10-08
        assert dispute.matter.agency == b
        frozen.move_to("2026-09-30 09:00")
        assert login(lx_b).post(f"/admin/casework/documents/{notices[b.name].pk}/service/").status_code == 302
        frozen.move_to("2026-10-08 09:00")
        serve(off, notices[a.name], "2026-10-08")
        due = {c.label: c.due_on for c in Clock.objects.filter(subject_id=str(dispute.matter.pk),
                                                                 rule_key="dispute_bureau_report_period")}
        assert due == {f"{b.name}报送争议情况说明": dt.date(2026, 10, 13),  # 10-08, 10-09, 10-10, 10-12, 10-13
                       f"{a.name}报送争议情况说明": dt.date(2026, 10, 14)}
        assert "维持现状" in off.get(f"/admin/casework/{dispute.matter.pk}/").content.decode()


def test_no_supplement_by_the_due_date_is_deemed_withdrawn(make_user):
    """第十二条第（二）项: supplement within 5 WD of receiving the notice, or the application is deemed withdrawn."""
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="案件移送争议")
        do_task(off, "审查争议协调申请", {"decision": "supplement", "note": "缺少协商会议纪要。"})
        notice = Document.objects.get(matter=dispute.matter, kind="coordination_supplement")
        assert login(lx_a).post(f"/admin/casework/documents/{notice.pk}/service/").status_code == 302
        # 11-02 + 5 WD = 11-09 (Monday)
        assert clock(dispute.matter, "dispute_supplement_period").due_on == dt.date(2026, 11, 9)
        frozen.move_to("2026-11-09 08:00")  # UTC: 16:00 in Shanghai
        from tests.coordination.helpers import claim_and_open

        url = claim_and_open(off, "登记补正材料")
        early = off.post(url, {"decision": "withdrawn"})
        assert early.status_code == 200 and "届满前不能视为放弃申请" in early.content.decode()
        frozen.move_to("2026-11-10 09:00")
        assert off.post(url, {"decision": "withdrawn"}).status_code == 302
    dispute.refresh_from_db()
    assert dispute.state == "withdrawn" and dispute.matter.status == "closed"
