"""issue 12: the sitemap, the API's html_url and the print view named `http://localhost/`. Full URLs
follow the host the request came in on, and without a request the configured PUBLIC_BASE_URL."""
import datetime as dt
import re

import pytest
from django.test import Client, override_settings

from public_notices import kinds as K

HOST = "jiandu.example.gov.cn"


@pytest.fixture
def notice(site_tree):
    from public_notices.services import notice_publish

    return notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="典型案例一", body="正文内容")


@pytest.mark.django_db
def test_sitemap_uses_the_request_host(notice):
    xml = Client(HTTP_HOST=HOST).get("/sitemap.xml").content.decode()
    assert f"<loc>http://{HOST}/wanzhou/" in xml
    assert "localhost" not in xml


@pytest.mark.django_db
def test_api_html_url_uses_the_request_host(notice):
    client = Client(HTTP_HOST=HOST)
    detail = client.get(f"/api/v2/pages/{notice.pk}/").json()
    assert detail["meta"]["html_url"] == f"http://{HOST}{notice.url}"
    listing = client.get("/api/v2/pages/?type=public_notices.NoticePage").json()
    assert all(item["meta"]["html_url"].startswith(f"http://{HOST}/") for item in listing["items"])


@pytest.mark.django_db
def test_print_view_names_the_address_the_reader_used(notice):
    html = Client(HTTP_HOST=HOST).get(notice.url + "print/").content.decode()
    assert f"本页地址：http://{HOST}{notice.url}" in html
    assert "localhost" not in html


@pytest.mark.django_db
@override_settings(PUBLIC_BASE_URL="https://jiandu.example.gov.cn/")
def test_without_a_request_the_configured_base_url_is_used(notice):
    assert notice.full_url == f"https://jiandu.example.gov.cn{notice.url}"


@pytest.mark.django_db
def test_sitemap_lists_what_wagtails_own_sitemap_lists_from_one_narrow_query(notice, django_assert_max_num_queries):
    """pages.sitemap reads the tree's rows instead of every page whole; the entries are the same: every live,
    unrestricted page once, at the crawler's host, with its last publication time."""
    from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
    from wagtail.models import PageViewRestriction

    from public_notices.services import notice_publish

    hidden = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="受限页面", body="正文")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="已撤下", body="正文")
    draft.unpublish()
    # published at 01:00 Beijing time on 2 March: still 1 March in UTC; the sitemap gives the Beijing day
    from wagtail.models import Page

    Page.objects.filter(pk=notice.pk).update(last_published_at=dt.datetime(2026, 3, 1, 17, 0, tzinfo=dt.UTC))
    client = Client(HTTP_HOST=HOST)
    with django_assert_max_num_queries(8):
        ours = client.get("/sitemap.xml")
    assert ours.status_code == 200 and ours["Content-Type"].startswith("application/xml")
    from django.test import RequestFactory

    request = RequestFactory(HTTP_HOST=HOST).get("/sitemap.xml")
    stock = wagtail_sitemap(request)
    stock.render()

    def entries(xml):
        return re.findall(r"<url>\s*<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>\s*</url>", xml)

    assert entries(ours.content.decode()) == entries(stock.content.decode())
    assert len(entries(ours.content.decode())) == 8
    xml = ours.content.decode()
    assert f"<loc>http://{HOST}{notice.url}</loc><lastmod>2026-03-02</lastmod>" in xml
    assert hidden.url not in xml and draft.url not in xml
    assert xml.count("<url>") == 1 + 5 + 1 + 1  # home, the five sections, the notice's index, the notice


@pytest.mark.django_db
def test_past_one_sitemap_file_the_sitemap_is_an_index_of_its_parts(notice, monkeypatch, settings):
    """A file holds at most 50,000 URLs; past that /sitemap.xml names its parts (?p=1, ?p=2 …) so every page
    is reachable (here with 3 per file: 8 pages make 3 parts)."""
    from pages.sitemap import PageTreeSitemap

    settings.PAGE_CACHE_ENABLED = False  # the same URL is asked twice, before and after the limit changes
    client = Client(HTTP_HOST=HOST)
    whole = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    assert len(whole) == 8
    monkeypatch.setattr(PageTreeSitemap, "limit", 3)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and "<sitemapindex" in index.content.decode()
    parts = re.findall(r"<loc>([^<]+)</loc>", index.content.decode())
    assert parts == [f"http://{HOST}/sitemap.xml?p={n}" for n in (1, 2, 3)]
    listed = []
    for part in parts:
        listed += re.findall(r"<loc>([^<]+)</loc>", client.get(part.removeprefix(f"http://{HOST}")).content.decode())
    assert listed == whole
    assert client.get("/sitemap.xml?p=4").status_code == 404
