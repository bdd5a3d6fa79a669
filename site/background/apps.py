from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "background"
    label = "background"
    verbose_name = "后台任务"

    def ready(self):
        from . import jobs, receivers  # noqa: F401  (scheduler job: the lease check; worker signals)
