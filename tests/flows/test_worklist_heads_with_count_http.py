"""我的待办 after a write (issue 28): each source's count and its first 50 items are read in ONE statement
(COUNT(*) OVER () beside the sorted rows), and kept with the count — the workbench's first 8 and the inbox's first
page are built without reading the tasks again; a page past them reads them as before. Over HTTP as the officer
with a frozen clock: a letter waiting to be drafted, due on its literal date."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from flows.badge import bump
from tests.letters.letters_http import login, people, start_letter

DRAFT = "起草监督建议书（意见书）"


def task_index_reads(client, url: str) -> tuple[list[str], str]:
    """The statements of one GET that read 待办索引's rows (flows_taskindex), and the page."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    reads = [q["sql"] for q in ctx.captured_queries if re.search(r'FROM "flows_taskindex"', q["sql"])]
    return reads, response.content.decode()


@pytest.mark.django_db
def test_the_count_and_first_page_of_the_tasks_come_from_one_statement(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    with freeze_time("2026-09-25 02:00"):
        start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        client = login(p["officer"])
        assert client.get("/workflow/").status_code == 200  # a process's first request fills its caches

        bump()  # someone's write: the kept list is stale, the list is counted and its first page read again
        reads, html = task_index_reads(client, "/workflow/")
        assert len(reads) == 1 and "OVER ()" in reads[0] and "LIMIT 50" in reads[0]
        assert "我的待办（1）" in html and DRAFT in html

        bump()  # the workbench: the badge's count and the first 8 from the same statement
        reads, html = task_index_reads(client, "/admin/")
        assert len(reads) == 1 and "OVER ()" in reads[0]
        assert DRAFT in html

        bump()  # page 2 of a list of 1: refused in Chinese (400) from the count alone, no second read of the tasks
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/workflow/?page=2")
        assert response.status_code == 400
        assert "页码无效：请填写 1 至 1 之间的整数页码。" in response.content.decode()
        assert sum('FROM "flows_taskindex"' in q["sql"] for q in ctx.captured_queries) == 1
