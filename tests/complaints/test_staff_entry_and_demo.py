"""Staff entry of letters, calls and visits (004 第二条、第六条) with the receipt date from the letter, and the
demo content: one complaint in each state and interference records, loaded idempotently."""
import pytest
from freezegun import freeze_time

from clocks.models import Clock
from complaints.models import Complaint, InterferenceRecord
from tests.complaints.helpers import complaint_data, login


@pytest.mark.django_db
def test_officer_enters_a_letter_with_its_receipt_date(people):
    with freeze_time("2026-10-09 10:00"):
        data = {**complaint_data(people["agency"]), "channel": "letter", "received_on": "2026-09-30",
                "jurisdiction": "wulong"}
        r = login(people["officer"]).post("/admin/complaints/new/?jurisdiction=wulong", data)
        assert r.status_code == 302
        complaint = Complaint.objects.get()
        assert complaint.channel == "letter" and complaint.entered_by == people["officer"]
        # 09-30 → 10-08, 10-09, 10-10 (make-up), 10-12, 10-13, 10-14, 10-15: the 7th working day
        assert Clock.objects.get(rule_key="complaint_accept_period").due_on.isoformat() == "2026-10-15"
        r = login(people["liaison"]).post("/admin/complaints/new/?jurisdiction=wulong", data)
        assert Complaint.objects.count() == 1
        r = login(people["officer"]).post("/admin/complaints/new/?jurisdiction=wulong",
                                          {**data, "received_on": "2026-10-08"})
        assert r.status_code == 200 and "一日内已登记过内容相同的投诉举报" in r.content.decode()


@pytest.mark.django_db
def test_demo_has_every_state_and_is_idempotent(site_tree):
    from casework.demo import load_agencies
    from complaints.demo import load_complaints
    from demo.site_tree import load_users

    load_users()
    load_agencies()
    with freeze_time("2026-11-27 10:00"):
        load_complaints()
        load_complaints()
    states = set(Complaint.objects.values_list("status", flat=True))
    assert states == {"received", "lead", "refused", "transferred", "accepted", "reviewed", "answered"}
    assert Complaint.objects.count() == 7 and InterferenceRecord.objects.count() == 3
    assert InterferenceRecord.objects.filter(corrects__isnull=False).count() == 1
    # the officer's dashboard lists what waits for acceptance; the leader's the interference records
    from django.contrib.auth import get_user_model

    officer, leader = (get_user_model().objects.get(username=u) for u in ("officer", "leader"))
    with freeze_time("2026-11-27 11:00"):
        html = login(officer).get("/admin/").content.decode()
        assert "投诉举报待办" in html and "待受理审核" in html
        assert "干预插手案件记录（近90日 3 条）" in login(leader).get("/admin/").content.decode()
