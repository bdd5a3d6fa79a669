"""The supervisor register (监督员名册): people, their terms of office, certificates and cards.

Campaigns, applications and reviews live beside these (added by the lifecycle work); this module
holds the records every other part refers to."""
from django.conf import settings
from django.db import models

GENDERS = [("male", "男"), ("female", "女")]

SERVING, DISMISSED, ENDED, CANDIDATE = "serving", "dismissed", "ended", "candidate"
SUPERVISOR_STATUS = [(CANDIDATE, "拟聘"), (SERVING, "在聘"), (DISMISSED, "已解聘"), (ENDED, "聘期届满")]


class Supervisor(models.Model):
    """One person on a jurisdiction's register. Personal data (ID number, phone, address) is
    staff-only: never on a public page, masked in lists."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    name = models.CharField("姓名", max_length=32)
    gender = models.CharField("性别", max_length=8, choices=GENDERS)
    birth_date = models.DateField("出生日期")
    id_number = models.CharField("身份证号", max_length=18)
    phone = models.CharField("联系电话", max_length=32)
    address = models.CharField("住址", max_length=200, blank=True)
    workplace = models.CharField("工作单位", max_length=100)
    post = models.CharField("职务", max_length=64, blank=True)
    education = models.CharField("学历", max_length=32, blank=True)
    source = models.CharField("人员类别", max_length=32, blank=True, help_text="规则配置 candidate_sources 的代码")
    recommending_unit = models.CharField("推荐单位", max_length=100, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="supervisor", verbose_name="登录账号")
    status = models.CharField("状态", max_length=16, choices=SUPERVISOR_STATUS, default=CANDIDATE, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监督员"
        verbose_name_plural = "监督员名册"
        ordering = ["jurisdiction", "name"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "id_number"],
                                               name="one_register_entry_per_person")]

    def __str__(self) -> str:
        return f"{self.name}（{self.workplace}）"

    @property
    def current_term(self):
        return self.terms.filter(status=Term.ACTIVE).order_by("-start").first()


class Term(models.Model):
    """A term of office (聘任期) with its certificate (聘书) and card (证件) numbers."""

    ACTIVE, RENEWED, ENDED, DISMISSED = "active", "renewed", "ended", "dismissed"
    supervisor = models.ForeignKey(Supervisor, on_delete=models.PROTECT, related_name="terms")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    number = models.PositiveSmallIntegerField("连续第几届", default=1)
    start = models.DateField("聘任起始日")
    end = models.DateField("聘任届满日")
    article = models.CharField("聘期依据", max_length=100)
    certificate_no = models.CharField("聘书编号", max_length=32)
    card_no = models.CharField("证件编号", max_length=32)
    agreement_signed_on = models.DateField("志愿服务协议签订日", null=True, blank=True)
    status = models.CharField("状态", max_length=16, default=ACTIVE, db_index=True, choices=[
        (ACTIVE, "在聘"), (RENEWED, "已续聘"), (ENDED, "期满解聘"), (DISMISSED, "提前解聘")])
    documents_recovered_on = models.DateField("聘书证件收回日", null=True, blank=True)

    class Meta:
        verbose_name = "聘任期"
        verbose_name_plural = "聘任期"
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "certificate_no"], name="unique_certificate_no"),
            models.UniqueConstraint(fields=["jurisdiction", "card_no"], name="unique_card_no"),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor.name} 第{self.number}届（{self.start}至{self.end}）"
