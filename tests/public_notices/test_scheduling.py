"""Publication is Wagtail's go-live: a scheduled notice is not public until the scheduler's
publish_scheduled job runs after go_live_at (time moved forward with freezegun)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from clocks import scheduler
from public_notices.models import NoticePage
from public_notices.services import notice_publish

pytestmark = pytest.mark.django_db
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def test_scheduled_notice_goes_live_when_the_scheduler_runs_after_go_live(client, site_tree):
    go_live = dt.datetime(2026, 7, 1, 9, 0, tzinfo=SHANGHAI)
    with freeze_time("2026-06-30 10:00:00"):
        page = notice_publish(kind="appointment", jurisdiction="wuhan", title="关于聘任行政执法义务监督员的公告",
                              body="决定聘任下列同志。", go_live_at=go_live)
        assert not page.live and page.published_on is None
        assert client.get("/wuhan/pinren/").status_code == 200
        assert "关于聘任行政执法义务监督员的公告" not in client.get("/feeds/notices.xml").content.decode()
        scheduler.run_once()
        assert not NoticePage.objects.get(pk=page.pk).live
    with freeze_time("2026-07-01 00:59:00"):  # 08:59 Shanghai: one minute early
        scheduler.run_once()
        assert not NoticePage.objects.get(pk=page.pk).live
    with freeze_time("2026-07-01 01:00:30"):
        scheduler.run_once()
        page = NoticePage.objects.get(pk=page.pk)
        assert page.live and page.published_on == dt.date(2026, 7, 1)
        assert client.get(page.url).status_code == 200
        assert "关于聘任行政执法义务监督员的公告" in client.get("/feeds/notices.xml").content.decode()


def test_scheduled_publicity_list_opens_its_window_on_go_live(publish_list):
    go_live = dt.datetime(2026, 8, 3, 8, 30, tzinfo=SHANGHAI)
    with freeze_time("2026-07-30 10:00:00"):
        page = publish_list("wuhan", start=dt.date(2026, 8, 3), go_live_at=go_live)
        assert not page.live and not page.objections_open
    with freeze_time("2026-08-03 00:31:00"):
        scheduler.run_once()
        page.refresh_from_db()
        assert page.live and page.window_state == "open" and page.objections_open
        assert page.publicity_end == dt.date(2026, 8, 13)  # 10 days, 002 第七条第（二）项
