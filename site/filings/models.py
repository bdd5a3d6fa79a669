"""One filing of a major enforcement decision (重大行政执法决定备案, 003 第二十二条) and its review."""
from django.conf import settings
from django.db import models

from flows.models import CaseProcess

PENDING, PASSED, FINDING = "pending", "passed", "finding"
OUTCOMES = [(PENDING, "待审查"), (PASSED, "合格"), (FINDING, "存在问题，制发监督文书")]


class Filing(models.Model):
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="filings",
                               verbose_name="报备机关")
    # the review's case file (一案一档): the review clock, the uploaded decision and any letter live in it
    matter = models.OneToOneField("casework.Matter", on_delete=models.PROTECT, related_name="filing",
                                  verbose_name="审查案卷")
    title = models.CharField("决定名称", max_length=200)
    decision_number = models.CharField("决定文号", max_length=64)
    decided_on = models.DateField("决定日期")
    filed_on = models.DateField("报备日期", db_index=True)
    due_on = models.DateField("应报备截止日期")
    late = models.BooleanField("逾期报备", default=False)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name="报备人")
    outcome = models.CharField("审查结论", max_length=16, choices=OUTCOMES, default=PENDING)
    opinion = models.TextField("审查意见", blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="审查人")
    reviewed_on = models.DateField("审查日期", null=True, blank=True)

    class Meta:
        verbose_name = "重大行政执法决定备案"
        verbose_name_plural = "重大行政执法决定备案登记"
        ordering = ["-filed_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "decision_number"], name="filing_unique_number")]
        permissions = [("review_filing", "可审查备案的重大行政执法决定（合法性、适当性）")]

    def __str__(self) -> str:
        return f"{self.agency.name}：{self.title}（{self.decision_number}）"

    def admin_url(self) -> str:
        from django.urls import reverse

        return reverse("filings:detail", args=[self.pk])


class FilingProcess(CaseProcess):
    """The 备案审查 process of one filing (filings/flows.py) in its matter: artifact = the filing."""

    class Meta:
        proxy = True
        verbose_name = "备案审查流程"
        verbose_name_plural = "备案审查流程"
