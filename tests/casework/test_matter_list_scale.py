"""The matter list at size (issue 28): 50 matters a page with a pager, the same number of queries whatever
the number of rows, and a page or filter value the form never offers answered 400 with a Chinese message."""
import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casework.models import Matter


def matters(officer, agency, start: int, n: int) -> None:
    Matter.objects.bulk_create(
        Matter(number=f"武隆监案〔2026〕{k}号", jurisdiction="wulong", source="inspection", process="letter",
               agency=agency, title=f"第{k}件监督事项", facts="抽查案卷。", opened_on=dt.date(2026, 1, 1) + dt.timedelta(days=k),
               opened_by=officer) for k in range(start, start + n))


def get(client, url) -> tuple[int, int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response.status_code, len(ctx.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_the_list_pages_50_rows_and_its_queries_do_not_grow_with_rows(staff, make_agency):
    agency = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    client = Client()
    client.force_login(staff["officer"])
    matters(staff["officer"], agency, 1, 1)
    get(client, "/admin/casework/")  # warm: content types and the calendar are cached after the first request
    status, one, html = get(client, "/admin/casework/")
    assert status == 200 and html.count('<tr><td class="cw-nowrap">') == 1 and "共 1 件，第 1 / 1 页" in html
    matters(staff["officer"], agency, 2, 59)
    status, fifty, html = get(client, "/admin/casework/")
    assert status == 200 and html.count('<tr><td class="cw-nowrap">') == 50 and fifty == one
    assert "共 60 件，第 1 / 2 页" in html and "第60件监督事项" in html and "第10件监督事项" not in html
    assert 'href="?page=2">下一页' in html
    status, _, html = get(client, "/admin/casework/?process=letter&page=2")
    assert status == 200 and html.count('<tr><td class="cw-nowrap">') == 10 and "第10件监督事项" in html
    assert 'href="?process=letter&amp;page=1">上一页' in html


@pytest.mark.django_db
@pytest.mark.parametrize("query, message", [
    ("page=1000000000", "页码无效：请填写 1 至 1 之间的整数页码。"),
    ("page=abc", "页码无效：请填写 1 至 1 之间的整数页码。"),
    ("status=%E5%9D%8F", "状态筛选值无效，请选择“办理中”或“已办结”。"),
    ("jurisdiction=mars", "辖区筛选值无效，请从列表中选择辖区。"),
    ("process=x", "办理程序筛选值无效，请从列表中选择程序。"),
])
def test_a_page_or_filter_the_form_never_offers_answers_400_in_chinese(staff, make_agency, query, message):
    agency = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    matters(staff["officer"], agency, 1, 3)
    client = Client()
    client.force_login(staff["officer"])
    status, _, html = get(client, f"/admin/casework/?{query}")
    assert status == 400 and message in html and "第1件监督事项" not in html


@pytest.mark.django_db
def test_a_page_of_the_list_is_read_off_the_opened_on_index():
    constraints = connection.introspection.get_constraints(connection.cursor(), Matter._meta.db_table)
    assert constraints["matter_opened_order"]["columns"] == ["opened_on", "id"]
    if connection.vendor == "sqlite":  # PostgreSQL's planner sorts a table this small whatever the indexes
        plan = Matter.objects.order_by("-opened_on", "-pk")[500:550].explain()
        assert "matter_opened_order" in plan and "TEMP B-TREE" not in plan
