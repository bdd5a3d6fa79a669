"""Scheduler job: a 限时整改 period that ran out with no written report moves the rectification flow on
(004 监督情况通报制度 第五条、第六条: 整改落实不力 recorded, the late report still awaited)."""
from django.utils import timezone

from clocks.scheduler import job


@job("通报限时整改逾期处理")
def rectification_overdue(now) -> str:
    from .services import rectification_overdue as move

    return f"逾期未报告整改落实情况 {move(today=timezone.localdate(now))} 件"
