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


def run_once(now=None) -> dict[str, str]:
    now = now or timezone.now()
    results = {}
    for name, fn in list(JOBS.items()):
        try:
            results[name] = str(fn(now))
        except Exception as exc:  # one broken job must not stop publication or the others
            log.exception("scheduler job %s failed", name)
            results[name] = f"失败：{exc}"
    return results
