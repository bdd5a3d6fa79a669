"""programme/0012: notifications signed before the 通报内容 items (004 通报制度 第三条) existed get what their row
holds — a yearly notification covers 第三条第（八）项 — marked as inferred; one that holds nothing to infer from is
marked unrecorded and the year screen says so in Chinese; Enshi's (no contents items) is left alone; reversible."""
import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps as real_apps
from django.test import Client
from freezegun import freeze_time

from programme.models import Notification, ProgrammeYear
from roles.definitions import LEADER
from rules.models import RuleFigure

migration = import_module("programme.migrations.0012_notification_contents_from_kind")
pytestmark = pytest.mark.django_db


def _old(py, leader, *, kind="annual", title, contents=()):
    """A row as 0010 left it: contents empty, the kind 0010's default unless given."""
    return Notification.objects.create(year=py, kind=kind, contents=list(contents), title=title, body="通报正文。",
                                       period_n=15, period_unit="working_days", issued_on=dt.date(2026, 3, 20),
                                       issued_by=leader)


@pytest.fixture
def rows(make_user):
    leader = make_user("leader_mig_nt", LEADER)
    wl25 = ProgrammeYear.objects.create(jurisdiction="wulong", year=2025)
    wl26 = ProgrammeYear.objects.create(jurisdiction="wulong", year=2026)
    es25 = ProgrammeYear.objects.create(jurisdiction="enshi", year=2025)
    return {
        "leader": leader,
        "annual": _old(wl25, leader, title="2025年度全区行政执法情况通报"),
        "urgent": _old(wl26, leader, kind="urgent", title="关于燃气执法问题的紧急通报"),
        "chosen": _old(wl26, leader, kind="unscheduled", title="案卷评查情况通报", contents=["case_files"]),
        "enshi": _old(es25, leader, title="恩施州2025年度行政执法监督情况通报"),
    }


def _fresh(rows):
    return {k: Notification.objects.get(pk=v.pk) for k, v in rows.items() if k != "leader"}


def test_old_notifications_get_the_item_their_kind_implies_or_are_marked(rows, site_tree):
    migration.complete_contents(real_apps, None)
    n = _fresh(rows)
    assert (n["annual"].contents, n["annual"].contents_basis) == (["annual"], "inferred")
    assert (n["urgent"].contents, n["urgent"].contents_basis) == ([], "unrecorded")
    assert (n["chosen"].contents, n["chosen"].contents_basis) == (["case_files"], "chosen")
    assert (n["enshi"].contents, n["enshi"].contents_basis) == ([], "chosen")

    client = Client()
    client.force_login(rows["leader"])
    with freeze_time("2026-05-12 10:00"):
        html = client.get("/admin/programme/wulong/2026/").content.decode()
    assert ("通报内容：全区年度行政执法情况（第三条第（八）项）。本通报签发时尚未登记通报内容，"
            "按其通报方式“定期通报”推定") in html
    assert "通报内容：签发时未登记通报内容，无法从已有记录推定（第三条）" in html
    assert "通报内容：行政执法案卷评查中发现的突出问题（第三条第（二）项）</p>" in html

    # running it again changes nothing; the reverse takes the inferred item away again
    migration.complete_contents(real_apps, None)
    assert _fresh(rows)["annual"].contents == ["annual"]
    migration.remove_inferred(real_apps, None)
    n = _fresh(rows)
    assert (n["annual"].contents, n["annual"].contents_basis) == ([], "chosen")
    assert (n["urgent"].contents, n["urgent"].contents_basis) == ([], "chosen")
    assert n["chosen"].contents == ["case_files"]


def test_before_the_figure_is_in_the_database_the_shipped_items_are_read(rows):
    # on an upgraded database the profile's new figure is only added after migrate (rules.apps post_migrate)
    RuleFigure.objects.filter(profile__code="wulong", key="notification_contents").delete()
    migration.complete_contents(real_apps, None)
    n = _fresh(rows)
    assert (n["annual"].contents, n["annual"].contents_basis) == (["annual"], "inferred")
    assert n["urgent"].contents_basis == "unrecorded"


def test_a_jurisdiction_whose_stored_items_lack_the_yearly_one_is_not_guessed(rows):
    figure = RuleFigure.objects.get(profile__code="wulong", key="notification_contents")
    figure.value = {"items": [i for i in figure.value["items"] if i["code"] != "annual"]}
    figure.save()
    migration.complete_contents(real_apps, None)
    n = _fresh(rows)
    assert (n["annual"].contents, n["annual"].contents_basis) == ([], "unrecorded")
