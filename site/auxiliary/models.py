"""行政执法辅助人员名册 (武隆 004《行政执法辅助人员管理办法》): who an agency uses, through which labour-dispatch
unit and agreement (第五条), on which post, under which enforcement officer (第九条), from when to when.
The ID number is encrypted at rest and masked in lists (crypto_fields, masking)."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from crypto_fields import BlindIndexField, EncryptedCharField
from masking import mask_id

STATUSES = [("active", "在岗"), ("ended", "期满离岗"), ("dismissed", "已解除劳动关系")]


class AuxiliaryStaff(models.Model):
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="auxiliary_staff",
                               verbose_name="使用机关")
    name = models.CharField("姓名", max_length=32)
    id_number = EncryptedCharField("身份证号", max_length=18)
    id_number_hash = BlindIndexField("身份证号检索码", source="id_number")
    birth_date = models.DateField("出生日期")
    education = models.CharField("学历", max_length=32)
    veteran = models.BooleanField("退伍军人", default=False)
    dispatch_unit = models.CharField("劳务派遣单位", max_length=100)
    dispatch_agreement = models.CharField("劳务派遣协议编号", max_length=60)
    post = models.CharField("岗位", max_length=60)
    special_reason = models.TextField("特殊岗位调整招聘条件的原因", blank=True)
    post_age_min = models.PositiveSmallIntegerField("特殊岗位最低年龄", null=True, blank=True)
    post_education = models.CharField("特殊岗位学历要求", max_length=32, blank=True)
    duties = models.JSONField("岗位职责", default=list, blank=True, help_text="规则配置 auxiliary_duties 的代码")
    supervising_officer = models.CharField("指导执法人员", max_length=32)
    officer_certificate = models.CharField("指导执法人员执法证号", max_length=40)
    start = models.DateField("使用起始日期")
    end = models.DateField("使用截止日期", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=STATUSES, default="active")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "行政执法辅助人员"
        verbose_name_plural = "行政执法辅助人员名册"
        ordering = ["agency__name", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "id_number_hash"],
                                               condition=models.Q(status="active"),
                                               name="auxiliary_one_active_per_agency")]

    def __str__(self) -> str:
        return f"{self.name}（{self.agency}）"

    @property
    def id_masked(self) -> str:
        return mask_id(self.id_number)
