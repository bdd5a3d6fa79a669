"""The workflow engine every process shares: the flow registry, base task views, the inbox (我的待办).
The processes themselves live in their apps (`<app>/flows.py`)."""
from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"
    label = "flows"
    verbose_name = "审批流程"


    def ready(self):
        from . import badge, jobs, task_index  # noqa: F401  (jobs: the scheduler's 待办索引核对)
        from .stage import connect

        connect()  # 当前环节 derived from the waiting steps (casework.stages asks flows.stage)
        task_index.connect()  # 待办索引 kept in step with the tasks, clocks, processes and records it reads
        badge.connect()  # the 我的待办 count: a cached number, made stale by any write that changes work
