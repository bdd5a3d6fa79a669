"""网站信息: the site-wide facts a government website publishes (政府网站发展指引, 国办发〔2017〕47号).

One record per Wagtail Site, edited in the admin (设置 → 网站信息). The footer shows each item only when
it is filled; the page-level <meta> of the guideline (SiteName, SiteDomain, SiteIDCode, ...) read the same
record (pages.templatetags.gov_meta)."""
from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

ICP_QUERY_URL = "https://beian.miit.gov.cn/"
# 全国互联网安全管理服务平台: the record's own page, found by its number's digits
POLICE_QUERY_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    site_name = models.CharField("网站名称", max_length=100, blank=True,
                                 help_text="留空则使用站点名称；页面标题为“页面标题 - 网站名称”，首页只显示网站名称")
    site_domain = models.CharField("网站域名", max_length=253, blank=True,
                                   help_text="如 sfj.example.gov.cn；留空则使用访问时的域名")
    site_id_code = models.CharField("网站标识码", max_length=32, blank=True,
                                    help_text="全国政府网站基本信息数据库分配的标识码，留空则不显示")
    description = models.CharField("网站描述", max_length=200, blank=True,
                                   help_text="页面没有摘要时作为搜索引擎描述（meta description）")
    keywords = models.CharField("网站关键词", max_length=200, blank=True, help_text="多个关键词用逗号分隔")
    sponsor = models.CharField("主办单位", max_length=100, blank=True)
    organizer = models.CharField("承办单位", max_length=100, blank=True)
    contact_phone = models.CharField("联系电话", max_length=64, blank=True)
    contact_address = models.CharField("联系地址", max_length=200, blank=True)
    contact_email = models.EmailField("联系邮箱", blank=True)
    icp_number = models.CharField("ICP备案号", max_length=64, blank=True,
                                  help_text="如 渝ICP备12345678号；链接到工业和信息化部备案管理系统")
    police_number = models.CharField("公安机关备案号", max_length=64, blank=True,
                                     help_text="如 渝公网安备 50010102000001号；链接到全国互联网安全管理服务平台")
    gov_mark_url = models.URLField("党政机关网站标识链接", blank=True,
                                   help_text="开办单位网站标识的核验地址（如 https://bszs.conac.cn/sitename?...）；"
                                             "留空则不显示标识")
    gov_mark_image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name="党政机关网站标识图片",
                                       help_text="机构编制部门颁发的标识图片；未上传则显示文字“党政机关”")
    sitemap_url = models.CharField("网站地图链接", max_length=200, blank=True, default="/sitemap.xml")
    contact_url = models.CharField("联系我们链接", max_length=200, blank=True)
    footer_note = models.CharField("页脚说明", max_length=200, blank=True, help_text="如版权或免责说明")

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldRowPanel([FieldPanel("site_domain"), FieldPanel("site_id_code")]),
                         FieldPanel("description"), FieldPanel("keywords")], heading="网站基本信息"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("sponsor"), FieldPanel("organizer")]),
                         FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                         FieldPanel("contact_address")], heading="主办与联系"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("icp_number"), FieldPanel("police_number")]),
                         FieldPanel("gov_mark_url"), FieldPanel("gov_mark_image")], heading="备案与标识"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("sitemap_url"), FieldPanel("contact_url")]),
                         FieldPanel("footer_note")], heading="页脚"),
    ]

    class Meta:
        verbose_name = "网站信息"
        verbose_name_plural = "网站信息"

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """网站名称: this record's, else the Wagtail Site's, else settings.WAGTAIL_SITE_NAME."""
        return (self.site_name or getattr(self.site, "site_name", "")
                or getattr(settings, "WAGTAIL_SITE_NAME", "行政执法监督公开平台"))

    @property
    def police_url(self) -> str:
        digits = "".join(re.findall(r"\d", self.police_number))
        return POLICE_QUERY_URL.format(code=digits) if digits else ""

    @property
    def icp_url(self) -> str:
        return ICP_QUERY_URL
