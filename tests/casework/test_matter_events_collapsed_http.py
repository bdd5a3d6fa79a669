"""A matter screen with many events (issue 28): the newest 50 in the list and the timeline, the total and a
显示全部 link that shows every event — none lost for a person who asks — over HTTP as the officer, clock frozen."""
import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from casework import services
from casework.models import MatterEvent
from tests.letters.letters_http import people


def shown(html: str) -> list[int]:
    """The numbers of the test's events in the 办理记录 list, in the order shown."""
    section = html[html.index('id="events"'):]
    return [int(n) for n in re.findall(r"第(\d+)次检查记录", section)]


@pytest.mark.django_db
def test_the_matter_screen_shows_the_newest_50_events_and_all_on_asking(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    with freeze_time("2026-09-25 02:00"):
        matter = services.matter_open(by=p["officer"], agency=p["agency"], source="inspection", title="超限检查事项",
                                      facts="事实", opened_on=dt.date(2026, 9, 1))
        own = MatterEvent.objects.filter(matter=matter).count()
        start = timezone.make_aware(dt.datetime(2026, 9, 2, 9, 0))
        MatterEvent.objects.bulk_create(MatterEvent(matter=matter, by=p["officer"], text=f"第{k}次检查记录")
                                        for k in range(1, 61))
        for k, e in enumerate(MatterEvent.objects.filter(matter=matter, text__endswith="次检查记录").order_by("pk"), 1):
            MatterEvent.objects.filter(pk=e.pk).update(at=start + dt.timedelta(hours=k))  # 09-02 10:00 …
        client = Client()
        client.force_login(p["officer"])
        html = client.get(f"/admin/casework/{matter.pk}/").content.decode()
        total = own + 60
        assert f"共{total}条，本页及办理时间轴显示最近50条。" in html
        assert f'href="?events=all#events">显示全部{total}条办理记录</a>' in html
        # the newest 50: the opening's own events (2026-09-25) and the last of the test's, in the file's order
        hidden = 10 + own
        assert shown(html) == list(range(hidden + 1, 61))
        assert f"2026-09-02 {9 + hidden}:00" not in html and f"2026-09-02 {10 + hidden}:00" in html

        html = client.get(f"/admin/casework/{matter.pk}/?events=all").content.decode()
        assert shown(html) == list(range(1, 61)) and "显示全部" not in html
        html = client.get(f"/admin/casework/{matter.pk}/?events=%E5%9D%8F").content.decode()  # anything else: newest
        assert shown(html) == list(range(hidden + 1, 61))
