"""我的待办's viewflow tasks counted, sorted and paged in SQL (issue 28): the officer's claimable tasks, 1 and then
61, opened over HTTP — the same number of queries for both, the total from COUNT, 50 on page 1 in the order
they came (none has a due date yet), the page beyond the last answered 400 in Chinese."""
import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from viewflow.workflow.models import Task

from flows.task_index import refresh as refresh_task_index
from tests.letters.letters_http import login, people, start_letter

AGENCY = "武隆区市场监督管理局"


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return len(ctx.captured_queries), response.content.decode()


def claimed(html: str) -> list[int]:
    """The task numbers of the 领取 buttons on a page, in the order shown."""
    return [int(pk) for pk in re.findall(r'action="/workflow/tasks/(\d+)/claim/"', html)]


@pytest.mark.django_db
def test_the_tasks_are_paged_in_sql_and_their_queries_do_not_grow_with_them(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title="第一件")
        officer = login(p["officer"])
        for url in ("/workflow/", "/admin/"):  # the first request of a process fills its caches
            assert officer.get(url).status_code == 200
        first = Task.objects.get(process__caseprocess__matter=matter, status="NEW")
        cache.clear()
        one, html = queries(officer, "/workflow/")
        assert "我的待办（1）" in html and claimed(html) == [first.pk]

        # 60 more drafting tasks of the letter, created one second apart: shown in the order they came
        templates = []
        for n in range(60):
            copy = Task.objects.get(pk=first.pk)
            copy.pk = None
            copy.created = first.created + dt.timedelta(seconds=n + 1)
            templates.append(copy)
        made = Task.objects.bulk_create(templates)
        refresh_task_index(made)  # bulk_create sends no signal: a bulk load refreshes 待办索引 itself
        cache.clear()
        many, html = queries(officer, "/workflow/")
        assert many == one
        assert "我的待办（61）" in html and "共 61 件，第 1 / 2 页" in html
        page1 = claimed(html)
        assert len(page1) == 50 and page1[0] == first.pk and page1[1:4] == [m.pk for m in made[:3]]
        _, html = queries(officer, "/workflow/?page=2")
        assert claimed(html) == [m.pk for m in made[49:]]

        response = officer.get("/workflow/?page=3")
        assert response.status_code == 400
        assert "页码无效：请填写 1 至 2 之间的整数页码。" in response.content.decode()
