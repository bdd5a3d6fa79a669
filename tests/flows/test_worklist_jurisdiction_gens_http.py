"""Per-jurisdiction work generations (flows.badge, issue 28): a write in one jurisdiction leaves the kept 我的待办 of
an officer bound to another jurisdiction warm (its next page runs no worklist query), while a write in its own
jurisdiction, and any write whose jurisdiction is not certain (a group's permissions), makes it rebuilt; an
officer bound to no jurisdiction sees every write — over HTTP as the role users, with a frozen clock."""
import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework.models import Matter
from clocks.models import Clock
from clocks.services import clock_start
from flows import badge
from roles.definitions import OFFICER
from roles.models import StaffProfile
from rules.profiles import get_profile
from tests.letters.letters_http import login, people, start_letter


@pytest.fixture
def two(make_user, settings, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = ""
    wl = people(make_user, "wulong", "武隆区市场监督管理局")
    wz = people(make_user, "enshi", "恩施州市场监督管理局")
    StaffProfile.objects.create(user=wl["officer"], jurisdiction="wulong")
    StaffProfile.objects.create(user=wz["officer"], jurisdiction="enshi")
    city = make_user("officer_city", OFFICER, first_name="周市局")  # no profile: every jurisdiction
    with freeze_time("2026-09-01 09:00"), django_capture_on_commit_callbacks(execute=True):
        start_letter(wl["officer"], "wulong", wl["agency"], ground="procedure", title="武隆抽检未履职")
        m_wz = start_letter(wz["officer"], "enshi", wz["agency"], ground="non_performance", title="恩施抽检未履职")
        m_wl = Matter.objects.get(title="武隆抽检未履职")
        for m, code in ((m_wl, "wulong"), (m_wz, "enshi")):
            clock_start(subject=m, profile=get_profile(code), rule_key="complaint_accept_period",
                        started_on=dt.date(2026, 9, 1))
    return {"wl": wl, "wz": wz, "city": city}


def inbox(client) -> tuple[str, list[str]]:
    """我的待办's page and the queries it ran."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/workflow/")
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def worklist_queries(sql: list[str]) -> list[str]:
    return [q for q in sql if "viewflow_task" in q]


@pytest.mark.django_db
def test_another_jurisdictions_write_leaves_a_bound_officers_list_kept(two, django_capture_on_commit_callbacks):
    wl, city = login(two["wl"]["officer"]), login(two["city"])
    with freeze_time("2026-09-02 09:00"):
        html, sql = inbox(wl)
        assert "武隆抽检未履职" in html and "恩施抽检未履职" not in html and worklist_queries(sql)
        html, sql = inbox(wl)
        assert worklist_queries(sql) == []  # kept
        html, _ = inbox(city)
        assert "武隆抽检未履职" in html and "恩施抽检未履职" in html

        # 恩施: a new matter (its process, its drafting task, its sequence) and a clock saved
        with django_capture_on_commit_callbacks(execute=True):
            start_letter(two["wz"]["officer"], "enshi", two["wz"]["agency"], ground="non_performance",
                         title="恩施第二件")
            Clock.objects.filter(profile_code="enshi").first().save()
        html, sql = inbox(wl)
        assert worklist_queries(sql) == [] and "恩施第二件" not in html  # still kept
        html, sql = inbox(city)
        assert "恩施第二件" in html and worklist_queries(sql)  # the unbound officer's rebuilt

        # 武隆: the bound officer's list is rebuilt and shows the new task
        with django_capture_on_commit_callbacks(execute=True):
            start_letter(two["wl"]["officer"], "wulong", two["wl"]["agency"], ground="procedure", title="武隆第二件")
        html, sql = inbox(wl)
        assert "武隆第二件" in html and "恩施第二件" not in html and worklist_queries(sql)
        html, sql = inbox(city)
        assert "武隆第二件" in html and "恩施第二件" in html and worklist_queries(sql)

        # a global write: a group's permission changes everyone's work
        inbox(wl)
        assert worklist_queries(inbox(wl)[1]) == []
        with django_capture_on_commit_callbacks(execute=True):
            Group.objects.get(name=OFFICER).permissions.remove(
                Permission.objects.get(codename="view_clock", content_type__app_label="clocks"))
        assert worklist_queries(inbox(wl)[1])
        assert worklist_queries(inbox(city)[1])


@pytest.mark.django_db
def test_a_jurisdictions_generation_moves_again_when_its_transaction_commits(two):
    """generations.Generation.bump: now, and once more on commit, for a jurisdiction's counter and the "any" one
    (the test runs in one transaction: its commit hooks are those in connection.run_on_commit)."""
    clock = Clock.objects.filter(profile_code="wulong").first()
    wulong, enshi, everyone = badge.generation("wulong"), badge.generation("enshi"), badge._GENERATION.current()
    clock.save()
    clock.save()
    during = badge.generation("wulong")
    assert during != wulong and badge.generation("enshi") == enshi and badge._GENERATION.current() == everyone
    hooks = [entry[1] for entry in connection.run_on_commit]
    # once per transaction, however many rows it wrote
    assert hooks.count(badge._of("wulong")._incr) == 1 and hooks.count(badge._ANY._incr) == 1
    anywhere = badge.generation()
    for hook in (badge._of("wulong")._incr, badge._ANY._incr):  # what the commit runs
        hook()
    assert badge.generation("wulong") != during and badge.generation() != anywhere
    assert badge.generation("enshi") == enshi and badge._GENERATION.current() == everyone
