"""后台任务: the background tasks waiting, running and failed, with their attempts and last error.
Bureau staff see the list; bureau leaders (and superusers) may retry a task (roles.access) and start long work
(重建检索索引) whose progress the screen shows while it runs."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from roles import access
from roles.definitions import EDITOR

from . import progress as task_progress
from . import reliability
from .models import TaskProgress

# Chinese names of the tasks (module path of the task function); others show their path.
TASK_LABELS = {"search.tasks.sync_object": "检索索引同步", "background.tasks.rebuild_search_index": "重建检索索引",
               "background.tasks.import_notices": "导入公告"}
PROGRESS_LIMIT = 20
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
    progress_rows = TaskProgress.objects.select_related("started_by")[:PROGRESS_LIMIT]
    return render(request, "background/tasks.html", {
        "progress_rows": [(p, task_progress.state(p)) for p in progress_rows], "can_start": can_retry,
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


@require_POST
def rebuild_start(request):
    """重建检索索引 from the admin: a background task whose progress this screen shows (bureau leaders)."""
    if not access.is_leader(request.user):
        raise PermissionDenied("只有司法局负责人可以重建检索索引。")
    from .tasks import rebuild_search_index

    row = task_progress.queue(label="重建检索索引", by=request.user, started_from=reverse("background_tasks"))
    try:
        rebuild_search_index.enqueue(str(row.pk))
    except Exception as exc:  # the immediate backend (dev) runs the task here: its failure is on the row
        messages.error(request, f"重建检索索引失败：{exc}")
    else:
        row.refresh_from_db()
        if row.status == TaskProgress.DONE:
            messages.success(request, f"重建检索索引已完成：{row.result}")
        elif row.status == TaskProgress.FAILED:
            messages.error(request, f"重建检索索引未完成：{row.result}")
        else:
            messages.success(request, "重建检索索引已排队，本页显示进度。")
    return redirect(f"{reverse('background_tasks')}#progress-{row.pk}")


def progress_json(request, progress_id):
    """The live count of one piece of long work, for the pages that show it (polled every few seconds):
    bureau staff, and whoever started it."""
    row = TaskProgress.objects.filter(pk=progress_id).first()
    if not access.is_bureau(request.user) and (row is None or row.started_by_id != request.user.pk):
        raise PermissionDenied("只有司法局工作人员可以查看后台任务。")
    if row is None:
        raise Http404("没有这个后台任务。")
    return JsonResponse(task_progress.state(row))


IMPORT_MAX_BYTES = 512 * 1024 * 1024  # a bound on one upload, not a statutory figure


def may_import(user) -> bool:
    """Imported notices are published at once: editors (who publish pages) and superusers."""
    return bool(user.is_authenticated and (user.is_superuser or EDITOR in access.groups_of(user)))


def import_notices(request):
    """导入公告: upload the old site's JSON Lines export; the import runs as a background task and this page
    shows its progress and result (the same as `manage.py import_notices`)."""
    if not may_import(request.user):
        raise PermissionDenied("只有网站编辑可以导入公告。")
    here = reverse("background_import_notices")
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "请选择要导入的 JSON Lines 文件（每行一条公告）。"
        elif upload.size > IMPORT_MAX_BYTES:
            error = f"文件超过 {IMPORT_MAX_BYTES // 1024 // 1024} MB，请分成几个文件导入。"
        else:
            from casework.storage import private_storage

            from .tasks import import_notices as import_task

            row = task_progress.queue(label=f"导入公告（{upload.name[:60]}）", by=request.user, started_from=here)
            name = private_storage().save(f"imports/{row.pk}.jsonl", upload)
            try:
                import_task.enqueue(str(row.pk), name, bool(request.POST.get("dry_run")), request.user.pk)
            except Exception as exc:  # the immediate backend (dev) runs the task here: its failure is on the row
                messages.error(request, f"导入公告失败：{exc}")
            else:
                row.refresh_from_db()
                if row.status in (TaskProgress.DONE, TaskProgress.FAILED):
                    messages.success(request, "导入已结束，结果见下表。")
                else:
                    messages.success(request, "导入已排队，本页显示进度和结果。")
            return redirect(f"{here}#progress-{row.pk}")
    rows = TaskProgress.objects.filter(started_from=here).select_related("started_by")[:PROGRESS_LIMIT]
    return render(request, "background/import_notices.html", {
        "progress_rows": [(p, task_progress.state(p)) for p in rows], "error": error,
        "max_mb": IMPORT_MAX_BYTES // 1024 // 1024}, status=400 if error else 200)
