"""Scheduler job: a rectification (execution) period that ran out moves the letter flow on
(003 第二十八条 决定书, 第二十九条、第三十一条; 004 监督意见书制度 第十条)."""
from django.utils import timezone

from clocks.scheduler import job


@job("监督建议书（意见书）整改逾期处理")
def letters_overdue(now) -> str:
    from .services import mark_overdue

    return f"转入逾期处理 {mark_overdue(today=timezone.localdate(now))} 件"
