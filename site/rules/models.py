"""Rule profiles (one per jurisdiction), their figures with audit, and admin-entered holiday years."""
from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .calendar import HOLIDAY, WORKDAY
from .sources import SOURCES, Citation

# Sent after a holiday year is saved or deleted: stored dates that depend on it are recomputed.
calendar_changed = Signal()


class RuleProfile(models.Model):
    """A jurisdiction's rule profile: who issues, and every statutory figure (RuleFigure)."""

    code = models.SlugField("代码", max_length=32, unique=True)
    name = models.CharField("辖区", max_length=64)
    authority = models.CharField("主管机关", max_length=64)
    org_code = models.CharField("机构代码（索引号前缀）", max_length=32, blank=True)

    class Meta:
        verbose_name = "规则配置"
        verbose_name_plural = "规则配置"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.authority}）"


FIGURE_KINDS = [
    ("period", "期限"), ("range", "范围"), ("count", "次数/人数"), ("flag", "是否"),
    ("choices", "列举"), ("text", "文字"), ("yearly", "每年时点"),
]


class RuleFigure(models.Model):
    """One statutory figure, with the seed file and article it comes from."""

    profile = models.ForeignKey(RuleProfile, on_delete=models.CASCADE, related_name="figures",
                                verbose_name="规则配置")
    key = models.SlugField("键", max_length=64)
    label = models.CharField("名称", max_length=64)
    kind = models.CharField("类型", max_length=16, choices=FIGURE_KINDS)
    value = models.JSONField("取值")
    source = models.CharField("来源文件", max_length=8, choices=[(k, v[1]) for k, v in SOURCES.items()])
    document = models.CharField("文件内制度名称", max_length=64, blank=True)
    article = models.CharField("条款", max_length=64)
    note = models.CharField("说明", max_length=200, blank=True)
    changed = models.BooleanField("已被修改", default=False,
                                  help_text="经审计修改过的数值不会被默认值覆盖")

    class Meta:
        verbose_name = "规则数值"
        verbose_name_plural = "规则数值"
        ordering = ["profile__code", "key"]
        constraints = [models.UniqueConstraint(fields=["profile", "key"], name="unique_figure_per_profile")]

    def __str__(self) -> str:
        return f"{self.profile.name} · {self.label}"

    @property
    def citation(self) -> Citation:
        return Citation(self.source, self.article, self.document)

    def display_value(self) -> str:
        from .profiles import describe_value

        return describe_value(self.kind, self.value)

    display_value.short_description = "取值"


class RuleFigureChange(models.Model):
    """Audit trail: every change of a figure, who made it, why, before and after."""

    figure = models.ForeignKey(RuleFigure, on_delete=models.PROTECT, related_name="changes")
    changed_at = models.DateTimeField("修改时间", auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name="修改人")
    old_value = models.JSONField("原值")
    new_value = models.JSONField("新值")
    old_article = models.CharField("原条款", max_length=64)
    new_article = models.CharField("新条款", max_length=64)
    reason = models.TextField("修改理由")

    class Meta:
        verbose_name = "规则数值修改记录"
        verbose_name_plural = "规则数值修改记录"
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.figure}：{self.reason}"


@register_setting(icon="doc-full")
class SiteRuleProfile(BaseSiteSetting):
    """Which jurisdiction's rules apply to a Wagtail Site (a section page may name its own)."""

    profile = models.ForeignKey(RuleProfile, null=True, blank=True, on_delete=models.PROTECT,
                                verbose_name="适用规则配置",
                                help_text="未选择时使用系统默认辖区（DEFAULT_JURISDICTION）")

    class Meta:
        verbose_name = "站点适用规则"


_RANGE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*(?:(?:~|至|～|—|--)\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$")


def parse_day_lines(text: str, *, year: int, field_label: str) -> list[tuple[dt.date, str]]:
    """Lines like `2027-02-06~2027-02-13 春节` or `2027-02-20 春节` -> [(day, name), ...]."""
    days: list[tuple[dt.date, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _RANGE.match(line)
        try:
            first = dt.date.fromisoformat(m.group(1)) if m else None
            last = dt.date.fromisoformat(m.group(2)) if m and m.group(2) else first
        except ValueError:
            first = None
        if first is None:
            raise ValidationError(f"{field_label}第{number}行无法识别：“{line.strip()}”。"
                                  "格式为 2027-02-06~2027-02-13 春节 或 2027-02-20 春节。")
        if last < first:
            raise ValidationError(f"{field_label}第{number}行结束日早于开始日。")
        if first.year != year or last.year != year:
            raise ValidationError(f"{field_label}第{number}行的日期不在{year}年内。")
        name = m.group(3).strip()
        day = first
        while day <= last:
            days.append((day, name))
            day += dt.timedelta(days=1)
    return days


class HolidayYear(models.Model):
    """A year's holidays and make-up workdays, as published in the State Council's notice.

    Overrides the chinesecalendar package for that year (or supplies a year it lacks)."""

    year = models.PositiveIntegerField("年份", unique=True)
    notice_number = models.CharField("通知文号", max_length=64,
                                     help_text="如：国办发明电〔2026〕7号")
    notice_title = models.CharField("通知标题", max_length=200, blank=True)
    holidays = models.TextField("放假日期", help_text="每行一段：2027-02-06~2027-02-13 春节")
    workdays = models.TextField("调休上班日期", blank=True, help_text="每行一天或一段：2027-02-20 春节")
    entered_at = models.DateTimeField("录入时间", auto_now=True)

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排（{self.notice_number}）"

    def save(self, *args, **kwargs) -> None:
        """Store the parsed days with the year, atomically; then recompute provisional dates."""
        days = self.parsed_days()
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.dates.all().delete()
            HolidayDate.objects.bulk_create(
                HolidayDate(holiday_year=self, date=d, name=n, kind=k) for d, n, k in days
            )
            year = self.year
            transaction.on_commit(lambda: calendar_changed.send(sender=HolidayYear, year=year))

    def parsed_days(self) -> list[tuple[dt.date, str, str]]:
        holidays = parse_day_lines(self.holidays or "", year=self.year, field_label="放假日期")
        workdays = parse_day_lines(self.workdays or "", year=self.year, field_label="调休上班日期")
        clash = {d for d, _ in holidays} & {d for d, _ in workdays}
        if clash:
            first = min(clash).isoformat()
            raise ValidationError(f"{first} 同时出现在放假日期和调休上班日期中。")
        for day, _ in workdays:
            if day.weekday() < 5:
                raise ValidationError(f"调休上班日 {day.isoformat()} 不是周六或周日。")
        return [(d, n, HOLIDAY) for d, n in holidays] + [(d, n, WORKDAY) for d, n in workdays]

    def delete(self, *args, **kwargs):
        year = self.year
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            transaction.on_commit(lambda: calendar_changed.send(sender=HolidayYear, year=year))
        return result

    def clean(self) -> None:
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": "年份应在2000至2100之间。"})
        for field, label in (("holidays", "放假日期"), ("workdays", "调休上班日期")):
            try:
                parse_day_lines(getattr(self, field) or "", year=self.year, field_label=label)
            except ValidationError as exc:
                raise ValidationError({field: exc.messages}) from exc
        try:
            self.parsed_days()
        except ValidationError as exc:
            raise ValidationError({"workdays": exc.messages}) from exc


class HolidayDate(models.Model):
    holiday_year = models.ForeignKey(HolidayYear, on_delete=models.CASCADE, related_name="dates")
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=8, choices=[(HOLIDAY, "放假"), (WORKDAY, "调休上班")])
    name = models.CharField("节日", max_length=32, blank=True)

    class Meta:
        verbose_name = "节假日"
        verbose_name_plural = "节假日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"
