"""Need-to-know between the parties of a dispute (004 行政执法争议协调办法; casework.visibility), over HTTP.

Each party reads the documents addressed to it and its own answer with the date that binds it; not the
other party's answer or notice, nor the bureau's reasons for a pause or an extension."""
import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.models import Clock
from roles.definitions import LEADER, OFFICER, SUPERVISOR
from tests.casework.need_to_know import absent, login, page, present, refused
from tests.coordination.helpers import agency_with_liaison, do_task

pytestmark = pytest.mark.django_db

PAUSE_REASON, EXTENSION_REASON = "就执法依据向市市场监管局请示", "需征求编制部门意见"
ANSWER_B = "认为应由市场监管部门查处，本局仅负责配合。"


def test_each_party_sees_its_own_documents_answer_and_dates_never_the_bureaus_reasons(make_user):
    a, lx_a = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_a")
    b, lx_b = agency_with_liaison(make_user, "武隆区城市管理局", "lx_b")
    _, lx_c = agency_with_liaison(make_user, "武隆区交通运输局", "lx_c")
    officer, leader, supervisor = make_user("officer", OFFICER), make_user("leader", LEADER), make_user("sup", SUPERVISOR)
    with freeze_time("2026-09-22 09:00") as frozen:
        response = login(lx_a).post("/admin/coordination/apply/", {
            "parties": [b.pk], "category": "duties", "title": "占道经营监管职责争议",
            "facts": "街面占道经营的查处职责存在分歧。", "negotiation": "2026年9月15日两局协商未达成一致。",
            "proposal_text": "建议按职责清单划分。"})
        assert response.status_code == 302
        do_task(login(officer), "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        matter = Document.objects.get(kind="coordination_notice").matter
        url = f"/admin/casework/{matter.pk}/"
        notice_b = Document.objects.get(matter=matter, kind="coordination_notice", addressee=b.name)
        acceptance = Document.objects.get(matter=matter, kind="coordination_acceptance")
        assert acceptance.addressee == a.name

        frozen.move_to("2026-09-23 10:00")
        # the respondent signs for its notice: 5 WD to answer from 09-23 across Mid-autumn → 2026-10-08
        assert login(lx_b).post(f"/admin/casework/documents/{notice_b.pk}/service/").status_code == 302
        frozen.move_to("2026-09-29 09:00")
        assert login(officer).post(f"/admin/coordination/{matter.dispute.pk}/pause/", {
            "start": "2026-09-29", "reason": PAUSE_REASON}).status_code == 302
        frozen.move_to("2026-09-30 16:00")
        assert login(officer).post(f"/admin/coordination/{matter.dispute.pk}/resume/", {
            "end": "2026-09-30"}).status_code == 302
        frozen.move_to("2026-10-08 10:00")
        assert login(lx_b).post(f"/admin/coordination/{matter.dispute.pk}/answer-online/", {
            "text": ANSWER_B}).status_code == 302
        frozen.move_to("2026-10-09 10:00")
        assert login(leader).post(f"/admin/coordination/{matter.dispute.pk}/extend/", {
            "n": "5", "reason": EXTENSION_REASON}).status_code == 302

        # the applicant: its acceptance notice, the pause's dates without the reason; not B's notice or answer
        applicant = login(lx_a)
        html = page(applicant, url)
        present(html, acceptance.doc_number, "2026-09-29 至 2026-09-30", "依规不计入期限", "争议协调办结")
        absent(html, PAUSE_REASON, EXTENSION_REASON, ANSWER_B, notice_b.doc_number, "武隆区城市管理局报送答复意见",
               "收到武隆区城市管理局答复意见")
        refused(applicant, f"/admin/casework/files/document/{notice_b.pk}.pdf",
                "您无权查看该文书：执法机关联络员只能查看主送本机关的已签发文书。")
        assert applicant.get(f"/admin/casework/files/document/{acceptance.pk}.pdf").status_code == 200
        # the finish date's calendar: the paused days marked, the bureau's reason not given
        finish = Clock.objects.get(subject_id=str(matter.pk), rule_key="dispute_finish_period")
        calendar = page(applicant, f"/admin/clocks/calendar/{finish.pk}/")
        present(calendar, "依规暂停计算")
        absent(calendar, PAUSE_REASON, EXTENSION_REASON)
        assert PAUSE_REASON in page(login(officer), f"/admin/clocks/calendar/{finish.pk}/")
        answer_b = Clock.objects.get(subject_id=str(matter.pk), rule_key="dispute_answer_period")
        calendar = applicant.get(f"/admin/clocks/calendar/{answer_b.pk}/")
        assert calendar.status_code == 403 and "您无权查看该时限" in calendar.content.decode()

        # the respondent: its notice, received 09-23, its answer and the answer date 2026-10-08
        respondent = login(lx_b)
        html = page(respondent, url)
        present(html, notice_b.doc_number, "2026-09-23", ANSWER_B, "2026-10-08", "武隆区城市管理局报送答复意见",
                "已送达，签收日期2026-09-23")
        absent(html, PAUSE_REASON, EXTENSION_REASON, acceptance.doc_number)
        present(page(respondent, "/admin/casework/"), matter.number)
        # 我的争议协调: each party its own answer date, the applicant not the respondent's
        present(page(respondent, "/admin/coordination/mine/"), "武隆区城市管理局报送答复意见：2026-09-23起算，2026-10-08届满")
        absent(page(applicant, "/admin/coordination/mine/"), "武隆区城市管理局报送答复意见", PAUSE_REASON)

        # bureau staff read every reason and every answer
        for user in (officer, leader):
            full = page(login(user), url)
            present(full, PAUSE_REASON, EXTENSION_REASON, ANSWER_B, acceptance.doc_number, notice_b.doc_number)

        # an agency not party to the dispute, and a supervisor
        refused(login(lx_c), url, "您无权查看该监督事项：执法机关联络员只能查看送达本机关的事项。")
        refused(login(lx_c), f"/admin/casework/files/document/{notice_b.pk}.pdf", "您无权查看该监督事项")
        refused(login(supervisor), url, "您无权查看该监督事项。")
