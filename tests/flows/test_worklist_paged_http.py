"""我的待办 in pages and the workbench's first items (issue 28): 50 items a page in order of urgency, the total
in the title and the menu, a page number the pager never offers answered 400 in Chinese, and a query count
that does not grow with the number of items — over HTTP as the officer, with a frozen clock."""
import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework import services
from casework.models import Document
from tests.letters.letters_http import people


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return len(ctx.captured_queries), response.content.decode()


def served(html: str) -> list[str]:
    """The document numbers of the 登记送达回证 items on a page, in the order shown."""
    return re.findall(r"测字〔(\d+)〕号", html)


@pytest.mark.django_db
def test_the_worklist_comes_in_pages_and_its_queries_do_not_grow_with_the_items(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    officer, agency = p["officer"], p["agency"]
    with freeze_time("2026-09-25 02:00"):
        matter = services.matter_open(by=officer, agency=agency, source="inspection", title="超限检查事项",
                                      facts="事实", opened_on=dt.date(2026, 9, 1))

        def documents(numbers):
            Document.objects.bulk_create(
                Document(matter=matter, kind="letter", kind_label="监督文书", doc_number=f"测字〔{n}〕号", year=2026,
                         seq=n, title="文书", addressee=agency.name, body="正文", issued_by=officer,
                         issued_on=dt.date(2026, 9, 1) + dt.timedelta(days=n % 20))
                for n in numbers)
            cache.clear()  # bulk_create sends no signal: start from an empty cache, as after a deploy

        client = Client()
        client.force_login(officer)
        for url in ("/workflow/", "/admin/"):  # the first request of a process fills its caches (content types …)
            assert client.get(url).status_code == 200
        documents([1])
        cold_one, html = queries(client, "/workflow/")
        assert "我的待办（1）" in html and served(html) == ["1"]
        warm_one, _ = queries(client, "/workflow/")  # the list is kept until a write changes work
        bench_one, bench_html = queries(client, "/admin/")
        assert "测字〔1〕号" in bench_html

        documents(range(2, 61))
        cold_many, html = queries(client, "/workflow/")
        warm_many, _ = queries(client, "/workflow/")
        bench_many, bench_html = queries(client, "/admin/")
        assert (cold_many, warm_many, bench_many) == (cold_one, warm_one, bench_one)
        assert warm_one < cold_one

        # page 1: the total in the title, 50 items, the pager; issued earliest first (none has a due date)
        assert "我的待办（60）" in html
        assert "共 60 件，第 1 / 2 页" in html and 'href="?page=2"' in html
        first = served(html)
        assert len(first) == 50
        assert first[:3] == ["20", "40", "60"]  # issued 2026-09-01
        _, html = queries(client, "/workflow/?page=2")
        second = served(html)
        assert len(second) == 10 and not set(first) & set(second)
        assert second[-1] == "59" and "共 60 件，第 2 / 2 页" in html  # issued 2026-09-20, the latest

        # the workbench: the first 8 and a link to all 60
        assert len(served(bench_html)) == 8 and served(bench_html) == first[:8]
        assert "查看全部60项待办" in bench_html

        for bad in ("3", "0", "abc", "1000000000"):
            response = client.get(f"/workflow/?page={bad}")
            assert response.status_code == 400
            assert "页码无效：请填写 1 至 2 之间的整数页码。" in response.content.decode()
