"""拟聘人员公示: the publicity list page with its window (公示期), its candidates, the public's
objections (异议) and the record made when the window closes.

Window rules come from the jurisdiction's profile (`publicity_period`): 000 第六条第（二）项 不少于5个
工作日, 002 第七条第（二）项 不少于10日, 001 第四条 unspecified (platform default, said on the page)."""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable

from crypto_fields import EncryptedCharField
from masking import mask_contact

from .. import kinds as K
from ..privacy import refuse_personal_data
from .notices import NoticePage, rules_profile

PENDING, OPEN, CLOSED = "pending", "open", "closed"
WINDOW_LABELS = {PENDING: "未开始", OPEN: "公示中", CLOSED: "已结束"}
GENDERS = [("male", "男"), ("female", "女")]


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class PublicCandidatesField(serializers.Field):
    """API: the candidate table with only the columns a publicity list shows (never ID number,
    phone, address, nor the link to the register)."""

    def to_representation(self, value):
        return [c.public_row() for c in value.all()]


class PublicityPage(NoticePage):
    """A publicity list. The editor sets the start (the publication day, not counted); the end is the
    rule's minimum unless the editor lengthens it; it can never be shortened below the rule."""

    NOTICE_KIND = K.PUBLICITY
    publicity_start = models.DateField("公示开始日期", help_text="公示发布之日；依规当日不计入，期间自次日起算")
    publicity_end = models.DateField("公示结束日期", null=True, blank=True,
                                     help_text="留空则按本辖区规则自动计算；可延长，不得短于规则规定的期限")
    publicity_end_auto = models.BooleanField("结束日期按规则计算", default=True, editable=False)
    publicity_provisional_years = models.CharField("暂定日期所涉年份", max_length=64, blank=True, editable=False,
                                                   help_text="计算所依据的节假日安排尚未录入的年份")

    template = "public_notices/publicity_page.html"
    content_panels = NoticePage.content_panels[:1] + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("publicity_start"), FieldPanel("publicity_end")])],
                        heading="公示期"),
    ] + NoticePage.content_panels[1:] + [InlinePanel("candidates", heading="拟聘人员名单", label="拟聘人员")]
    api_fields = NoticePage.api_fields + [
        APIField("publicity_start"), APIField("publicity_end"), APIField("window_state"),
        APIField("candidates", serializer=PublicCandidatesField(read_only=True)),
    ]

    class Meta:
        verbose_name = "拟聘人员公示"
        verbose_name_plural = "拟聘人员公示"

    # --- the window -------------------------------------------------------------------------
    @property
    def window_rule(self):
        return rules_profile(self).period("publicity_period")

    def minimum_end(self):
        """DueDate of the shortest lawful window from publicity_start (rules.periods)."""
        return self.window_rule.due(self.publicity_start)

    def window_state_on(self, day: dt.date) -> str:
        if self.publicity_start is None or day < self.publicity_start:
            return PENDING
        return OPEN if self.publicity_end and day <= self.publicity_end else CLOSED

    @property
    def window_state(self) -> str:
        """pending / open / closed, judged on today's date in Asia/Shanghai, end day inclusive."""
        return self.window_state_on(timezone.localdate())

    @property
    def window_state_label(self) -> str:
        return WINDOW_LABELS[self.window_state]

    @property
    def objections_open(self) -> bool:
        return self.live and self.window_state == OPEN

    @property
    def is_provisional(self) -> bool:
        return bool(self.publicity_provisional_years) and self.publicity_end_auto

    @property
    def provisional_note(self) -> str:
        from rules.periods import provisional_note

        return provisional_note(self.publicity_provisional_years.split(","))

    def apply_window_rule(self) -> None:
        """Fill or check publicity_end against the rule; raise a ValidationError citing the article."""
        from rules.profiles import FigureMissing

        if self.publicity_start is None:
            return
        try:
            rule = self.window_rule
        except FigureMissing:
            raise ValidationError({"publicity_start": "本辖区规则配置未规定拟聘人员公示期，不能在本栏目发布公示。"}) \
                from None
        due = rule.due(self.publicity_start)
        if self.publicity_end is None:
            self.publicity_end = due.due
        elif self.publicity_end < due.due:
            raise ValidationError({"publicity_end": (
                f"公示期不能缩短：依据{rule.citation}，公示期{rule.text}。本公示于{cn_date(self.publicity_start)}"
                f"发布，当日不计入，结束日期不得早于{cn_date(due.due)}。")})
        self.publicity_end_auto = self.publicity_end == due.due
        self.publicity_provisional_years = ",".join(str(y) for y in due.missing_years)

    def clean(self):
        super().clean()
        if self.go_live_at and self.publicity_start and self.publicity_start < timezone.localdate(self.go_live_at):
            raise ValidationError({"publicity_start": (
                f"公示开始日期不得早于定时发布日期（{timezone.localdate(self.go_live_at):%Y-%m-%d}）："
                "公示期自公示发布之日起计算。")})
        self.apply_window_rule()

    @path("objection/", name="objection")
    def objection(self, request):
        """提出异议: the public form, open only while the window is (CSRF-protected POST)."""
        from ..views import objection_view

        return objection_view(request, self)

    def get_context(self, request, *args, **kwargs):
        from ..forms import ObjectionForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("objection_form", ObjectionForm(page=self))
        return context


class PublicityCandidate(Orderable):
    """One row of the publicity list: only what a publicity list shows. The optional link to the
    register (`supervisor`) is set by the supervisor lifecycle and never published."""

    page = ParentalKey(PublicityPage, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField("姓名", max_length=32)
    gender = models.CharField("性别", max_length=8, choices=GENDERS)
    birth_month = models.CharField("出生年月", max_length=7, validators=[
        RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", "出生年月格式为 YYYY-MM，例如 1980-05。")])
    workplace = models.CharField("工作单位", max_length=100)
    post = models.CharField("职务", max_length=64, blank=True)
    recommended_by = models.CharField("推荐方式", max_length=64, blank=True, help_text="如：单位推荐、个人自荐")
    supervisor = models.ForeignKey("supervisors.Supervisor", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="publicity_entries", verbose_name="监督员名册记录")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("gender"), FieldPanel("birth_month")]),
        FieldRowPanel([FieldPanel("workplace"), FieldPanel("post"), FieldPanel("recommended_by")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "拟聘人员"
        verbose_name_plural = "拟聘人员"

    def __str__(self) -> str:
        return f"{self.name}（{self.workplace}）"

    @property
    def birth_month_display(self) -> str:
        year, _, month = (self.birth_month or "").partition("-")
        return f"{year}年{int(month)}月" if month.isdigit() else self.birth_month

    def clean(self):
        for field in ("name", "workplace", "post", "recommended_by"):
            refuse_personal_data(field, self._meta.get_field(field).verbose_name, getattr(self, field))

    def public_row(self) -> dict:
        return {"name": self.name, "gender": self.get_gender_display(), "birth_month": self.birth_month,
                "workplace": self.workplace, "post": self.post, "recommended_by": self.recommended_by}


OBJECTION_PENDING, UPHELD, REJECTED = "pending", "upheld", "rejected"
OBJECTION_STATUS = [(OBJECTION_PENDING, "待处理"), (UPHELD, "异议成立"), (REJECTED, "异议不成立")]


class Objection(models.Model):
    """异议: submitted by the public during the window; never public; resolved by bureau officers
    before anyone on the list is appointed (000 第六条第（三）项: appointment after a window without objection)."""

    page = models.ForeignKey(PublicityPage, on_delete=models.CASCADE, related_name="objections",
                             verbose_name="公示")
    candidate = models.ForeignKey(PublicityCandidate, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="objections", verbose_name="所涉拟聘人员")
    person_concerned = models.CharField("异议所涉人员", max_length=64)
    objector_name = models.CharField("异议人姓名", max_length=32)
    contact = EncryptedCharField("联系方式", max_length=64, help_text="电话或电子邮箱，仅司法局工作人员可见")
    facts = models.TextField("异议事实和理由")
    submitted_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    status = models.CharField("处理状态", max_length=16, choices=OBJECTION_STATUS, default=OBJECTION_PENDING,
                              db_index=True)
    resolution_note = models.TextField("处理意见", blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="处理人")
    resolved_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "公示异议"
        verbose_name_plural = "公示异议"
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"关于{self.person_concerned}的异议（{self.get_status_display()}）"

    def masked_contact(self) -> str:
        return mask_contact(self.contact)

    masked_contact.short_description = "联系方式（已脱敏）"

    def clean(self):
        if self.candidate_id and self.candidate.page_id != self.page_id:
            raise ValidationError({"candidate": "所选拟聘人员不在本公示名单中。"})


class PublicityClosure(models.Model):
    """Made once when a window closes: the summary staff resolve before appointment (one per page)."""

    page = models.OneToOneField(PublicityPage, on_delete=models.CASCADE, related_name="closure",
                                verbose_name="公示")
    closed_on = models.DateField("公示期届满日")
    objection_count = models.PositiveIntegerField("异议数")
    pending_count = models.PositiveIntegerField("待处理异议数")
    summary = models.TextField("情况汇总")
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    class Meta:
        verbose_name = "公示期届满汇总"
        verbose_name_plural = "公示期届满汇总"
        ordering = ["-closed_on"]

    def __str__(self) -> str:
        return f"{self.page.title}：公示期届满汇总"
