"""行政执法人员和执法证件名册 (恩施 003 第八条: the platform manages enforcement bodies and personnel in one
place; 第十四条第（七）项: how certificates are managed and used is supervised). Per agency: name, post, 执法证
number, issuing body, valid from/to and status. No ID number or phone is stored: the register does not need
them (the certificate number identifies the person)."""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

VALID, SUSPENDED, REVOKED, WITHDRAWN = "valid", "suspended", "revoked", "withdrawn"
STATUSES = [(VALID, "有效"), (SUSPENDED, "暂扣"), (REVOKED, "注销"), (WITHDRAWN, "离岗收回")]


class EnforcementOfficer(models.Model):
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="enforcement_officers",
                               verbose_name="所在执法机关")
    name = models.CharField("姓名", max_length=32)
    post = models.CharField("岗位", max_length=60)
    certificate_number = models.CharField("执法证号", max_length=40)
    issuing_body = models.CharField("发证机关", max_length=100)
    valid_from = models.DateField("有效期起")
    valid_to = models.DateField("有效期至")
    status = models.CharField("证件状态", max_length=16, choices=STATUSES, default=VALID)
    status_reason = models.CharField("状态变更原因", max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "行政执法人员"
        verbose_name_plural = "行政执法人员和执法证件名册"
        ordering = ["agency__name", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "certificate_number"],
                                               name="personnel_certificate_unique")]
        indexes = [models.Index(fields=["status", "valid_to"], name="personnel_expiry")]

    def __str__(self) -> str:
        return f"{self.name}（执法证号{self.certificate_number}）"

    def state(self, today: dt.date) -> str:
        """The certificate as a person reads it today: its status, or 已过期 past its valid-to day."""
        if self.status == VALID and self.valid_to < today:
            return "已过期"
        return self.get_status_display()
