"""A page made private through Wagtail's 隐私 screen is private everywhere (issue 31).

Each test warms the anonymous page cache first (every public path read twice), then an editor changes
the restriction on the admin's privacy screen over HTTP, then every public path is read anonymously:
the notice, its print view, its index and section answer with the password form or the login redirect
when they are below the restriction, and no list (portal, archive, both feeds, sitemap, search HTML and
JSON, API v2 listing, find/ and detail) holds its title, body, 索引号 or address. Removing the
restriction brings it all back without any rebuild. The search here runs on the embedded engine; both
engines: tests/search/test_search_view_restrictions.py."""
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from freezegun import freeze_time
from privacy_helpers import (
    CACHED,
    OTHER_TITLE,
    TITLE,
    assert_hidden,
    assert_shown,
    public_paths,
    warm,
)
from wagtail.models import PageViewRestriction

from public_notices.services import notice_publish
from roles.definitions import EDITOR, OFFICER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("embedded_search")]
NOW = "2026-03-10 10:00:00"


@pytest.fixture
def embedded_search(settings):
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def notice(site_tree, django_capture_on_commit_callbacks):
    with freeze_time("2026-03-02 09:00:00"), django_capture_on_commit_callbacks(execute=True):
        notice_publish(kind="typical_case", jurisdiction="weihai", title=OTHER_TITLE, body="<p>扬尘治理。</p>")
        return notice_publish(kind="typical_case", jurisdiction="wanzhou", title=TITLE,
                              body="<p>某燃气公司未按规定检测燃气报警装置，已责令整改。</p>")


def below(notice, target: str) -> set[str]:
    """The public paths answered by the restriction itself, for a restriction on `target`."""
    return {"notice": {"notice", "print"}, "section": {"notice", "print", "index", "section"}}[target]


def cached_after_change(client, paths, names):
    """The first anonymous read after a change is never a cached copy from before it."""
    for name in names:
        assert client.get(paths[name]).headers.get("X-Page-Cache") != "hit", name


# ---- a restriction created: every kind, on a section or on the notice itself -------------------------------
@freeze_time(NOW)
@pytest.mark.parametrize(("kind", "target"), [("password", "section"), ("login", "section"),
                                              ("groups", "notice"), ("password", "notice")])
def test_a_new_restriction_hides_the_notice_on_every_public_path_at_once(client, notice, privacy, kind, target):
    paths = public_paths(notice)
    warm(client, paths)
    assert_shown(client, notice, paths)
    page = notice if target == "notice" else notice.get_parent().get_parent()
    data = {"restriction_type": kind, "password": "s3cret-31",
            "groups": [Group.objects.get(name=OFFICER).pk]}
    privacy(page, **data)
    assert_hidden(client, notice, paths, restricted=below(notice, target),
                  kind="password" if kind == "password" else "login")
    # and again: nothing restricted was stored on the way
    assert_hidden(client, notice, paths, restricted=below(notice, target),
                  kind="password" if kind == "password" else "login", first=False)
    assert OTHER_TITLE in client.get("/notices/archive/").content.decode()  # the rest stays public


# ---- a restriction changed: its type, its password, its groups ---------------------------------------------
@freeze_time(NOW)
def test_changing_the_type_password_or_groups_makes_every_cached_page_stale(client, notice, privacy):
    section = notice.get_parent().get_parent()
    paths = public_paths(notice)
    privacy(section, restriction_type="password", password="first-31")
    for data, kind in (
            ({"restriction_type": "password", "password": "second-31"}, "password"),
            ({"restriction_type": "login"}, "login"),
            ({"restriction_type": "groups", "groups": [Group.objects.get(name=OFFICER).pk]}, "login"),
            ({"restriction_type": "groups", "groups": [Group.objects.get(name=EDITOR).pk]}, "login")):  # other groups
        warm(client, paths, restricted=below(notice, "section"))
        privacy(section, **data)
        assert_hidden(client, notice, paths, restricted=below(notice, "section"), kind=kind)  # none a hit
    assert PageViewRestriction.objects.get(page=section).restriction_type == "groups"
    assert list(PageViewRestriction.objects.get(page=section).groups.values_list("name", flat=True)) == [EDITOR]


def test_password_form_answers_the_new_password_only(client, notice, privacy):
    section = notice.get_parent().get_parent()
    privacy(section, restriction_type="password", password="first-31")
    privacy(section, restriction_type="password", password="second-31")
    restriction = PageViewRestriction.objects.get(page=section)
    action = f"/_util/authenticate_with_password/{restriction.pk}/{notice.pk}/"
    wrong = client.post(action, {"password": "first-31", "return_url": notice.url})
    assert wrong.status_code == 200 and TITLE not in wrong.content.decode()
    right = client.post(action, {"password": "second-31", "return_url": notice.url}, follow=True)
    assert TITLE in right.content.decode()


# ---- a restriction removed: everything back, without a rebuild -------------------------------------------
@freeze_time(NOW)
@pytest.mark.parametrize(("kind", "target"), [("password", "section"), ("groups", "notice")])
def test_removing_the_restriction_brings_the_notice_back_everywhere(client, notice, privacy, kind, target):
    paths = public_paths(notice)
    page = notice if target == "notice" else notice.get_parent().get_parent()
    privacy(page, restriction_type=kind, password="s3cret-31", groups=[Group.objects.get(name=OFFICER).pk])
    warm(client, paths, restricted=below(notice, target))
    privacy(page, restriction_type="none")
    assert not PageViewRestriction.objects.exists()
    cached_after_change(client, paths, CACHED)
    assert_shown(client, notice, paths)


# ---- aliases share the restriction of the page they mirror ---------------------------------------------------
@freeze_time(NOW)
def test_an_alias_of_a_restricted_page_leaves_every_list_too(client, notice, privacy, site_tree):
    index = notice.get_parent()
    alias = index.create_alias(parent=site_tree["weihai"], update_slug="wanzhou-cases")
    weihai_children = f"/api/v2/pages/?child_of={site_tree['weihai'].pk}&limit=20"
    warm(client, {"alias": alias.url, "weihai": "/weihai/", "sitemap": "/sitemap.xml"})
    assert alias.url in client.get("/weihai/").content.decode()
    assert alias.pk in [item["id"] for item in client.get(weihai_children).json()["items"]]
    assert alias.url in client.get("/sitemap.xml").content.decode()
    privacy(index, restriction_type="login")
    assert client.get(alias.url).status_code == 302  # served as stock Wagtail does: the source's restriction
    assert alias.url not in client.get("/weihai/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert alias.url not in sitemap and index.url not in sitemap and "/weihai/" in sitemap
    assert alias.pk not in [item["id"] for item in client.get(weihai_children).json()["items"]]
    notices = client.get("/api/v2/pages/?type=public_notices.NoticePage").json()["items"]
    assert [item["title"] for item in notices] == [OTHER_TITLE]
    assert client.get(f"/api/v2/pages/{alias.pk}/").status_code == 404


# ---- never stored, never served from the cache ----------------------------------------------------------------
@freeze_time(NOW)
def test_a_restricted_page_is_never_stored_even_for_a_reader_who_knows_the_password(client, notice, privacy):
    privacy(notice, restriction_type="password", password="s3cret-31")
    for _ in range(2):
        assert "X-Page-Cache" not in client.get(notice.url).headers
    restriction = PageViewRestriction.objects.get()
    client.post(f"/_util/authenticate_with_password/{restriction.pk}/{notice.pk}/",
                {"password": "s3cret-31", "return_url": notice.url})
    response = client.get(notice.url)
    assert TITLE in response.content.decode() and "X-Page-Cache" not in response.headers
    assert "X-Page-Cache" not in Client().get(notice.url).headers


def test_a_restriction_written_without_signals_stops_cached_copies_within_a_minute(client, notice):
    """A restriction written behind Wagtail's back (bulk_create sends no signal, so no generation bump):
    a cached copy of the page is no longer served once the restricted paths are read again."""
    with freeze_time(NOW) as clock:
        client.get(notice.url)
        assert client.get(notice.url).headers.get("X-Page-Cache") == "hit"
        PageViewRestriction.objects.bulk_create([PageViewRestriction(page=notice, restriction_type="login")])
        clock.tick(61)
        response = client.get(notice.url)
        assert response.status_code == 302 and "X-Page-Cache" not in response.headers


# ---- the API says why a restricted parent lists nothing ---------------------------------------------------
def test_api_child_of_and_descendant_of_a_restricted_page_say_so(client, notice, privacy):
    index = notice.get_parent()
    section = index.get_parent()
    assert client.get(f"/api/v2/pages/?child_of={index.pk}").json()["items"][0]["title"] == TITLE
    privacy(section, restriction_type="login")
    for param, page in (("child_of", index), ("descendant_of", section), ("child_of", section)):
        response = client.get(f"/api/v2/pages/?{param}={page.pk}")
        assert response.status_code == 400
        assert response.json()["message"] == (
            f"{param} 参数所指的页面（编号 {page.pk}）设有访问限制（需密码、登录或指定用户组才能查看），"
            "公开接口不提供该页面及其下级页面。")
    missing = client.get("/api/v2/pages/?child_of=999999")
    assert missing.status_code == 400
    assert missing.json()["message"] == "child_of 参数所指的页面（编号 999999）不存在或尚未公开发布。"
    weihai = client.get(f"/api/v2/pages/?descendant_of={section.get_siblings().exclude(pk=section.pk).first().pk}")
    assert weihai.status_code == 200
