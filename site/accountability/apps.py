"""Fault accountability (过错责任追究) and wrong-case accountability (错案责任倒查)."""
from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "accountability"
    label = "accountability"
    verbose_name = "责任追究"

    def ready(self):
        from casework.services import OPEN_WORK

        from . import jobs, panels, texts  # noqa: F401  (scheduler job, matter panel, wording)
        from .selectors import open_cases

        if open_cases not in OPEN_WORK:
            OPEN_WORK.append(open_cases)
