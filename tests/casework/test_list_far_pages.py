"""A list's far pages (issue 28): the page's keys are read from whichever end of the list is nearer
(casework.paging.EitherEndPaginator), so the last page costs what the first does — and every page shows the
rows an OFFSET over the whole list would, in the same order, ties on the date broken by the newest first."""
import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casework.models import Matter


def shown(client, url) -> tuple[int, list[int]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), [int(k) for k in re.findall(r"第(\d+)件监督事项", response.content.decode())]


@pytest.mark.django_db
def test_every_page_read_from_either_end_shows_the_rows_in_list_order(staff, make_agency):
    agency = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    # 130 matters, three a day (on the same date the later-created first), every fourth closed
    Matter.objects.bulk_create(
        Matter(number=f"武隆监案〔2026〕{k}号", jurisdiction="wulong", source="inspection", process="letter",
               agency=agency, title=f"第{k}件监督事项", facts="抽查案卷。", opened_on=dt.date(2026, 1, 1) + dt.timedelta(days=k // 3),
               status="closed" if k % 4 == 0 else "open", opened_by=staff["officer"]) for k in range(1, 131))
    client = Client()
    client.force_login(staff["officer"])
    shown(client, "/admin/casework/")  # warm: content types and the calendar are cached after the first request
    first, one = shown(client, "/admin/casework/")
    middle, two = shown(client, "/admin/casework/?page=2")
    last, three = shown(client, "/admin/casework/?page=3")  # 30 rows: read backwards from the oldest
    assert one[:4] == [130, 129, 128, 127] and one[-1] == 81
    assert two[0] == 80 and two[-1] == 31
    assert three[:3] == [30, 29, 28] and three[-3:] == [3, 2, 1] and len(three) == 30
    assert one + two + three == list(range(130, 0, -1))
    assert first == middle == last
    # a filter keeps its order from either end: the open ones (all but every fourth), 98 of them, 2 pages
    _, open_one = shown(client, "/admin/casework/?status=open&page=1")
    _, open_two = shown(client, "/admin/casework/?status=open&page=2")
    assert open_one[:3] == [130, 129, 127] and open_two[-4:] == [5, 3, 2, 1]
    assert open_one + open_two == [k for k in range(130, 0, -1) if k % 4]
    response = client.get("/admin/casework/?status=open&page=3")
    assert response.status_code == 400 and "页码无效：请填写 1 至 2 之间的整数页码。" in response.content.decode()
