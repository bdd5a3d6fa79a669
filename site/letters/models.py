"""The supervision letter of a matter (Enshi 监督建议书 003 第二十六条—第三十一条; Wulong 监督意见书 004
监督意见书制度), the agency's objection (复查申请) and its reports (整改/执行情况报告).

A matter may carry several letters (一案一档: a complaint's file holds the letter its finding leads to and
the correction order for obstructing its investigation); each is addressed to the matter's agency or to
another party of it (`agency`). The viewflow process (letters/flows.py, `LetterProcess`) owns where it stands:
its waiting tasks; `state` is the flow's mirror for lists and filters, written in one place by the flow
(`letters.flows.record_state`, on entering a step), never by a service. The clocks (subject = the matter)
hold the dates."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from flows.models import CaseProcess
from held_rows import held_row
from referrals.models import Referable, SeriousCaseOutcome

# state of the letter (the flow's step, letters.flows.STATE_OF), in the order the process goes through them
DRAFTING, SIGNING, SERVING, RECTIFYING, REVIEWING = "drafting", "signing", "serving", "rectifying", "reviewing"
OVERDUE, DECISION_SIGNING, DECISION_SERVING = "overdue", "decision_signing", "decision_serving"
EXECUTING, ESCALATING, CLOSED, TERMINATED = "executing", "escalating", "closed", "terminated"
# a correction order issued directly, without a letter first (004 监督意见书制度 第十条; 争议协调办法 第二十条)
ORDERING = "ordering"
STATES = [
    (ORDERING, "起草责令限期纠正通知书"), (DRAFTING, "起草中"), (SIGNING, "待负责人签发"), (SERVING, "待送达"), (RECTIFYING, "整改期内"),
    (REVIEWING, "复查中"), (OVERDUE, "整改逾期，起草逾期处理文书"),
    (DECISION_SIGNING, "逾期处理文书待签发"), (DECISION_SERVING, "逾期处理文书待送达"),
    (EXECUTING, "执行（纠正）期内"), (ESCALATING, "仍未纠正，待约谈/移送/通报"), (CLOSED, "已办结"),
    (TERMINATED, "已终止监督"),
]
OPEN_STATES = {s for s, _ in STATES} - {CLOSED, TERMINATED}


class Letter(SeriousCaseOutcome):
    matter = models.ForeignKey("casework.Matter", on_delete=models.PROTECT, related_name="letters",
                               verbose_name="监督事项")
    # the addressee where it is not the matter's agency (another party, e.g. of a dispute); see `addressee`
    agency = models.ForeignKey("casework.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="被监督机关")
    # written only by the flow (letters.flows.record_state): the step it waits at, for lists and filters
    state = models.CharField("状态", max_length=24, choices=STATES, default=DRAFTING, db_index=True, editable=False)
    ground = models.CharField("制发情形", max_length=40)
    ground_label = models.CharField("制发情形（名称）", max_length=100)
    ground_article = models.CharField("制发情形依据", max_length=64)
    findings = models.TextField("查明的事实与违法（不当）之处")
    request = models.TextField("监督建议（意见）及纠正要求")
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="起草人")
    sign_note = models.CharField("签发意见", max_length=200, blank=True)
    document = models.ForeignKey("casework.Document", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name="监督文书")
    # the rectification clock currently running (restarted after a rejected objection where the profile says)
    rectify_clock = models.ForeignKey("clocks.Clock", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name="整改时限")
    # the overdue document: Enshi 监督决定书 (003 第二十八条), Wulong 责令限期纠正通知书 (004 第十条)
    decision_order = models.CharField("责令事项", max_length=32, blank=True)
    decision_text = models.TextField("逾期处理文书正文要点", blank=True)
    decision_document = models.ForeignKey("casework.Document", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+", verbose_name="逾期处理文书")
    decision_clock = models.ForeignKey("clocks.Clock", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name="执行（纠正）报告时限")
    typical_case_page_id = models.PositiveIntegerField("典型案例页面", null=True, blank=True)
    # referral / not_serious_on (SeriousCaseOutcome): 情节严重 after the order ran out or the 通报 (争议协调 第二十条;
    # 通报 第六条)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监督建议书（意见书）"
        verbose_name_plural = "监督建议书（意见书）"
        ordering = ["-created_at"]
        permissions = [
            ("draft_letter", "可起草监督建议书（意见书）及逾期处理文书"),
            ("sign_letter", "可签发监督建议书（意见书）、决定书"),
            ("answer_letter", "可代表被监督机关申请复查、报送整改情况"),
            ("review_objection", "可作出复查答复（决定）"),
            ("accept_report", "可审核整改（执行）情况报告"),
        ]

    def __str__(self) -> str:
        return f"{self.matter.number} {self.matter.title}"

    @property
    def jurisdiction(self) -> str:
        return self.matter.jurisdiction

    @property
    def addressee(self):
        """The agency the letter is addressed to (whose liaison answers it)."""
        return self.agency if self.agency_id else self.matter.agency

    @property
    def is_direct_order(self) -> bool:
        """A correction order issued without a letter before it (started at ORDERING)."""
        return self.document_id is None and self.state not in (DRAFTING, SIGNING)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


PENDING, UPHELD, REJECTED = "pending", "upheld", "rejected"


class Objection(models.Model):
    """复查申请: Enshi 10 days of receipt, answered within 15 days of receiving it (003 第二十七条);
    Wulong 10 WD, decided within 15 WD, rectification not suspended (004 第九条)."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="objections")
    received_on = models.DateField("收到复查申请日期")
    reasons = models.TextField("异议理由及证据")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name="提交人")
    status = models.CharField("复查结果", max_length=16, default=PENDING,
                              choices=[(PENDING, "复查中"), (UPHELD, "异议成立"), (REJECTED, "异议不成立")])
    answer = models.TextField("复查意见", blank=True)
    answer_document = models.ForeignKey("casework.Document", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+", verbose_name="复查答复文书")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="复查人")
    decided_on = models.DateField("复查答复日期", null=True, blank=True)
    clock = models.ForeignKey("clocks.Clock", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "复查申请"
        verbose_name_plural = "复查申请"
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.letter} 复查申请（{self.received_on:%Y-%m-%d}）"


RECTIFICATION, EXECUTION = "rectification", "execution"


class Report(models.Model):
    """整改情况报告 (003 第二十七条第二款; 004 第八条) or 执行情况报告 (003 第二十八条第二款; 004 第十条)."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField("报告类别", max_length=16,
                            choices=[(RECTIFICATION, "整改情况报告"), (EXECUTION, "执行（纠正）情况报告")])
    submitted_on = models.DateField("报送日期")
    text = models.TextField("整改（执行）情况")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name="报送人")
    accepted = models.BooleanField("审核通过", null=True, blank=True)
    note = models.CharField("审核意见", max_length=300, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="审核人")

    class Meta:
        verbose_name = "整改（执行）情况报告"
        verbose_name_plural = "整改（执行）情况报告"
        ordering = ["submitted_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.submitted_on:%Y-%m-%d}）"


PROMINENT, AFTER_DECISION = "prominent", "after_decision"


class Interview(models.Model):
    """约谈 of an agency's head (003 第二十九条第二款): its own step in any matter of a jurisdiction whose profile
    has it — for violations that are prominent or of great impact, or once a 监督决定书 has been issued.
    Who took part, when and where, what was said and what the agency undertook; the 约谈记录 is its document."""

    matter = models.ForeignKey("casework.Matter", on_delete=models.PROTECT, related_name="interviews",
                               verbose_name="监督事项")
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="被约谈机关")
    basis = models.CharField("约谈情形", max_length=16, choices=[
        (PROMINENT, "违法或者不当等情况突出、造成重大影响"), (AFTER_DECISION, "已制发监督决定书")])
    article = models.CharField("依据条款", max_length=100)
    held_on = models.DateField("约谈日期")
    place = models.CharField("约谈地点", max_length=100)
    interviewers = models.CharField("约谈人（司法局）", max_length=200)
    interviewees = models.CharField("被约谈人（被监督机关负责人）", max_length=200)
    reason = models.TextField("约谈事由")
    said = models.TextField("约谈内容")
    undertaking = models.TextField("被监督机关的承诺（整改措施和期限）")
    document = models.ForeignKey("casework.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 verbose_name="约谈记录")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "约谈"
        verbose_name_plural = "约谈"
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} 约谈{self.agency}"


class CooperationRefusal(Referable):
    """意见书 第六条、第十条: an agency refused or obstructed the supervision (recorded by the bureau, in the matter
    where it happened); it leads to a correction order in the same file (`letter`), then 通报 when not corrected
    in time (the letter's flow); a serious case is marked for referral (情节严重的，依法依规予以处理)."""

    matter = models.ForeignKey("casework.Matter", on_delete=models.PROTECT, related_name="cooperation_refusals",
                               verbose_name="监督事项")
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="执法机关")
    kind = models.CharField("情形", max_length=32)  # profile cooperation_refusals
    kind_label = models.CharField("情形", max_length=100)
    article = models.CharField("依据", max_length=100)
    occurred_on = models.DateField("发生日期")
    facts = models.TextField("事实")
    serious = models.BooleanField("情节严重，需依法依规处理（移送）", default=False)
    serious_reason = models.TextField("情节严重的理由", blank=True)
    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="责令限期纠正")
    # where the rules hand a refusal to accountability instead (003 第二十五条 → 第三十二条第一款第（四）项):
    # the case it opened, or the one an earlier refusal of the matter opened
    case = models.ForeignKey("accountability.Case", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+", verbose_name="责任追究案件")
    # referral (Referable): 第十条 情节严重的，依法依规予以处理, a serious refusal handed on
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "不配合监督记录"
        verbose_name_plural = "不配合监督记录"
        ordering = ["occurred_on", "pk"]

    def __str__(self) -> str:
        return f"{self.agency}：{self.kind_label}"


class SupervisionMeasure(models.Model):
    """A supervision measure taken in a matter (003 第二十三条: 听取说明、调取案卷、实地调查、委托鉴定、询问、座谈会…):
    when, by whom, towards whom, what was found — the record of the investigation on which a 监督建议书 rests
    (第二十六条 经调查属实). The materials obtained are the matter's attachments."""

    matter = models.ForeignKey("casework.Matter", on_delete=models.PROTECT, related_name="supervision_measures",
                               verbose_name="监督事项")
    kind = models.CharField("措施", max_length=32)  # profile supervision_measures
    kind_label = models.CharField("措施", max_length=100)
    article = models.CharField("依据", max_length=100)
    taken_on = models.DateField("日期")
    staff = models.CharField("监督人员", max_length=200)
    subjects = models.CharField("对象（被听取说明、被询问的人员，受托组织，调取的材料等）", max_length=200)
    content = models.TextField("情况")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监督措施记录"
        verbose_name_plural = "监督措施记录"
        ordering = ["taken_on", "pk"]

    def __str__(self) -> str:
        return f"{self.taken_on:%Y-%m-%d} {self.kind_label}"


class LetterProcess(CaseProcess):
    """A process of the letter flow in its case file: the letter's own process (artifact = the letter) or the
    review of an objection to it (artifact = the objection)."""

    class Meta:
        proxy = True
        verbose_name = "监督建议书（意见书）流程"
        verbose_name_plural = "监督建议书（意见书）流程"

    @property
    def objection(self) -> Objection | None:
        obj = self.artifact
        return obj if isinstance(obj, Objection) else None

    @property
    def letter(self) -> Letter:
        """The letter, read afresh (a task's service saved its own copy; a cached artifact is stale), or the
        one the running service holds locked (held_rows.held)."""
        letter_id = self.data.get("letter") if isinstance(self.data, dict) else None
        if letter_id is None:
            obj = self.artifact
            letter_id = obj.letter_id if isinstance(obj, Objection) else obj.pk
        in_hand = held_row(Letter, letter_id)
        if in_hand is not None:
            return in_hand
        # with the agency its liaison answers for, in one query
        return Letter.objects.select_related("agency", "matter__agency").get(pk=letter_id)
