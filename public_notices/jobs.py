"""Scheduler jobs of the notice domain (registered with clocks.scheduler, run every minute)."""
from django.utils import timezone

from clocks import scheduler


@scheduler.job("公示期届满检查")
def close_publicity_windows(now) -> str:
    from .services import publicity_close_due

    closures = publicity_close_due(today=timezone.localdate(now))
    return f"公示期届满 {len(closures)} 项" if closures else "无到期公示"
