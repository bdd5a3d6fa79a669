"""监督员表彰通报 (威海办法 第十七条; 武汉办法 第四条第（六）项) as a notice kind: the demo has Weihai's, its page shows
the commended names and the article; Wanzhou's rules have no commendation, so its section has no such index."""
import pytest
from freezegun import freeze_time

from public_notices.models import CommendationNoticePage, NoticeIndexPage

pytestmark = pytest.mark.django_db


def test_the_demo_commendation_is_published_in_weihai_only(site_tree, client):
    from public_notices.demo import load_notices

    with freeze_time("2026-12-06 10:00:00+08:00", tick=True):
        load_notices()
    page = CommendationNoticePage.objects.get()
    assert page.jurisdiction == "weihai" and page.commendation_year == 2025
    assert page.title == "关于通报表彰2025年度优秀行政执法社会监督员的通报"
    html = client.get(page.url).content.decode()
    assert "表彰年度：2025年度" in html
    assert "受表彰人员：于海涛（威海市某会计师事务所）、孙雪（威海市某区人大代表联络站）" in html
    assert "依据《威海市行政执法社会监督员管理办法》第十七条" in html
    assert page.url.endswith("/biaozhang/" + page.slug + "/")
    kinds = {(i.get_parent().specific.profile.code, i.kind) for i in NoticeIndexPage.objects.filter(kind="commendation")}
    assert kinds == {("weihai", "commendation"), ("wuhan", "commendation")}
