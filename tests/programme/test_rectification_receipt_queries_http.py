"""The liaison signing for a 限期整改通知书 (004 第五条: receipt starts the period) completes the flow's 送达 step
in hand (issue 28): the statement that takes the flow's lock finds the waiting task (flows.locking) and the flow's
Handle (flows.nodes) completes that copy — no second lock and re-read of viewflow's own, no outer lock of the
service's. Over HTTP as the liaison, clock frozen; the same count on SQLite and PostgreSQL."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from programme.models import RectificationTask
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, people

AGENCY = "武隆区市场监督管理局"


@pytest.mark.django_db
def test_signing_for_the_rectification_notice_moves_the_flow_in_34_statements(make_user, site_tree):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-03-02 10:00") as frozen:
        response = login(p["leader"]).post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "period_n": "10", "period_unit": "calendar_days",
            f"name_{p['agency'].pk}": "on", f"problems_{p['agency'].pk}": "行政处罚案卷未载明陈述申辩告知"})
        assert response.status_code == 302
        task = RectificationTask.objects.get(agency=p["agency"])
        frozen.move_to("2026-03-03 09:00")
        client = login(p["liaison"])
        assert client.get("/admin/").status_code == 200  # the first request fills the process's caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.post(f"/admin/casework/documents/{task.document.pk}/service/").status_code == 302
        n = len(ctx.captured_queries)
        item = card(inbox(p["liaison"]), "限时整改并报告整改落实情况")
    assert "期限：2026-03-13" in item
    # 43: viewflow's Handle (its own lock and re-read of the task) under the service's flow lock
    # 34: flows.nodes.Handle completes the task run_handle found in the statement taking the lock; no outer lock
    assert n == 34
