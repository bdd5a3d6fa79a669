"""The clock list (法定时限) in a total order — due date, then the clock's number — paged from either end
(issue 28): its queries do not grow with the rows, equal due dates keep their number order across pages,
and a page number the pager never offers is still a 400 in Chinese."""
import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clocks.models import Clock
from roles.definitions import OFFICER


def clock(pk: int, due: dt.date, subject) -> Clock:
    return Clock(pk=pk, subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk),
                 label=f"时限{pk}", profile_code="wulong", rule_key="complaint_accept_period", source="004",
                 document="投诉举报制度", article="第七条", started_on=dt.date(2026, 9, 28), n=7, unit="working_days",
                 due_on=due)


def shown(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'/clocks/calendar/(\d+)/', html)]


@pytest.fixture
def officer(make_user):
    user = make_user("clk_pager", OFFICER)
    client = Client()
    client.force_login(user)
    return user, client


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:300]
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_the_list_reads_as_many_queries_for_50_clocks_as_for_1(officer):
    user, client = officer
    client.get("/admin/clocks/")  # the first request fills the caches
    Clock.objects.bulk_create([clock(5001, dt.date(2026, 10, 9), user)])
    one, html = queries(client, "/admin/clocks/")
    assert shown(html) == [5001]
    kept, html = queries(client, "/admin/clocks/")  # the count is kept until the next write (casework.paging)
    assert shown(html) == [5001]
    Clock.objects.bulk_create([clock(5001 + k, dt.date(2026, 10, 9), user) for k in range(1, 50)])
    first, html = queries(client, "/admin/clocks/")
    assert shown(html)[:3] == [5001, 5002, 5003]
    last, html = queries(client, "/admin/clocks/?p=3")
    assert shown(html) == [5041 + k for k in range(10)]
    assert first == one and last == kept == one - 1


@pytest.mark.django_db
def test_equal_due_dates_keep_the_clock_number_order_across_pages(officer):
    user, client = officer
    # made in the reverse of their numbers, all due the same day, and one due earlier made last
    Clock.objects.bulk_create([clock(pk, dt.date(2026, 10, 9), user) for pk in range(7025, 7000, -1)])
    Clock.objects.bulk_create([clock(7100, dt.date(2026, 10, 1), user)])
    page1 = shown(client.get("/admin/clocks/").content.decode())
    assert page1 == [7100] + list(range(7001, 7020))
    html = client.get("/admin/clocks/?p=2").content.decode()
    assert shown(html) == [7020, 7021, 7022, 7023, 7024, 7025]
    assert "2026-10-09" in html or "2026年10月9日" in html
    # newest due first, then the higher number first
    desc = shown(client.get("/admin/clocks/?ordering=-due_on").content.decode())
    assert desc[:3] == [7025, 7024, 7023]
    response = client.get("/admin/clocks/?p=3")
    assert response.status_code == 400
    assert "页码无效：请填写 1 至 2 之间的整数页码。" in response.content.decode()
