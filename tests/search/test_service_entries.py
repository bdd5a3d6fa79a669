"""办事入口 (issue 27): from a question to the action. Editors keep the entries in the admin; a query that
holds an entry's keyword or synonym shows it as a button above the results; the portal and every section
show their jurisdiction's entries; the sitemap lists them; "怎么投诉执法人员" leads to the complaint form."""
import re

import pytest

from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR
from search.models import ServiceEntry
from search.service_entries import load_defaults, matching


@pytest.fixture
def entries(site_tree, settings):
    settings.ELASTICSEARCH_URL = ""
    load_defaults()
    return site_tree


def buttons(html: str) -> list[tuple[str, str]]:
    """(href, text) of every 办事入口 button on a page, in order."""
    return re.findall(r'<a class="btn service-entry" href="([^"]+)"[^>]*>([^<]+)</a>', html)


def test_demo_entries_per_jurisdiction_load_once(entries):
    made = ServiceEntry.objects.count()
    assert load_defaults() == 0 and ServiceEntry.objects.count() == made
    wulong = [(e.title, e.url) for e in ServiceEntry.objects.filter(jurisdiction="wulong").order_by("sort_order")]
    assert wulong == [("在线投诉举报", "/complaints/wulong/"), ("查询投诉办理进度", "/complaints/wulong/status/"),
                      ("对拟聘人员公示提出异议", "/wulong/gongshi/")]  # Wulong's rules have no supervisors
    assert ServiceEntry.objects.get(jurisdiction="wanzhou", title="申请担任行政执法监督员").url == "/supervisors/wanzhou/"
    assert ServiceEntry.objects.get(jurisdiction="enshi", title="拨打12345政务服务便民热线").url == "tel:12345"
    assert not ServiceEntry.objects.filter(url="tel:12345").exclude(jurisdiction="enshi").exists()


def test_how_to_complain_about_an_officer_leads_to_the_complaint_form(client, entries):
    html = client.get("/search/", {"q": "怎么投诉执法人员", "jurisdiction": "wulong"}).content.decode()
    assert buttons(html)[0] == ("/complaints/wulong/", "在线投诉举报")
    assert "您可能要办理" in html
    form = client.get("/complaints/wulong/")
    assert form.status_code == 200 and "投诉" in form.content.decode()
    # without a jurisdiction chosen: one complaint button per jurisdiction, the form each one opens
    everywhere = buttons(client.get("/search/", {"q": "怎么投诉执法人员"}).content.decode())
    assert {href for href, text in everywhere if text == "在线投诉举报"} >= {
        "/complaints/wulong/", "/complaints/wanzhou/", "/complaints/enshi/"}


def test_everyday_words_typos_and_traditional_characters_find_the_entry(entries):
    assert [e.url for e in matching("被城管乱罚款了想告状", "wanzhou")][:1] == ["/complaints/wanzhou/"]
    assert [e.url for e in matching("执法投述", "weihai")][:1] == ["/complaints/weihai/"]
    assert [e.url for e in matching("投訴執法人員", "enshi")][:1] == ["/complaints/enshi/"]
    assert [e.url for e in matching("我的投诉办理进度怎么查", "wulong")][0] == "/complaints/wulong/status/"
    assert [e.url for e in matching("恩施 12345热线", "enshi")][0] == "tel:12345"
    assert matching("统计年报", "wulong") == [] and matching("", "") == []


def test_portal_and_each_section_show_their_entries(client, entries):
    section = buttons(client.get("/wulong/").content.decode())
    assert ("/complaints/wulong/", "在线投诉举报") in section
    assert all("wulong" in href for href, _ in section)  # never another jurisdiction's form
    enshi = buttons(client.get("/enshi/").content.decode())
    assert ("tel:12345", "☎ 拨打12345政务服务便民热线") in enshi
    home = client.get("/").content.decode()
    assert "办事入口" in home and ("/complaints/weihai/", "在线投诉举报") in buttons(home)
    # grouped under each jurisdiction's name, in the order the portal lists the sections
    assert home.index("重庆市万州区</h3>") < home.index("山东省威海市</h3>") < home.index("重庆市武隆区</h3>")


def test_sitemap_lists_the_entries_internal_addresses(client, entries):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/complaints/wulong/</loc>" in xml and "/complaints/wulong/status/</loc>" in xml
    assert "tel:12345" not in xml


def test_an_edited_entry_shows_on_the_cached_section_at_once(client, entries):
    assert ("/complaints/wulong/", "在线投诉举报") in buttons(client.get("/wulong/").content.decode())
    entry = ServiceEntry.objects.get(jurisdiction="wulong", url="/complaints/wulong/")
    entry.title = "我要投诉"
    entry.save()
    assert ("/complaints/wulong/", "我要投诉") in buttons(client.get("/wulong/").content.decode())


def test_editor_adds_an_entry_in_the_admin_and_a_bad_one_is_refused(client, make_user, entries):
    client.force_login(make_user("editor27", EDITOR))
    assert client.get("/admin/search_service_entries/").status_code == 200
    r = client.post("/admin/search_service_entries/new/", {
        "title": "行政复议申请", "description": "", "url": "/wulong/", "jurisdiction": "wulong",
        "keywords": "复议，行政复议", "synonyms": "", "sort_order": "60", "live": "on"})
    assert r.status_code == 302
    assert ServiceEntry.objects.get(title="行政复议申请").keywords == "复议、行政复议"
    assert [e.title for e in matching("怎么申请行政复议", "wulong")] == ["行政复议申请"]
    bad = client.post("/admin/search_service_entries/new/", {
        "title": "错误入口", "url": "javascript:alert(1)", "jurisdiction": "nowhere", "keywords": "x",
        "sort_order": "1"}).content.decode()
    assert "请填写以“/”开头的站内地址" in bad
    assert not ServiceEntry.objects.filter(title="错误入口").exists()


@pytest.mark.parametrize("role,allowed", [(EDITOR, True), (OFFICER, False), (LEADER, False), (LIAISON, False),
                                          (SUPERVISOR, False)])
def test_only_editors_keep_the_entries(client, make_user, entries, role, allowed):
    client.force_login(make_user(f"u-{len(role)}-{allowed}", role))
    r = client.get("/admin/search_service_entries/")
    assert (r.status_code == 200) is allowed
    if not allowed:
        assert r.status_code in (302, 403)


@pytest.mark.parametrize("text", ["投" * 1000, "？！。，……", "投诉\x01\x02", "武隆府办发]2022[2号"])
def test_bad_input_never_breaks_the_entries(client, entries, text):
    r = client.get("/search/", {"q": text})
    assert r.status_code in (200, 400)
