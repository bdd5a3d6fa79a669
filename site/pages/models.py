"""Site structure: the portal home and one section per jurisdiction.

A JurisdictionPage names the rule profile that applies to everything below it, so one install
can serve several jurisdictions (see rules.profiles.profile_for_page)."""
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .hosts import PublicUrlMixin
from .routing import ChainRouteMixin, ViewRestrictionsMixin
from .site_identity import SiteIdentity  # noqa: F401  (网站信息 setting: its model lives there)
from .visibility import visible_to_anonymous


class HomePage(ChainRouteMixin, ViewRestrictionsMixin, PublicUrlMixin, Page):
    """门户首页: lists the jurisdiction sections and the newest notices across them."""

    intro = RichTextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["pages.JurisdictionPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "门户首页"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = visible_to_anonymous(JurisdictionPage.objects.child_of(self)).select_related("profile")
        return context


class JurisdictionPage(ChainRouteMixin, ViewRestrictionsMixin, PublicUrlMixin, Page):
    """辖区栏目: a justice bureau's section; its profile decides every figure below it."""

    profile = models.ForeignKey("rules.RuleProfile", on_delete=models.PROTECT, null=True, blank=False,
                                related_name="+", verbose_name="适用规则配置")
    intro = RichTextField("简介", blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    phone = models.CharField("咨询电话", max_length=64, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("profile"), FieldPanel("intro"), FieldPanel("address"), FieldPanel("phone"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]

    class Meta:
        verbose_name = "辖区栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = visible_to_anonymous(self.get_children())
        return context
