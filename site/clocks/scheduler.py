"""The in-process scheduler: no cron needed. Every interval it runs each registered job;
a failing job is logged and does not stop the others.

Apps register their own clock checks:  `@scheduler.job("公示期届满检查") def f(now): ...`
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.management import call_command
from django.utils import timezone

log = logging.getLogger("scheduler")
JOBS: dict[str, Callable] = {}


def job(name: str):
    def register(fn: Callable) -> Callable:
        JOBS[name] = fn
        return fn

    return register


@job("定时发布（publish_scheduled）")
def publish_scheduled(now) -> str:
    call_command("publish_scheduled", verbosity=0)
    return "ok"


@job("流程定时器（workflow_timers）")
def workflow_timers(now) -> str:
    call_command("workflow_timers", verbosity=0)
    return "ok"


@job("法定时限逾期检查")
def mark_overdue(now) -> str:
    from .selectors import overdue

    today = timezone.localdate(now)
    newly = overdue(today).filter(overdue_since__isnull=True).update(overdue_since=today)
    return f"新增逾期 {newly} 项"


LEASE = "scheduler"


def holder_id() -> str:
    """This process, on this machine: host name and process id."""
    import os
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def acquire(holder: str, now, seconds: int) -> bool:
    """Take the lease when it is free, expired or already ours; False when another scheduler holds it."""
    import datetime as dt

    from django.db import IntegrityError, transaction
    from django.db.models import Q

    from .models import SchedulerLease

    try:
        with transaction.atomic():
            SchedulerLease.objects.get_or_create(name=LEASE)
    except IntegrityError:  # created by the other scheduler at the same moment
        pass
    expires = now + dt.timedelta(seconds=seconds)
    taken = (SchedulerLease.objects.filter(name=LEASE)
             .filter(Q(holder="") | Q(holder=holder) | Q(expires_at__isnull=True) | Q(expires_at__lt=now))
             .update(holder=holder, expires_at=expires))
    return taken == 1


def release(holder: str, now) -> None:
    from .models import SchedulerLease

    SchedulerLease.objects.filter(name=LEASE, holder=holder).update(holder="", expires_at=None, last_round_at=now)


def run_once(now=None, *, holder: str | None = None, lease_seconds: int | None = None) -> dict[str, str]:
    """One round of every job, unless another scheduler (another process or machine) is in its round."""
    from django.conf import settings

    now = now or timezone.now()
    holder = holder or holder_id()
    seconds = lease_seconds or max(120, 2 * settings.SCHEDULER_INTERVAL_SECONDS)
    if not acquire(holder, timezone.now(), seconds):
        return {"调度器": "另一调度器正在运行本轮，跳过"}
    try:
        return _run_jobs(now)
    finally:
        release(holder, timezone.now())


def _run_jobs(now) -> dict[str, str]:
    results = {}
    for name, fn in list(JOBS.items()):
        try:
            results[name] = str(fn(now))
        except Exception as exc:  # one broken job must not stop publication or the others
            log.exception("scheduler job %s failed", name)
            results[name] = f"失败：{exc}"
    return results
