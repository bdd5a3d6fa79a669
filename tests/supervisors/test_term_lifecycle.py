"""Term lifecycle (issue 12): a Weihai term (2 years, 001 第五条, no automatic end) that ends is not
silently continued: service stops and the term waits on the dashboard for a renewal decision; a
renewed term starts the day after the current one ends; Weihai issues no card (证件/工作证)."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from public_notices.models import AppointmentNoticePage
from roles.definitions import LEADER, OFFICER
from supervisors.models import AWAITING, ENDED, SERVING, Supervisor, Term
from tests.supervisors.lifecycle import recruit
from tests.supervisors.test_terms import renew


@pytest.fixture
def staff(site_tree, make_user):
    return make_user("officer", OFFICER), make_user("leader", LEADER)


@pytest.mark.django_db
def test_weihai_term_ends_service_and_waits_on_the_dashboard_until_decided_001_art5(staff):
    officer, leader = staff
    _, (term,) = recruit("weihai", officer, leader, names=("郑红",))
    assert (term.start, term.end) == (dt.date(2026, 3, 11), dt.date(2028, 3, 10))
    assert term.card_no == ""  # 001 第四条: a 聘任证书 only, no 工作证
    client = Client()
    with freeze_time("2028-03-11 03:00"):
        client.force_login(leader)
        # before the scheduler runs, the ended term is already on the dashboard
        assert "郑红 第1届，2028-03-10 届满" in client.get("/admin/").content.decode()
        run_once()
        term.refresh_from_db()
        assert term.status == Term.EXPIRED and term.supervisor.status == AWAITING  # no longer serving
    with freeze_time("2028-05-20 10:00"):
        client.force_login(leader)
        html = client.get("/admin/").content.decode()
        assert "聘期已届满，待决定是否续聘" in html and "郑红 第1届，2028-03-10 届满" in html
        assert f"/workflow/terms/{term.pk}/decide/" in html
        # the officer may not take the leader's decision
        other = Client()
        other.force_login(officer)
        assert other.post(f"/workflow/terms/{term.pk}/decide/", {"note": "x"}).status_code == 403
        page = client.get(f"/workflow/terms/{term.pk}/decide/").content.decode()
        assert "第五条" in page
        response = client.post(f"/workflow/terms/{term.pk}/decide/", {"note": "本人因工作调动不再续聘。"})
        assert response.status_code == 302
        client.get("/workflow/")  # consume the success message
        assert "待决定是否续聘" not in client.get("/admin/").content.decode()  # decided: off the dashboard
    term.refresh_from_db()
    assert term.status == Term.ENDED and Supervisor.objects.get().status == ENDED
    record = DecisionRecord.objects.get(outcome="期满不再续聘")
    assert "第五条" in record.article and "届满待决定" in record.body and "本人因工作调动不再续聘" in record.body


@pytest.mark.django_db
def test_renewed_term_starts_the_day_after_the_current_term_ends(staff):
    officer, leader = staff
    _, (first,) = recruit("weihai", officer, leader, names=("郑红",))
    (second,) = renew("weihai", first.supervisor, officer, leader, dt.date(2028, 2, 9))
    first.refresh_from_db()
    assert first.status == Term.RENEWED and first.end == dt.date(2028, 3, 10)
    assert (second.start, second.end) == (dt.date(2028, 3, 11), dt.date(2030, 3, 10))
    assert second.supervisor.status == SERVING
    with freeze_time("2028-03-11 03:00"):
        run_once()
    second.refresh_from_db()
    assert second.status == Term.ACTIVE and second.supervisor.status == SERVING


@pytest.mark.django_db
def test_an_expired_weihai_term_can_still_be_renewed_from_the_renewal_day(staff):
    officer, leader = staff
    _, (first,) = recruit("weihai", officer, leader, names=("郑红",))
    with freeze_time("2028-03-11 03:00"):
        run_once()
    (second,) = renew("weihai", Supervisor.objects.get(), officer, leader, dt.date(2028, 3, 20))
    # publicity 2028-03-20 + 5 working days (provisional, 2028 holidays not entered) ends 2028-03-27;
    # appointed 2028-03-28: a term cannot be backdated over the weeks nobody served
    assert (second.start, second.end) == (dt.date(2028, 3, 28), dt.date(2030, 3, 27))
    assert Supervisor.objects.get().status == SERVING


@pytest.mark.django_db
def test_appointment_notice_fills_term_dates_and_writes_chinese_dates(staff):
    officer, leader = staff
    recruit("wanzhou", officer, leader)
    page = AppointmentNoticePage.objects.get()
    assert (page.term_start, page.term_end) == (dt.date(2026, 3, 11), dt.date(2031, 3, 10))
    assert "聘期自2026年3月11日至2031年3月10日" in page.body
    assert "2026-03-11" not in page.body
    assert Term.objects.get().card_no == "万州监证〔2026〕001号"  # 000 第六条第（三）项: certificate and card
