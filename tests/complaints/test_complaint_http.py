"""A complaint from the public form to the reply, over HTTP with role users (004 行政执法投诉举报制度):
receipt and the 7-working-day acceptance clock (第七条) across National Day, acceptance opening the matter,
≥ 2 investigators and recusal (第八条), preliminary opinion and collective review (第九条), the 30-day clock
with an extension approved by the head and capped at 30 days (第十条), the reply (第十二条), 申诉 (第十四条).
The complainant follows it by receipt number and code; the agency complained about never sees who they are."""
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Matter, Recusal
from clocks.models import MET, Clock
from complaints.flows import ComplaintFlow
from complaints.models import ANSWERED, Complaint
from decisions.models import DecisionRecord
from flows.services import process_for
from tests.complaints.helpers import complaint_data, login, submit, valid_id


def denied(response) -> bool:
    """Under /admin/ Wagtail turns a PermissionDenied into a redirect to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def lookup(number, code, jurisdiction="wulong"):
    return Client().post(f"/complaints/{jurisdiction}/status/", {"receipt_number": number, "code": code})


@pytest.mark.django_db
def test_complaint_accepted_investigated_extended_across_holiday_and_answered(people):
    agency, officer, leader = people["agency"], people["officer"], people["leader"]
    # receipt on Monday 2026-09-28: 09-29, 09-30, (National Day 10-01..10-07), 10-08, 10-09, make-up Saturday
    # 10-10, (Sunday 10-11), 10-12, 10-13 → the 7th working day is Tuesday 2026-10-13
    with freeze_time("2026-09-28 10:00"):
        page, number, code = submit(Client(), complaint_data(agency))
        assert number == "武隆投〔2026〕1号" and len(code) == 8
        html = page.content.decode()
        assert "2026-10-13 前决定是否受理" in html and "《行政执法投诉举报制度》第七条" in html
        complaint = Complaint.objects.get()
        assert complaint.status == "received" and complaint.received_on.isoformat() == "2026-09-28"
        assert Clock.objects.get(rule_key="complaint_accept_period").due_on.isoformat() == "2026-10-13"
        status = lookup(number, code).content.decode()
        assert "已收到，待审核" in status and "2026-10-13" in status and "陈建国" not in status

    # acceptance on 2026-09-30: the matter is opened, the 30-day clock runs from acceptance → 2026-10-30
    with freeze_time("2026-09-30 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "accepted" and complaint.decided_on.isoformat() == "2026-09-30"
        matter = complaint.matter
        assert matter.process == "complaint" and matter.source == "complaint" and matter.agency == agency
        assert Clock.objects.get(rule_key="complaint_accept_period").status == MET
        finish = Clock.objects.get(rule_key="complaint_finish_period")
        assert finish.started_on.isoformat() == "2026-09-30" and finish.due_on.isoformat() == "2026-10-30"
        assert complaint.notices.get().kind == "complaint_acceptance"
        assert complaint.notices.get().doc_number == "武隆投受〔2026〕1号"
        # the complainant is told by when (第十条), the date without leading zeros
        assert "自受理之日起30日内办结，即于2026年10月30日前办结" in complaint.notices.get().body

    # 第八条: one investigator is refused; the declaration of no interest is required
    url = f"/admin/complaints/{complaint.pk}/investigators/"
    with freeze_time("2026-10-09 09:00"):
        officer_client = login(officer)  # sessions expire: log in within each frozen day
        r = officer_client.post(url, {"users": [officer.pk], "no_interest": "on"})
        assert r.status_code == 400 and "应当确定2名以上调查人员" in r.content.decode()
        r = officer_client.post(url, {"users": [officer.pk, people["officer2"].pk]})
        assert r.status_code == 400 and "直接利害关系" in r.content.decode()
        assert complaint.investigators.count() == 0
        r = officer_client.post(url, {"users": [officer.pk, people["officer2"].pk], "no_interest": "on"})
        assert r.status_code == 302
        # the recusal select names people (not accounts) and starts at 请选择 (issue 26: usernames and ---------)
        page = officer_client.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        select = re.search(r'<select name="user"[^>]*>(.*?)</select>', page, re.S).group(1)
        assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["请选择", "赵经办", "钱经办"]
        assert "---------" not in page
        # officer2 declares an interest (a relative of the complainant) and steps aside; recorded, not deleted
        r = login(people["officer2"]).post(f"/admin/complaints/{complaint.pk}/recuse/", {
            "user": people["officer2"].pk, "reason": "系投诉举报人的近亲属"})
        assert r.status_code == 302
        inv = complaint.investigators.get(user=people["officer2"])
        assert inv.recused and inv.recusal_reason == "系投诉举报人的近亲属"
        # one recusal rule for every process (casework.recusal): kept off the whole matter, with who decided
        staff = Recusal.objects.get(matter=complaint.matter, user=people["officer2"])
        assert (staff.ground, staff.article, staff.decided_by) == (
            "与监督事项或者当事人有直接利害关系：系投诉举报人的近亲属", "《行政执法投诉举报制度》第八条", people["officer2"])
        assert DecisionRecord.objects.filter(subject_id=str(complaint.matter.pk), process_kind="recusal").count() == 1
        # with one investigator left the opinion is refused; the recused one cannot be put back
        r = officer_client.post(f"/admin/complaints/{complaint.pk}/opinion/", {"text": "属实。"})
        assert r.status_code == 400 and "调查人员不足2人" in r.content.decode()
        r = officer_client.post(url, {"users": [people["officer2"].pk], "no_interest": "on"})
        assert r.status_code == 400 and "已因利害关系回避" in r.content.decode()
        r = officer_client.post(url, {"users": [people["officer3"].pk], "no_interest": "on"})
        assert r.status_code == 302
        r = officer_client.post(f"/admin/complaints/{complaint.pk}/opinion/", {
            "text": "经调取执法记录仪视频，执法人员存在推搡行为，投诉属实；建议责令改正并追究执法人员责任。"})
        assert r.status_code == 302

    # 第十条: the head approves an extension of 30 days: 60 days from 09-30 = Sunday 11-29 → Monday 11-30
    with freeze_time("2026-10-26 15:00"):
        officer_client = login(officer)
        r = officer_client.post(f"/admin/complaints/{complaint.pk}/extension/", {"days": "30", "reason": "x"})
        assert denied(r) and finish.extensions.count() == 0  # an officer cannot approve
        leader_client = login(leader)
        r = leader_client.post(f"/admin/complaints/{complaint.pk}/extension/", {
            "days": "30", "reason": "需调取第三方监控录像，情况复杂"})
        assert r.status_code == 302
        finish.refresh_from_db()
        assert finish.due_on.isoformat() == "2026-11-30"
        ext = finish.extensions.get()
        assert ext.approved_by == leader and ext.reason == "需调取第三方监控录像，情况复杂"
        assert ext.created_at.date().isoformat() == "2026-10-26"
        r = leader_client.post(f"/admin/complaints/{complaint.pk}/extension/", {"days": "1", "reason": "再延"})
        assert r.status_code == 400 and "延长后合计超过上限" in r.content.decode()
        screen = leader_client.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "2026-11-30" in screen and "李局长于2026-10-26" in screen

    # 第九条: collective review; participants and decision recorded
    with freeze_time("2026-11-20 10:00"):
        leader_client = login(leader)
        r = leader_client.post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长", "outcome": "substantiated", "decision": "责令限期改正。"})
        assert r.status_code == 400 and "至少两人" in r.content.decode()
        r = leader_client.post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长、吴副局长", "outcome": "substantiated",
            "decision": "责令武隆区市场监督管理局限期改正，建议对执法人员给予批评教育。"})
        assert r.status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "reviewed" and complaint.review_participants == "李局长、周副局长、吴副局长"

    # 第十二条: reply; the matter is closed, the clock met, the complainant's notice generated
    with freeze_time("2026-11-23 10:00"):
        officer_client = login(officer)
        r = officer_client.post(f"/admin/complaints/{complaint.pk}/reply/", {
            "text": "经查，你反映的执法人员推搡行为属实，已责令改正。"})
        assert r.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ANSWERED and complaint.answered_on.isoformat() == "2026-11-23"
    finish.refresh_from_db()
    assert finish.status == MET
    assert Matter.objects.get(pk=matter.pk).status == "closed"
    assert [n.kind for n in complaint.notices.all()] == ["complaint_acceptance", "complaint_reply"]
    assert list(DecisionRecord.objects.filter(process_kind="complaint").values_list("outcome", flat=True)
                .order_by("pk")) == ["受理", "查证属实", "查证属实"]
    assert process_for(complaint, ComplaintFlow).status == "DONE"

    # the complainant: state and dates, and the notices through signed links
    with freeze_time("2026-11-24 10:00"):
        html = lookup(number, code).content.decode()
        assert "已办结并告知" in html and "2026-11-30" in html and "2026-11-23" in html
        assert "陈建国" not in html and "13812345678" not in html
        link = re.search(r'href="(/complaints/notice/[^"]+/)"', html).group(1)
        pdf = Client().get(link)
        assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    # 第十四条: 申诉 to the deciding body
    r = login(officer).post(f"/admin/complaints/{complaint.pk}/appeal/", {
        "received_on": "2026-11-25", "text": "对追责形式不服。"})
    assert r.status_code == 302 and complaint.appeals.count() == 1


@pytest.mark.django_db
def test_agency_complained_about_never_sees_the_complainant(people):
    agency, officer, liaison = people["agency"], people["officer"], people["liaison"]
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(agency))
        complaint = Complaint.objects.get()
        login(officer).post(f"/admin/complaints/{complaint.pk}/accept/")
        complaint.refresh_from_db()
    liaison_client = login(liaison)
    matter_page = liaison_client.get(f"/admin/casework/{complaint.matter_id}/")
    assert matter_page.status_code == 200
    html = matter_page.content.decode()
    assert "依法保护" in html
    for secret in ("陈建国", valid_id(), "13812345678", "芙蓉路", "陈*"):
        assert secret not in html
    for url in (f"/admin/complaints/{complaint.pk}/", f"/admin/complaints/notices/{complaint.notices.get().pk}.pdf"):
        response = liaison_client.get(url)
        assert denied(response), url
        assert "陈建国" not in response.content.decode()
    # its list holds only the complaints its own legal unit handles (投诉 第三条), never one the bureau handles
    listing = liaison_client.get("/admin/complaints/").content.decode()
    assert complaint.receipt_number not in listing and "陈**" not in listing and "陈建国" not in listing
    # handling staff: the full identity on the complaint screen, masked in the list
    officer_client = login(officer)
    assert "50023219850312001" in officer_client.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    listing = officer_client.get("/admin/complaints/").content.decode()
    assert "陈**" in listing and "138****5678" in listing and "13812345678" not in listing
    assert valid_id() not in listing


@pytest.mark.django_db
def test_refused_with_a_ground_of_article_5_and_the_reasons_told(people):
    with freeze_time("2026-09-28 10:00"):
        _, number, code = submit(Client(), complaint_data(people["agency"]))
        complaint = Complaint.objects.get()
    with freeze_time("2026-10-12 10:00"):
        client = login(people["officer"])
        r = client.post(f"/admin/complaints/{complaint.pk}/refuse/", {"ground": "elsewhere", "reasons": ""})
        assert r.status_code == 400 and "说明理由" in r.content.decode()
        r = client.post(f"/admin/complaints/{complaint.pk}/refuse/", {
            "ground": "elsewhere", "reasons": "该事项已由区信访办于2026年9月25日受理。"})
        assert r.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "refused" and complaint.matter is None
    assert complaint.refusal_article == "《行政执法投诉举报制度》第五条第（四）项"
    notice = complaint.notices.get()
    assert notice.kind == "complaint_refusal" and notice.doc_number == "武隆投不〔2026〕1号"
    assert "已由监察、信访或其他机关受理" in notice.body
    assert Clock.objects.get(rule_key="complaint_accept_period").status == MET
    record = DecisionRecord.objects.get(process_kind="complaint")
    assert record.outcome == "不予受理" and record.article == "《行政执法投诉举报制度》第五条第（四）项"
    html = lookup(number, code).content.decode()
    assert "不予受理" in html and "已由监察、信访或其他机关受理" in html and "2026-10-12" in html


@pytest.mark.django_db
def test_transferred_to_the_competent_body(people):
    with freeze_time("2026-09-28 10:00"):
        _, number, code = submit(Client(), complaint_data(people["agency"]))
        complaint = Complaint.objects.get()
        r = login(people["officer"]).post(f"/admin/complaints/{complaint.pk}/transfer/", {
            "to": "武隆区纪委监委", "reasons": "反映执法人员收受财物，属监察机关管辖。"})
        assert r.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "transferred" and complaint.transferred_to == "武隆区纪委监委"
    assert complaint.notices.get().kind == "complaint_transfer"
    html = lookup(number, code).content.decode()
    assert "已转送有权机关" in html and "武隆区纪委监委" in html


@pytest.mark.django_db
def test_acceptance_is_refused_to_a_liaison_and_to_the_public(people):
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
    complaint = Complaint.objects.get()
    assert denied(login(people["liaison"]).post(f"/admin/complaints/{complaint.pk}/accept/"))
    assert "/admin/login/" in Client().post(f"/admin/complaints/{complaint.pk}/accept/")["Location"]
    complaint.refresh_from_db()
    assert complaint.status == "received"
