"""The leader's complaint items in 我的待办 (issue 28): the extensions to approve (004 投诉举报制度 第十条) are
counted, sorted and paged in SQL — the same number of queries for 1 item and for 50, the near ones only (within
3 working days or past), none whose extensions already reach the cap — over HTTP as the leader, clock frozen."""
import copy
import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from clocks.models import Clock, ClockExtension
from complaints.models import Complaint
from tests.complaints.helpers import complaint_data, submit
from tests.letters.letters_http import login, people

AGENCY = "武隆区文化和旅游发展委员会"


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return len(ctx.captured_queries), response.content.decode()


def total(html: str) -> int:
    return int(re.search(r"我的待办（(\d+)）", html).group(1))


@pytest.mark.django_db
def test_the_leaders_extension_items_page_in_sql_with_the_same_queries_for_1_and_50(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(p["agency"]))
        complaint = Complaint.objects.get()
    with freeze_time("2026-09-30 09:00"):
        assert login(p["officer"]).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
    with freeze_time("2026-10-27 09:00"):
        leader = login(p["leader"])
        for url in ("/workflow/", "/admin/"):  # the first request of a process fills its caches (content types …)
            assert leader.get(url).status_code == 200
        cache.clear()
        one, html = queries(leader, "/workflow/")
        assert html.count("审批延长办理期限") == 1 and "期限：2026-10-30" in html
        before = total(html)

        # 49 more accepted complaints whose 办结期限 runs on the complaint itself (no matter): 46 due on
        # 2026-10-28 … overdue, 3 beyond the horizon, and one more near but already extended by the 30-day cap
        finish = Clock.objects.get(rule_key="complaint_finish_period", status="running")
        complaint.refresh_from_db()  # accepted
        c_type = ContentType.objects.get_for_model(Complaint)
        clones = []
        for k in range(2, 54):
            c = copy.copy(complaint)
            c.pk, c.matter_id, c.receipt_number = None, None, f"武隆投〔2026〕{k}号"
            clones.append(c)
        clones = Complaint.objects.bulk_create(clones)
        dues = [dt.date(2026, 10, 20) + dt.timedelta(days=k % 11) for k in range(49)]  # 10-20 … 10-30
        dues += [dt.date(2026, 11, 20)] * 3  # far: not asked yet
        clocks = []
        for c, due in zip(clones, dues, strict=False):
            clock = copy.copy(finish)
            clock.pk, clock.subject_type, clock.subject_id, clock.due_on = None, c_type, str(c.pk), due
            clocks.append(clock)
        capped = copy.copy(finish)
        capped.pk, capped.subject_type, capped.subject_id = None, c_type, str(clones[-1].pk)
        capped.due_on = dt.date(2026, 10, 28)
        clocks = Clock.objects.bulk_create([*clocks, capped])
        ClockExtension.objects.create(clock=clocks[-1], n=30, approved_by=p["leader"], reason="情况复杂",
                                      article="第十条")
        cache.clear()  # bulk_create sends no signal: start from an empty cache, as after a deploy

        many, html = queries(leader, "/workflow/")
        assert many == one
        assert total(html) == before + 49
        shown = html.count("审批延长办理期限")
        if total(html) > 50:
            shown += queries(leader, "/workflow/?page=2")[1].count("审批延长办理期限")
        assert shown == 50
        # earliest first: the overdue ones of 2026-10-20 lead, numbered by receipt
        first = html.index("审批延长办理期限")
        assert "武隆投〔2026〕2号" in html[first:html.index("</li>", first)]
        assert "期限：2026-10-20" in html and "已逾期5个工作日" in html
        assert "武隆投〔2026〕51号" not in html and "武隆投〔2026〕53号" not in html  # far; capped
        assert "最多30日" in html
