"""programme/0004: a database written while 限时整改 was kept by hand (Matter.stage texts) carries on under the
flow. Each running rectification gets its process, waiting where it stood — notice not received: 送达; received
and not reported: the liaison's report task; reported: the officers' review — and the steps go on over HTTP."""
import datetime as dt
import re
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from freezegun import freeze_time
from viewflow.workflow.models import Process

from casework.models import Agency, Matter
from casework.services import document_serve
from programme import services
from programme.flows import RectificationFlow
from programme.models import RectificationTask
from roles.definitions import LIAISON
from roles.models import StaffProfile
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, matter_html, people

migration = import_module("programme.migrations.0004_rectification_processes_carried_over")


def stage(user, matter) -> str:
    html = matter_html(login(user), matter)
    return re.search(r"<strong>状态</strong>：([^<]*)</div>", html).group(1)


def waiting(task):
    from flows.services import process_for

    return process_for(task, RectificationFlow).task_set.exclude(status="DONE").get()


@pytest.mark.django_db
def test_running_rectifications_carried_over_to_the_flow(make_user, site_tree):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    officer, leader, liaison, other = p["officer"], p["leader"], p["liaison"], p["other"]
    other_agency = Agency.objects.get(name="武隆其他局")
    traffic = Agency.objects.create(jurisdiction="wulong", name="武隆区交通运输局")
    lx_traffic = make_user("lx_traffic", LIAISON)
    StaffProfile.objects.create(user=lx_traffic, agency=traffic, jurisdiction="wulong")
    with freeze_time("2026-03-02 10:00"):
        services.notification_issue(
            py=services.year_for("wulong", 2025), title="关于2025年度行政执法情况的通报", body="通报如下。",
            named=[(p["agency"], "案卷不规范"), (other_agency, "未按期公示"), (traffic, "未报送统计年报")],
            period_n=10, period_unit="calendar_days", by=leader)
    tasks = {t.agency_id: t for t in RectificationTask.objects.select_related("document", "matter")}
    market, late, reported = tasks[p["agency"].pk], tasks[other_agency.pk], tasks[traffic.pk]
    with freeze_time("2026-03-03 09:00"):
        for t in (late, reported):
            document_serve(document=t.document, by=officer, received_on=dt.date(2026, 3, 3),
                           method="直接送达", received_by_name="李小红")
    with freeze_time("2026-03-05 09:00"):
        services.rectification_report(task=reported, report="已补报统计年报。", by=lx_traffic)
    # as the database stood before the flow: no processes, the stage written by hand
    Process.objects.filter(flow_class=RectificationFlow).delete()
    for t, text in ((market, "待送达限期整改通知书"), (late, "限时整改中"), (reported, "已报告整改落实情况")):
        Matter.objects.filter(pk=t.matter_id).update(stage=text)

    migration.carry_over(apps, SimpleNamespace(connection=connection))
    migration.carry_over(apps, SimpleNamespace(connection=connection))  # twice: nothing more

    assert Process.objects.filter(flow_class=RectificationFlow).count() == 3
    task = waiting(market)
    assert (task.flow_task, task.flow_task_type, task.status) == (RectificationFlow.served, "FUNCTION", "NEW")
    task = waiting(late)
    assert (task.flow_task, task.owner, task.status, task.owner_permission) == (
        RectificationFlow.report, other, "ASSIGNED", "programme.report_rectification")
    task = waiting(reported)
    assert (task.flow_task, task.owner, task.owner_permission) == (
        RectificationFlow.review, None, "programme.manage_programme")

    with freeze_time("2026-03-06 09:00"):
        assert stage(officer, market.matter) == "办理中 · 送达限期整改通知书"
        assert stage(officer, late.matter) == "办理中 · 限时整改并报告整改落实情况"
        assert stage(officer, reported.matter) == "办理中 · 审核整改落实情况"
        assert "签收《限期整改通知书》" in inbox(liaison)
        item = card(inbox(other), "限时整改并报告整改落实情况")
        assert "期限：2026-03-13" in item and "第五条" in item
        assert "审核整改落实情况" in inbox(officer)
        # and the steps go on through the flow
        assert login(liaison).post(f"/admin/casework/documents/{market.document.pk}/service/").status_code == 302
        assert waiting(market).flow_task is RectificationFlow.report
        assert login(other).post(f"/admin/programme/tasks/{late.pk}/report/", {"report": "已公示。"}).status_code == 302
        assert waiting(late).flow_task is RectificationFlow.review
        assert login(officer).post(f"/admin/programme/tasks/{reported.pk}/review/", {"note": ""}).status_code == 302
        assert Matter.objects.get(pk=reported.matter_id).status == "closed"
