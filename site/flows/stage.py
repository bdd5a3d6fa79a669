"""Where a matter stands (当前环节), derived from the flows: the titles of the steps waiting in every
process of the matter (a person's task, or a step the system completes), oldest first. Nothing stores
it; `casework.stages` asks this provider for a page of matters in one query."""
from __future__ import annotations

from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

ACTIVE = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
WAITING_TYPES = ("HUMAN", "FUNCTION", "JOB", "EVENT")  # View, Handle, Job, Timer: where a process waits


def waiting_titles(matter_ids) -> dict[int, list[str]]:
    """{matter id: titles of the steps waiting in it}, one query for any number of matters."""
    found: dict[int, list[str]] = {}
    rows = (Task.objects.filter(process__caseprocess__matter_id__in=list(matter_ids), status__in=ACTIVE,
                                flow_task_type__in=WAITING_TYPES)
            .order_by("created", "pk").values_list("process__caseprocess__matter_id", "flow_task"))
    for matter_id, node in rows:
        title = str(node.task_title or node.name) if node is not None else ""
        titles = found.setdefault(matter_id, [])
        if title and title not in titles:
            titles.append(title)
    return found


def connect() -> None:
    from casework.stages import PROVIDERS

    if waiting_titles not in PROVIDERS:
        PROVIDERS.append(waiting_titles)
