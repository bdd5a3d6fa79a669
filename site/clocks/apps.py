"""Statutory clocks as records, and the scheduler that acts on them."""
from django.apps import AppConfig


def _recompute_after_calendar_change(sender, year, **kwargs):
    from .services import recompute_running

    recompute_running(year=year)


class ClocksConfig(AppConfig):
    name = "clocks"
    label = "clocks"
    verbose_name = "法定时限"

    def ready(self):
        from rules.models import calendar_changed

        from . import scheduler  # noqa: F401  (registers the built-in jobs)

        calendar_changed.connect(_recompute_after_calendar_change, dispatch_uid="clocks-recompute")
