"""Supervision activities and attendance, recusal (回避), absence findings, opinions and leads.

Every rule these records follow comes from the jurisdiction's profile; the article that applied is
stored on the record so screens can show it beside the result."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supervisors.models import Supervisor

# ------------------------------------------------------------------ activities and attendance
INSPECTION, CASEFILE_REVIEW, MEETING, TRAINING = "inspection", "casefile_review", "meeting", "training"
ACTIVITY_KINDS = [
    (INSPECTION, "执法检查"),
    (CASEFILE_REVIEW, "案卷评查"),
    (MEETING, "会议"),
    (TRAINING, "培训"),
    # supervisors take part in reviewing normative documents filed for the record (002 第十条第（一）项)
    ("normative_review", "规范性文件审查备案"),
    # organised by an enforcement agency that invites supervisors (000 第九条第（四）项; the profile's
    # agency_invitation_kinds says which a jurisdiction's rules provide)
    ("case_discussion", "重大行政执法案件集体讨论"),
    ("hearing", "行政执法听证会"),
    ("appraisal", "论证会"),
]
AGENCY_KINDS = ("case_discussion", "hearing", "appraisal")

INVITED, PRESENT, EXCUSED, UNEXCUSED, RECUSED = "invited", "present", "excused", "unexcused", "recused"
INVITATION_STATUS = [
    (INVITED, "已邀请"),
    (PRESENT, "出席"),
    (EXCUSED, "请假"),
    (UNEXCUSED, "无故缺席"),
    (RECUSED, "回避"),
]
ATTENDANCE_CHOICES = [(PRESENT, "出席"), (EXCUSED, "请假"), (UNEXCUSED, "无故缺席")]

NOT_DECLARED, DECLARED_NONE, DECLARED_CONFLICT = "", "none", "conflict"
DECLARATION_CHOICES = [
    (NOT_DECLARED, "未声明"),
    (DECLARED_NONE, "声明无回避情形"),
    (DECLARED_CONFLICT, "声明需回避"),
]


class Activity(models.Model):
    """A supervision activity the bureau organises (000 第十三条第（一）项; 002 第四条)."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    kind = models.CharField("活动类型", max_length=32, choices=ACTIVITY_KINDS)
    title = models.CharField("活动名称", max_length=200)
    held_on = models.DateField("活动日期", db_index=True)
    place = models.CharField("地点", max_length=200)
    agency = models.ForeignKey(
        "casework.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="涉及执法机关",
        help_text="执法检查、案卷评查涉及的行政执法机关（执法机关名录）；会议、培训可不填",
    )
    case_ref = models.CharField("涉及案件（案号）", max_length=100, blank=True)
    notes = models.TextField("说明", blank=True)
    # the enforcement agency that organises it and invites supervisors (000 第九条第（四）项); empty = the bureau
    organiser = models.ForeignKey("casework.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="组织机关", help_text="执法机关邀请监督员参加的活动；空白为司法局组织")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="安排人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监督活动"
        verbose_name_plural = "监督活动"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}：{self.title}"

    @property
    def touches_agency_or_case(self) -> bool:
        return bool(self.agency_id or self.case_ref)


class Invitation(models.Model):
    """One supervisor invited to one activity; attendance and the recusal declaration live here."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="invitations", verbose_name="监督活动"
    )
    supervisor = models.ForeignKey(
        Supervisor, on_delete=models.PROTECT, related_name="invitations", verbose_name="监督员"
    )
    status = models.CharField(
        "状态", max_length=16, choices=INVITATION_STATUS, default=INVITED, db_index=True
    )
    excuse_reason = models.CharField("请假事由", max_length=200, blank=True)
    declaration = models.CharField(
        "回避声明", max_length=16, choices=DECLARATION_CHOICES, blank=True, default=NOT_DECLARED
    )
    declared_at = models.DateTimeField("声明时间", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="登记人",
    )
    recorded_at = models.DateTimeField("登记时间", null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="邀请人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "活动邀请"
        verbose_name_plural = "活动邀请与出席"
        ordering = ["activity__held_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["activity", "supervisor"], name="one_invitation_each")]
        permissions = [("record_attendance", "可登记出席情况"), ("declare_conflict", "可作回避声明")]

    def __str__(self) -> str:
        return f"{self.supervisor.name} · {self.activity}"


class ConflictDeclaration(models.Model):
    """A conflict of interest on record (回避): declared by the supervisor or recorded by the bureau
    (001 第十条第二款: the bureau orders recusal). It keeps the supervisor off every activity on that
    agency — or, when a case is named, on that case."""

    DECLARED, RECORDED = "declared", "recorded"
    supervisor = models.ForeignKey(
        Supervisor, on_delete=models.PROTECT, related_name="conflicts", verbose_name="监督员"
    )
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="+",
                               verbose_name="执法机关")
    case_ref = models.CharField(
        "案件（案号）", max_length=100, blank=True, help_text="空 = 涉及该机关的全部活动"
    )
    ground = models.CharField("回避情形", max_length=32)
    ground_label = models.CharField("回避情形说明", max_length=200)
    article = models.CharField("依据条款", max_length=120)
    origin = models.CharField(
        "来源", max_length=16, choices=[(DECLARED, "监督员自行声明"), (RECORDED, "司法局登记/要求回避")]
    )
    activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conflicts",
        verbose_name="声明时的活动",
    )
    note = models.TextField("情况说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "回避记录"
        verbose_name_plural = "回避记录"
        ordering = ["-created_at"]
        permissions = [("order_recusal", "可登记回避、要求回避")]

    def __str__(self) -> str:
        scope = f"{self.agency}{'·' + self.case_ref if self.case_ref else ''}"
        return f"{self.supervisor.name} 回避 {scope}（{self.ground_label}）"


class AbsenceFinding(models.Model):
    """The absence rule fired: these unexcused absences meet the profile's threshold
    (000 第十八条第（三）项 within one year; 001 第十六条第（六）项 / 002 第十五条第（二）项 consecutive)."""

    supervisor = models.ForeignKey(
        Supervisor, on_delete=models.PROTECT, related_name="absence_findings", verbose_name="监督员"
    )
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    absences = models.ManyToManyField(Invitation, related_name="findings", verbose_name="认定的缺席")
    # sorted invitation ids: one finding per triggering set, enforced by the database
    absence_key = models.CharField("缺席组合", max_length=200)
    mode = models.CharField(
        "规则方式", max_length=16, choices=[("within_year", "一年内累计"), ("consecutive", "连续")]
    )
    threshold = models.PositiveSmallIntegerField("次数")
    rule_text = models.CharField("规则", max_length=200)
    article = models.CharField("依据条款", max_length=120)
    explanation = models.TextField("认定说明")
    created_at = models.DateTimeField("认定时间", auto_now_add=True)

    class Meta:
        verbose_name = "无故缺席认定"
        verbose_name_plural = "无故缺席认定"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["supervisor", "absence_key"], name="one_finding_per_set")
        ]

    def __str__(self) -> str:
        return f"{self.supervisor.name}：{self.rule_text}（{self.article}）"


# ------------------------------------------------------------------ opinions and leads
OPINION, LEAD = "opinion", "lead"
OPINION_KINDS = [(OPINION, "意见建议"), (LEAD, "违法线索")]
SUBMITTED, FORWARDED, ANSWERED, CLOSED = "submitted", "forwarded", "answered", "closed"
OPINION_STATUS = [
    (SUBMITTED, "已提交"),
    (FORWARDED, "已转送执法机关"),
    (ANSWERED, "执法机关已反馈"),
    (CLOSED, "已办结"),
]
OUTCOMES = [
    ("adopted", "采纳并已整改"),
    ("rectifying", "采纳，限期整改中"),
    ("partly", "部分采纳"),
    ("unfounded", "经核查问题不成立"),
    ("other", "其他处理"),
]
CONFIDENTIAL_PARTY = "监督员（已申请保密）"


class Opinion(models.Model):
    """A supervisor's written opinion or lead about an agency (000 第十六条, 001 第十一条–第十五条,
    002 第十四条). A confidential lead (001 第十四条) never shows the supervisor to the agency."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    supervisor = models.ForeignKey(
        Supervisor, on_delete=models.PROTECT, related_name="opinions", verbose_name="监督员"
    )
    kind = models.CharField("类型", max_length=16, choices=OPINION_KINDS)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="opinions",
                               verbose_name="涉及执法机关")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    confidential = models.BooleanField("申请保密", default=False)
    status = models.CharField("状态", max_length=16, choices=OPINION_STATUS, default=SUBMITTED, db_index=True)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    forwarded_on = models.DateField("转送日期", null=True, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="转送人",
    )
    forward_note = models.TextField("转送说明", blank=True)
    answer = models.TextField("执法机关反馈", blank=True)
    # 000 第十六条第三款: what cannot be corrected at once gets a stated rectification deadline
    rectify_by = models.DateField("整改期限", null=True, blank=True)
    # … and the agency then reports to the bureau how it adopted the opinion and rectified (000 第十六条第三款)
    rectification_report = models.TextField("采纳和整改情况报告", blank=True)
    rectification_reported_on = models.DateField("整改情况报送日期", null=True, blank=True)
    rectification_reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="整改情况报送人",
    )
    answered_at = models.DateTimeField("反馈时间", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="反馈人",
    )
    outcome = models.CharField("办理结果", max_length=16, choices=OUTCOMES, blank=True)
    outcome_note = models.TextField("结果说明", blank=True)
    decided_on = models.DateField("办结日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="办结人",
    )
    decision = models.OneToOneField(
        "decisions.DecisionRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="决定记录",
    )

    class Meta:
        verbose_name = "意见建议/违法线索"
        verbose_name_plural = "意见建议/违法线索"
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("submit_opinion", "可提交意见建议、违法线索"),
            ("forward_opinion", "可转送意见建议"),
            ("answer_opinion", "可答复转送的意见建议"),
            ("decide_opinion", "可登记办理结果"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    @property
    def rectification_due(self) -> bool:
        """The agency stated a deadline and has not yet reported its rectification (000 第十六条第三款)."""
        return bool(self.rectify_by and not self.rectification_reported_on and self.status in (ANSWERED, CLOSED))

    def party_for_agency(self) -> str:
        """How the submitter is named to the agency: never by name when confidential (001 第十四条)."""
        return CONFIDENTIAL_PARTY if self.confidential else self.supervisor.name


class ActivitySupport(models.Model):
    """Transport, meal and accident-insurance support for one participant of one activity (002 第四条第（五）项),
    where the profile's activity_support lists them."""

    invitation = models.OneToOneField(Invitation, on_delete=models.PROTECT, related_name="support",
                                      verbose_name="参加人（活动邀请）")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    transport = models.DecimalField("交通补助（元）", max_digits=8, decimal_places=2, default=0)
    meal = models.DecimalField("误餐补助（元）", max_digits=8, decimal_places=2, default=0)
    insured = models.BooleanField("已投保意外伤害保险", default=False)
    policy_no = models.CharField("保单号", max_length=64, blank=True)
    article = models.CharField("依据条款", max_length=100)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_on = models.DateField("登记日期")

    class Meta:
        verbose_name = "活动保障"
        verbose_name_plural = "活动保障"
        ordering = ["invitation__activity__held_on", "pk"]
        permissions = [("record_support", "登记监督员参加活动的交通、误餐、保险保障（经办人）")]

    def __str__(self) -> str:
        return f"{self.invitation}：交通{self.transport}元，误餐{self.meal}元"
