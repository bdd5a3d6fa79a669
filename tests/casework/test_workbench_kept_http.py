"""The workbench at size (issue 28): what its panels read is kept in the cache under the work generation, so a
second visit reads a handful of rows, any write that changes work shows at once, and neither the first visit
after a write nor a kept one reads more for 50 open matters than for one."""
import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework import services


def visit(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_the_workbench_is_kept_until_a_write_and_its_queries_do_not_grow_with_rows(staff, make_agency):
    agency = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    officer = staff["officer"]
    client = Client()
    client.force_login(officer)

    def open_matters(start: int, n: int) -> None:
        for k in range(start, start + n):
            services.matter_open(by=officer, agency=agency, source="inspection", title=f"第{k}件抽查事项",
                                 facts="抽查案卷。", opened_on=dt.date(2026, 9, 1) + dt.timedelta(days=k % 20))

    with freeze_time("2026-09-25 02:00"):
        visit(client)  # the first request of a process fills its caches (content types, the calendar)
        open_matters(1, 1)
        cold_one, html = visit(client)  # the write made every kept panel stale: all read again
        assert "我立案的办理中事项（1）" in html and "第1件抽查事项" in html
        warm_one, _ = visit(client)
        open_matters(2, 49)
        cold_many, html = visit(client)
        assert "我立案的办理中事项（50）" in html and "第39件抽查事项" in html  # opened 2026-09-20, the latest
        warm_many, again = visit(client)
        assert again.count("抽查事项") == html.count("抽查事项")
    assert (cold_many, warm_many) == (cold_one, warm_one)
    assert warm_one <= cold_one - 15  # the workbench's lists and counts and the other panels: from the cache

    with freeze_time("2026-09-26 02:00"):  # a new day: days left and overdue change, everything is read again
        next_day, _ = visit(client)
        kept_again, _ = visit(client)
    assert next_day > kept_again == warm_one
