"""complaints/0005: a complaint process running when the steps became people's tasks carries on. Its waiting
no-op Handle task becomes the claimable View task of the same step (type HUMAN, the step's permission); an
investigation waiting without investigators becomes 确定调查人员, with them it is the first one's; the
acceptance decision becomes the recorded `decision`."""
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from freezegun import freeze_time

from complaints import services
from complaints.flows import ComplaintFlow
from complaints.models import Complaint
from flows.services import process_for
from tests.complaints.helpers import complaint_data

migration = import_module("complaints.migrations.0005_acceptance_decision_and_flow_tasks")
FLOW = "complaints/flows.ComplaintFlow"


def receive(people, k: int) -> Complaint:
    fields = complaint_data(people["agency"], facts=f"第{k}件：执法人员推搡并辱骂我。")
    fields["agency"] = people["agency"]
    return services.complaint_receive(jurisdiction="wulong", fields=fields, fingerprint=f"fp{k}", channel="letter",
                                      by=people["officer"])[0]


def as_before(task, node: str) -> None:
    """The row as the old flow (no-op Handles) left it."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE viewflow_task SET flow_task = %s, flow_task_type = 'FUNCTION', owner_permission = NULL,"
                       " owner_id = NULL, status = 'NEW' WHERE id = %s", [f"{FLOW}.{node}", task.pk])


def waiting(complaint):
    return process_for(complaint, ComplaintFlow).task_set.exclude(status="DONE").get()


@pytest.mark.django_db
def test_running_complaint_processes_wait_at_claimable_tasks_after_the_migration(people):
    officer = people["officer"]
    with freeze_time("2026-09-28 10:00"):
        received, unstaffed, staffed = (receive(people, k) for k in range(3))
    with freeze_time("2026-09-30 10:00"):
        for c in (unstaffed, staffed):
            services.complaint_accept(complaint=c, by=officer)
        services.investigators_assign(complaint=staffed, by=officer, users=[people["officer2"], officer],
                                      no_interest_confirmed=True)
    as_before(waiting(received), "acceptance")
    as_before(waiting(unstaffed), "investigation")
    as_before(waiting(staffed), "investigation")
    Complaint.objects.update(decision="")

    migration.forwards(apps, SimpleNamespace(connection=connection))

    task = waiting(received)
    assert (task.flow_task, task.flow_task_type, task.owner_permission, task.owner_id, task.status) == (
        ComplaintFlow.acceptance, "HUMAN", "complaints.handle_complaint", None, "NEW")
    task = waiting(unstaffed)
    assert (task.flow_task, task.flow_task_type, task.owner_permission, task.status) == (
        ComplaintFlow.staffing, "HUMAN", "complaints.handle_complaint", "NEW")
    task = waiting(staffed)
    assert (task.flow_task, task.owner, task.status) == (ComplaintFlow.investigation, people["officer2"], "ASSIGNED")
    assert set(Complaint.objects.values_list("receipt_number", "decision")) == {
        ("武隆投〔2026〕1号", ""), ("武隆投〔2026〕2号", "accepted"), ("武隆投〔2026〕3号", "accepted")}
    # and the steps go on through the flow
    with freeze_time("2026-10-09 10:00"):
        services.investigators_assign(complaint=unstaffed, by=officer, users=[officer, people["officer3"]],
                                      no_interest_confirmed=True)
        assert waiting(unstaffed).flow_task is ComplaintFlow.investigation
        services.opinion_submit(complaint=staffed, by=people["officer2"], text="属实。")
        assert waiting(staffed).flow_task is ComplaintFlow.review
        services.complaint_refuse(complaint=received, by=officer, ground="elsewhere", reasons="已由信访部门受理。")
    received.refresh_from_db()
    assert received.status == "refused"
