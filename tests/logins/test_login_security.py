"""issue 26 item 7: nobody can lock a named staff account out. Failed logins wait per account and client,
with a wait that doubles; the per-client limit stays; an account under attack only slows each client down;
the bureau's leaders (and superusers) see the failed logins — account, address, time, count, never a
password — in 登录失败警报 and on their dashboard; every other role is refused (sent back to the dashboard).

All over HTTP at /admin/login/, with the client's address in REMOTE_ADDR and the clock frozen. The figures
are settings.LOGIN_FAILURE_POLICY's: 5 free failures per account and client, then 1 min, 2 min …;
20 failures of one account in 15 min = under attack; THROTTLE_RATES["login"]: 10 per client in 15 min."""
import datetime as dt

import pytest
from django.test import Client, RequestFactory
from freezegun import freeze_time
from wagtail.admin.menu import admin_menu

from casework.models import Agency
from logins.models import FailedLogin
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db
START = "2026-12-06 10:00:00"  # UTC: 18:00 in Beijing
WRONG = "Guess-Wrong-2026!"


def attempt(address, username, password):
    return Client(REMOTE_ADDR=address).post("/admin/login/", {"username": username, "password": password})


def ok(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def failed(response):
    return response.status_code == 200 and "登录尝试过于频繁" not in response.content.decode()


def refused(response, text):
    html = response.content.decode()
    # on the login page itself (the form is there), the password unchecked
    return response.status_code == 429 and text in html and 'name="username"' in html


@pytest.fixture
def officer(make_user):
    return make_user("officer", OFFICER, first_name="李经办")


def test_ten_wrong_passwords_from_ten_addresses_lock_nobody_out(officer):
    with freeze_time(START):
        for n in range(1, 11):
            assert failed(attempt(f"203.0.113.{n}", "officer", WRONG))
        assert ok(attempt("198.51.100.7", "officer", "pw-officer"))  # the real officer, elsewhere
        assert ok(attempt("203.0.113.1", "officer", "pw-officer"))  # even from one of those addresses
    rows = FailedLogin.objects.filter(username="officer")
    assert rows.count() == 10 and {r.failures for r in rows} == {1}
    assert {r.client for r in rows} == {f"203.0.113.{n}" for n in range(1, 11)}
    assert rows.get(client="203.0.113.1").outcome == FailedLogin.SUCCEEDED  # the run ended by the login


def test_one_client_waits_for_one_account_and_the_wait_doubles(officer, make_user):
    make_user("leader_b", LEADER)
    with freeze_time(START) as clock:
        for _ in range(5):
            assert failed(attempt("203.0.113.50", "officer", WRONG))
        clock.tick(dt.timedelta(seconds=30))
        held = attempt("203.0.113.50", "officer", "pw-officer")
        assert refused(held, "登录尝试过于频繁：该账号在本网络已连续5次登录失败，请于1分钟后再试。")
        assert "忘记密码请联系系统管理员" in held.content.decode()
        # neither the officer elsewhere nor a colleague behind the same address is held
        assert ok(attempt("198.51.100.50", "officer", "pw-officer"))
        assert ok(attempt("203.0.113.50", "leader_b", "pw-leader_b"))

        clock.tick(dt.timedelta(seconds=31))  # 10:01:01: the minute is over; one more wrong password ...
        assert failed(attempt("203.0.113.50", "officer", WRONG))
        clock.tick(dt.timedelta(seconds=1))  # ... and the wait is two minutes
        assert refused(attempt("203.0.113.50", "officer", "pw-officer"), "已连续6次登录失败，请于2分钟后再试")
        clock.tick(dt.timedelta(seconds=100))  # 10:02:42: 19 seconds still to wait
        assert refused(attempt("203.0.113.50", "officer", "pw-officer"), "请于1分钟后再试")
        clock.tick(dt.timedelta(seconds=20))  # 10:03:02
        assert ok(attempt("203.0.113.50", "officer", "pw-officer"))
        assert failed(attempt("203.0.113.50", "officer", WRONG))  # after a login the count starts again
    runs = FailedLogin.objects.filter(username="officer", client="203.0.113.50").order_by("first_failed_at")
    assert [(r.failures, r.outcome) for r in runs] == [(6, "succeeded"), (1, "")]
    assert runs[0].blocked_until is None and runs[1].blocked_until is None


def test_the_per_client_limit_stays_for_all_accounts_together(make_user):
    make_user("leader", LEADER)
    with freeze_time(START) as clock:
        for n in range(10):  # one failure each for ten account names, from one address
            assert failed(attempt("203.0.113.60", f"staff{n}", WRONG))
        held = attempt("203.0.113.60", "leader", "pw-leader")
        assert refused(held, "登录尝试过于频繁：本网络15分钟内已有10次登录失败，请于15分钟后再试。")
        assert ok(attempt("198.51.100.60", "leader", "pw-leader"))  # another address
        clock.tick(dt.timedelta(minutes=15, seconds=1))
        assert ok(attempt("203.0.113.60", "leader", "pw-leader"))


def test_an_account_under_attack_slows_every_new_address_but_never_locks_the_real_user(officer):
    with freeze_time(START) as clock:
        for n in range(1, 21):  # twenty addresses, one wrong password each, within 15 minutes
            assert failed(attempt(f"192.0.2.{n}", "officer", WRONG))
            clock.tick(dt.timedelta(seconds=20))
        # under attack: a new address has one failure before its wait starts (instead of five)
        assert failed(attempt("192.0.2.21", "officer", WRONG))
        assert refused(attempt("192.0.2.21", "officer", "pw-officer"), "已连续1次登录失败，请于1分钟后再试")
        # an address that has not failed may always try: the real officer logs in
        assert ok(attempt("198.51.100.99", "officer", "pw-officer"))
        # and an address that failed once before the attack was seen is not held either
        assert ok(attempt("192.0.2.1", "officer", "pw-officer"))
        clock.tick(dt.timedelta(seconds=61))
        assert ok(attempt("192.0.2.21", "officer", "pw-officer"))


def test_the_record_holds_no_password(officer, make_user):
    with freeze_time(START):
        for _ in range(3):
            attempt("203.0.113.70", "Officer ", WRONG)  # as typed: case and spaces do not make a new account
        attempt("203.0.113.71", "nobody-here", WRONG)
    assert list(FailedLogin.objects.order_by("username").values_list("username", "client", "failures")) == [
        ("nobody-here", "203.0.113.71", 1), ("officer", "203.0.113.70", 3)]
    assert FailedLogin.objects.get(username="officer").user == officer
    for row in FailedLogin.objects.values():
        assert WRONG not in repr(row)
    client = Client()
    client.force_login(make_user("boss"))
    with freeze_time(START):
        html = client.get("/admin/login-alerts/").content.decode()
    assert "203.0.113.70" in html and "（无此账号）" in html and WRONG not in html


def menu_labels(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {str(item.label) for item in admin_menu.menu_items_for_request(request)}


def test_leaders_and_superusers_see_the_alerts_every_other_role_is_refused(officer, make_user):
    agency = Agency.objects.create(name="万州区市场监督管理局", jurisdiction="wanzhou")
    liaison = make_user("liaison", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wanzhou")
    people = {"leader": make_user("leader", LEADER), "admin": make_user("admin"),
              "editor": make_user("editor", EDITOR), "officer": officer, "liaison": liaison,
              "supervisor": make_user("supervisor", SUPERVISOR)}
    with freeze_time(START) as clock:
        for n in range(1, 13):  # twelve addresses: the alert figure (10 a day) is reached
            attempt(f"203.0.113.{n}", "officer", WRONG)
            clock.tick(dt.timedelta(seconds=10))
        for role, user in people.items():
            client = Client()
            client.force_login(user)
            screen = client.get("/admin/login-alerts/")
            home = client.get("/admin/").content.decode()
            if role in ("leader", "admin"):
                html = screen.content.decode()
                assert screen.status_code == 200, role
                assert "<td><a href=\"?account=officer\">officer</a></td><td>李经办</td>" in html
                assert "<td>12</td><td>12</td><td>2026-12-06 18:01:50</td>" in html  # failures, addresses, last
                assert "需关注" in html and "203.0.113.12" in html
                detail = client.get("/admin/login-alerts/?account=officer").content.decode()
                assert detail.count("<td>officer</td>") == 12
                assert "登录失败警报" in menu_labels(user)
                assert "登录失败警报：1 个账号" in home and "近24小时失败 12 次，来自 12 个地址" in home
            else:
                # Wagtail answers a refusal in its admin by going back to the dashboard with its message
                assert screen.status_code == 302 and screen["Location"] == "/admin/", role
                back = client.get("/admin/login-alerts/", follow=True).content.decode()
                assert "权限" in back and "203.0.113.12" not in back
                assert "登录失败警报" not in menu_labels(user)
                assert "登录失败警报：" not in home


def test_the_scheduler_ends_idle_runs_and_deletes_old_records(officer):
    from logins.jobs import tidy_failed_logins

    with freeze_time("2026-05-01 10:00:00"):
        attempt("203.0.113.80", "officer", WRONG)
    with freeze_time("2026-11-30 10:00:00"):
        attempt("203.0.113.81", "officer", WRONG)
    with freeze_time(START) as clock:
        attempt("203.0.113.82", "officer", WRONG)
        from django.utils import timezone

        # 2026-05-01 run: idle more than a day, then older than 180 days: ended, then deleted
        assert tidy_failed_logins(timezone.now()) == "结束 2 条，删除 1 条"
        clock.tick(dt.timedelta(days=2))
        assert tidy_failed_logins(timezone.now()) == "结束 1 条，删除 0 条"
    assert list(FailedLogin.objects.order_by("client").values_list("client", "outcome")) == [
        ("203.0.113.81", "expired"), ("203.0.113.82", "expired")]
