"""Social supervisors (监督员): campaigns, applications, terms, dismissals, the roster."""
from django.apps import AppConfig


class SupervisorsConfig(AppConfig):
    name = "supervisors"
    label = "supervisors"
    verbose_name = "行政执法监督员"

    def ready(self):
        from . import jobs  # noqa: F401  (registers the term-end and reminder jobs with the scheduler)
