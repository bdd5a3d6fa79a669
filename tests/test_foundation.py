"""The platform's frame: Chinese home page, roles, demo content, scheduler, settings."""
import datetime as dt
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone
from freezegun import freeze_time

from clocks import scheduler
from roles.definitions import ROLES

pytestmark = pytest.mark.django_db


def test_settings_are_chinese_shanghai_and_timezone_aware():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai" and settings.USE_TZ


def test_groups_exist_with_admin_access():
    for name in ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name
    assert Group.objects.get(name="司法局经办人").permissions.filter(codename="add_holidayyear").exists()


def test_home_page_and_sections_are_served_in_chinese(client, site_tree):
    home = client.get("/")
    html = home.content.decode()
    assert home.status_code == 200
    assert '<html lang="zh-CN">' in html and "行政执法监督公开平台" in html
    for slug in ("wanzhou", "weihai", "wuhan", "enshi", "wulong"):
        assert f"/{slug}/" in html
    section = client.get("/wuhan/").content.decode()
    assert "武汉市司法局" in section


def test_admin_login_is_in_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "登录" in html


def test_unknown_page_uses_the_projects_404(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_load_demo_is_idempotent_and_prints_accounts(site_tree):
    from django.contrib.auth import get_user_model

    from pages.models import JurisdictionPage

    out = StringIO()
    call_command("load_demo", stdout=out)
    counts = (JurisdictionPage.objects.count(), get_user_model().objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (JurisdictionPage.objects.count(), get_user_model().objects.count()) == counts
    assert "officer" in out.getvalue() and "司法局经办人" in out.getvalue()
    # the accountability demo's recovery (错案 第十二条第二款): 6000.00 owed, one instalment of 2000.00, loaded once
    from referrals.models import RecoveryPayment
    from referrals.selectors import balance

    payment = RecoveryPayment.objects.get(receipt="演示缴款凭证0001")
    owed = balance(payment.recovery)
    assert (str(owed["share"]), str(owed["recovered"]), str(owed["owed"])) == ("6000.00", "2000.00", "4000.00")


def test_load_demo_is_refused_outside_dev(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="不允许"):
        call_command("load_demo", stdout=StringIO())


def test_scheduler_publishes_scheduled_pages_when_time_comes(site_tree):
    section = site_tree["enshi"]
    section.title = "恩施州司法局（新版）"
    go_live = timezone.make_aware(dt.datetime(2026, 12, 1, 9, 0))
    section.go_live_at = go_live
    # the editor schedules it the day before: the clock is frozen, so the go-live stays in the future
    # whatever today's date is
    with freeze_time("2026-11-30 10:00:00+08:00"):
        revision = section.save_revision()
        revision.publish()  # future go-live: scheduled, not yet live
    section.refresh_from_db()
    assert section.title == "恩施州司法局"
    with freeze_time("2026-12-01 08:59:00+08:00"):
        scheduler.run_once()
    section.refresh_from_db()
    assert section.title == "恩施州司法局"
    with freeze_time("2026-12-01 09:01:00+08:00"):
        results = scheduler.run_once()
    section.refresh_from_db()
    assert section.title == "恩施州司法局（新版）"
    assert set(results) >= {"定时发布（publish_scheduled）", "流程定时器（workflow_timers）", "法定时限逾期检查"}


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    calls = []

    def broken(now):
        raise RuntimeError("boom")

    monkeypatch.setitem(scheduler.JOBS, "坏任务", broken)
    monkeypatch.setitem(scheduler.JOBS, "好任务", lambda now: calls.append(now) or "ok")
    results = scheduler.run_once()
    assert results["坏任务"].startswith("失败") and results["好任务"] == "ok" and calls


def test_run_scheduler_once_prints_each_job():
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "publish_scheduled" in out.getvalue() and "workflow_timers" in out.getvalue()


def test_main_navigation_lists_the_jurisdiction_sections(client, site_tree):
    html = client.get("/weihai/").content.decode()
    nav = html[html.index('class="main-nav"'):html.index("</nav>", html.index('class="main-nav"'))]
    for title in ("万州区司法局", "威海市司法局", "武汉市司法局", "恩施州司法局", "武隆区司法局"):
        assert title in nav
    assert 'href="/weihai/" aria-current="true"' in nav
