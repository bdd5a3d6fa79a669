"""The 我的待办 count in the admin menu (flows.badge, issue 28): kept in the cache per user under one work
generation, so an admin page no longer rebuilds the whole worklist; any write that gives someone work makes
every count stale at once — over HTTP as the role users, with a frozen clock and literal counts."""
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework.models import Document
from tests.letters.letters_http import do_task, login, people, start_letter

AGENCY = "武隆区文化和旅游发展委员会"


def badge(client) -> str:
    """The 我的待办 label in the admin menu of the matter list."""
    response = client.get("/admin/casework/")
    assert response.status_code == 200
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
                      response.content.decode(), re.S).group(1)
    found = re.findall(r"我的待办(?:（\d+）)?", json.dumps(json.loads(props), ensure_ascii=False))
    assert found, "no 我的待办 menu item"
    return found[0]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_the_count_follows_each_write_that_gives_someone_work(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        officer, leader, liaison = login(p["officer"]), login(p["leader"]), login(p["liaison"])
        assert badge(officer) == "我的待办" and badge(leader) == "我的待办" and badge(liaison) == "我的待办"
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        # the drafting task waits on the officers at once, though their count was kept a moment ago
        assert badge(officer) == "我的待办（1）"
        assert badge(leader) == "我的待办"
        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
        assert badge(officer) == "我的待办"
        assert badge(leader) == "我的待办（1）"  # 签发 now waits on the leader
        assert badge(liaison) == "我的待办"
        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        doc = Document.objects.get(matter=matter, kind="opinion_letter")
        assert badge(leader) == "我的待办"
        assert badge(liaison) == "我的待办（1）"  # 签收 the issued letter
        assert badge(officer) == "我的待办（1）"  # 登记送达回证
        response = liaison.post(f"/admin/casework/documents/{doc.pk}/service/")
        assert response.status_code == 302
        assert badge(officer) == "我的待办"
        assert badge(liaison) == "我的待办（1）"  # now 报送整改情况
        assert badge(login(p["other"])) == "我的待办"


@pytest.mark.django_db
def test_an_admin_page_counts_the_work_once_then_reads_the_count(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title="第一件")
        start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title="第二件")
        officer = login(p["officer"])
        cold = queries(officer, "/admin/casework/")  # the session, then the worklist counted and kept
        warm = queries(officer, "/admin/casework/")
        assert badge(officer) == "我的待办（2）"
        # 15 queries of counting the work (备案审查 is a flow now: one provider fewer; 12345 work orders, complaint
        # appeals and supervisors' research one each), once; 1 for the page's 当前环节
        # warm 14: the user's permissions (2) and role groups (1) kept across requests (roles.auth_cache);
        # cold 31: the tasks' matters read in the tasks' own query (flows.worklist.viewflow_tasks)
        # cold 28: the count is one COUNT a source (the tasks, the return slips to enter): no list is built
        # cold 29 / warm 15: the matter list reads its page's ids from the order's index, then the rows by id
        # (casework.paging.EitherEndPaginator: a far page costs what page 1 costs)
        # cold 31: the serious refusals waiting to be handed on (letters.todos, 意见书 第十条) and the officer's
        # recusals they exclude, one query each, whatever their number
        # cold 32: the 12345 replies and the programme's years are Sources counted in SQL (complaints.todos,
        # programme.todos; the late years are a COUNT only once a year's statistics date has passed, none here);
        # referrals.todos also reads the letters (争议协调 第二十条, 通报 第六条) and the overdue rectifications
        # (通报 第六条) waiting for the 情节严重 judgement, one query each (recusals excluded in a subquery)
        # cold 34: those three are Sources filtered in SQL by the jurisdictions whose profile refers them
        # (rules.profiles.figure_by_profile, two figures, one query each, then kept in the shared cache)
        # cold 35: the account's own jurisdiction (its staff profile: roles.access.bureau_jurisdiction, asked by
        # the matter list and the worklist), read once, then kept across requests with the role groups (auth_cache)
        # cold 33: the tasks are counted from 待办索引 (flows.task_index): the count no longer composes the tasks'
        # matter from each kind of record, whose content types it read first (two queries)
        assert (cold, warm) == (33, 15)
