"""Referrals (移送) out of a supervision matter and recovery (追偿) after administrative compensation."""
from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    label = "referrals"
    verbose_name = "移送与追偿"

    def ready(self):
        from . import panels, texts  # noqa: F401  (matter panel, wording)
