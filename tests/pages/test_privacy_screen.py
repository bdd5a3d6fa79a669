"""The 隐私 screen (页面 → 隐私, `/admin/pages/<id>/privacy/`) as each role opens it, and the bad input it
refuses in Chinese with nothing written (issue 31): a restriction on the tree's root or the site's home
page, a password of spaces only, a group restriction with no group; the restriction and its groups are
saved together or not at all."""
import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from pages.privacy_admin import ProjectPageViewRestrictionForm
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR

pytestmark = pytest.mark.django_db

HOME_REFUSED = ("“行政执法监督公开平台”是网站首页，不能设置访问限制：这会使整个网站的公开内容都无法访问。"
                "如需限制部分内容，请在相应的栏目或页面上设置。")
ROOT_REFUSED = ("网站根页面不能设置访问限制：这会使整个网站的公开内容都无法访问。"
                "如需限制部分内容，请在相应的栏目或页面上设置。")


@pytest.fixture
def roles(db):
    from roles.sync import sync_roles

    sync_roles()


@pytest.fixture
def editor(roles, make_user):
    client = Client()
    client.force_login(make_user("editor31", EDITOR))
    return client


def screen(client, page, data=None):
    url = f"/admin/pages/{page.pk}/privacy/"
    return client.post(url, data) if data is not None else client.get(url)


def html_of(response) -> str:
    return response.json().get("html", "")


@pytest.mark.parametrize("role", [EDITOR, LEADER, None])
def test_editors_leaders_and_administrators_open_the_screen_in_chinese(site_tree, roles, make_user, role):
    client = Client()
    client.force_login(make_user("someone", role))
    response = screen(client, site_tree["wanzhou"])
    assert response.status_code == 200 and response.json()["step"] == "set_privacy"
    html = html_of(response)
    for label in ("公开", "不公开：凭共享密码访问", "不公开：登录用户可访问", "不公开：指定用户组的用户可访问", "共享密码",
                  "可访问的用户组"):
        assert label in html, label
    assert "Private, accessible" not in html and "Shared password" not in html


@pytest.mark.parametrize("role", [OFFICER, LIAISON, SUPERVISOR])
def test_roles_without_publishing_rights_get_no_screen_and_write_nothing(site_tree, roles, make_user, role):
    client = Client()
    client.force_login(make_user("someone", role))
    assert screen(client, site_tree["wanzhou"]).status_code in (302, 403)
    assert screen(client, site_tree["wanzhou"], {"restriction_type": "login"}).status_code in (302, 403)
    assert not PageViewRestriction.objects.exists()


def test_the_tree_root_is_refused_with_a_reason(site_tree, editor):
    root = Page.get_first_root_node()
    asked = screen(editor, root)
    assert asked.status_code == 200 and ROOT_REFUSED in html_of(asked)
    refused = screen(editor, root, {"restriction_type": "password", "password": "s3cret-31"})
    assert refused.status_code == 400 and ROOT_REFUSED in html_of(refused)
    assert not PageViewRestriction.objects.exists()


def test_the_home_page_is_refused_with_a_reason(site_tree, editor):
    for data in ({"restriction_type": "login"}, {"restriction_type": "password", "password": "s3cret-31"}):
        response = screen(editor, site_tree["home"], data)
        assert response.status_code == 200 and response.json()["step"] == "set_privacy"
        assert HOME_REFUSED in html_of(response)
    assert not PageViewRestriction.objects.exists()
    # making it public again is always allowed (nothing to remove here: still nothing written)
    assert screen(editor, site_tree["home"], {"restriction_type": "none"}).json()["step"] == "set_privacy_done"


@pytest.mark.parametrize(("data", "message"), [
    ({"restriction_type": "password", "password": "    "}, "请填写访问密码：密码不能为空，也不能只含空格。"),
    ({"restriction_type": "password", "password": "\u3000 \t"}, "请填写访问密码：密码不能为空，也不能只含空格。"),
    ({"restriction_type": "password"}, "请填写访问密码：密码不能为空，也不能只含空格。"),
    ({"restriction_type": "groups"}, "请至少选择一个可以查看此页面的用户组。"),
    ({"restriction_type": "groups", "groups": ["999999"]}, "选择一个有效的选项"),
    ({"restriction_type": "everyone"}, "选择一个有效的选项"),
])
def test_bad_input_is_refused_in_chinese_and_nothing_is_written(site_tree, editor, data, message):
    response = screen(editor, site_tree["wanzhou"], data)
    assert response.status_code == 200 and response.json()["step"] == "set_privacy"
    assert message in html_of(response)
    assert not PageViewRestriction.objects.exists()


def test_a_bad_change_leaves_the_restriction_in_force_as_it_was(site_tree, editor):
    section = site_tree["wanzhou"]
    ok = screen(editor, section, {"restriction_type": "password", "password": "  s3cret-31  "})
    assert ok.json()["step"] == "set_privacy_done"
    for data in ({"restriction_type": "groups"}, {"restriction_type": "password", "password": "   "},
                 {"restriction_type": "groups", "groups": ["999999"]}):
        assert screen(editor, section, data).json()["step"] == "set_privacy"
    restriction = PageViewRestriction.objects.get()
    assert (restriction.page_id, restriction.restriction_type, restriction.password) == (section.pk, "password",
                                                                                          "s3cret-31")
    assert not restriction.groups.exists()


def test_the_restriction_and_its_groups_are_written_together_or_not_at_all(site_tree, editor, monkeypatch):
    officers = Group.objects.get(name=OFFICER)

    def failing_m2m(self):
        raise IntegrityError("groups could not be written")

    monkeypatch.setattr(ProjectPageViewRestrictionForm, "_save_m2m", failing_m2m)
    with pytest.raises(IntegrityError):
        screen(editor, site_tree["wanzhou"], {"restriction_type": "groups", "groups": [officers.pk]})
    assert not PageViewRestriction.objects.exists()
    monkeypatch.undo()
    screen(editor, site_tree["wanzhou"], {"restriction_type": "groups", "groups": [officers.pk]})
    assert list(PageViewRestriction.objects.get().groups.all()) == [officers]
