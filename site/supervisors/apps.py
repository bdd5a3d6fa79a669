"""Social supervisors (监督员): campaigns, applications, terms, dismissals, the roster."""
from django.apps import AppConfig


class SupervisorsConfig(AppConfig):
    name = "supervisors"
    label = "supervisors"
    verbose_name = "行政执法监督员"

    def ready(self):
        from rules.models import calendar_changed

        from . import (
            jobs,  # noqa: F401  (registers the term-end and reminder jobs with the scheduler)
            receivers,
        )
        from .services import sync_publicity_dates

        # after public_notices' own receiver (its app is listed first): copy the recomputed window ends
        calendar_changed.connect(sync_publicity_dates, dispatch_uid="supervisors-publicity-dates")
        receivers.connect()  # publicity closed -> the campaign moves on; absence rule -> a dismissal proposal
