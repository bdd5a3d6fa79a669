"""What django-tasks-db leaves to us: a task must neither run twice nor be lost.

- **Claiming** is django-tasks-db's: the worker takes the next READY row with SELECT … FOR UPDATE SKIP
  LOCKED inside a transaction (PostgreSQL), or inside a BEGIN EXCLUSIVE transaction (SQLite), and marks it
  RUNNING with its worker id before committing — two workers never claim one row.
- **Attempts** are the claims: django-tasks-db appends the worker id to `worker_ids` at every claim, so
  `len(worker_ids)` counts the attempts (a staff retry starts the count again).
- **Heartbeat**: while a task runs, its worker writes TaskHeartbeat every TASKS_HEARTBEAT_SECONDS.
- **Lease** (`reap`, a scheduler job): a RUNNING task whose start and last heartbeat are both older than
  TASKS_LEASE_SECONDS belongs to a dead worker; it goes back to READY (or FAILED after the last attempt).
- **Retries**: a failed task goes back to READY after 30 s, 1 min, 2 min … (TASKS_RETRY_FIRST_SECONDS
  doubling, capped at TASKS_RETRY_MAX_SECONDS) until TASKS_MAX_ATTEMPTS attempts; then it stays FAILED,
  listed under 后台任务 in the admin, where a bureau leader can retry it.

Because a task may run again after a failure or a lost worker, every task must be idempotent: it reads
the current state from the database and makes the outside world match it (see search.tasks).
"""
from __future__ import annotations

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import TaskHeartbeat

log = logging.getLogger("background")
LOST_WORKER_ERROR = "background.reliability.WorkerLost"


def max_attempts() -> int:
    return int(settings.TASKS_MAX_ATTEMPTS)


def lease_seconds() -> int:
    return int(settings.TASKS_LEASE_SECONDS)


def heartbeat_seconds() -> float:
    """Heartbeat interval: the setting, but at most a third of the lease so two beats can be missed."""
    return min(float(settings.TASKS_HEARTBEAT_SECONDS), lease_seconds() / 3)


def attempts(row: DBTaskResult) -> int:
    return len(row.worker_ids or [])


def backoff(attempt: int) -> dt.timedelta:
    """Wait before attempt `attempt + 1`: first, 2×first, 4×first … capped."""
    first = int(settings.TASKS_RETRY_FIRST_SECONDS)
    cap = int(settings.TASKS_RETRY_MAX_SECONDS)
    return dt.timedelta(seconds=min(cap, first * 2 ** max(0, attempt - 1)))


def settle_failure(task_id, now=None) -> str:
    """After a failed attempt: back to READY after the backoff, or left FAILED after the last attempt.
    A conditional UPDATE (still FAILED), so the worker's signal and the scheduler never both act."""
    now = now or timezone.now()
    row = DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.FAILED).first()
    if row is None:
        return "none"
    done = attempts(row)
    if done >= max_attempts():
        return "failed"
    requeued = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=now + backoff(done), finished_at=None)
    if requeued:
        log.warning("task %s failed (attempt %s of %s), retried in %s", row.pk, done, max_attempts(), backoff(done))
    return "requeued" if requeued else "none"


def reap(now=None) -> tuple[int, int]:
    """Tasks of dead workers back to the queue; failures a dying worker had no time to requeue requeued.
    Returns (requeued, given up)."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=lease_seconds())
    recent_beat = TaskHeartbeat.objects.filter(task_id=OuterRef("pk"), beat_at__gte=cutoff)
    lost = (DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
            .exclude(Exists(recent_beat)))
    requeued = given_up = 0
    message = (f"工作进程在执行中中断：{lease_seconds()} 秒内既未完成也无心跳（进程被终止或机器宕机），"
               "任务已收回重新排队。")
    for row in lost:
        done = attempts(row)
        last = done >= max_attempts()
        changed = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING,
                                              started_at=row.started_at).update(
            status=TaskResultStatus.FAILED if last else TaskResultStatus.READY,
            run_after=get_date_max() if last else now, finished_at=now if last else None,
            exception_class_path=LOST_WORKER_ERROR, traceback=message)
        if changed:
            TaskHeartbeat.objects.filter(task_id=row.pk).delete()
            log.warning("task %s lost its worker %s (attempt %s of %s): %s", row.pk, row.worker_ids[-1:],
                        done, max_attempts(), "given up" if last else "requeued")
            given_up, requeued = given_up + last, requeued + (not last)
    recent_failures = DBTaskResult.objects.failed().filter(finished_at__gte=now - dt.timedelta(days=1))
    for task_id in recent_failures.values_list("pk", flat=True):
        if settle_failure(task_id, now) == "requeued":
            requeued += 1
    TaskHeartbeat.objects.exclude(task_id__in=DBTaskResult.objects.running().values("pk")).delete()
    return requeued, given_up


def retry_now(task_id) -> bool:
    """Staff retry of a failed (or waiting) task: READY at once, with a fresh count of attempts."""
    return bool(DBTaskResult.objects.filter(
        pk=task_id, status__in=[TaskResultStatus.FAILED, TaskResultStatus.READY]).update(
        status=TaskResultStatus.READY, run_after=get_date_max(), finished_at=None, worker_ids=[]))


class Heartbeat:
    """A thread of the worker writing the running task's heartbeat until the task finishes."""

    running: dict[str, Heartbeat] = {}

    def __init__(self, task_id: str, worker_id: str):
        self.task_id, self.worker_id = task_id, worker_id[:64]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"heartbeat-{task_id}", daemon=True)

    @classmethod
    def start(cls, task_id: str, worker_id: str) -> None:
        beat = cls.running[task_id] = cls(task_id, worker_id)
        beat.thread.start()

    @classmethod
    def stop(cls, task_id: str) -> None:
        beat = cls.running.pop(task_id, None)
        if beat is not None:
            beat.stopped.set()
            beat.thread.join(timeout=10)
            TaskHeartbeat.objects.filter(task_id=task_id).delete()

    def _beat(self) -> None:
        try:
            while not self.stopped.wait(heartbeat_seconds()):
                TaskHeartbeat.objects.update_or_create(
                    task_id=self.task_id, defaults={"worker_id": self.worker_id, "beat_at": timezone.now()})
        except Exception:  # a lost beat only means the lease may expire; the task itself goes on
            log.exception("heartbeat of task %s stopped", self.task_id)
        finally:
            connection.close()  # this thread's own connection
