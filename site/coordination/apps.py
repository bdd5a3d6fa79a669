"""Dispute coordination between enforcement agencies (争议协调)."""
from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "coordination"
    label = "coordination"
    verbose_name = "争议协调"

    def ready(self):
        from . import panels, receivers, texts  # noqa: F401  (matter panel, clocks started on receipt, wording)

        receivers.connect()
