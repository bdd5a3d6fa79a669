"""One row per decision a process made; processes write it, search indexes it, selectors filter it."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

PROCESS_KINDS = [
    ("qualification", "资格审查"),
    ("objection", "公示异议处理"),
    ("appointment", "聘任决定"),
    ("publicity", "公示期内撤下公示"),
    ("dismissal", "解聘决定"),
    ("opinion", "意见建议办理"),
    ("complaint", "投诉举报处理"),
    ("letter", "监督意见书/建议书"),
    ("decision", "监督决定书"),
    ("coordination", "争议协调意见"),
    ("accountability", "责任追究"),
    ("notification", "监督情况通报"),
    ("recusal", "工作人员回避"),
    ("interview", "约谈"),
    ("filing", "重大行政执法决定备案审查"),
    ("auxiliary", "行政执法辅助人员管理"),
    ("evaluation", "监督员年度履职评价"),
    ("commendation", "监督员通报表彰"),
    ("consent", "监督员事前同意"),
    ("supervisor_referral", "监督员违法违纪移送"),
    ("research", "监督员专题调研委托"),
]


class DecisionRecord(models.Model):
    process_kind = models.CharField("流程类型", max_length=32, choices=PROCESS_KINDS, db_index=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("决定内容")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.CharField("涉及执法机关", max_length=100, blank=True, db_index=True)
    outcome = models.CharField("结果", max_length=64, blank=True)
    decided_on = models.DateField("决定日期", db_index=True)
    doc_number = models.CharField("文号", max_length=64, blank=True)
    article = models.CharField("依据条款", max_length=100, blank=True)
    # e.g. a lead a supervisor asked to keep confidential (001 第十四条): never shown to agency users
    confidential = models.BooleanField("保密", default=False)
    # the person the record is about when they may read it themselves (a supervisor's own record)
    party_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="当事人账号")
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    subject_id = models.CharField(max_length=64, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "决定记录"
        verbose_name_plural = "决定记录"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return self.title
