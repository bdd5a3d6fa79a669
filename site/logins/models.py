"""A record of failed logins: one row per run of failures of one account name from one client address
(an "episode"), never the passwords typed. A success from that client, or a day without failures, ends
the run; the next failure starts a new row. The row also holds the wait the client must keep
(blocked_until), so every web process and machine reads the same state from the database."""
from django.conf import settings
from django.db import models
from django.db.models import Q


class FailedLogin(models.Model):
    OPEN, SUCCEEDED, EXPIRED = "", "succeeded", "expired"
    OUTCOMES = [(OPEN, "仍在失败"), (SUCCEEDED, "随后登录成功"), (EXPIRED, "已过期")]

    username = models.CharField("账号", max_length=150, help_text="登录时输入的账号（不区分大小写）")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name="对应用户")
    client = models.CharField("来源地址", max_length=64)
    failures = models.PositiveIntegerField("失败次数", default=0)
    first_failed_at = models.DateTimeField("首次失败")
    last_failed_at = models.DateTimeField("最近失败", db_index=True)
    blocked_until = models.DateTimeField("须等待至", null=True, blank=True)
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)
    outcome = models.CharField("结果", max_length=16, choices=OUTCOMES, default=OPEN, blank=True)

    class Meta:
        verbose_name = "登录失败记录"
        verbose_name_plural = "登录失败记录"
        constraints = [models.UniqueConstraint(fields=["username", "client"], condition=Q(closed_at__isnull=True),
                                               name="logins_one_open_run_per_account_and_client")]
        indexes = [models.Index(fields=["username", "last_failed_at"])]

    def __str__(self) -> str:
        return f"{self.username} @ {self.client}：{self.failures} 次"
