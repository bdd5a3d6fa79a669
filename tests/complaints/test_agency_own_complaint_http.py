"""A complaint about an agency received and handled by that agency's legal unit (004 行政执法投诉举报制度 第三条:
区司法局和行政执法机关法制机构…具体负责行政执法投诉举报的受理、处理和监督): the unit enters the letter, accepts it
within 7 working days (第七条), names two of its staff to investigate (第八条), records the collective review
(第九条) and tells the complainant (第十二条); the bureau sees the complaint but cannot act until its leader takes
it over by a recorded decision; another agency's liaison sees nothing.

Calendar 2026: received Wednesday 09-30; 7 working days (National Day 10-01..10-07, Saturday 10-10 a make-up
workday) end Thursday 10-15; accepted 10-09, 30 days end 11-08, a Sunday → Monday 11-09."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Agency
from clocks.models import Clock
from complaints.models import Complaint, Notice
from decisions.models import DecisionRecord
from roles.definitions import LIAISON
from roles.models import StaffProfile
from tests.complaints.helpers import complaint_data, login
from tests.flows.worklist_pages import inbox

pytestmark = pytest.mark.django_db


def staff_of(make_user, agency, username, first_name):
    user = make_user(username, LIAISON, first_name=first_name)
    StaffProfile.objects.create(user=user, agency=agency)
    return user


def enter(client, agency, **extra):
    data = {**complaint_data(agency), "channel": "letter", "received_on": "2026-09-30", **extra}
    return client.post("/admin/complaints/new/", data)


def test_the_agency_legal_unit_handles_a_complaint_about_its_own_agency(people, make_user):
    agency, unit, officer, leader = people["agency"], people["liaison"], people["officer"], people["leader"]
    other = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    stranger = staff_of(make_user, other, "lx_cg", "外局联络员")
    inv1, inv2 = staff_of(make_user, agency, "scj_a", "法制科甲"), staff_of(make_user, agency, "scj_b", "法制科乙")
    with freeze_time("2026-10-09 09:00"):
        # another agency's unit cannot enter a complaint about this agency
        assert enter(login(stranger), agency).status_code == 200 and not Complaint.objects.exists()
        r = enter(login(unit), agency)
        assert r.status_code == 302, r.content.decode()[-3000:]
        complaint = Complaint.objects.get()
        assert complaint.handled_by == "agency" and complaint.entered_by == unit and complaint.agency == agency
        assert Clock.objects.get(rule_key="complaint_accept_period").due_on == dt.date(2026, 10, 15)
        # the step waits on the unit; not on the bureau's officers, not on the other agency
        assert "受理审核" in inbox(unit) and complaint.receipt_number not in inbox(officer)
        assert "受理审核" not in inbox(stranger)
        # the other agency sees nothing; the unit sees the complainant (it is the receiving body); the bureau sees
        assert login(stranger).get(f"/admin/complaints/{complaint.pk}/").status_code in (302, 403)
        assert complaint.receipt_number not in login(stranger).get("/admin/complaints/").content.decode()
        own = login(unit).get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "陈建国" in own and "武隆区市场监督管理局法制机构（投诉 第三条" in own
        assert complaint.receipt_number in login(unit).get("/admin/complaints/").content.decode()
        bureau = login(officer).get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "武隆区市场监督管理局法制机构" in bureau and "司法局接办" not in bureau
        # read-only for the bureau: an officer's acceptance is refused and nothing is written
        login(officer).post(f"/admin/complaints/{complaint.pk}/accept/")
        assert Complaint.objects.get().status == "received"

        assert login(unit).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "accepted" and complaint.decided_by == unit
        assert Notice.objects.filter(complaint=complaint, kind="complaint_acceptance").count() == 1
        assert Clock.objects.get(rule_key="complaint_finish_period").due_on == dt.date(2026, 11, 9)
        # 第八条: two investigators from the agency's own staff; a bureau officer is refused
        bad = login(unit).post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [inv1.pk, officer.pk], "no_interest": "on"})
        assert bad.status_code == 400 and not complaint.investigators.exists()
        r = login(unit).post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [inv1.pk, inv2.pk], "no_interest": "on"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        assert "调查并提出初步处理意见" in inbox(inv1)

    with freeze_time("2026-10-20 09:00"):
        assert login(inv2).post(f"/admin/complaints/{complaint.pk}/opinion/",
                                {"text": "执法人员存在推搡行为，投诉属实。"}).status_code == 302
        # 第九条: the agency's leadership reviews collectively; its unit records it (the bureau's leader cannot)
        login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长", "outcome": "substantiated", "decision": "责令改正。"})
        assert Complaint.objects.get().status == "accepted"
        r = login(unit).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "王局长、刘副局长", "outcome": "substantiated", "decision": "责令执法人员书面检查。"})
        assert r.status_code == 302
    with freeze_time("2026-10-22 09:00"):
        r = login(unit).post(f"/admin/complaints/{complaint.pk}/reply/", {"text": "经查，投诉属实，已责令改正。"})
        assert r.status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "answered" and complaint.answered_on == dt.date(2026, 10, 22)
        assert Clock.objects.get(rule_key="complaint_finish_period").status == "met"


def test_the_bureau_takes_over_a_complaint_the_agency_handles(people):
    agency, unit, officer, leader = people["agency"], people["liaison"], people["officer"], people["leader"]
    with freeze_time("2026-10-09 09:00"):
        assert enter(login(unit), agency).status_code == 302
        complaint = Complaint.objects.get()
        # an officer may not take over; the leader may, with a reason
        login(officer).post(f"/admin/complaints/{complaint.pk}/take-over/", {"reason": "涉及本机关负责人"})
        assert Complaint.objects.get().handled_by == "agency"
        page = login(leader).get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "司法局接办" in page
        blank = login(leader).post(f"/admin/complaints/{complaint.pk}/take-over/", {"reason": ""})
        assert blank.status_code == 200 and Complaint.objects.get().handled_by == "agency"
        r = login(leader).post(f"/admin/complaints/{complaint.pk}/take-over/", {"reason": "投诉涉及该机关负责人本人。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        complaint.refresh_from_db()
        assert (complaint.handled_by, complaint.taken_over_on) == ("bureau", dt.date(2026, 10, 9))
        record = DecisionRecord.objects.get(process_kind="complaint", outcome="司法局接办")
        assert record.decided_on == dt.date(2026, 10, 9) and record.article == "《行政执法投诉举报制度》第三条"
        # the waiting step moved to the bureau's officers; the unit no longer sees the complaint
        assert "受理审核" in inbox(officer) and "受理审核" not in inbox(unit)
        assert login(unit).get(f"/admin/complaints/{complaint.pk}/").status_code in (302, 403)
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        assert Complaint.objects.get().status == "accepted"
