"""The notice domain: kinds, metadata, publicity windows, objections, feeds."""
from django.apps import AppConfig


def _recompute_after_calendar_change(sender, year, **kwargs):
    from .services import recompute_provisional_windows

    recompute_provisional_windows(year=year)


class PublicNoticesConfig(AppConfig):
    name = "public_notices"
    label = "public_notices"
    verbose_name = "公告公示"

    def ready(self):
        from rules.models import calendar_changed

        from . import jobs, tree_sync  # noqa: F401  (jobs registers the window-close check with the scheduler)

        tree_sync.connect()  # a notice's jurisdiction follows moves and a section's profile

        # a holiday year loaded later changes provisional window ends (rules.periods)
        calendar_changed.connect(_recompute_after_calendar_change, dispatch_uid="public-notices-recompute")
