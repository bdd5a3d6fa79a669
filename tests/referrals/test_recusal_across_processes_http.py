"""Recusal of the bureau's own staff (回避: Enshi 003 第二十四条第（二）项, Wulong 004 投诉举报制度 第八条) holds in the
processes beyond letters and coordination: a complaint's reply, a referral out of the complaint's file, the review
of a filed major decision, and a checklist finding of an inspection. The recused person is refused in Chinese with
the article, nothing is written, and someone not recused does the same step. Over HTTP as the role users."""
import pytest
from freezegun import freeze_time

from casework.models import Matter, Recusal
from complaints.models import Complaint
from decisions.models import DecisionRecord
from filings.models import Filing
from programme.models import Activity, ChecklistItem, Finding
from referrals.models import Referral
from roles.definitions import LEADER, OFFICER
from tests.complaints.helpers import complaint_reviewed, login
from tests.letters.letters_http import people as enshi_people

WULONG_8 = "《行政执法投诉举报制度》第八条"
ENSHI_24 = "《恩施土家族苗族自治州行政执法监督办法》第二十四条第（二）项"


def refusal(name, day, ground, article):
    return f"{name}已于{day}在本事项回避（{ground}），依照{article}的规定，不得再起草、签发、审核或决定本事项。"


def test_a_recused_leader_cannot_refer_and_a_recused_officer_cannot_reply(people, make_user):
    complaint = complaint_reviewed(people, opinion="投诉属实。", outcome="substantiated",
                                   decision="执法人员未出示执法证件即实施检查，查证属实。")
    complaint.refresh_from_db()
    matter = complaint.matter
    leader2 = make_user("leader2", LEADER, first_name="周副局长")
    officer, leader = people["officer"], people["leader"]
    with freeze_time("2026-10-21 09:00"):
        # a second leader finds the first must recuse; the officer declares his own interest
        r = login(leader2).post(f"/admin/casework/{matter.pk}/recusal/", {
            "user": leader.pk, "ground": "direct_interest", "note": "曾在被投诉机关任职"})
        assert r.status_code == 302
        r = login(officer).post(f"/admin/casework/{matter.pk}/recusal/", {
            "user": officer.pk, "ground": "direct_interest", "note": "投诉人系其近亲属"})
        assert r.status_code == 302
        assert sorted(Recusal.objects.filter(matter=matter).values_list(
            "user__first_name", "origin", "decided_by__first_name", "article")) == [
            ("李局长", "found", "周副局长", WULONG_8), ("赵经办", "declared", "赵经办", WULONG_8)]
        assert DecisionRecord.objects.filter(process_kind="recusal").count() == 2

        # the recused leader decides a referral: refused, no referral, no document
        r = login(leader).post(f"/admin/complaints/{complaint.pk}/handoff/referral/", {
            "to": "重庆市武隆区人民检察院", "reasons": "执法人员涉嫌徇私舞弊。"})
        assert r.status_code == 200
        assert refusal("李局长", "2026年10月21日", "与监督事项或者当事人有直接利害关系：曾在被投诉机关任职",
                       WULONG_8) in r.content.decode()
        assert not Referral.objects.exists()
        # the leader not recused decides it
        r = login(leader2).post(f"/admin/complaints/{complaint.pk}/handoff/referral/", {
            "to": "重庆市武隆区人民检察院", "reasons": "执法人员涉嫌徇私舞弊。"})
        assert r.status_code == 302
        assert Referral.objects.get().matter == matter

        # the recused officer tells the complainant the result: refused, nothing written
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/reply/", {"text": "经调查，投诉属实，已责令纠正。"})
        assert r.status_code == 400
        assert refusal("赵经办", "2026年10月21日", "与监督事项或者当事人有直接利害关系：投诉人系其近亲属",
                       WULONG_8) in r.content.decode()
        complaint.refresh_from_db()
        assert complaint.reply == "" and complaint.answered_on is None
        # the other investigator replies
        r = login(people["officer2"]).post(f"/admin/complaints/{complaint.pk}/reply/",
                                          {"text": "经调查，投诉属实，已责令纠正。"})
        assert r.status_code == 302
        assert Complaint.objects.get(pk=complaint.pk).answered_on.isoformat() == "2026-10-21"


@pytest.mark.django_db
def test_a_recused_officer_cannot_review_a_filing_nor_record_a_finding(make_user):
    p = enshi_people(make_user, "enshi", "恩施州市场监督管理局")
    officer, other_officer = p["officer"], make_user("officer_es2", OFFICER, first_name="钱经办")
    with freeze_time("2026-03-10 09:00"):
        r = login(p["liaison"]).post("/admin/filings/new/", {
            "agency": p["agency"].pk, "title": "对某超市的行政处罚决定", "decision_number": "恩市监罚〔2026〕41号",
            "decided_on": "2026-03-02"})
        assert r.status_code == 302
        filing = Filing.objects.get()
        r = login(officer).post(f"/admin/casework/{filing.matter_id}/recusal/", {
            "user": officer.pk, "ground": "interest", "note": "当事人系其近亲属"})
        assert r.status_code == 302
        r = login(officer).post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"}, follow=True)
        assert refusal("张经办", "2026年03月10日", "与办理的监督事项有利害关系：当事人系其近亲属",
                       ENSHI_24) in r.content.decode()
        filing.refresh_from_db()
        assert filing.outcome == "pending" and not DecisionRecord.objects.filter(process_kind="filing").exists()
        r = login(other_officer).post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"})
        assert r.status_code == 302
        assert Filing.objects.get(pk=filing.pk).outcome == "passed"

    with freeze_time("2026-06-12 10:00"):
        # a case-file review that found problems becomes a matter; the officer then recuses from it
        r = login(officer).post("/admin/programme/enshi/2026/activities/new/", {
            "kind": "casefile_review", "agency": p["agency"].pk, "held_on": "2026-06-10", "title": "年度案卷评查",
            "mode": "desk", "has_problems": "on", "findings": "案卷缺少送达回证。", "p1_user": officer.pk})
        assert r.status_code == 302, r.content.decode()[-2000:]
        activity = Activity.objects.get()
        assert login(officer).post(f"/admin/programme/activities/{activity.pk}/matter/").status_code == 302
        matter = Matter.objects.get(pk=Activity.objects.get().matter_id)
        r = login(officer).post(f"/admin/casework/{matter.pk}/recusal/", {
            "user": officer.pk, "ground": "other", "note": "曾参与该案办理"})
        assert r.status_code == 302
        item = ChecklistItem.objects.get(jurisdiction="enshi", code="casefile")
        r = login(officer).post(f"/admin/programme/activities/{activity.pk}/", {"item": item.pk, "text": "缺送达回证。"})
        assert refusal("张经办", "2026年06月12日", "有其他情形可能影响公正处理：曾参与该案办理",
                       ENSHI_24) in r.content.decode()
        assert not Finding.objects.exists()
        r = login(other_officer).post(f"/admin/programme/activities/{activity.pk}/",
                                      {"item": item.pk, "text": "缺送达回证。"})
        assert r.status_code == 302 and Finding.objects.count() == 1
