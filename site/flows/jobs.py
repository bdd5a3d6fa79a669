"""Scheduler job: 待办索引's safety net (flows.task_index.resync) — every row compared with its recomputation, those
that drifted (a write around the signals: raw SQL, a queryset update that did not call the refresh) rewritten.

Once an hour, not every round: at 100,000 matters a resync reads every open task's sources (2–2.5 s), and issue 28
holds a scheduler round to clocks due soon. The shared cache (Redis in production) remembers the last one for
every scheduler process."""
from django.core.cache import cache

from clocks import scheduler

RESYNC_EVERY = 3600  # seconds: how long a write around the signals may leave a row stale at most (not a statutory figure)
LAST_KEY = "task_index:resynced"


@scheduler.job("待办索引核对")
def resync_task_index(now) -> str:
    from django.utils import timezone

    from .task_index import resync

    if not cache.add(LAST_KEY, f"{timezone.localtime(now):%Y-%m-%d %H:%M}", RESYNC_EVERY):
        return f"上次核对于 {cache.get(LAST_KEY, '')}，每小时核对一次"
    report = resync()
    return f"核对 {report['checked']} 项，重写 {report['written']} 项，删除 {report['dropped']} 项"
