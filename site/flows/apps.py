"""viewflow processes, one module per process kind."""
from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"
    label = "flows"
    verbose_name = "审批流程"

    def ready(self):
        from . import receivers

        receivers.connect()
