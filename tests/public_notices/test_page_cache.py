"""The anonymous page cache (pages.cache): a second anonymous GET is answered from the cache without a
query; publishing, unpublishing, editing, moving or deleting a page, a window opening or closing at
midnight Beijing time, and a holiday year entered all make every cached page stale; logged-in users,
POST requests and pages carrying a CSRF form are never cached."""
import datetime as dt

import pytest
from freezegun import freeze_time

from public_notices.services import index_for, notice_publish

D = dt.date
pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, response.content.decode()


def state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def case(site_tree):
    with freeze_time("2026-03-02 09:00:00"):
        return notice_publish(kind="typical_case", jurisdiction="wanzhou", title="燃气安全执法典型案例",
                              body="<p>某燃气公司未按规定检测，已责令整改。</p>")


@freeze_time("2026-03-10 10:00:00")
def test_second_anonymous_get_is_served_from_cache_without_a_query(client, case, django_assert_num_queries):
    index = case.get_parent()
    for url in ("/", "/wanzhou/", index.url, case.url, case.url + "print/", "/notices/archive/",
                "/notices/archive/?jurisdiction=wanzhou&year=2026", "/feeds/notices.xml",
                "/feeds/wanzhou/notices.xml", "/sitemap.xml"):
        first, html = get(client, url)
        assert state(first) == "miss", url
        with django_assert_num_queries(0):
            again, html_again = get(client, url)
        assert state(again) == "hit", url
        assert html_again == html
        assert again["Content-Type"] == first["Content-Type"]


@freeze_time("2026-03-10 10:00:00")
def test_publish_makes_indexes_home_archive_and_feed_fresh(client, case):
    index = case.get_parent()
    urls = ("/", index.url, "/notices/archive/", "/feeds/notices.xml")
    for url in urls:
        get(client, url), get(client, url)
    notice_publish(kind="typical_case", jurisdiction="wanzhou", title="扬尘治理执法典型案例",
                   body="<p>正文。</p>")
    for url in urls:
        response, html = get(client, url)
        assert state(response) == "miss", url
        assert "扬尘治理执法典型案例" in html, url


@freeze_time("2026-03-10 10:00:00")
def test_unpublish_removes_the_page_and_its_listing(client, case):
    index = case.get_parent()
    get(client, case.url), get(client, index.url), get(client, index.url)
    case.unpublish()
    assert client.get(case.url).status_code == 404
    assert "燃气安全执法典型案例" not in get(client, index.url)[1]


@freeze_time("2026-03-10 10:00:00")
def test_edit_published_shows_the_new_title(client, case):
    index = case.get_parent()
    get(client, case.url), get(client, index.url)
    assert state(get(client, case.url)[0]) == "hit"
    case.title = "燃气安全执法典型案例（修订）"
    case.save_revision().publish()
    for url in (case.url, index.url):
        response, html = get(client, url)
        assert state(response) == "miss" and "燃气安全执法典型案例（修订）" in html, url


@freeze_time("2026-03-10 10:00:00")
def test_move_serves_the_page_at_its_new_address_only(client, case):
    old_url = case.url
    old_index = case.get_parent()
    get(client, old_url), get(client, old_index.url)
    target = index_for(jurisdiction="wuhan", kind="typical_case")
    case.move(target, pos="last-child")
    case.refresh_from_db()
    assert case.url.startswith("/wuhan/") and case.url != old_url
    moved = client.get(old_url)  # Wagtail's automatic redirect to the new address, not the cached page
    assert moved.status_code == 301 and moved["Location"] == case.url
    assert "燃气安全执法典型案例" not in get(client, old_index.url)[1]
    assert "燃气安全执法典型案例" in get(client, target.url)[1]


@freeze_time("2026-03-10 10:00:00")
def test_delete_removes_the_page(client, case):
    url, index = case.url, case.get_parent()
    get(client, url), get(client, url), get(client, index.url)
    case.delete()
    assert client.get(url).status_code == 404
    assert "燃气安全执法典型案例" not in get(client, index.url)[1]


def test_window_closes_at_midnight_beijing_time(client, publish_list):
    with freeze_time("2026-09-29 09:00:00"):
        page = publish_list("wanzhou", start=D(2026, 9, 29))
    assert page.publicity_end == D(2026, 10, 12)
    with freeze_time("2026-10-12 15:59:00"):  # 23:59 in Beijing, the last day of the window
        get(client, page.url)
        response, html = get(client, page.url)
        assert state(response) == "hit" and "公示中" in html
    with freeze_time("2026-10-12 16:01:00"):  # 00:01 on 2026-10-13 in Beijing
        response, html = get(client, page.url)
        assert state(response) == "miss" and "已结束" in html and "公示中" not in html


def test_window_opens_at_midnight_beijing_time(client, publish_list):
    with freeze_time("2026-09-28 09:00:00"):
        page = publish_list("wanzhou", start=D(2026, 9, 29))
        get(client, page.url)
        response, html = get(client, page.url)
        assert state(response) == "hit" and "未开始" in html
    with freeze_time("2026-09-28 16:00:30"):  # 00:00:30 on 2026-09-29 in Beijing
        response, html = get(client, page.url)
        assert state(response) == "miss" and "公示中" in html


@freeze_time("2026-12-28 10:00:00")
def test_holiday_year_entered_recomputes_and_refreshes_a_provisional_window(
        client, publish_list, django_capture_on_commit_callbacks):
    from rules.models import HolidayYear

    page = publish_list("wanzhou", start=D(2026, 12, 28))
    get(client, page.url)
    response, html = get(client, page.url)
    assert state(response) == "hit"
    assert "2026年12月28日 至 2027年1月4日" in html and "暂定日期：2027年节假日安排尚未录入" in html
    with django_capture_on_commit_callbacks(execute=True):
        HolidayYear.objects.create(year=2027, holidays="2027-01-01~2027-01-03 元旦")
    response, html = get(client, page.url)
    assert state(response) == "miss"
    assert "2026年12月28日 至 2027年1月5日" in html and "暂定日期" not in html


@freeze_time("2026-03-10 10:00:00")
def test_logged_in_user_is_never_served_nor_stored(client, case, make_user):
    get(client, case.url), get(client, case.url)  # cached for anonymous readers
    client.force_login(make_user("editor1", group="编辑"))
    for _ in range(2):
        response, html = get(client, case.url)
        assert state(response) is None
    client.logout()
    client.cookies.clear()
    assert state(get(client, case.url)[0]) == "hit"


@freeze_time("2026-03-10 10:00:00")
def test_post_is_never_served_from_cache(client, case):
    get(client, "/notices/archive/"), get(client, "/notices/archive/")
    response = client.post("/notices/archive/", {"x": "1"})
    assert state(response) is None


@freeze_time("2026-10-09 10:00:00")
def test_objection_form_and_search_are_never_cached(client, publish_list):
    with freeze_time("2026-09-29 09:00:00"):
        page = publish_list("wanzhou", start=D(2026, 9, 29))
    for url in (page.url + "objection/", "/search/?q=公示"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200 and state(response) is None, url
            client.cookies.clear()
    form = client.get(page.url + "objection/")
    assert "csrfmiddlewaretoken" in form.content.decode() and "csrftoken" in form.cookies


@freeze_time("2026-03-10 10:00:00")
def test_a_changed_rule_figure_refreshes_pages(client, case, make_user):
    from rules.models import RuleFigure
    from rules.profiles import change_figure

    get(client, case.url)
    assert state(get(client, case.url)[0]) == "hit"
    figure = RuleFigure.objects.get(profile__code="wanzhou", key="publicity_period")
    change_figure(figure=figure, value={**figure.value, "n": 7}, article=figure.article, reason="测试",
                  by=make_user("boss"))
    assert state(get(client, case.url)[0]) == "miss"


def test_page_cache_can_be_switched_off(client, case, settings):
    settings.PAGE_CACHE_ENABLED = False
    get(client, case.url)
    assert state(get(client, case.url)[0]) is None


@pytest.fixture
def two_years_of_cases(site_tree):
    for i in range(22):
        with freeze_time(f"2025-{1 + i % 12:02d}-{1 + i:02d} 09:00:00"):
            notice_publish(kind="typical_case", jurisdiction="enshi", title=f"典型案例第{i + 1:02d}号",
                           body="正文")
    with freeze_time("2026-02-01 09:00:00"):
        notice_publish(kind="typical_case", jurisdiction="enshi", title="二〇二六年典型案例", body="正文")
        notice_publish(kind="notification", jurisdiction="enshi", title="二〇二六年监督情况通报", body="正文")
    return index_for(jurisdiction="enshi", kind="typical_case")


@freeze_time("2026-03-10 10:00:00")
def test_first_hit_of_index_and_archive_counts_and_years_in_one_query(
        client, settings, two_years_of_cases, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    index = two_years_of_cases
    from pages.cache import bump

    get(client, "/")  # Wagtail caches the site root paths on the first request
    bump()  # a first hit after a publish: the menu is rebuilt too
    with django_assert_max_num_queries(14):  # was 16: one grouped query gives the years and the total
        html = get(client, index.url)[1]
    assert "第 1 / 2 页（共 23 条）" in html and "?year=2026" in html and "?year=2025" in html
    with django_assert_max_num_queries(12):  # and the menu from the cache until the next change
        get(client, index.url + "?page=2")
    bump()
    with django_assert_max_num_queries(7):  # was 9
        html = get(client, "/notices/archive/?jurisdiction=enshi")[1]
    assert "第 1 / 2 页（共 24 条）" in html
    assert '<option value="2026">2026年</option>' in html and '<option value="2025">2025年</option>' in html
    html = get(client, "/notices/archive/?jurisdiction=enshi&year=2026&kind=typical_case")[1]
    assert "二〇二六年典型案例" in html and "二〇二六年监督情况通报" not in html
    assert "典型案例第01号" not in html
    html = get(client, "/notices/archive/?jurisdiction=enshi&year=2025&page=2")[1]
    assert "第 2 / 2 页（共 22 条）" in html


def test_get_profile_is_read_once_per_request_and_again_after_a_change(make_user, rf, db):
    from django.db import connection
    from django.http import HttpResponse
    from django.test.utils import CaptureQueriesContext

    from pages.cache import AnonymousPageCacheMiddleware
    from rules.models import RuleFigure
    from rules.profiles import change_figure, get_profile

    boss = make_user("boss")
    seen = []

    def view(request):
        with CaptureQueriesContext(connection) as q:
            for _ in range(3):
                seen.append(get_profile("wanzhou").period("publicity_period").n)
            figure = RuleFigure.objects.get(profile__code="wanzhou", key="publicity_period")
            change_figure(figure=figure, value={**figure.value, "n": 8}, article=figure.article,
                          reason="测试", by=boss)
            seen.append(get_profile("wanzhou").period("publicity_period").n)
        seen.append(sum(x["sql"].startswith('SELECT "rules_ruleprofile"') for x in q.captured_queries))
        return HttpResponse("ok")

    AnonymousPageCacheMiddleware(view)(rf.post("/x/"))
    assert seen == [5, 5, 5, 8, 2]  # read once, then once more after the audited change
    assert get_profile("wanzhou").period("publicity_period").n == 8  # outside a request: always read


@freeze_time("2026-03-10 10:00:00")
def test_menu_follows_a_renamed_section(client, case, site_tree):
    get(client, case.url)
    section = site_tree["wuhan"]
    section.title = "武汉市司法局（行政执法监督）"
    section.save_revision().publish()
    assert "武汉市司法局（行政执法监督）" in get(client, case.url)[1]
