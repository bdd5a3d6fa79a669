"""Scheduler job: a supplement period (第十二条第（二）项, 5 WD from receipt of the notice) that ran out with
nothing received moves the coordination flow on — the application is deemed withdrawn (视为放弃申请)."""
from django.utils import timezone

from clocks.scheduler import job


@job("争议协调补正逾期处理")
def coordination_supplements_overdue(now) -> str:
    from .services import supplements_overdue

    return f"视为放弃申请 {supplements_overdue(today=timezone.localdate(now))} 件"
