"""The matter screen reads as many queries for a file of 60 more events as for its first few (issue 28): the
events, their number, the timeline, the panels and the recusal box each read once, whatever the rows — over
HTTP as the officer, with the letter's panel on the screen, clock frozen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework.models import MatterEvent
from tests.letters.letters_http import login, people, start_letter


def queries(client, url: str) -> tuple[int, str]:
    client.get(url)  # caches filled (rule profiles, menu), as for anyone who opened a screen before
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:300]
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_the_matter_screen_reads_as_many_queries_for_60_more_events(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    with freeze_time("2026-09-25 02:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        client = login(p["officer"])
        url = f"/admin/casework/{matter.pk}/"
        few, html = queries(client, url)
        own = MatterEvent.objects.filter(matter=matter).count()
        assert 1 <= own < 10 and "显示全部" not in html
        MatterEvent.objects.bulk_create(MatterEvent(matter=matter, by=p["officer"], text=f"第{k}次检查记录")
                                        for k in range(1, 61))
        many, html = queries(client, url)
        assert f"共{own + 60}条，本页及办理时间轴显示最近50条。" in html
        assert many == few
