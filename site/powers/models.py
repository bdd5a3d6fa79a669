"""The bureau's supervisory power and responsibility list (行政执法监督权责清单), one per jurisdiction whose
rules call for it (the profile's `power_list` figure, 恩施办法 第十五条): each line a power (职权) with its
legal basis, how it is exercised, and the responsibility that goes with it; and each published version."""
from django.conf import settings
from django.db import models

CATEGORIES = [("power", "职权"), ("duty", "职责")]


class PowerItem(models.Model):
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    order = models.PositiveIntegerField("序号")
    category = models.CharField("类别", max_length=16, choices=CATEGORIES, default="power")
    name = models.CharField("事项名称", max_length=200)
    basis = models.TextField("设定依据")
    content = models.TextField("行使方式与内容")
    responsibility = models.TextField("责任事项")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "权责事项"
        verbose_name_plural = "权责事项"
        ordering = ["jurisdiction", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "order"], name="power_item_order_unique")]
        permissions = [("publish_powerlist", "可发布行政执法监督权责清单")]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class PowerListRelease(models.Model):
    """One publication of the list: which notice page carries it, when, by whom, how many lines."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.PROTECT, related_name="+", verbose_name="公告页面")
    items = models.PositiveIntegerField("事项数")
    published_at = models.DateTimeField("发布时间", auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name="发布人")

    class Meta:
        verbose_name = "权责清单发布记录"
        verbose_name_plural = "权责清单发布记录"
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page.title}（{self.published_at:%Y-%m-%d}）"
