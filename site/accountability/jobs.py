"""Scheduler job: the month in which a re-investigation may be ordered (过错 第十条第（三）项) ran out with the
review still waiting — the flow moves on, the decision stands and the case closes."""
from django.utils import timezone

from clocks.scheduler import job


@job("责任追究复核期限届满处理")
def accountability_reviews_overdue(now) -> str:
    from .services import reviews_overdue

    return f"处理决定维持 {reviews_overdue(today=timezone.localdate(now))} 件"
