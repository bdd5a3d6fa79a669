"""Complaints and reports about enforcement (投诉举报), supervisor-misconduct reports, interference records."""
from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    label = "complaints"
    verbose_name = "投诉举报"

    def ready(self):
        from . import panels, texts  # noqa: F401  (the matter-screen panel, the notices' wording)
