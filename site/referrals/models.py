"""Referrals (移送) and recovery (追偿), Wulong 004 — and the referral of a social supervisor's misconduct a
report found true (万州 000 第十七条: 发现违法违纪行为的，应及时移送相关部门依法处理):

- suspected crime to the judicial organs (投诉举报制度 第十一条; 过错纠正和责任追究制度 第十一条第（七）项;
  错案责任倒查问责制度 第十二条第三款), breaches of discipline to the supervisory organs and sanctions to the
  personnel departments (过错 第五条; 错案 第四条): a `Referral` of a matter, from the step it follows (the
  complaint's collective review, the accountability decision), with its 移送函 and its decision record;
- recovery after administrative compensation (错案 第十二条第二款; 过错 第十一条第（六）项): a `Recovery` of an
  accountability case, each person's share fixed, with its 追偿决定书 and a record per person.

Both are written only by referrals.services (the one door); both are the bureau's, never the agency
liaison's to read (the records are confidential, the documents addressed to the receiving organ) — except on a case
the agency runs itself (过错 第五条、错案 第四条), where its legal unit decides both and the bureau supervises."""
from __future__ import annotations

from django.conf import settings
from django.db import models

COMPLAINT, ACCOUNTABILITY, SUPERVISOR = "complaint", "accountability", "supervisor"
# 004 意见书 第十条: a serious refusal to cooperate with the supervision (letters.CooperationRefusal), 依法依规予以处理
COOPERATION = "cooperation"
# 004 争议协调办法 第二十条: an agency that did not execute the government's decision on a dispute, ordered to correct
# and still not correcting (then 通报): 情节严重的，由相关职能部门依法依规处置 (letters.Letter, ground dispute_decision)
DISPUTE = "dispute_decision"
# 004 通报制度 第六条: an agency 被通报 (a letter's final 予以通报) or 整改落实不力 (its rectification overdue,
# programme.RectificationTask): 情节严重的，按照监督条例等规定予以处理
NOTIFIED = "notified"
# 004 干预插手规定 第九条: an insider who interfered (第八条) or retaliated against the officer who recorded it — 构成违纪的
# 给予处分、构成犯罪的依法追究刑事责任 (complaints.InterferenceRecord)
INTERFERENCE = "interference"
SOURCES = [(COMPLAINT, "投诉举报"), (ACCOUNTABILITY, "责任追究"), (SUPERVISOR, "对监督员的举报"),
           (COOPERATION, "不配合监督（情节严重）"), (DISPUTE, "不执行调处决定（情节严重）"),
           (NOTIFIED, "被通报或整改落实不力（情节严重）"), (INTERFERENCE, "违反规定干预办案或打击报复")]


class Referable(models.Model):
    """A row of another process that a 情节严重 case is handed on from (a serious refusal to cooperate, 意见书 第十条;
    a letter, 争议协调 第二十条 / 通报 第六条; a rectification, 通报 第六条): the referral it was handed on with, once
    (written by referrals.services.refer, the one door). Its reverse name on the Referral is the model's name."""

    referral = models.OneToOneField("referrals.Referral", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="%(class)s", verbose_name="移送")

    class Meta:
        abstract = True


class SeriousCaseOutcome(Referable):
    """A Referable the bureau judges serious or not (a letter's order run out or its 通报, 争议协调 第二十条 / 通报
    第六条; an overdue rectification, 通报 第六条): the referral, or the day it was found not serious
    (referrals.services.not_serious). Until one of them, it waits in 我的待办 (referrals.todos)."""

    not_serious_on = models.DateField("经审查不属情节严重（日期）", null=True, blank=True)

    # neither referred nor found not serious: the rows still to judge
    UNDECIDED = models.Q(referral__isnull=True, not_serious_on__isnull=True)

    class Meta:
        abstract = True


class Referral(models.Model):
    # a report about a social supervisor (000 第十七条) has no supervision matter: the complaint is the file
    matter = models.ForeignKey("casework.Matter", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="referrals", verbose_name="监督事项")
    complaint = models.ForeignKey("complaints.Complaint", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="referrals", verbose_name="对监督员的举报")
    source = models.CharField("移送所依据的程序", max_length=16, choices=SOURCES)
    destination = models.CharField("移送去向", max_length=32)          # profile *_referrals code
    destination_label = models.CharField("移送情形", max_length=100)
    article = models.CharField("依据", max_length=200)
    to = models.CharField("接收机关", max_length=100)
    persons = models.CharField("涉及人员", max_length=200, blank=True)
    reasons = models.TextField("移送的事实和理由")
    referred_on = models.DateField("移送日期")
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="决定人")
    # the 移送函 of a matter's referral; none for a report about a supervisor (its notices go to the reporter)
    document = models.ForeignKey("casework.Document", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name="移送函")
    record = models.ForeignKey("decisions.DecisionRecord", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "移送"
        verbose_name_plural = "移送"
        ordering = ["referred_on", "pk"]
        permissions = [("refer_supervisor_misconduct", "移送查实的监督员违法违纪行为（经办人）")]
        constraints = [
            models.CheckConstraint(name="referral_of_a_matter_or_a_supervisor_report",
                                   condition=models.Q(matter__isnull=False) | models.Q(complaint__isnull=False)),
            models.UniqueConstraint(fields=["complaint"], condition=models.Q(source="supervisor"),
                                    name="one_referral_per_supervisor_report"),
        ]

    def __str__(self) -> str:
        return f"{self.destination_label}：{self.to}"


class Recovery(models.Model):
    """追偿: the compensation the agency paid, and each person's share of it (a list of {person, name, amount})."""

    case = models.OneToOneField("accountability.Case", on_delete=models.PROTECT, related_name="recovery",
                                verbose_name="责任追究案件")
    compensation = models.DecimalField("行政赔偿金额（元）", max_digits=12, decimal_places=2)
    paid_on = models.DateField("赔偿支付日期")
    shares = models.JSONField("追偿份额", default=list)
    basis = models.TextField("追偿理由")
    article = models.CharField("依据", max_length=200)
    decided_on = models.DateField("决定日期")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="决定人")
    document = models.ForeignKey("casework.Document", on_delete=models.PROTECT, related_name="+",
                                 verbose_name="追偿决定书")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "追偿"
        verbose_name_plural = "追偿"

    def __str__(self) -> str:
        return f"追偿 {self.case}"


class RecoveryPayment(models.Model):
    """An amount actually recovered from one person under a `Recovery` (错案 第十二条第二款; 过错 第十一条第（六）项):
    how much, on what day, from whom, against which receipt, recorded by whom. Written only by
    referrals.services.recovery_collect; the sums against each share give what is still owed."""

    recovery = models.ForeignKey(Recovery, on_delete=models.PROTECT, related_name="payments", verbose_name="追偿")
    person = models.ForeignKey("accountability.Person", on_delete=models.PROTECT, related_name="+",
                               verbose_name="缴回人（责任人）")
    amount = models.DecimalField("追回金额（元）", max_digits=12, decimal_places=2)
    paid_on = models.DateField("追回日期")
    receipt = models.CharField("缴款凭证号", max_length=60, blank=True)
    note = models.CharField("备注", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "追偿款追回登记"
        verbose_name_plural = "追偿款追回登记"
        ordering = ["paid_on", "pk"]

    def __str__(self) -> str:
        return f"{self.person}：{self.amount}元（{self.paid_on:%Y-%m-%d}）"
