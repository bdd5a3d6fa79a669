"""A running task's heartbeat. django-tasks-db marks a claimed task RUNNING and nothing more: a worker
killed mid-task (SIGKILL, power loss) would leave it RUNNING for ever. The worker running a task writes
its heartbeat here every TASKS_HEARTBEAT_SECONDS; a RUNNING task with neither a start nor a heartbeat
within TASKS_LEASE_SECONDS is back in the queue at the next scheduler round (reliability.reap).
TaskProgress: how far long work started from the admin got, and its result."""
from django.conf import settings
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


class TaskProgress(models.Model):
    """Long work started from the admin (a search rebuild …): who started it, from which page, how far it got
    and its result. The live count lives in the cache while the task runs (background.progress), so a task
    inside a long transaction never blocks on it; this row is written when it is queued and when it ends."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, "待执行"), (RUNNING, "执行中"), (DONE, "已完成"), (FAILED, "失败")]

    id = models.UUIDField(primary_key=True)
    label = models.CharField("任务", max_length=100)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name="发起人", related_name="+")
    started_from = models.CharField("发起页面", max_length=300, blank=True)
    status = models.CharField("状态", max_length=16, choices=STATUSES, default=QUEUED)
    done = models.PositiveIntegerField("已处理", default=0)
    total = models.PositiveIntegerField("总数", null=True, blank=True)
    unit = models.CharField("单位", max_length=8, default="条")
    result = models.TextField("结果", blank=True)
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = "后台任务进度"
        verbose_name_plural = "后台任务进度"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.label}：{self.get_status_display()}"
