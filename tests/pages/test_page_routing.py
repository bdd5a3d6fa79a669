"""Serving a URL in fewer queries (pages.routing) gives the same answers as stock Wagtail: the page, its
打印 sub-URL, 404 for what does not exist or is not live, and the view restrictions of the page, its
ancestors and, for an alias, the page it mirrors."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from wagtail.models import Page, PageViewRestriction

from public_notices.services import index_for, notice_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    with freeze_time("2026-03-02 09:00:00"):
        return notice_publish(kind="typical_case", jurisdiction="wanzhou", title="燃气安全执法典型案例",
                              body="<p>某燃气公司未按规定检测，已责令整改。</p>")


def status(client, url):
    return client.get(url).status_code


def test_every_level_and_the_print_sub_url_are_served(client, case):
    index = case.get_parent()
    assert index.url == "/wanzhou/" + index.slug + "/"
    for url in ("/", "/wanzhou/", index.url, case.url, case.url + "print/"):
        assert status(client, url) == 200, url
    page = client.get(case.url).content.decode()
    assert "燃气安全执法典型案例" in page


def test_unknown_slugs_at_any_level_are_404(client, case):
    index = case.get_parent()
    for url in ("/no-such-section/", "/wanzhou/no-such-index/", index.url + "no-such-notice/",
                case.url + "no-such-view/", "/weihai/" + index.slug + "/" + case.slug + "/"):
        assert status(client, url) == 404, url


def test_a_page_reached_through_the_wrong_parent_is_not_found(client, case, site_tree):
    """The walk follows the tree: a notice's slug under another section's index of the same slug is 404."""
    index = case.get_parent()
    other = index_for(jurisdiction="weihai", kind="typical_case")
    assert other.slug == index.slug and other.pk != index.pk
    assert status(client, other.url) == 200
    assert status(client, other.url + case.slug + "/") == 404


def test_a_page_not_live_is_404_but_its_live_children_are_served_as_stock_wagtail_does(client, case):
    index = case.get_parent()
    index.live = False
    index.save(update_fields=["live"])
    assert status(client, index.url) == 404
    assert status(client, case.url) == 200
    case.unpublish()
    assert status(client, case.url) == 404


def test_a_restriction_on_an_ancestor_applies_below_it(client, case):
    index = case.get_parent()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    for url in (index.url, case.url, case.url + "print/"):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert status(client, "/wanzhou/") == 200


def test_an_alias_takes_the_restrictions_of_the_page_it_mirrors(client, case, site_tree):
    index = case.get_parent()
    alias = index.create_alias(parent=site_tree["weihai"], update_slug="alias-of-index")
    assert status(client, alias.url) == 200
    assert list(alias.get_view_restrictions()) == []
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(alias.url).status_code == 302
    assert list(alias.get_view_restrictions()) == list(Page.get_view_restrictions(alias)) != []  # as stock
    assert list(site_tree["weihai"].get_view_restrictions()) == []


def test_a_notice_url_reads_the_tree_in_one_query(client, case):
    """Stock routing reads two rows per level (the child, then its specific row); this reads the path's
    pages at once, then the notice's specific row."""
    client.get(case.url)  # templates and menus warm
    with CaptureQueriesContext(connection) as q:
        assert client.get(case.url).status_code == 200
    page_reads = [x["sql"] for x in q.captured_queries
                  if 'FROM "wagtailcore_page"' in x["sql"] and '"slug" =' in x["sql"]]
    assert len(page_reads) == 1, page_reads
