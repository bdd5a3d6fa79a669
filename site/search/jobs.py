"""Scheduler job: retry the index updates the search cluster did not take (pending.py)."""
from clocks import scheduler

from . import pending
from .models import PendingIndexUpdate


@scheduler.job("检索索引补同步")
def retry_pending_index_updates(now) -> str:
    if not PendingIndexUpdate.objects.exists():
        return "无待同步"
    done, left = pending.retry(now)
    return f"补同步 {done} 条，仍待同步 {left} 条"
