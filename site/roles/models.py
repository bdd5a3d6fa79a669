"""Who a staff account belongs to: the enforcement agency of a liaison, the jurisdiction of bureau staff."""
from django.conf import settings
from django.db import models


class StaffProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile")
    jurisdiction = models.CharField("辖区", max_length=32, blank=True,
                                    help_text="规则配置代码，如 wanzhou：司法局工作人员只办理、查看本辖区的监督事项；"
                                              "空 = 全部辖区（市、省级机关），规则按系统默认辖区")
    agency = models.ForeignKey("casework.Agency", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="staff_profiles", verbose_name="所属执法机关",
                               help_text="执法机关联络员所在机关（执法机关名录）；监督事项、决定记录按此过滤")

    class Meta:
        verbose_name = "工作人员信息"
        verbose_name_plural = "工作人员信息"

    def __str__(self) -> str:
        return f"{self.user} · {self.agency or self.jurisdiction}"
