"""filings/0003: a database written while 备案审查 was kept by hand (Matter.stage "备案审查中") carries on under the
flow: each filing still to be reviewed waits at the officers' review task; reviewed ones get no process."""
import datetime as dt
import re
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from freezegun import freeze_time
from viewflow.workflow.models import Process

from casework.models import Matter
from filings import services
from filings.flows import FilingFlow
from filings.models import Filing
from flows.services import process_for
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, matter_html, people

migration = import_module("filings.migrations.0003_review_processes_carried_over")


@pytest.mark.django_db
def test_pending_filings_carried_over_to_the_flow(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    officer, liaison = p["officer"], p["liaison"]
    with freeze_time("2026-03-10 09:00"):
        pending = services.filing_submit(by=liaison, agency=p["agency"], title="待审查的处罚决定",
                                         decision_number="恩市监罚〔2026〕50号", decided_on=dt.date(2026, 3, 2))
        done = services.filing_submit(by=liaison, agency=p["agency"], title="已审查的处罚决定",
                                      decision_number="恩市监罚〔2026〕51号", decided_on=dt.date(2026, 3, 2))
        services.filing_pass(filing=done, by=officer)
    Process.objects.filter(flow_class=FilingFlow).delete()
    Matter.objects.filter(pk=pending.matter_id).update(stage="备案审查中")

    migration.carry_over(apps, SimpleNamespace(connection=connection))
    migration.carry_over(apps, SimpleNamespace(connection=connection))

    assert process_for(done, FilingFlow) is None
    task = process_for(pending, FilingFlow).task_set.exclude(status="DONE").get()
    assert (task.flow_task, task.flow_task_type, task.status, task.owner_permission) == (
        FilingFlow.review, "HUMAN", "NEW", "filings.review_filing")
    with freeze_time("2026-03-12 09:00"):
        html = matter_html(login(officer), Filing.objects.get(pk=pending.pk).matter)
        assert re.search(r"<strong>状态</strong>：([^<]*)</div>", html).group(1) == (
            "办理中 · 审查重大执法决定备案（合法性、适当性）")
        item = card(inbox(officer), "审查重大执法决定备案（合法性、适当性）")
        assert "期限：2026-04-09" in item and "第二十二条" in item
        assert login(officer).post(f"/admin/filings/{pending.pk}/review/", {"outcome": "passed"}).status_code == 302
        assert "审查重大执法决定备案" not in inbox(officer)
        assert process_for(pending, FilingFlow).status == "DONE"
