"""Fault accountability (过错责任追究) and wrong-case accountability (错案责任倒查)."""
from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "accountability"
    label = "accountability"
    verbose_name = "责任追究"

    def ready(self):
        from . import panels, texts  # noqa: F401  (matter panel, wording)
