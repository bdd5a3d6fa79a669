"""Complaints and reports about enforcement (投诉举报, 004 行政执法投诉举报制度), reports about a supervisor's
conduct (000 第十七条, 001 第十三条), and interference records (插手干预记录, 004 干预插手案件记录规定).

The complainant's identity and contacts are personal data: they live on the Complaint only, never on
the casework Matter the agency's liaison can read, and never in a document addressed to the agency."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from casework.models import IssuedFiles
from casework.storage import private_storage, random_name
from crypto_fields import EncryptedCharField
from flows.models import CaseProcess
from masking import mask_contact, mask_id

ENFORCEMENT, SUPERVISOR = "enforcement", "supervisor"
CATEGORIES = [(ENFORCEMENT, "行政执法行为"), (SUPERVISOR, "监督员违法违纪行为")]
HOTLINE = "hotline"
CONTACT_POINT = "contact_point"  # 003 第十条第一款: 行政执法监督联系点
CHANNELS = [("online", "网上提交"), ("letter", "来信"), ("phone", "来电"), ("visit", "来访"),
            ("agency", "执法机关反馈"), (HOTLINE, "12345热线转办"), (CONTACT_POINT, "监督联系点转来")]

RECEIVED, LEAD = "received", "lead"
ACCEPTED, REVIEWED, ANSWERED = "accepted", "reviewed", "answered"
REFUSED, TRANSFERRED = "refused", "transferred"
STATUSES = [(RECEIVED, "已收到，待审核"), (LEAD, "匿名线索（不作为投诉举报受理）"), (ACCEPTED, "已受理，调查中"),
            (REVIEWED, "已集体审定，待告知"), (ANSWERED, "已办结并告知"), (REFUSED, "不予受理"),
            (TRANSFERRED, "已转送有权机关")]
OPEN_STATUSES = (RECEIVED, ACCEPTED, REVIEWED)
# the acceptance decision (第五条、第七条): a recorded fact, read by the flow's gate
DECISIONS = [(ACCEPTED, "受理"), (REFUSED, "不予受理"), (TRANSFERRED, "转送")]

SUBSTANTIATED, PARTLY, UNFOUNDED = "substantiated", "partly", "unfounded"
OUTCOMES = [(SUBSTANTIATED, "查证属实"), (PARTLY, "部分属实"), (UNFOUNDED, "反映情况不实")]

# 投诉 第三条: the bureau, or the agency's own legal unit (受理机构), receives and handles a complaint
BUREAU_HANDLED, AGENCY_HANDLED = "bureau", "agency"
HANDLED_BY = [(BUREAU_HANDLED, "区司法局办理"), (AGENCY_HANDLED, "被投诉机关法制机构办理")]
OWN_COMPLAINT = "complaints.handle_own_complaint"  # the agency's legal unit (its liaison), its own agency only


class Complaint(models.Model):
    """One complaint or report, from receipt to the reply (一件一档; the accepted ones also get a Matter)."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    receipt_number = models.CharField("受理编号", max_length=40, unique=True)
    access_digest = models.CharField(max_length=64, editable=False)  # HMAC of the access code, never the code
    category = models.CharField("类别", max_length=16, choices=CATEGORIES, default=ENFORCEMENT)
    channel = models.CharField("来源渠道", max_length=16, choices=CHANNELS, default="online")
    contact_point = models.ForeignKey("complaints.ContactPoint", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="complaints", verbose_name="转来的监督联系点")
    anonymous = models.BooleanField("匿名", default=False)
    # personal data (004 第六条第（二）项): staff handling the complaint only
    name = models.CharField("投诉举报人姓名", max_length=50, blank=True)
    # personal data, encrypted at rest (crypto_fields): shown in full only to the handling staff
    id_number = EncryptedCharField("身份证号", max_length=18, blank=True)
    address = EncryptedCharField("住址", max_length=200, blank=True)
    contact = EncryptedCharField("联系方式", max_length=50, blank=True)
    # whom the complaint is about (第六条第（三）项)
    agency = models.ForeignKey("casework.Agency", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="complaints", verbose_name="被投诉举报机关")
    officer_named = models.CharField("被投诉举报执法人员", max_length=100, blank=True)
    supervisor = models.ForeignKey("supervisors.Supervisor", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="reports", verbose_name="被举报监督员")
    ground = models.CharField("投诉举报事由", max_length=32, blank=True)  # complaint_grounds (第四条)
    ground_label = models.CharField("事由", max_length=100, blank=True)
    # a complaint about an auxiliary person (武隆《行政执法辅助人员管理办法》第十条): the prohibited acts it cites
    # (codes of the profile's auxiliary_prohibited_acts, auxiliary.selectors) and, on staff screens only, the person
    # from the agency's register (complaints.services.complaint_receive / auxiliary_identify)
    aux_acts = models.JSONField("涉及的辅助人员禁止行为", default=list, blank=True)
    auxiliary_staff = models.ForeignKey("auxiliary.AuxiliaryStaff", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="complaints", verbose_name="被投诉举报的辅助人员")
    request = models.TextField("请求事项")
    facts = models.TextField("事实和理由")
    received_on = models.DateField("收到日期")
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="登记人")
    # where the complaint stands, for the list filter at scale: written ONLY by its flow (complaints/flows.py,
    # `ComplaintFlow.settle_status`) as its steps are created and it ends; `save()` never writes it after
    # insert, so no service can. An anonymous lead (no process) is LEAD from its insert.
    status = models.CharField("状态", max_length=16, choices=STATUSES, default=RECEIVED, db_index=True,
                              editable=False)
    matter = models.OneToOneField("casework.Matter", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="complaint", verbose_name="监督事项")
    # acceptance (第五条、第七条)
    decision = models.CharField("受理审核结论", max_length=16, choices=DECISIONS, blank=True)
    decided_on = models.DateField("受理审核日期", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="审核人")
    refusal_ground = models.CharField("不予受理情形", max_length=32, blank=True)
    refusal_label = models.CharField("不予受理情形", max_length=100, blank=True)
    refusal_article = models.CharField("依据", max_length=100, blank=True)
    reasons = models.TextField("理由", blank=True)
    transferred_to = models.CharField("转送机关", max_length=100, blank=True)
    # investigation and collective review (第八条、第九条)
    opinion = models.TextField("初步处理意见", blank=True)
    opinion_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="意见提出人")
    opinion_on = models.DateField("提出日期", null=True, blank=True)
    review_participants = models.TextField("集体讨论参加人员", blank=True)
    review_decision = models.TextField("集体讨论审定意见", blank=True)
    outcome = models.CharField("调查结论", max_length=16, choices=OUTCOMES, blank=True)
    reviewed_on = models.DateField("审定日期", null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="主持人")
    dismissal_ground = models.CharField("建议解聘情形", max_length=32, blank=True)  # supervisor reports only
    reply = models.TextField("处理结果告知", blank=True)
    answered_on = models.DateField("告知日期", null=True, blank=True)
    # 投诉 第三条: who handles it; the bureau may take over one the agency handles (a recorded decision)
    handled_by = models.CharField("受理机构", max_length=8, choices=HANDLED_BY, default=BUREAU_HANDLED)
    taken_over_on = models.DateField("司法局接办日期", null=True, blank=True)
    taken_over_reason = models.TextField("接办理由", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "投诉举报"
        verbose_name_plural = "投诉举报"
        ordering = ["-received_on", "-pk"]
        # the list's order, read from its end as well (casework.paging.EitherEndPaginator; issue 28)
        indexes = [models.Index(fields=["-received_on", "-id"], name="complaint_received_order"),
                   # the leaders' opinions to review on the workbench (ComplaintsPanel: accepted, an opinion written),
                   # in the list's order: the few waiting read without filtering every complaint (issue 28)
                   models.Index(fields=["-received_on", "-id"], name="complaint_opinion_to_review",
                                condition=models.Q(status=ACCEPTED) & ~models.Q(opinion=""))]
        permissions = [
            ("handle_complaint", "可办理投诉举报（登记、受理审核、调查、告知）"),
            ("decide_complaint", "可集体审定投诉举报、批准延长办理期限"),
            ("view_complainant", "可查看投诉举报人身份和联系方式"),
            ("handle_own_complaint", "可作为法制机构受理、处理对本机关的投诉举报"),
        ]

    def __str__(self) -> str:
        return self.receipt_number

    def save(self, *args, **kwargs):
        """`status` is the flow's (see the field): set at insert from the facts (an anonymous lead), never
        rewritten by a save of the record afterwards."""
        if self._state.adding:
            self.status = LEAD if self.anonymous else RECEIVED
        elif kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [f.attname for f in self._meta.concrete_fields
                                       if not f.primary_key and f.name != "status"]
        super().save(*args, **kwargs)

    @property
    def by_agency(self) -> bool:
        return self.handled_by == AGENCY_HANDLED

    def admin_url(self) -> str:
        """The complaint screen, where each of its steps is done."""
        from django.urls import reverse

        return reverse("complaints:detail", args=[self.pk])

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)

    @property
    def masked_contact(self) -> str:
        return mask_contact(self.contact)

    @property
    def masked_name(self) -> str:
        return (self.name[:1] + "*" * (len(self.name) - 1)) if self.name else "匿名"

    @property
    def respondent(self) -> str:
        if self.supervisor_id:
            return f"监督员 {self.supervisor.name}"
        return self.agency.name if self.agency_id else ""


class ContactPoint(models.Model):
    """A supervision contact point (行政执法监督联系点, 003 第十条第一款) at a government service centre, a grassroots
    station, a representative enterprise or an industry association: public by name, kind and address; its
    contact person and phone are personal data (encrypted, masked in lists, staff only). Complaints it passes
    on are entered with channel 监督联系点转来 and point here."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    name = models.CharField("联系点名称", max_length=100)
    kind = models.CharField("类别", max_length=32)  # the profile's supervision_contact_points
    kind_label = models.CharField("类别", max_length=50)
    address = models.CharField("地址", max_length=200)
    contact_name = models.CharField("联系人", max_length=50)
    contact_phone = EncryptedCharField("联系电话", max_length=50)
    established_on = models.DateField("设立日期")
    active = models.BooleanField("运行中", default=True)
    closed_on = models.DateField("撤销日期", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "行政执法监督联系点"
        verbose_name_plural = "行政执法监督联系点"
        ordering = ["jurisdiction", "-active", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "name"], name="one_contact_point_name",
                                               violation_error_message="本辖区已有同名的监督联系点。")]

    def __str__(self) -> str:
        return self.name

    @property
    def masked_phone(self) -> str:
        return mask_contact(self.contact_phone)


class HotlineOrder(models.Model):
    """A work order (工单) the 12345 hotline passes to the bureau (003 第十条: 行政执法监督与12345热线合作机制):
    its number (unique in the jurisdiction) and the day received; it runs as a complaint (channel 12345热线转办)
    through the one complaint process, and its result is answered back to the hotline (a recorded step with its
    reply letter). The caller's name and phone are the complaint's personal data (encrypted, masked in lists)."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    order_number = models.CharField("工单编号", max_length=40)
    received_on = models.DateField("收到日期")
    hotline_due_on = models.DateField("热线要求办结日期", null=True, blank=True)
    complaint = models.OneToOneField(Complaint, on_delete=models.PROTECT, related_name="hotline_order",
                                     verbose_name="投诉举报")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="登记人")
    imported = models.BooleanField("由文件导入", default=False)
    # the answer back to the hotline (回复热线): written once, by complaints.hotline.hotline_reply
    reply_text = models.TextField("回复热线内容", blank=True)
    replied_on = models.DateField("回复日期", null=True, blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="回复人")
    reply_notice = models.OneToOneField("complaints.Notice", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+", verbose_name="回复函")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "12345热线工单"
        verbose_name_plural = "12345热线工单"
        ordering = ["-received_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "order_number"],
                                               name="hotline_order_number_per_jurisdiction")]

    def __str__(self) -> str:
        return f"12345工单 {self.order_number}"

    @property
    def state(self) -> str:
        """Where the work order stands, from the facts: the complaint's process, then the answer back."""
        if self.replied_on:
            return "已回复热线"
        if self.complaint.status in OPEN_STATUSES:
            return "办理中：" + self.complaint.get_status_display()
        return "待回复热线"

    @property
    def awaiting_reply(self) -> bool:
        return not self.replied_on and self.complaint.status not in OPEN_STATUSES


class ComplaintMisconduct(models.Model):
    """004 投诉举报制度 第十三条、第十五条: a finding that the complained party retaliated against the complainant
    or obstructed the handling, or that the receiving organ's staff misbehaved, handed into accountability
    (complaints.handoffs.misconduct_to_accountability) — once per finding kind and complaint."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="misconduct")
    kind = models.CharField("情形", max_length=32)  # the profile's complaint_misconduct code
    kind_label = models.CharField("情形", max_length=200)
    article = models.CharField("依据", max_length=100)
    facts = models.TextField("认定的事实")
    found_on = models.DateField("认定日期")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    case = models.OneToOneField("accountability.Case", on_delete=models.PROTECT, related_name="complaint_misconduct",
                                verbose_name="责任追究案件")

    class Meta:
        verbose_name = "投诉举报办理中的违法行为"
        verbose_name_plural = "投诉举报办理中的违法行为"
        ordering = ["found_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["complaint", "kind"], name="one_misconduct_per_kind")]

    def __str__(self) -> str:
        return f"{self.found_on:%Y-%m-%d} {self.kind_label}"


class ComplaintProcess(CaseProcess):
    """A complaint's process (complaints/flows.py) in its case file; its matter is set on acceptance."""

    class Meta:
        proxy = True
        verbose_name = "投诉举报办理流程"
        verbose_name_plural = "投诉举报办理流程"

    @property
    def complaint(self) -> Complaint:
        return Complaint.objects.get(pk=self.artifact_object_id)


class Investigator(models.Model):
    """An investigator of one complaint (第八条: two or more); recusal (回避) is recorded, never deleted."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="investigators")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name="调查人员")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    recused = models.BooleanField("已回避", default=False)
    recusal_reason = models.CharField("回避事由", max_length=200, blank=True)
    recused_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "调查人员"
        verbose_name_plural = "调查人员"
        ordering = ["assigned_at", "pk"]

    def __str__(self) -> str:
        return str(self.user)


class Notice(IssuedFiles):
    """A notice to the complainant (受理/不予受理/转送/处理结果告知书): 主送 is the complainant, so it is kept
    on the complaint — never on the matter the agency's liaison reads. Numbered from casework's sequence."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField("文书种类", max_length=32)
    kind_label = models.CharField("文书名称", max_length=50)
    doc_number = models.CharField("发文字号", max_length=64, unique=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    article = models.CharField("依据条款", max_length=200, blank=True)
    issued_on = models.DateField("成文日期")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pdf = models.FileField("PDF", storage=private_storage, upload_to=random_name("complaints"), blank=True)

    class Meta:
        verbose_name = "告知文书"
        verbose_name_plural = "告知文书"
        ordering = ["issued_on", "pk"]

    def __str__(self) -> str:
        return f"{self.kind_label} {self.doc_number}"


APPEAL_UPHELD, APPEAL_REJECTED = "upheld", "rejected"
APPEAL_OUTCOMES = [(APPEAL_UPHELD, "申诉成立，变更原调查处理决定"), (APPEAL_REJECTED, "申诉不成立，维持原调查处理决定")]


class Appeal(models.Model):
    """申诉 against the decision, to the body that made it (第十四条)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="appeals")
    received_on = models.DateField("收到日期")
    text = models.TextField("申诉请求和理由")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    # the decision on it and the answer to the appellant (第十四条; the answer period: the profile's
    # complaint_appeal_answer_period, a clock on the appeal from its receipt)
    outcome = models.CharField("申诉处理结论", max_length=16, choices=APPEAL_OUTCOMES, blank=True)
    reasons = models.TextField("复查意见", blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="决定人")
    answer = models.ForeignKey(Notice, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="申诉答复书")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "申诉"
        verbose_name_plural = "申诉"
        ordering = ["received_on", "pk"]


# ------------------------------------------------------------------ interference records (append-only)

    def __str__(self) -> str:
        return f"申诉 #{self.pk}"
class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("干预插手记录只能追加，不能修改。")

    def delete(self):
        raise ValidationError("干预插手记录只能追加，不能删除。")


MANNERS = [("written", "书面"), ("oral", "口头"), ("phone", "电话"), ("message", "短信、微信等"),
           ("in_person", "当面"), ("other", "其他")]


class AppendOnly(models.Model):
    """A register that is only appended to: never changed or removed by anyone; a correction is a new row."""

    no_change = "该登记只能追加，不能修改。"
    no_delete = "该登记只能追加，不能删除。"

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(self.no_change)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(self.no_delete)


class InterferenceRecord(AppendOnly):
    """插手干预记录 (004 干预插手案件记录规定 第四条、第六条): who interfered, how, when, in which case.
    Append-only: never changed or removed by anyone; a correction is a new entry naming the original."""

    no_change = "干预插手记录只能追加，不能修改；如需更正，请新增一条更正记录。"
    no_delete = "干预插手记录只能追加，不能删除。"

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    occurred_at = models.DateTimeField("发生时间")
    interferer_name = models.CharField("干预人姓名", max_length=50)
    interferer_unit = models.CharField("干预人单位及职务", max_length=100)
    kind = models.CharField("情形", max_length=32)  # interference_kinds (第八条; 第四条 guidance)
    kind_label = models.CharField("情形", max_length=100)
    article = models.CharField("依据", max_length=100)
    manner = models.CharField("方式", max_length=16, choices=MANNERS)
    case_ref = models.CharField("所涉案件", max_length=200)
    matter = models.ForeignKey("casework.Matter", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name="监督事项")
    content = models.TextField("干预内容及办案人员处理情况")
    corrects = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="corrections", verbose_name="更正的记录")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="记录人")
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)
    # 第九条: the referral of the interferer (or of whoever retaliated) to the discipline or judicial organs — the one
    # column ever set after the entry, once, by referrals.services.refer through `link_referral`
    referral = models.OneToOneField("referrals.Referral", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="interference_record", verbose_name="移送")

    class Meta:
        verbose_name = "干预插手记录"
        verbose_name_plural = "干预插手记录"
        ordering = ["-recorded_at", "-pk"]
        permissions = [("record_interference", "可记录干预插手案件情况"),
                       ("summarise_interference", "可查看干预插手记录汇总")]

    def __str__(self) -> str:
        return f"{self.recorded_at:%Y-%m-%d} {self.interferer_name}（{self.kind_label}）"

    def link_referral(self, referral) -> None:
        """The entry stays as written: only its empty `referral` is filled, once (第九条 移送)."""
        if not type(self)._base_manager.filter(pk=self.pk, referral__isnull=True).update(referral=referral):
            raise ValidationError("该干预插手记录已移送，不能重复移送。")
        self.referral = referral



class InterferenceLapse(AppendOnly):
    """干预 第十条: a case officer who did not record, or did not truthfully record, an interference — itself a
    record, counted per officer: the first time 警告、通报批评, twice or more the disciplinary sanction of the
    profile; a leader who instructed it (授意) held to account more strictly. Append-only, like the records."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="+",
                               verbose_name="办案人员所在机关")
    officer_name = models.CharField("办案人员", max_length=50)
    kind = models.CharField("情形", max_length=32)  # interference_lapse_kinds
    kind_label = models.CharField("情形", max_length=100)
    found_on = models.DateField("认定日期")
    case_ref = models.CharField("所涉案件", max_length=200)
    facts = models.TextField("查明的事实")
    record = models.ForeignKey(InterferenceRecord, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="lapses", verbose_name="相关干预插手记录")
    count = models.PositiveSmallIntegerField("累计次数")  # this officer's lapses, this one included
    measure = models.CharField("处理", max_length=200)
    article = models.CharField("依据", max_length=100)
    instigator_name = models.CharField("授意的领导干部", max_length=50, blank=True)
    instigator_post = models.CharField("授意领导干部单位及职务", max_length=100, blank=True)
    instigator_measure = models.CharField("对授意领导干部的处理", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "不记录或不如实记录干预情况"
        verbose_name_plural = "不记录或不如实记录干预情况"
        ordering = ["-found_on", "-pk"]
        permissions = [("handle_interference", "可认定不记录干预情况、登记干预通报和处理")]

    def __str__(self) -> str:
        return f"{self.found_on:%Y-%m-%d} {self.officer_name}（{self.kind_label}，第{self.count}次）"



NOTICE, HANDLING = "notice", "handling"


class InterferenceAction(AppendOnly):
    """What followed an interference record: the 通报 after approval under personnel authority, made public
    where necessary (干预 第八条), or the handling of the interferer or of retaliation against the officer
    who recorded it (第九条). Append-only."""

    record = models.ForeignKey(InterferenceRecord, on_delete=models.PROTECT, related_name="actions",
                               verbose_name="干预插手记录")
    action = models.CharField("类别", max_length=16, choices=[(NOTICE, "通报"), (HANDLING, "处理")])
    kind = models.CharField("处理情形", max_length=32, blank=True)  # interference_handling_kinds
    kind_label = models.CharField("处理情形", max_length=100, blank=True)
    article = models.CharField("依据", max_length=100)
    person_name = models.CharField("被处理人", max_length=50, blank=True)
    authority = models.CharField("批准机关 / 处理机关", max_length=100)
    approved_on = models.DateField("批准日期", null=True, blank=True)
    decided_on = models.DateField("通报 / 处理日期")
    scope = models.CharField("通报范围", max_length=200, blank=True)
    published = models.BooleanField("向社会公开", default=False)
    # 第八条 必要时可以向社会公开: the public notice page the 通报 was published as
    public_page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="公开的通报页面")
    content = models.TextField("内容")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "干预插手通报和处理"
        verbose_name_plural = "干预插手通报和处理"
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}：第{self.record_id}号记录"

