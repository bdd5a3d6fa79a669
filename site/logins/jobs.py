"""Scheduler job: runs of failed logins idle for a day are closed, records past keep_days deleted."""
from clocks import scheduler

from . import guard


@scheduler.job("登录失败记录整理")
def tidy_failed_logins(now) -> str:
    closed = guard.close_stale(now)
    deleted = guard.prune(now)
    return f"结束 {closed} 条，删除 {deleted} 条"
