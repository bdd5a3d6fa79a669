"""Statutory clocks as records: what started them, the rule and article, pauses, extensions,
due date and whether it is provisional. Views never compute a deadline on their own."""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from rules.periods import UNITS, Pause, compute_due, provisional_note
from rules.sources import Citation

RUNNING, MET, CANCELLED = "running", "met", "cancelled"


class Clock(models.Model):
    wagtail_reference_index_ignore = True  # points at no page, image or document: nothing to index on each save
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    subject_id = models.CharField(max_length=64)
    subject = GenericForeignKey("subject_type", "subject_id")
    label = models.CharField("时限", max_length=100)
    profile_code = models.CharField("辖区", max_length=32)
    rule_key = models.CharField("规则项", max_length=64)
    source = models.CharField("来源文件", max_length=8)
    document = models.CharField("制度", max_length=64, blank=True)
    article = models.CharField("条款", max_length=64)
    started_on = models.DateField("起算日")
    n = models.PositiveIntegerField("期限")
    unit = models.CharField("单位", max_length=16, choices=list(UNITS.items()))
    due_on = models.DateField("届满日")  # indexed with the number: (due_on, id), (status, due_on, id)
    provisional_years = models.CharField("暂定（缺少节假日数据的年份）", max_length=64, blank=True)
    status = models.CharField("状态", max_length=16, default=RUNNING, db_index=True,
                              choices=[(RUNNING, "计时中"), (MET, "已办结"), (CANCELLED, "已终止")])
    stopped_at = models.DateTimeField("办结时间", null=True, blank=True)
    overdue_since = models.DateField("逾期登记日", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "法定时限"
        verbose_name_plural = "法定时限"
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"]),
                   # the scheduler's round and the dashboard read running clocks by due date: with this index
                   # they touch only those due (soon), not every running clock (issue 28)
                   # the clock list (法定时限) in the order (due date, number) with its status filter, a page read
                   # from either end (casework.paging.page_of)
                   models.Index(fields=["status", "due_on", "id"], name="clock_status_due_id"),
                   models.Index(fields=["due_on", "id"], name="clock_due_id"),
                   # the same two orders within one jurisdiction (辖区 filter; a bureau account sees its own only)
                   models.Index(fields=["profile_code", "due_on", "id"], name="clock_profile_due_id"),
                   models.Index(fields=["profile_code", "status", "due_on", "id"], name="clock_profile_status_due_id"),
                   # 我的待办's due date of each candidate task (flows.worklist._task_due) and the leader's extension
                   # items read the running clocks of one subject: only the running ones indexed (a sixth of all
                   # clocks), each probe finds them without reading the met and cancelled (issue 28)
                   models.Index(fields=["subject_type", "subject_id", "due_on", "id"], name="clock_running_subject_due",
                                condition=models.Q(status=RUNNING)),
                   # the running clocks of one rule due by a day, with their subject (a leader's 审批延长办理期限 items,
                   # complaints.todos: the 办结期限 due within 3 working days or past): read from the index alone, not
                   # by filtering a province's 12,000 running clocks (7 ms at 100,000 matters, twice a worklist)
                   models.Index(fields=["rule_key", "subject_type", "due_on", "subject_id"], name="clock_running_rule_due",
                                condition=models.Q(status=RUNNING)),
                   # the running clocks whose dates are provisional (a year without holiday data), by due date: the
                   # workbench's 预警 lists the first 50 — not a filter of every running clock (9 ms at 100,000 matters)
                   models.Index(fields=["due_on"], name="clock_running_provisional",
                                condition=models.Q(status=RUNNING) & ~models.Q(provisional_years=""))]

    def __str__(self) -> str:
        return f"{self.label}：{self.due_on.isoformat()}"

    @property
    def citation(self) -> Citation:
        return Citation(self.source, self.article, self.document)

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    @property
    def provisional_note(self) -> str:
        return provisional_note(self.provisional_years.split(","))

    @property
    def extension_total(self) -> int:
        return sum(e.n for e in self.extensions.all()) if self.pk else 0

    @property
    def is_overdue(self) -> bool:
        return self.status == RUNNING and self.due_on < timezone.localdate()

    def pauses_for_rules(self) -> list[Pause]:
        if not self.pk:
            return []
        today = timezone.localdate()
        return [Pause(p.start, p.end or today, p.reason) for p in self.pauses.all()]

    def compute(self, calendar=None):
        return compute_due(self.started_on, self.n + self.extension_total, self.unit,
                           pauses=self.pauses_for_rules(), calendar=calendar)

    def recompute(self, calendar=None, *, save: bool = True) -> None:
        result = self.compute(calendar)
        self.due_on = result.due
        self.provisional_years = ",".join(str(y) for y in result.missing_years)
        if save:
            self.save(update_fields=["due_on", "provisional_years"])

    def explanation(self) -> list[str]:
        return self.compute().explanation()

    def subject_url(self) -> str:
        """Where staff open what the clock runs for (a matter's file, ...), if it has a screen."""
        subject = self.subject
        return subject.admin_url() if subject is not None and hasattr(subject, "admin_url") else ""


class ClockPause(models.Model):
    """Time that does not count (e.g. 004 争议协调办法 第十四条: interpretation, asking superiors)."""

    clock = models.ForeignKey(Clock, on_delete=models.CASCADE, related_name="pauses")
    start = models.DateField("暂停开始")
    end = models.DateField("暂停结束", null=True, blank=True)
    reason = models.CharField("原因", max_length=200)

    class Meta:
        verbose_name = "不计入期间"
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.start} 至 {self.end or '（暂停中）'}：{self.reason}"


class ClockExtension(models.Model):
    clock = models.ForeignKey(Clock, on_delete=models.CASCADE, related_name="extensions")
    n = models.PositiveIntegerField("延长")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name="批准人")
    reason = models.CharField("理由", max_length=200)
    article = models.CharField("依据条款", max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "延期"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"延长{self.n}：{self.reason}"


def days_left(clock: Clock, today: dt.date | None = None) -> int:
    return (clock.due_on - (today or timezone.localdate())).days


class SchedulerLease(models.Model):
    """Only one scheduler runs a round at a time, whichever machine it is on: a round starts by taking
    this lease with a conditional UPDATE (free, expired, or already ours), which the database makes
    atomic on PostgreSQL and SQLite alike. A scheduler that dies leaves a lease that expires."""

    name = models.CharField(max_length=32, primary_key=True)
    holder = models.CharField("持有者", max_length=100, blank=True)
    expires_at = models.DateTimeField("到期", null=True, blank=True)
    last_round_at = models.DateTimeField("上一轮", null=True, blank=True)

    class Meta:
        verbose_name = "调度器租约"

    def __str__(self) -> str:
        return f"{self.name}：{self.holder or '空闲'}"
