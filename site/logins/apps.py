"""登录安全: failed staff logins, per account and client, with growing waits and the leaders' alerts."""
from django.apps import AppConfig


class LoginsConfig(AppConfig):
    name = "logins"
    label = "logins"
    verbose_name = "登录安全"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import jobs, receivers  # noqa: F401  (scheduler job: close and prune records; login signals)
