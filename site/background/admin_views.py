"""后台任务: the background tasks waiting, running and failed, with their attempts and last error.
Bureau staff see the list; bureau leaders (and superusers) may retry a task (roles.access)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from roles import access

from . import reliability

# Chinese names of the tasks (module path of the task function); others show their path.
TASK_LABELS = {"search.tasks.sync_object": "检索索引同步"}
STATUS_LABELS = {TaskResultStatus.READY: "待执行", TaskResultStatus.RUNNING: "执行中",
                 TaskResultStatus.FAILED: "失败", TaskResultStatus.SUCCESSFUL: "已完成"}
FILTERS = {"open": ("未完成与失败", [TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED]),
           "failed": ("失败", [TaskResultStatus.FAILED]),
           "done": ("已完成", [TaskResultStatus.SUCCESSFUL])}
LIMIT = 200


def last_error(row: DBTaskResult) -> str:
    """The exception line of the last failure (the traceback's last line), or the lost-worker message."""
    lines = [line for line in (row.traceback or "").strip().splitlines() if line.strip()]
    return lines[-1].strip()[:300] if lines else ""


def _row(row: DBTaskResult, can_retry: bool) -> dict:
    done = reliability.attempts(row)
    waiting = row.status == TaskResultStatus.READY and row.run_after != get_date_max()
    label = STATUS_LABELS.get(row.status, row.status)
    if row.status == TaskResultStatus.READY and done:
        label = "等待重试"
    return {"id": row.pk, "task": TASK_LABELS.get(row.task_path, row.task_path),
            "args": ", ".join(str(a) for a in row.args_kwargs.get("args", [])), "status": label,
            "attempts": done, "enqueued_at": row.enqueued_at, "started_at": row.started_at,
            "next_at": row.run_after if waiting else None, "finished_at": row.finished_at,
            "error": last_error(row) if row.status != TaskResultStatus.SUCCESSFUL else "",
            "traceback": row.traceback if row.status != TaskResultStatus.SUCCESSFUL else "",
            "can_retry": can_retry and row.status in (TaskResultStatus.FAILED, TaskResultStatus.READY)}


def task_list(request):
    if not access.is_bureau(request.user):
        raise PermissionDenied("只有司法局工作人员可以查看后台任务。")
    chosen = request.GET.get("status") if request.GET.get("status") in FILTERS else "open"
    rows = DBTaskResult.objects.filter(status__in=FILTERS[chosen][1]).order_by("-enqueued_at")[:LIMIT]
    can_retry = access.is_leader(request.user)
    counts = {STATUS_LABELS[s]: DBTaskResult.objects.filter(status=s).count()
              for s in (TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED)}
    return render(request, "background/tasks.html", {
        "rows": [_row(r, can_retry) for r in rows], "counts": counts, "chosen": chosen,
        "filters": [(key, label) for key, (label, _) in FILTERS.items()], "limit": LIMIT,
        "max_attempts": reliability.max_attempts(), "lease_seconds": reliability.lease_seconds()})


@require_POST
def task_retry(request, task_id):
    if not access.is_leader(request.user):
        raise PermissionDenied("只有司法局负责人可以重试后台任务。")
    if reliability.retry_now(task_id):
        messages.success(request, "任务已重新排队，工作进程将立即执行。")
    else:
        messages.error(request, "该任务正在执行或已完成，不能重试。")
    return redirect("background_tasks")
