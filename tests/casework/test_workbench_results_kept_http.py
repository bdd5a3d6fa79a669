"""The workbench's one line of 年度监督结果 (issue 28) is kept under a generation of its own inputs: a write that
changes someone's work but no result (the work generation, flows.badge) does not count the year's records again;
a result recorded over HTTP (an interference lapse, 干预 第十条) shows on the next visit."""
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

pytestmark = pytest.mark.django_db


def visit(client) -> tuple[str, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode(), "\n".join(q["sql"] for q in ctx.captured_queries)


def test_the_results_line_is_kept_across_other_writes_and_recounted_after_its_own(staff, make_agency):
    from flows.badge import bump

    agency = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    officer = Client()
    officer.force_login(staff["officer"])
    with freeze_time("2026-05-11 10:00"):
        home, sql = visit(officer)
        assert "2026年度纳入考核的监督结果：" in home and "干预插手不记录或不如实记录0次" in home
        assert "complaints_interferencelapse" in sql  # counted on the first visit
        bump()  # someone's write elsewhere: every 我的待办 and workbench panel is stale, the results are not
        home, sql = visit(officer)
        assert "干预插手不记录或不如实记录0次" in home
        assert "complaints_interferencelapse" not in sql  # the line read from the cache
        assert officer.post("/admin/complaints/interference/lapses/new/", {
            "agency": agency.pk, "officer_name": "周办案", "kind": "not_recorded", "found_on": "2026-05-11",
            "case_ref": "武隆市监罚〔2026〕90号", "facts": "说情未记录。"}).status_code == 302
        home, sql = visit(officer)
        assert "干预插手不记录或不如实记录1次" in home
        assert "complaints_interferencelapse" in sql
