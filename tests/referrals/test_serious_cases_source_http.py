"""The 情节严重 items of 我的待办 (referrals.todos.serious_cases) are QuerySources (issue 28): the jurisdiction whose
rule profile has no such referral is left out in SQL, not row by row in Python; a page builds its 50 items only,
and the queries of 我的待办 do not grow with the number of letters waiting — over HTTP as the officers, clock frozen."""
import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework import services
from letters.models import ESCALATING, Letter
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import people

pytestmark = pytest.mark.django_db
TODO = "审查不执行调处决定或被通报是否情节严重"


def escalating(matter, officer, n: int = 1):
    """`n` dispute-decision letters of `matter` whose correction order ran out (state ESCALATING)."""
    Letter.objects.bulk_create(
        Letter(matter=matter, ground="dispute_decision", ground_label="不执行调处决定",
               ground_article="《行政执法争议协调办法》第二十条", findings="未执行区政府的调处决定。",
               request="执行调处决定。", drafted_by=officer, state=ESCALATING) for _ in range(n))
    cache.clear()  # bulk_create sends no signal: the kept 我的待办 would not know


def opened(officer, agency, title: str):
    return services.matter_open(by=officer, agency=agency, source="inspection", title=title, facts="事实",
                                opened_on=dt.date(2026, 9, 1))


@freeze_time("2026-10-09 09:00")
def test_the_item_shows_where_the_matters_profile_refers_it_only(make_user):
    wl = people(make_user, "wulong", "武隆区城市管理局")
    es = people(make_user, "enshi", "恩施州城市管理局")
    wl_matter = opened(wl["officer"], wl["agency"], "城市管理争议调处决定执行")
    es_matter = opened(es["officer"], es["agency"], "恩施城市管理争议")
    escalating(wl_matter, wl["officer"])
    escalating(es_matter, es["officer"])  # Enshi's profile has no dispute_referrals (争议协调办法 is Wulong's)
    assert (wl_matter.number, es_matter.number) == ("武隆监案〔2026〕1号", "恩施监案〔2026〕1号")
    # bureau staff see every matter (casework.visibility): each officer has the Wulong item, never the Enshi one
    for officer in (wl["officer"], es["officer"]):
        page = inbox(officer)
        item = card(page, TODO)
        assert "武隆监案〔2026〕1号 武隆区城市管理局" in item
        assert "不执行调处决定，责令限期纠正逾期未纠正；情节严重的移送相关职能部门（《行政执法争议协调办法》第二十条）" in item
        assert page.count(TODO) == 1 and "恩施州城市管理局" not in page and "恩施监案" not in page
    assert TODO not in inbox(wl["liaison"]) and TODO not in inbox(es["liaison"])


def test_the_queries_do_not_grow_with_the_letters_waiting(make_user):
    p = people(make_user, "wulong", "武隆区城市管理局")
    with freeze_time("2026-10-09 09:00"):
        matter = opened(p["officer"], p["agency"], "城市管理争议调处决定执行")
        client = Client()
        client.force_login(p["officer"])
        assert client.get("/workflow/").status_code == 200  # the first request fills the process's caches

        def page() -> tuple[int, str]:
            with CaptureQueriesContext(connection) as ctx:
                response = client.get("/workflow/")
            assert response.status_code == 200
            return len(ctx.captured_queries), response.content.decode()

        from flows.worklist import QuerySource
        from referrals.todos import serious_cases

        sources = serious_cases(p["officer"], today=dt.date(2026, 10, 9))
        assert len(sources) == 3 and all(isinstance(s, QuerySource) for s in sources)  # counted, sorted in SQL
        escalating(matter, p["officer"])
        one, html = page()
        assert html.count(TODO) == 1
        escalating(matter, p["officer"], 59)
        many, html = page()
        assert html.count(TODO) == 50 and "我的待办（6" in html
        assert many == one, (one, many)
