"""Issue 12: a publicity list with objections or a running window cannot be deleted; taking it off the
site mid-window needs the bureau leader and a written reason, recorded (Wagtail hooks
before_delete_page / before_unpublish_page)."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from decisions.models import DecisionRecord
from public_notices.models import Objection, PublicityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(publish_list):
    with freeze_time("2026-09-29 08:00:00"):
        return publish_list("wanzhou", start=dt.date(2026, 9, 29))  # window 2026-09-29 .. 2026-10-12


def login(make_user, name, group):
    client = Client()
    client.force_login(make_user(name, group))
    return client


def test_editor_cannot_delete_or_unpublish_mid_window(page, make_user):
    with freeze_time("2026-10-09 10:00:00"):
        editor = login(make_user, "ed", "编辑")
        response = editor.post(f"/admin/pages/{page.pk}/delete/")
        assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
        assert "正在公示期内" in editor.get(response["Location"]).content.decode()
        assert PublicityPage.objects.filter(pk=page.pk).exists()
        # nor its index page, with the list under it
        assert editor.post(f"/admin/pages/{page.get_parent().pk}/delete/").status_code == 302
        assert PublicityPage.objects.filter(pk=page.pk).exists()
        response = editor.post(f"/admin/pages/{page.pk}/unpublish/")
        assert response.status_code == 302
        assert "须由司法局负责人决定并写明理由" in editor.get(response["Location"]).content.decode()
    page.refresh_from_db()
    assert page.live


def test_a_list_with_objections_cannot_be_deleted_even_after_the_window(page, make_user):
    Objection.objects.create(page=page, person_concerned="刘明", objector_name="张三", contact="13700001111",
                             facts="该同志存在应回避的利害关系。")
    with freeze_time("2026-11-02 10:00:00"):
        editor = login(make_user, "ed", "编辑")
        response = editor.post(f"/admin/pages/{page.pk}/delete/")
        assert "已收到公示异议（1件），不能删除" in editor.get(response["Location"]).content.decode()
    assert Objection.objects.count() == 1 and PublicityPage.objects.filter(pk=page.pk).exists()


def test_after_the_window_without_objections_the_editor_may_delete(page, make_user):
    with freeze_time("2026-11-02 10:00:00"):
        editor = login(make_user, "ed", "编辑")
        editor.post(f"/admin/pages/{page.pk}/delete/")
    assert not PublicityPage.objects.filter(pk=page.pk).exists()


def test_leader_withdraws_mid_window_with_a_reason_recorded(page, make_user):
    from wagtail.models import PageLogEntry

    with freeze_time("2026-10-09 10:00:00"):
        leader = login(make_user, "lead", "司法局负责人")
        response = leader.post(f"/admin/pages/{page.pk}/unpublish/")
        assert response["Location"] == f"/admin/publicity/{page.pk}/withdraw/"
        html = leader.get(response["Location"]).content.decode()
        assert "2026-09-29 至 2026-10-12" in html and "第六条第（二）项" in html
        assert "请写明撤下公示的理由" in leader.post(response["Location"], {"reason": ""}).content.decode()
        page.refresh_from_db()
        assert page.live
        done = leader.post(response["Location"], {"reason": "名单中一人经核实不符合条件，须重新审查后再公示。"})
        assert done.status_code == 302
        # an officer may not use the withdrawal screen
        officer = login(make_user, "off", "司法局经办人")
        assert officer.get(f"/admin/publicity/{page.pk}/withdraw/").status_code in (302, 403)  # admin: denied
    page.refresh_from_db()
    assert not page.live
    record = DecisionRecord.objects.get(process_kind="publicity")
    assert record.decided_on == dt.date(2026, 10, 9) and "须重新审查后再公示" in record.body
    assert "公示期2026-09-29至2026-10-12" in record.body and "第六条第（二）项" in record.article
    entry = PageLogEntry.objects.get(action="public_notices.publicity_withdraw")
    assert entry.user.username == "lead" and entry.data["reason"].startswith("名单中一人")
