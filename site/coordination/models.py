"""Dispute coordination between enforcement agencies (争议协调, 004 行政执法争议协调办法).

One `Dispute` per supervision matter (process="coordination"): the applicant is the matter's agency,
the other agencies are `parties`. The clocks live on the matter (casework.selectors.matter_clocks)."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from casework.models import Agency, Matter
from flows.models import CaseProcess

# where a dispute stands, in the order of 第十二条 → 第十八条、第十九条: derived (Dispute.state), never stored
RECEIVED, SUPPLEMENT, ACCEPTED, AGREED, OPINION, PROPOSED, REFUSED, WITHDRAWN, DONE = (
    "received", "supplement", "accepted", "agreed", "opinion", "proposed", "refused", "withdrawn", "done")
DECIDED = "decided"
STATES = [
    (RECEIVED, "已收到申请，待审查"),                 # 第十二条
    (SUPPLEMENT, "待补正材料"),                       # 第十二条第（二）项
    (ACCEPTED, "已受理，协调中"),                     # 第十二条第（一）项、第十四条
    (AGREED, "已达成一致，待报请区政府同意"),          # 第十八条第（一）项
    (OPINION, "已制发协调意见书，监督执行"),          # 第十八条第（一）项、第十九条
    (PROPOSED, "未达成一致，已报请区政府决定"),        # 第十八条第（二）项
    (DECIDED, "区政府已作出决定，监督执行"),          # 第二十条
    (REFUSED, "不予受理"),                            # 第十二条第（三）项
    (WITHDRAWN, "逾期未补正，视为放弃申请"),          # 第十二条第（二）项
    (DONE, "已办结"),
]
ACTIVE = (RECEIVED, SUPPLEMENT, ACCEPTED, AGREED)  # stand-still (第十六条) until opinion or proposal


class Dispute(models.Model):
    matter = models.OneToOneField(Matter, on_delete=models.PROTECT, related_name="dispute", verbose_name="监督事项")
    parties = models.ManyToManyField(Agency, related_name="disputes_as_party", verbose_name="被申请（相关）机关")
    bureau_opened = models.BooleanField("区司法局主动协调", default=False)  # 第十条第二款、第十三条
    category = models.CharField("争议类型", max_length=32)                  # 第七条 (profile choices)
    negotiation = models.TextField("自行协商情况及分歧意见", blank=True)    # 第九条、第十一条第（一）项
    proposal_text = models.TextField("协调建议及理由", blank=True)          # 第十一条第（一）项
    received_on = models.DateField("收到申请日期")
    supplement_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    refusal_ground = models.CharField("不予受理理由", max_length=32, blank=True)  # 第八条 (profile choices)
    withdrawn_on = models.DateField("视为放弃申请日期", null=True, blank=True)  # 第十二条第（二）项
    result = models.TextField("协调结果和意见", blank=True)                  # 第十八条
    agreed = models.BooleanField("是否达成一致", null=True, blank=True)       # 第十八条: None until concluded
    consent_on = models.DateField("区政府同意日期", null=True, blank=True)
    # 第十八条第（二）项、第二十条: the district government's decision on the proposal, as recorded by the bureau
    decided_by = models.CharField("作出决定的机关", max_length=100, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_text = models.TextField("调处决定内容", blank=True)
    decision_attachment = models.ForeignKey("casework.Attachment", null=True, blank=True, on_delete=models.PROTECT,
                                            related_name="+", verbose_name="决定文件")
    decision_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                             on_delete=models.PROTECT, related_name="+", verbose_name="登记人")
    # 第十九条: an agency refusing to execute the opinion gets a 监督意见书 (a letter matter of its own)
    letter_matters = models.ManyToManyField(Matter, blank=True, related_name="+", verbose_name="监督意见书事项")
    finished_on = models.DateField("监督执行完毕日期", null=True, blank=True)  # 第十九条、第二十条
    # 第十四条末句、第二十二条: a time limit set by a law, regulation or rule prevails over the 7 working days
    statutory_basis = models.CharField("规定办理时限的法律、法规、规章及条款", max_length=200, blank=True)
    statutory_n = models.PositiveSmallIntegerField("法定办理时限", null=True, blank=True)
    statutory_unit = models.CharField("时限单位", max_length=16, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "行政执法争议协调"
        verbose_name_plural = "行政执法争议协调"
        permissions = [("handle_dispute", "可办理行政执法争议协调"),
                       ("approve_dispute", "可批准延长争议协调期限、签发协调意见")]

    def __str__(self) -> str:
        return f"{self.matter.number} {self.matter.title}"

    @property
    def jurisdiction(self) -> str:
        return self.matter.jurisdiction

    @property
    def state(self) -> str:
        """Where the dispute stands, read from what was recorded (a refusal, an agreement, the consent, the
        government's decision …) and, before acceptance, from the step waiting in its flow (审查 or 补正).
        Nothing writes it: the flow's gates read the same facts."""
        if self.refusal_ground:
            return REFUSED
        if self.withdrawn_on:
            return WITHDRAWN
        if self.finished_on:
            return DONE
        if self.decided_on:
            return DECIDED
        if self.agreed is False:
            return PROPOSED
        if self.consent_on:
            return OPINION
        if self.agreed:
            return AGREED
        if self.accepted_on:
            return ACCEPTED
        return SUPPLEMENT if self.waiting_at("supplement") else RECEIVED

    def get_state_display(self) -> str:
        return dict(STATES)[self.state]

    def waiting_at(self, node_name: str) -> bool:
        """Whether the dispute's flow waits at `node_name` (a task not yet done)."""
        from flows.stage import ACTIVE as OPEN

        if self.pk is None:
            return False
        return DisputeProcess.objects.filter(
            artifact_object_id=self.pk, flow_class="coordination/flows.CoordinationFlow",
            task__flow_task=f"coordination/flows.CoordinationFlow.{node_name}", task__status__in=OPEN).exists()

    @property
    def stand_still(self) -> bool:
        """第十六条: no unilateral enforcement on the disputed matter until the opinion or the government's
        decision; only while the matter is being coordinated."""
        return self.state in (ACCEPTED, AGREED) or (self.bureau_opened and self.state in ACTIVE)

    def all_agencies(self) -> list[Agency]:
        return [self.matter.agency, *self.parties.exclude(pk=self.matter.agency_id).order_by("name")]


class Answer(models.Model):
    """被申请机关答复意见 (第十二条第（一）项) or the 情况说明 of a bureau-opened coordination (第十三条)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="answers")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name="机关")
    received_on = models.DateField("收到答复日期")
    text = models.TextField("答复意见")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "答复意见"
        verbose_name_plural = "答复意见"
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"答复 #{self.pk}"


class Proceeding(models.Model):
    """第十五条: an investigation, the views of the agencies or of the 机构编制 department heard, a meeting of
    the agencies' heads, or an expert 论证 — what was done, when, with whom, and what came of it."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="proceedings")
    kind = models.CharField("方式", max_length=32)  # dispute_proceeding_kinds
    kind_label = models.CharField("方式", max_length=100)
    article = models.CharField("依据", max_length=100)
    held_on = models.DateField("日期")
    participants = models.CharField("参加单位及人员", max_length=300)
    content = models.TextField("情况及意见")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "调查、听取意见、协调会议和论证"
        verbose_name_plural = "调查、听取意见、协调会议和论证"
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.kind_label}"


class Emergency(models.Model):
    """第十六条: while the coordination runs, an agency's enforcement on the disputed matter — one concerning
    public or personal safety, a request to the district government for urgent enforcement (its decision
    recorded later), or a temporary measure."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="emergencies")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name="机关")
    kind = models.CharField("情形", max_length=32)  # dispute_emergency_kinds
    kind_label = models.CharField("情形", max_length=100)
    article = models.CharField("依据", max_length=100)
    occurred_on = models.DateField("日期")
    content = models.TextField("事项、理由及措施")
    government_decided_on = models.DateField("区政府决定日期", null=True, blank=True)
    government_decision = models.TextField("区政府决定", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "协调期间紧急执法"
        verbose_name_plural = "协调期间紧急执法"
        ordering = ["occurred_on", "pk"]

    def __str__(self) -> str:
        return f"{self.occurred_on:%Y-%m-%d} {self.kind_label}"

    @property
    def awaiting_government(self) -> bool:
        return self.kind == "request" and self.government_decided_on is None


class DisputeProcess(CaseProcess):
    """The coordination flow's process (viewflow), in the dispute's case file."""

    class Meta:
        proxy = True
        verbose_name = "争议协调流程"
        verbose_name_plural = "争议协调流程"

    @property
    def dispute(self) -> Dispute:
        return Dispute.objects.select_related("matter__agency").get(pk=self.artifact_object_id)
