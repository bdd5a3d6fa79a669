"""How far a long background task got. While it runs, the count lives in the cache (Redis in production, so
the web processes see what a worker writes; never the database, which a long transaction may hold); the
TaskProgress row is written when the task is queued, starts and ends."""
from __future__ import annotations

import uuid

from django.core.cache import cache
from django.utils import timezone

from .models import TaskProgress

CACHE_SECONDS = 24 * 3600


def _key(task_id) -> str:
    return f"taskprogress:{task_id}"


def queue(*, label: str, by, started_from: str = "") -> TaskProgress:
    return TaskProgress.objects.create(id=uuid.uuid4(), label=label, started_by=by, started_from=started_from[:300])


def record(task_id, *, label: str, done: int, total: int | None, unit: str, seconds: float,
           finished: bool = False) -> None:
    """Called by progress.Progress (at most once a second, and at start and end)."""
    state = {"label": label, "done": done, "total": total, "unit": unit, "seconds": round(seconds, 1)}
    cache.set(_key(task_id), state, CACHE_SECONDS)
    if finished:  # one stage's count; the task itself says how it ended (finish)
        TaskProgress.objects.filter(pk=task_id).update(done=done, total=total, unit=unit)
    elif done == 0:
        TaskProgress.objects.filter(pk=task_id, status=TaskProgress.QUEUED).update(
            status=TaskProgress.RUNNING, total=total, unit=unit)


def finish(task_id, *, result: str, failed: bool = False, done: int | None = None) -> None:
    """How the task ended, with its result for the screens (and, with `done`, the whole count: all of it)."""
    cache.delete(_key(task_id))
    counts = {"done": done, "total": done} if done is not None else {}
    TaskProgress.objects.filter(pk=task_id).update(
        result=result, finished_at=timezone.now(), status=TaskProgress.FAILED if failed else TaskProgress.DONE,
        **counts)


def state(row: TaskProgress) -> dict:
    """What the screens show: the live count while it runs, the stored one afterwards."""
    live = cache.get(_key(row.pk)) if row.status in (TaskProgress.QUEUED, TaskProgress.RUNNING) else None
    done, total = (live["done"], live["total"]) if live else (row.done, row.total)
    percent = done * 100 // total if total else (100 if row.status == TaskProgress.DONE else None)
    seconds = live["seconds"] if live else None
    rate = done / seconds if seconds else None
    left = (total - done) / rate if rate and total is not None else None
    return {"id": str(row.pk), "label": live["label"] if live else row.label, "stage": live["label"] if live else "", "status": row.status,
            "status_label": row.get_status_display(), "done": done, "total": total, "unit": row.unit,
            "percent": percent, "rate": round(rate, 1) if rate else None,
            "left_seconds": round(left) if left is not None else None, "result": row.result,
            "finished": row.status in (TaskProgress.DONE, TaskProgress.FAILED)}
