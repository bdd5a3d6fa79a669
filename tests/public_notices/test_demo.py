"""Demo notices load, are idempotent, and include a Wanzhou and a Wuhan list in their window today."""
import pytest

from public_notices.models import NoticePage, PublicityPage

pytestmark = pytest.mark.django_db


def test_demo_notices_load_twice_without_duplicates_with_open_windows(site_tree, client):
    from public_notices.demo import load_notices

    load_notices()
    count = NoticePage.objects.count()
    load_notices()
    assert NoticePage.objects.count() == count >= 15
    open_lists = {p.jurisdiction for p in PublicityPage.objects.live() if p.window_state == "open"}
    assert {"wanzhou", "wuhan"} <= open_lists
    for page in NoticePage.objects.live():
        assert client.get(page.url).status_code == 200, page.url
    assert "最新公告" in client.get("/").content.decode()
