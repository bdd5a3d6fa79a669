"""Jurisdiction rule profiles (every statutory figure with its article) and the working-day calendar."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync(sender, **kwargs):
    from .profiles import sync_profiles

    sync_profiles()


class RulesConfig(AppConfig):
    name = "rules"
    label = "rules"
    verbose_name = "规则与工作日历"

    def ready(self):
        # profiles_data.py is the default; figures missing from the database are added after migrate
        post_migrate.connect(_sync, sender=self, dispatch_uid="rules-sync-profiles")
