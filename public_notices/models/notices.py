"""Notice pages: one concrete base (NoticePage) so a single query lists every kind, the eight kinds,
the per-kind index page under a jurisdiction section, and the index-number sequence (索引号)."""
from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pages.hosts import PublicUrlMixin
from pages.routing import ChainRouteMixin, ViewRestrictionsMixin
from request_guard import refuse_control_characters

from .. import kinds as K
from ..admin_forms import NoticePageForm
from ..privacy import refuse_personal_data

PAGE_SIZE = 20


class IndexSequence(models.Model):
    """Last issued sequence per (organisation code, year); the row is locked while a number is taken."""

    org_code = models.CharField("机构代码", max_length=32)
    year = models.PositiveSmallIntegerField("年份")
    last = models.PositiveIntegerField("已用最大序号", default=0)

    class Meta:
        verbose_name = "索引号序列"
        verbose_name_plural = "索引号序列"
        constraints = [models.UniqueConstraint(fields=["org_code", "year"], name="one_sequence_per_org_year")]

    def __str__(self) -> str:
        return f"{self.org_code}/{self.year}：{self.last}"

    @classmethod
    def take(cls, *, org_code: str, year: int) -> str:
        """The next index number `<org_code>/<year>-<5 digits>`; select_for_update so two editors
        publishing at once never receive the same number."""
        return cls.take_many(org_code=org_code, year=year, count=1)[0]

    @classmethod
    def take_many(cls, *, org_code: str, year: int, count: int) -> list[str]:
        """The next `count` index numbers, consecutive, taken in one locked block (a bulk import)."""
        with transaction.atomic():
            cls.objects.get_or_create(org_code=org_code, year=year)
            seq = cls.objects.select_for_update().get(org_code=org_code, year=year)
            first = seq.last + 1
            seq.last += count
            seq.save(update_fields=["last"])
        return [format_index_number(org_code, year, n) for n in range(first, seq.last + 1)]

    @classmethod
    def note_used(cls, *, index_number: str, org_code: str) -> None:
        """An imported number in our own format moves the sequence past it, so it is never reissued."""
        m = re.fullmatch(re.escape(org_code) + r"/(\d{4})-(\d{5})", index_number or "")
        if not m:
            return
        year, n = int(m.group(1)), int(m.group(2))
        with transaction.atomic():
            cls.objects.get_or_create(org_code=org_code, year=year)
            cls.objects.select_for_update().filter(org_code=org_code, year=year, last__lt=n).update(last=n)

def format_index_number(org_code: str, year: int, n: int) -> str:
    return f"{org_code}/{year}-{n:05d}"


def rules_profile(page):
    """The rule profile that governs `page` (its section's; else the site default)."""
    from rules.profiles import profile_for_page

    cached = getattr(page, "_rules_profile", None)
    if cached is not None:
        return cached
    profile = profile_for_page(page)
    page._rules_profile = profile
    return profile


class NoticeIndexPage(ChainRouteMixin, ViewRestrictionsMixin, PublicUrlMixin, Page):
    """栏目: all notices of one kind in one jurisdiction, newest first, with an archive by year."""

    kind = models.CharField("公告类别", max_length=32, choices=K.KIND_CHOICES)
    intro = RichTextField("栏目说明", blank=True)
    gov_column_type = "信息公开"  # <meta name="ColumnType"> (政府网站发展指引; pages.templatetags.gov_meta)

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("intro")]
    parent_page_types = ["pages.JurisdictionPage"]
    subpage_types = [
        "public_notices.RecruitmentNoticePage", "public_notices.PublicityPage",
        "public_notices.AppointmentNoticePage", "public_notices.DismissalNoticePage",
        "public_notices.TypicalCasePage", "public_notices.AnnualReportPage",
        "public_notices.SupervisionNotificationPage", "public_notices.RegulationPage",
        "public_notices.CommendationNoticePage",
    ]
    api_fields = [APIField("kind")]

    class Meta:
        verbose_name = "公告栏目"
        verbose_name_plural = "公告栏目"

    def get_context(self, request, *args, **kwargs):
        from request_guard import parse_year
        from rules.profiles import profile_code_for_page

        from ..selectors import notice_listing, public_notices

        context = super().get_context(request, *args, **kwargs)
        year = request.GET.get("year", "")
        # the children as a path range (what child_of means, but the path index serves it, not a LIKE scan),
        # and of this section's jurisdiction, which they all carry (tree_sync): the (jurisdiction,
        # published_on) index then gives them newest first without sorting the whole section
        step = self.steplen
        children = public_notices().filter(depth=self.depth + 1, jurisdiction=profile_code_for_page(self),
                                           path__range=(self.path + "0" * step, self.path + "Z" * step))
        context["notices"], context["years"] = notice_listing(
            children, year=parse_year(year),
            page_number=request.GET.get("page"))
        context["year"] = year
        return context


class NoticePage(ViewRestrictionsMixin, PublicUrlMixin, RoutablePageMixin, Page):
    """Every notice: the metadata block government sites publish (索引号, 发文字号, 发布机构, 成文日期,
    发布日期, 主题分类, 主题词) and the body. Concrete, so `NoticePage.objects` lists every kind."""

    NOTICE_KIND = ""
    kind = models.CharField("公告类别", max_length=32, choices=K.KIND_CHOICES, editable=False, db_index=True)
    jurisdiction = models.CharField("辖区", max_length=32, editable=False, db_index=True)
    index_number = models.CharField("索引号", max_length=64, unique=True, null=True, blank=True,
                                    help_text="留空则保存时自动生成：机构代码/年份-五位序号")
    doc_number = models.CharField("发文字号", max_length=64, blank=True)
    issuer = models.CharField("发布机构", max_length=100, blank=True, help_text="留空则使用本辖区司法局名称")
    written_on = models.DateField("成文日期", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True, editable=False, db_index=True)
    subject_category = models.CharField("主题分类", max_length=100, blank=True)
    keywords = models.CharField("主题词", max_length=200, blank=True, help_text="多个主题词用逗号分隔")
    body = RichTextField("正文")

    template = "public_notices/notice_page.html"
    base_form_class = NoticePageForm
    gov_article = True  # article <meta> of 政府网站发展指引: ArticleTitle, PubDate, ContentSource ... (gov_meta)
    is_creatable = False
    parent_page_types = ["public_notices.NoticeIndexPage"]
    subpage_types: list = []
    metadata_panels = [MultiFieldPanel([
        FieldRowPanel([FieldPanel("doc_number"), FieldPanel("issuer")]),
        FieldRowPanel([FieldPanel("written_on"), FieldPanel("index_number")]),
        FieldRowPanel([FieldPanel("subject_category"), FieldPanel("keywords")]),
    ], heading="公文元数据")]
    content_panels = Page.content_panels + metadata_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("body"), index.SearchField("doc_number"), index.SearchField("keywords"),
        index.FilterField("kind"), index.FilterField("jurisdiction"), index.FilterField("published_on"),
    ]
    api_fields = [
        APIField("kind"), APIField("jurisdiction"), APIField("index_number"), APIField("doc_number"),
        APIField("issuer"), APIField("written_on"), APIField("published_on"),
        APIField("subject_category"), APIField("keywords"), APIField("body"),
    ]

    class Meta:
        verbose_name = "公告"
        verbose_name_plural = "公告"
        indexes = [models.Index(fields=["jurisdiction", "published_on"])]

    @classmethod
    def can_create_at(cls, parent) -> bool:
        # a kind lives only in its own index (选聘公告 under 选聘公告栏目)
        specific = getattr(parent, "specific", parent)
        return super().can_create_at(parent) and getattr(specific, "kind", None) == cls.NOTICE_KIND

    @path("")
    def notice(self, request):
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        """打印版: the same notice without navigation, for printing or saving as PDF."""
        return self.render(request, template="public_notices/notice_print.html")

    @property
    def kind_label(self) -> str:
        return K.KIND_LABELS.get(self.kind or self.NOTICE_KIND, "公告")

    @property
    def keyword_list(self) -> list[str]:
        return [w.strip() for w in re.split(r"[,，;；\s]+", self.keywords or "") if w.strip()]

    def fill_metadata(self, *, number: bool = True) -> None:
        """Denormalise jurisdiction, default issuer/category, published date, index number (`number`
        False: the caller numbers the page, as a bulk import does in one block)."""
        self.kind = self.NOTICE_KIND or self.kind
        profile = rules_profile(self)
        self.jurisdiction = profile.code
        self.issuer = self.issuer or profile.authority
        self.subject_category = self.subject_category or K.DEFAULT_SUBJECT.get(self.kind, "")
        if self.first_published_at and not self.published_on:
            self.published_on = timezone.localdate(self.first_published_at)  # Asia/Shanghai day
        if not number:
            return
        if not self.index_number:
            year = (self.published_on or self.written_on or scheduled_day(self) or timezone.localdate()).year
            self.index_number = IndexSequence.take(org_code=profile.org_code or profile.code, year=year)
        else:
            IndexSequence.note_used(index_number=self.index_number, org_code=profile.org_code or profile.code)

    def clean(self):
        super().clean()
        for field, label in (("title", "标题"), ("body", "正文"), ("keywords", "主题词")):
            refuse_personal_data(field, label, getattr(self, field))
        for field, label in (("title", "标题"), ("body", "正文"), ("keywords", "主题词"), ("doc_number", "发文字号"),
                             ("issuer", "发布机构"), ("subject_category", "主题分类")):
            refuse_control_characters(field, label, getattr(self, field))
        if self.index_number:
            clash = NoticePage.objects.filter(index_number=self.index_number).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"index_number": "索引号已被其他公告使用，请留空由系统生成。"})

    def save(self, *args, **kwargs):
        self.fill_metadata()
        return super().save(*args, **kwargs)


def scheduled_day(page) -> dt.date | None:
    return timezone.localdate(page.go_live_at) if page.go_live_at else None


class RecruitmentNoticePage(NoticePage):
    """选聘公告: conditions, how to apply, deadline (000 第六条第（一）项; 002 第七条第（一）项)."""

    NOTICE_KIND = K.RECRUITMENT
    apply_deadline = models.DateField("报名截止日期", null=True, blank=True)
    content_panels = NoticePage.content_panels + [FieldPanel("apply_deadline")]
    api_fields = NoticePage.api_fields + [APIField("apply_deadline")]

    class Meta:
        verbose_name = "选聘公告"


class AppointmentNoticePage(NoticePage):
    """聘任公告: announced after a window without upheld objections (000 第六条第（三）项; 002 第七条第（三）项)."""

    NOTICE_KIND = K.APPOINTMENT
    term_start = models.DateField("聘期起始日", null=True, blank=True)
    term_end = models.DateField("聘期届满日", null=True, blank=True)
    content_panels = NoticePage.content_panels + [FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")])]
    api_fields = NoticePage.api_fields + [APIField("term_start"), APIField("term_end")]

    class Meta:
        verbose_name = "聘任公告"


class DismissalNoticePage(NoticePage):
    """解聘公告: names the ground from the jurisdiction's list and, where the rules say so, that the
    certificate and card are withdrawn (000 第十八条、第十九条; 002 第十五条、第十六条)."""

    NOTICE_KIND = K.DISMISSAL
    dismissed_name = models.CharField("被解聘人员姓名", max_length=32, blank=True)
    ground_code = models.CharField("解聘情形", max_length=32, blank=True,
                                   help_text="本辖区规则配置“解聘情形”中的代码")
    content_panels = NoticePage.content_panels + [FieldRowPanel([FieldPanel("dismissed_name"),
                                                                 FieldPanel("ground_code")])]
    api_fields = NoticePage.api_fields + [APIField("dismissed_name"), APIField("ground_text")]

    class Meta:
        verbose_name = "解聘公告"

    def _grounds(self) -> dict:
        profile = rules_profile(self)
        return {c["code"]: c for c in profile.choices("dismissal_grounds")} if profile.has("dismissal_grounds") else {}

    @property
    def ground(self) -> dict | None:
        return self._grounds().get(self.ground_code)

    @property
    def ground_text(self) -> str:
        g = self.ground
        return f"{g['label']}（{g['citation']}）" if g else ""

    @property
    def documents_withdrawn(self):
        """The recovery figure, when the jurisdiction's rules require it (e.g. 000 第十九条); else None."""
        profile = rules_profile(self)
        return profile.figure("recover_documents") if profile.flag("recover_documents") else None

    def clean(self):
        super().clean()
        if self.ground_code and self.ground_code not in self._grounds():
            raise ValidationError({"ground_code": "解聘情形不在本辖区规则配置的列举范围内。"})


class TypicalCasePage(NoticePage):
    """典型案例 (003 第二十九条: typical cases may be compiled and published)."""

    NOTICE_KIND = K.TYPICAL_CASE

    class Meta:
        verbose_name = "典型案例"


class AnnualReportPage(NoticePage):
    """行政执法统计年报 (004 统计年报制度 第三条: last year's figures by 31 January)."""

    NOTICE_KIND = K.ANNUAL_REPORT
    report_year = models.PositiveSmallIntegerField("统计年度", null=True, blank=True)
    content_panels = NoticePage.content_panels + [FieldPanel("report_year")]
    api_fields = NoticePage.api_fields + [APIField("report_year")]

    class Meta:
        verbose_name = "行政执法统计年报"


class SupervisionNotificationPage(NoticePage):
    """行政执法监督情况通报 (004 监督情况通报制度 第四条、第五条)."""

    NOTICE_KIND = K.NOTIFICATION
    # filled from the issued notification (programme.services.notification_issue), shown in the notice's header
    notification_kind = models.CharField("通报方式", max_length=120, blank=True)
    notification_contents = models.TextField("通报内容", blank=True)
    joint_issuers = models.CharField("联合通报部门", max_length=500, blank=True)
    content_panels = NoticePage.content_panels + [FieldPanel("notification_kind"), FieldPanel("notification_contents"),
                                                  FieldPanel("joint_issuers")]
    api_fields = NoticePage.api_fields + [APIField("notification_kind"), APIField("notification_contents"),
                                          APIField("joint_issuers")]

    class Meta:
        verbose_name = "行政执法监督情况通报"


class RegulationPage(NoticePage):
    """规范性文件/制度, with the dates it takes and ceases to have effect."""

    NOTICE_KIND = K.REGULATION
    effective_on = models.DateField("生效日期", null=True, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    content_panels = NoticePage.content_panels + [FieldRowPanel([FieldPanel("effective_on"),
                                                                 FieldPanel("repealed_on")])]
    api_fields = NoticePage.api_fields + [APIField("effective_on"), APIField("repealed_on")]

    class Meta:
        verbose_name = "规范性文件/制度"

    @property
    def validity(self) -> str:
        today = timezone.localdate()
        if self.repealed_on and self.repealed_on <= today:
            return "已废止"
        if self.effective_on and self.effective_on > today:
            return "尚未生效"
        return "现行有效"

    def clean(self):
        super().clean()
        if self.effective_on and self.repealed_on and self.repealed_on < self.effective_on:
            raise ValidationError({"repealed_on": "废止日期不能早于生效日期。"})


class CommendationNoticePage(NoticePage):
    """监督员表彰通报: supervisors who did their duties actively and well, commended by name and workplace only
    (001 第十七条; 002 第四条第（六）项 激励), where the jurisdiction's profile has `commendation` on."""

    NOTICE_KIND = K.COMMENDATION
    commendation_year = models.PositiveSmallIntegerField("表彰年度", null=True, blank=True)
    commended_names = models.CharField("受表彰人员", max_length=500, blank=True, help_text="姓名（工作单位），用顿号分隔")
    content_panels = NoticePage.content_panels + [FieldRowPanel([FieldPanel("commendation_year"),
                                                                 FieldPanel("commended_names")])]
    api_fields = NoticePage.api_fields + [APIField("commendation_year"), APIField("commended_names")]

    class Meta:
        verbose_name = "监督员表彰通报"

    @property
    def commendation_basis(self):
        """The article that lets this jurisdiction commend its supervisors, or None where its rules are silent."""
        profile = rules_profile(self)
        return profile.figure("commendation") if profile.flag("commendation") else None

    def clean(self):
        super().clean()
        refuse_personal_data("commended_names", "受表彰人员", self.commended_names)


# Wagtail gives every page class its own default template name; all kinds share the notice layout.
for _kind in (RecruitmentNoticePage, AppointmentNoticePage, DismissalNoticePage, TypicalCasePage, AnnualReportPage,
              SupervisionNotificationPage, RegulationPage, CommendationNoticePage):
    _kind.template = NoticePage.template
