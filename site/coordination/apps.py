"""Dispute coordination between enforcement agencies (争议协调)."""
from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "coordination"
    label = "coordination"
    verbose_name = "争议协调"

    def ready(self):
        from . import jobs, panels, receivers, texts  # noqa: F401  (scheduler job, matter panel, clocks on receipt, wording)

        receivers.connect()
