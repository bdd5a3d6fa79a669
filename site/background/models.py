"""A running task's heartbeat. django-tasks-db marks a claimed task RUNNING and nothing more: a worker
killed mid-task (SIGKILL, power loss) would leave it RUNNING for ever. The worker running a task writes
its heartbeat here every TASKS_HEARTBEAT_SECONDS; a RUNNING task with neither a start nor a heartbeat
within TASKS_LEASE_SECONDS is back in the queue at the next scheduler round (reliability.reap)."""
from django.db import models


class TaskHeartbeat(models.Model):
    task_id = models.UUIDField("任务", primary_key=True)
    worker_id = models.CharField("工作进程", max_length=64)
    beat_at = models.DateTimeField("最近心跳")

    class Meta:
        verbose_name = "后台任务心跳"
        verbose_name_plural = "后台任务心跳"

    def __str__(self) -> str:
        return f"{self.task_id}：{self.worker_id} @ {self.beat_at:%H:%M:%S}"
