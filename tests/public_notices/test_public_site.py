"""The public face: notices render in Chinese with the gov.cn metadata block, the window and its rule;
feeds, API, sitemap, archive, print view; and no ID number or phone reaches any of them."""
import datetime as dt
import json

import pytest
from freezegun import freeze_time

from public_notices.services import notice_publish

D = dt.date
pytestmark = pytest.mark.django_db
ID_NUMBER, MOBILE = "11010519491231002X", "13912345678"


@pytest.fixture
def wanzhou_list(publish_list, candidates):
    rows = [dict(candidates[0], id_number=ID_NUMBER, phone=MOBILE, address="万州区某路1号"), candidates[1]]
    with freeze_time("2026-09-29 09:00:00"):
        return publish_list("wanzhou", start=D(2026, 9, 29), rows=rows, doc_number="万司发〔2026〕18号")


@freeze_time("2026-10-09 10:00:00")
def test_publicity_page_shows_metadata_window_state_and_rule(client, wanzhou_list):
    html = client.get(wanzhou_list.url).content.decode()
    for text in ("索&ensp;引&ensp;号", wanzhou_list.index_number, "发文字号", "万司发〔2026〕18号", "发布机构",
                 "万州区司法局", "成文日期", "发布日期", "2026年09月29日", "主题分类",
                 "2026年9月29日 至 2026年10月12日", "公示中",
                 "依据《万州区行政执法监督员管理办法》第六条第（二）项，公示期不少于5个工作日",
                 "刘明", "1978年4月", "陈静", "女", "在线提出异议"):
        assert text in html, text
    assert '<link rel="alternate" type="application/rss+xml"' in html


def test_index_number_format_and_uniqueness_per_org_and_year(site_tree):
    from rules.profiles import get_profile

    org = get_profile("wanzhou").org_code
    with freeze_time("2026-03-01"):
        a = notice_publish(kind="typical_case", jurisdiction="wanzhou", title="案例一", body="正文一")
        b = notice_publish(kind="notification", jurisdiction="wanzhou", title="通报一", body="正文二")
    with freeze_time("2027-01-05"):
        c = notice_publish(kind="typical_case", jurisdiction="wanzhou", title="案例二", body="正文三")
    assert (a.index_number, b.index_number, c.index_number) == (
        f"{org}/2026-00001", f"{org}/2026-00002", f"{org}/2027-00001")
    assert a.published_on == D(2026, 3, 1) and a.issuer == "万州区司法局" and a.jurisdiction == "wanzhou"


def test_no_id_number_or_phone_on_page_feed_api_or_sitemap(client, wanzhou_list):
    from public_notices.models import PublicityCandidate

    assert not any(ID_NUMBER in str(v) or MOBILE in str(v)
                   for v in PublicityCandidate.objects.values_list().all())  # never even stored
    urls = [wanzhou_list.url, wanzhou_list.url + "print/", wanzhou_list.url + "objection/", "/feeds/notices.xml",
            "/feeds/wanzhou/notices.xml", "/sitemap.xml", "/notices/archive/", wanzhou_list.get_parent().url,
            f"/api/v2/pages/{wanzhou_list.pk}/", "/api/v2/pages/?type=public_notices.PublicityPage&fields=*",
            "/api/v2/pages/?type=public_notices.PublicityPage&fields=candidates"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert ID_NUMBER not in body and MOBILE not in body and "某路1号" not in body, url


def test_notice_text_with_an_id_number_or_mobile_is_refused(site_tree):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        notice_publish(kind="typical_case", jurisdiction="wanzhou", title="案例",
                       body=f"当事人张某（身份证号{ID_NUMBER}）")
    assert "居民身份证号码" in " ".join(exc.value.messages)
    with pytest.raises(ValidationError):
        notice_publish(kind="typical_case", jurisdiction="wanzhou", title="案例", body=f"联系人电话{MOBILE}")
    # an office line of the bureau is a public contact, not personal data
    notice_publish(kind="typical_case", jurisdiction="wanzhou", title="案例", body="咨询电话：023-58000000")


def test_api_exposes_metadata_and_window_as_iso_dates(client, wanzhou_list):
    data = json.loads(client.get(f"/api/v2/pages/{wanzhou_list.pk}/").content)
    assert data["index_number"] == wanzhou_list.index_number
    assert data["doc_number"] == "万司发〔2026〕18号" and data["issuer"] == "万州区司法局"
    assert data["published_on"] == "2026-09-29" and data["written_on"] == "2026-09-29"
    assert data["publicity_start"] == "2026-09-29" and data["publicity_end"] == "2026-10-12"
    assert set(data["candidates"][0]) == {"name", "gender", "birth_month", "workplace", "post", "recommended_by"}
    listing = json.loads(client.get(
        "/api/v2/pages/?type=public_notices.NoticePage&fields=doc_number,issuer,written_on,published_on,"
        "index_number&kind=publicity").content)
    assert listing["meta"]["total_count"] == 1 and listing["items"][0]["index_number"] == wanzhou_list.index_number


def test_feed_lists_new_notices_newest_first(client, site_tree):
    with freeze_time("2026-05-01"):
        notice_publish(kind="typical_case", jurisdiction="wuhan", title="较早的典型案例", body="正文")
    with freeze_time("2026-06-01"):
        notice_publish(kind="notification", jurisdiction="wanzhou", title="较新的监督情况通报", body="正文")
    xml = client.get("/feeds/notices.xml").content.decode()
    assert xml.index("较新的监督情况通报") < xml.index("较早的典型案例")
    only_wuhan = client.get("/feeds/wuhan/notices.xml").content.decode()
    assert "较早的典型案例" in only_wuhan and "较新的监督情况通报" not in only_wuhan


def test_index_and_archive_paginate_newest_first_and_filter_by_year(client, site_tree):
    for i in range(23):
        with freeze_time(f"2025-{1 + i % 12:02d}-{1 + i:02d}"):
            notice_publish(kind="typical_case", jurisdiction="enshi", title=f"典型案例第{i + 1:02d}号", body="正文")
    with freeze_time("2026-02-01"):
        notice_publish(kind="typical_case", jurisdiction="enshi", title="二〇二六年典型案例", body="正文")
    from public_notices.models import NoticeIndexPage

    index = NoticeIndexPage.objects.descendant_of(site_tree["enshi"]).get(kind="typical_case")
    first = client.get(index.url).content.decode()
    assert first.index("二〇二六年典型案例") < first.index("典型案例第12号")
    assert "第 1 / 2 页（共 24 条）" in first
    second = client.get(index.url + "?page=2").content.decode()
    assert "第 2 / 2 页" in second
    y2025 = client.get(index.url + "?year=2025").content.decode()
    assert "二〇二六年典型案例" not in y2025 and "共 23 条" in y2025
    archive = client.get("/notices/archive/?jurisdiction=enshi&year=2026").content.decode()
    assert "二〇二六年典型案例" in archive and "典型案例第01号" not in archive


def test_dismissal_names_ground_and_withdrawal_where_rules_say_so_000_art18_19(client, site_tree):
    page = notice_publish(kind="dismissal", jurisdiction="wanzhou", title="关于解聘行政执法监督员的公告",
                          body="经研究，决定解聘下列人员。", dismissed_name="王某", ground_code="absence")
    html = client.get(page.url).content.decode()
    assert "一年内无正当理由两次不参加行政执法监督活动" in html and "第十八条第（三）项" in html
    assert "收回其聘书和行政执法监督员证件" in html and "第十九条" in html
    weihai = notice_publish(kind="dismissal", jurisdiction="weihai", title="解聘公告", body="决定解聘。",
                            dismissed_name="李某", ground_code="job_health")
    assert "收回其聘书" not in client.get(weihai.url).content.decode()  # 001 第十六条 says nothing of it


def test_print_view_and_regulation_dates(client, site_tree):
    page = notice_publish(kind="regulation", jurisdiction="wulong", title="行政执法监督检查工作规程",
                          body="<p>第一条 为规范监督检查……</p><script>alert(1)</script>",
                          effective_on=D(2026, 1, 1), repealed_on=None)
    html = client.get(page.url).content.decode()
    assert "生效日期" in html and "2026年01月01日" in html and "现行有效" in html
    assert "<script>alert" not in html  # imported HTML is cleaned to the editor's features
    printed = client.get(page.url + "print/").content.decode()
    assert "js/print.js" in printed and "主导航" not in printed  # the print dialog script is a file (CSP)


def test_the_last_page_counted_from_the_oldest_end_keeps_the_order_across_a_tie(client, site_tree, settings):
    """A page nearer the oldest end is read from that end (selectors.NarrowSortPaginator); the order is the
    same: newest first, and the same day newest published first, also where a day spans two pages."""
    import re

    settings.PAGE_CACHE_ENABLED = False
    for i in range(1, 24):
        day = "2025-01-01" if i <= 5 else f"2025-01-{i:02d}"  # numbers 1-5 share a day
        with freeze_time(f"{day} 09:{i:02d}:00"):
            notice_publish(kind="typical_case", jurisdiction="enshi", title=f"典型案例第{i:02d}号", body="正文")
    from public_notices.models import NoticeIndexPage

    index = NoticeIndexPage.objects.descendant_of(site_tree["enshi"]).get(kind="typical_case")

    def numbers(url):
        return [int(n) for n in re.findall(r"典型案例第(\d+)号", client.get(url).content.decode())]

    assert numbers(index.url) == [*range(23, 5, -1), 5, 4]
    assert numbers(index.url + "?page=2") == [3, 2, 1]
    assert numbers("/notices/archive/?jurisdiction=enshi&page=2") == [3, 2, 1]
