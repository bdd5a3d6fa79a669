"""issue 18, 政府网站 conventions: the page-level <meta> of 政府网站发展指引 (国办发〔2017〕47号) from the
网站信息 setting, a footer that shows only what is filled, titles, meta descriptions, canonical links,
/favicon.ico, /robots.txt, gzip only where no secret is on the page, and a11y.js off the render path."""
import base64
import datetime as dt
import gzip
import hashlib
import re
import zoneinfo

import pytest
from django.test import Client
from wagtail.models import Site

HOST = "sfj.example.gov.cn"
BJ = zoneinfo.ZoneInfo("Asia/Shanghai")


def meta(html: str, name: str) -> list[str]:
    return re.findall(rf'<meta name="{name}" content="([^"]*)">', html)


@pytest.fixture
def identity(site_tree):
    from pages.site_identity import SiteIdentity

    site = Site.objects.get(is_default_site=True)
    record, _ = SiteIdentity.objects.get_or_create(site=site)
    for field in ("site_domain", "keywords", "organizer", "contact_phone", "contact_address", "contact_email",
                  "police_number", "gov_mark_url", "contact_url", "footer_note"):
        setattr(record, field, "")
    record.site_name = "某市司法局行政执法监督网"
    record.site_id_code = "5001010099"
    record.description = "某市司法局公开行政执法监督信息。"
    record.sponsor = "某市司法局"
    record.icp_number = "渝ICP备12345678号"
    record.sitemap_url = "/sitemap.xml"
    record.save()
    return record


def get(path: str, **extra):
    return Client(HTTP_HOST=HOST).get(path, **extra)


@pytest.fixture
def notice(site_tree):
    from public_notices import kinds as K
    from public_notices.services import notice_publish

    page = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="某区市场监管局行政处罚典型案例",
                          body="<p>2026年5月，某区市场监督管理局对一家超市作出警告决定。</p>",
                          keywords="典型案例，行政处罚")
    page.first_published_at = dt.datetime(2026, 5, 18, 9, 30, tzinfo=BJ)
    page.save(update_fields=["first_published_at"])
    return page


@pytest.mark.django_db
def test_site_meta_on_the_home_page_and_its_title_is_the_site_name_alone(identity):
    html = get("/").content.decode()
    assert "<title>某市司法局行政执法监督网</title>" in html
    assert meta(html, "SiteName") == ["某市司法局行政执法监督网"]
    assert meta(html, "SiteDomain") == ["sfj.example.gov.cn"]
    assert meta(html, "SiteIDCode") == ["5001010099"]
    assert meta(html, "ColumnName") == ["首页"]
    # the home page's intro is its description (search_description empty)
    assert meta(html, "description") == ["本平台公开各地司法局行政执法监督工作信息：监督员选聘公告、拟聘人员公示、聘任与解聘公告、"
                                         "典型案例、行政执法统计年报和监督情况通报。"]
    assert meta(html, "keywords") == []  # not filled: not printed
    assert '<link rel="canonical" href="http://sfj.example.gov.cn/">' in html


@pytest.mark.django_db
def test_a_section_title_is_page_then_site_name_and_search_description_wins(identity, site_tree):
    section = site_tree["wanzhou"]
    section.search_description = "万州区司法局行政执法监督工作。"
    section.save_revision().publish()
    html = get("/wanzhou/").content.decode()
    assert "<title>万州区司法局 - 某市司法局行政执法监督网</title>" in html
    assert meta(html, "ColumnName") == ["万州区司法局"]
    assert meta(html, "description") == ["万州区司法局行政执法监督工作。"]
    assert meta(html, "ColumnDescription") == ["万州区司法局行政执法监督工作。"]


@pytest.mark.django_db
def test_article_meta_of_a_notice(identity, notice):
    html = get(notice.url).content.decode()
    assert meta(html, "ArticleTitle") == ["某区市场监管局行政处罚典型案例"]
    assert meta(html, "PubDate") == ["2026-05-18 09:30"]
    assert meta(html, "ContentSource") == ["万州区司法局"]
    assert meta(html, "Author") == ["万州区司法局"]
    assert meta(html, "Keywords") == ["典型案例,行政处罚"]
    assert meta(html, "Description") == ["2026年5月，某区市场监督管理局对一家超市作出警告决定。"]
    assert meta(html, "ColumnName") == ["典型案例"]
    assert meta(html, "ColumnType") == ["信息公开"]
    assert meta(html, "Url") == [f"http://sfj.example.gov.cn{notice.url}"]
    assert meta(html, "SiteIDCode") == ["5001010099"]
    assert "<title>某区市场监管局行政处罚典型案例 - 某市司法局行政执法监督网</title>" in html


@pytest.mark.django_db
def test_a_page_without_description_gets_the_site_default(identity):
    html = get("/notices/archive/").content.decode()
    assert meta(html, "description") == ["某市司法局公开行政执法监督信息。"]
    assert "<title>公告归档 - 某市司法局行政执法监督网</title>" in html
    assert meta(html, "ColumnName") == ["公告归档"] and meta(html, "ColumnType") == ["信息公开"]
    roster = get("/supervisors/wanzhou/roster/").content.decode()
    assert meta(roster, "ColumnName") == ["监督员选聘"] and meta(roster, "ColumnType") == ["政务服务"]


@pytest.mark.django_db
def test_footer_shows_filled_items_only(identity):
    html = get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    assert "主办单位：某市司法局" in footer
    assert "网站标识码：5001010099" in footer
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">渝ICP备12345678号</a>' in footer
    assert '<a href="/sitemap.xml">网站地图</a>' in footer
    for absent in ("承办单位", "联系电话", "联系地址", "联系邮箱", "公网安备", "联系我们", "党政机关", "演示环境"):
        assert absent not in footer


@pytest.mark.django_db
def test_footer_shows_contact_police_record_and_mark_once_filled(identity):
    identity.contact_phone = "023-12345678"
    identity.contact_email = "xx@example.invalid"
    identity.police_number = "渝公网安备 50010102000001号"
    identity.gov_mark_url = "https://bszs.conac.cn/sitename?method=show&id=ABC"
    identity.contact_url = "/wanzhou/"
    identity.save()
    footer = get("/").content.decode().split('<footer class="site-footer">')[1]
    assert "联系电话：023-12345678　|　联系邮箱：<a href=\"mailto:xx@example.invalid\">xx@example.invalid</a>" in footer
    assert ('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=50010102000001" rel="noopener">'
            "渝公网安备 50010102000001号</a>") in footer
    assert ('<a href="https://bszs.conac.cn/sitename?method=show&amp;id=ABC" rel="noopener">党政机关网站标识</a>'
            in footer)
    assert '<a href="/wanzhou/">联系我们</a>' in footer


@pytest.mark.django_db
def test_an_empty_setting_shows_no_identification_lines(site_tree):
    from pages.site_identity import SiteIdentity

    SiteIdentity.objects.all().delete()
    html = get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    assert "网站标识码" not in footer and "ICP" not in footer and "主办单位" not in footer
    assert meta(html, "SiteIDCode") == []
    assert "<title>行政执法监督公开平台</title>" in html  # the Site's name


@pytest.mark.django_db
def test_favicon_is_served_and_linked(identity):
    response = get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert '<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">' in get("/").content.decode()


@pytest.mark.django_db
def test_robots_txt():
    response = Client(HTTP_HOST=HOST).get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("User-agent: *\nDisallow: /admin/\nDisallow: /workflow/\nDisallow: /search/\n")
    assert "Disallow: /complaints/*/status/\n" in text and "Disallow: /*/print/\n" in text
    assert "Allow: /\n" in text
    assert text.endswith("\nSitemap: http://sfj.example.gov.cn/sitemap.xml\n")


@pytest.mark.django_db
def test_a11y_script_is_deferred_and_the_display_mode_is_set_inline_by_hash(identity):
    response = get("/")
    html = response.content.decode()
    assert re.search(r'<script src="/static/js/a11y\.js" defer></script>', html)
    assert html.index("js/a11y.js") < html.index("</head>")
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(inline) == 1 and 'localStorage.getItem("contrast") === "1"' in inline[0]
    script_src = [d for d in response["Content-Security-Policy"].split("; ") if d.startswith("script-src ")]
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert script_src == [f"script-src 'self' 'sha256-{digest}'"]  # that script only, no 'unsafe-inline'


@pytest.mark.django_db
def test_anonymous_pages_are_gzipped_forms_with_a_csrf_token_are_not(identity, site_tree):
    response = get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "<title>某市司法局行政执法监督网</title>" in gzip.decompress(response.content).decode()
    # the complaint form carries a CSRF token: sent as is
    form = get("/complaints/wanzhou/", HTTP_ACCEPT_ENCODING="gzip")
    assert form.status_code == 200 and "csrfmiddlewaretoken" in form.content.decode()
    assert not form.has_header("Content-Encoding")


@pytest.mark.django_db
def test_editing_the_setting_refreshes_cached_pages(identity):
    assert meta(get("/").content.decode(), "SiteIDCode") == ["5001010099"]
    assert get("/")["X-Page-Cache"] == "hit"
    identity.site_id_code = "5001010100"
    identity.save()
    assert meta(get("/").content.decode(), "SiteIDCode") == ["5001010100"]


@pytest.mark.django_db
def test_editors_fill_the_setting_in_the_admin(identity, make_user):
    client = Client()
    client.force_login(make_user("root"))
    site = Site.objects.get(is_default_site=True)
    html = client.get(f"/admin/settings/pages/siteidentity/{site.pk}/").content.decode()
    for label in ("网站名称", "网站标识码", "ICP备案号", "公安机关备案号", "主办单位", "承办单位", "党政机关网站标识链接"):
        assert label in html


@pytest.mark.django_db
def test_article_image_meta_lists_the_bodys_images(identity, settings, tmp_path):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from public_notices import kinds as K
    from public_notices.services import notice_publish

    settings.MEDIA_ROOT = str(tmp_path)
    image = Image.objects.create(title="现场照片", file=get_test_image_file(filename="xianchang.png"))
    page = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="现场检查典型案例",
                          body=f'<p>现场检查。</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="现场"/>')
    html = get(page.url).content.decode()
    assert meta(html, "Image") == ["http://sfj.example.gov.cn/media/images/xianchang.width-800.png"]
