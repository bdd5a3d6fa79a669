"""issue 12: the admin in Chinese throughout — login, dashboard, page editor, the register's lists and
detail views (no "Campaign", True/False or raw jurisdiction codes) — using Wagtail's own zh-hans
translations where they exist and the project's catalog (site/locale) for the gaps."""
import datetime as dt
import re

import pytest
from django.test import Client

from roles.definitions import EDITOR, OFFICER

pytestmark = pytest.mark.django_db


def visible(html: str) -> str:
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


def test_login_page_is_chinese():
    html = visible(Client().get("/admin/login/").content.decode())
    assert "登录行政执法监督平台" in html and "密码" in html and "记住我" in html
    for english in ("Sign in to Wagtail", ">Password<", "JavaScript is required", "- Wagtail</title>"):
        assert english not in html


def test_dashboard_is_chinese(make_user):
    client = Client()
    client.force_login(make_user("officer", OFFICER))
    html = visible(client.get("/admin/").content.decode())
    assert "控制面板 - 行政执法监督平台" in html and "保存更改" in html
    for english in ("Wagtail upgrade available", "Save changes", "Show keyboard shortcuts", "Insert or edit a link",
                    "Text formatting", "Search all pages", "created in", "- Wagtail</title>"):
        assert english not in html, english


def test_page_explorer_and_editor_are_chinese(site_tree, make_user):
    from public_notices import kinds as K
    from public_notices.services import notice_publish

    page = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="典型案例一", body="正文内容")
    client = Client()
    client.force_login(make_user("editor", EDITOR))
    explorer = visible(client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode())
    for english in ("Page type", "Date updated", "Has child pages", "Anyone can edit"):
        assert english not in explorer, english
    editor = visible(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "内容指标" in editor
    for english in ("Moderators", "Content metrics", "Reading time", "Autosave is paused", "Toggle checks",
                    "Choose who can view"):
        assert english not in editor, english


def test_register_lists_and_details_show_labels_not_codes(site_tree, make_user):
    from supervisors.models import Application, Campaign

    campaign = Campaign.objects.create(jurisdiction="wanzhou", title="2026年度选聘", places=1,
                                       deadline=dt.date(2026, 6, 10), opened_on=dt.date(2026, 6, 1))
    app = Application.objects.create(campaign=campaign, name="周明", gender="male", birth_date=dt.date(1980, 5, 1),
                                     id_number="110105198005010011", phone="13800138000", workplace="某律师事务所",
                                     education="bachelor", applied_on=dt.date(2026, 6, 2), auto_passed=True)
    client = Client()
    client.force_login(make_user("admin"))
    listing = visible(client.get("/admin/supervisor_applications/").content.decode())
    assert "选聘活动" in listing and "Campaign" not in listing
    assert ">True<" not in listing and ">False<" not in listing
    inspect = visible(client.get(f"/admin/supervisor_applications/inspect/{app.pk}/").content.decode())
    assert "True" not in inspect and "False" not in inspect and "是" in inspect
    campaigns = visible(client.get("/admin/supervisor_campaigns/").content.decode())
    assert "重庆市万州区" in campaigns
    assert not re.search(r">\s*wanzhou\s*<", campaigns)
