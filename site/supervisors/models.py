"""The supervisor register (监督员名册): people, their terms of office, certificates and cards.

Campaigns, applications and reviews live beside these (added by the lifecycle work); this module
holds the records every other part refers to."""
from django.conf import settings
from django.core.validators import validate_email
from django.db import models

from crypto_fields import BlindIndexField, EncryptedCharField
from masking import mask_contact, mask_id

GENDERS = [("male", "男"), ("female", "女")]
YES_NO = [(True, "是"), (False, "否")]  # admin lists and detail views say 是/否, not True/False


def jurisdiction_choices():
    """辖区 codes with their names (lists and filters show 重庆市万州区, not `wanzhou`)."""
    from rules.profiles_data import PROFILES

    return [(code, data["name"]) for code, data in PROFILES.items()]


class MaskedMixin:
    """List columns for admin screens: masked ID number and phone."""

    def masked_id_number(self) -> str:
        return mask_id(self.id_number)

    masked_id_number.short_description = "身份证号"

    def masked_phone(self) -> str:
        return mask_contact(self.phone)

    masked_phone.short_description = "联系电话"

SERVING, DISMISSED, ENDED, CANDIDATE = "serving", "dismissed", "ended", "candidate"
# a term ended where the profile has no automatic end (001 第五条): not serving, waiting for the
# bureau's decision (renew or not) on the dashboard
AWAITING = "awaiting"
SUPERVISOR_STATUS = [(CANDIDATE, "拟聘"), (SERVING, "在聘"), (AWAITING, "聘期届满待决定"), (DISMISSED, "已解聘"),
                     (ENDED, "聘期届满")]


class Supervisor(MaskedMixin, models.Model):
    """One person on a jurisdiction's register. Personal data (ID number, phone, address) is
    staff-only: never on a public page, masked in lists."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    name = models.CharField("姓名", max_length=32)
    gender = models.CharField("性别", max_length=8, choices=GENDERS)
    birth_date = models.DateField("出生日期")
    id_number = EncryptedCharField("身份证号", max_length=18)  # encrypted at rest (crypto_fields)
    id_number_hash = BlindIndexField("身份证号检索码", source="id_number")
    phone = EncryptedCharField("联系电话", max_length=32)
    address = EncryptedCharField("住址", max_length=200, blank=True)
    workplace = models.CharField("工作单位", max_length=100)
    post = models.CharField("职务", max_length=64, blank=True)
    education = models.CharField("学历", max_length=32, blank=True)
    source = models.CharField("人员类别", max_length=32, blank=True, help_text="规则配置 candidate_sources 的代码")
    recommending_unit = models.CharField("推荐单位", max_length=100, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="supervisor", verbose_name="登录账号")
    status = models.CharField("状态", max_length=16, choices=SUPERVISOR_STATUS, default=CANDIDATE, db_index=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "监督员"
        verbose_name_plural = "监督员名册"
        ordering = ["jurisdiction", "name"]
        constraints = [models.UniqueConstraint(
            fields=["jurisdiction", "id_number_hash"], name="one_register_entry_per_person",
            violation_error_message="本辖区监督员名册中已有该身份证号码的人员。")]

    def __str__(self) -> str:
        return f"{self.name}（{self.workplace}）"

    @property
    def current_term(self):
        """The term in force, or the expired one awaiting a renewal decision."""
        return self.terms.filter(status__in=[Term.ACTIVE, Term.EXPIRED]).order_by("-start").first()


class Term(models.Model):
    """A term of office (聘任期) with its certificate (聘书) and card (证件) numbers."""

    ACTIVE, RENEWED, ENDED, DISMISSED = "active", "renewed", "ended", "dismissed"
    EXPIRED = "expired"  # past its end, no automatic end in the profile: awaiting a decision
    supervisor = models.ForeignKey(Supervisor, on_delete=models.PROTECT, related_name="terms", verbose_name="监督员")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    number = models.PositiveSmallIntegerField("连续第几届", default=1)
    start = models.DateField("聘任起始日")
    end = models.DateField("聘任届满日")
    article = models.CharField("聘期依据", max_length=100)
    certificate_no = models.CharField("聘书编号", max_length=32)
    card_no = models.CharField("证件编号", max_length=32, blank=True,
                               help_text="规则配置 appointment_documents 不含证件（如001）时为空")
    agreement_signed_on = models.DateField("志愿服务协议签订日", null=True, blank=True)
    status = models.CharField("状态", max_length=16, default=ACTIVE, db_index=True, choices=[
        (ACTIVE, "在聘"), (EXPIRED, "届满待决定"), (RENEWED, "已续聘"), (ENDED, "期满解聘"), (DISMISSED, "提前解聘")])
    documents_recovered_on = models.DateField("聘书证件收回日", null=True, blank=True)

    class Meta:
        verbose_name = "聘任期"
        verbose_name_plural = "聘任期"
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "certificate_no"], name="unique_certificate_no"),
            models.UniqueConstraint(fields=["jurisdiction", "card_no"], condition=~models.Q(card_no=""),
                                    name="unique_card_no"),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor.name} 第{self.number}届（{self.start}至{self.end}）"


# ------------------------------------------------------------------ recruitment and renewal campaigns
EDUCATION_LEVELS = [  # ordered low to high: a profile's education_min names the lowest acceptable code
    ("junior_high", "初中及以下"), ("high_school", "高中（中专）"), ("junior_college", "大专"),
    ("bachelor", "大学本科"), ("master", "硕士研究生"), ("doctor", "博士研究生"),
]
EDUCATION_RANK = {code: i for i, (code, _) in enumerate(EDUCATION_LEVELS)}


class Campaign(models.Model):
    """选聘活动 (or a renewal round, 续聘): places, deadline, its notices and the process driving it."""

    RECRUITMENT, RENEWAL = "recruitment", "renewal"
    OPEN, REVIEW, PUBLICITY, DONE, CANCELLED = "open", "review", "publicity", "done", "cancelled"
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    kind = models.CharField("类型", max_length=16, default=RECRUITMENT,
                            choices=[(RECRUITMENT, "选聘"), (RENEWAL, "续聘")])
    title = models.CharField("名称", max_length=100)
    places = models.PositiveSmallIntegerField("拟聘名额")
    deadline = models.DateField("报名截止日")
    description = models.TextField("选聘说明", blank=True)
    status = models.CharField("状态", max_length=16, default=OPEN, db_index=True, choices=[
        (OPEN, "报名中"), (REVIEW, "审查中"), (PUBLICITY, "公示中"), (DONE, "已完成"), (CANCELLED, "已撤销")])
    opened_on = models.DateField("发布日期")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name="发起人")
    notice_page_id = models.PositiveIntegerField("选聘公告页面", null=True, blank=True)
    shortlist_approved = models.BooleanField("名单已批准", default=False, choices=YES_NO)
    shortlist_note = models.TextField("审批意见", blank=True)
    publicity_page_id = models.PositiveIntegerField("公示页面", null=True, blank=True, db_index=True)
    publicity_start = models.DateField("公示开始", null=True, blank=True)
    publicity_end = models.DateField("公示截止", null=True, blank=True)
    publicity_closed = models.BooleanField("公示期已届满", default=False, choices=YES_NO)
    appointment_page_id = models.PositiveIntegerField("聘任公告页面", null=True, blank=True)
    appointed_on = models.DateField("聘任日期", null=True, blank=True)

    class Meta:
        verbose_name = "选聘活动"
        verbose_name_plural = "选聘活动"
        ordering = ["-opened_on", "-pk"]
        permissions = [
            ("open_campaign", "发起选聘、录入报名"),
            ("review_application", "资格审查、处理异议（经办人）"),
            ("approve_shortlist", "批准拟聘名单、决定聘任（负责人）"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def accepting(self) -> bool:
        from django.utils import timezone

        return self.status == self.OPEN and self.kind == self.RECRUITMENT \
            and timezone.localdate() <= self.deadline


class Application(MaskedMixin, models.Model):
    """报名 (or a renewal candidacy). Personal data is staff-only; eligibility results keep their citations."""

    SELF, UNIT, DIRECTED = "self", "unit", "directed"
    PENDING, QUALIFIED, UNQUALIFIED = "pending", "qualified", "unqualified"
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="applications",
                                 verbose_name="选聘活动")
    name = models.CharField("姓名", max_length=32)
    gender = models.CharField("性别", max_length=8, choices=GENDERS)
    birth_date = models.DateField("出生日期")
    id_number = EncryptedCharField("身份证号", max_length=18)  # encrypted at rest (crypto_fields)
    id_number_hash = BlindIndexField("身份证号检索码", source="id_number")
    phone = EncryptedCharField("联系电话", max_length=32)
    address = EncryptedCharField("住址", max_length=200, blank=True)
    email = EncryptedCharField("电子邮箱", max_length=254, blank=True, validators=[validate_email])
    workplace = models.CharField("工作单位", max_length=100)
    post = models.CharField("职务", max_length=64, blank=True)
    education = models.CharField("学历", max_length=32, choices=EDUCATION_LEVELS)
    source = models.CharField("人员类别", max_length=32, blank=True)
    occupations = models.JSONField("从事的职业（排除项）", default=list, blank=True)
    records = models.JSONField("申报的不良记录", default=list, blank=True)
    # conditions the rules prefer (001 第七条第（三）项: 具有国家法律职业资格人员优先); never a bar
    preferences = models.JSONField("申报的优先条件", default=list, blank=True)
    intake = models.CharField("报名方式", max_length=16, default=SELF)
    recommending_unit = models.CharField("推荐单位", max_length=100, blank=True)
    recommending_unit_email = models.EmailField("推荐单位邮箱", blank=True)
    statement = models.TextField("个人简历及履职意愿", blank=True)
    materials_true = models.BooleanField("承诺材料真实", default=False, choices=YES_NO)
    applied_on = models.DateField("报名日期")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="录入人")
    renewal_of = models.ForeignKey(Term, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="renewal_applications", verbose_name="续聘的聘期")
    eligibility = models.JSONField("资格审查结果", default=list, blank=True)
    auto_passed = models.BooleanField("系统审查通过", default=False, choices=YES_NO)
    review_outcome = models.CharField("审查结论", max_length=16, default=PENDING, choices=[
        (PENDING, "待审查"), (QUALIFIED, "符合条件"), (UNQUALIFIED, "不符合条件")])
    review_overridden = models.BooleanField("人工改变系统结论", default=False, choices=YES_NO)
    review_reason = models.TextField("审查意见", blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="审查人")
    supervisor = models.ForeignKey(Supervisor, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="applications", verbose_name="名册记录")
    term = models.OneToOneField(Term, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="application", verbose_name="聘任期")
    refusal = models.CharField("未予聘任原因", max_length=200, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "报名"
        verbose_name_plural = "报名"
        ordering = ["campaign", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["campaign", "id_number_hash"], name="one_application_per_campaign",
            violation_error_message="该身份证号码已报名本次选聘，请勿重复提交。")]

    def __str__(self) -> str:
        return f"{self.name}（{self.workplace}）"

    def eligibility_summary(self) -> str:
        """Each check with its result, reason and article, for the admin's detail view."""
        return "\n".join(f"{'✓' if r['passed'] else '✗'} {r['label']}：{r['reason']}"
                         + (f"（{r['citation']}）" if r["citation"] else "") for r in self.eligibility)

    eligibility_summary.short_description = "资格审查结果及依据"


class NumberSequence(models.Model):
    """Certificate (聘书) and card (证件) numbers: one counter per jurisdiction, kind and year, row-locked."""

    jurisdiction = models.CharField(max_length=32)
    kind = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "kind", "year"], name="one_sequence")]


# ------------------------------------------------------------------ dismissal (解聘) and resignation (辞任)

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.kind} {self.year}：{self.last}"
class Dismissal(models.Model):
    PROPOSED, APPROVED, REJECTED = "proposed", "approved", "rejected"
    supervisor = models.ForeignKey(Supervisor, on_delete=models.PROTECT, related_name="dismissals",
                                   verbose_name="监督员")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    ground = models.CharField("解聘情形代码", max_length=32)
    ground_label = models.CharField("解聘情形", max_length=200)
    article = models.CharField("依据条款", max_length=100)
    statement = models.TextField("事实与理由（辞任为本人书面声明）")
    automatic = models.BooleanField("由缺席规则自动提出", default=False, choices=YES_NO)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="提出人")
    proposed_on = models.DateField("提出日期")
    status = models.CharField("状态", max_length=16, default=PROPOSED, db_index=True, choices=[
        (PROPOSED, "待决定"), (APPROVED, "决定解聘"), (REJECTED, "不予解聘")])
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="决定人")
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_note = models.TextField("决定意见", blank=True)
    notice_page_id = models.PositiveIntegerField("解聘公告页面", null=True, blank=True)
    unit_notified_on = models.DateField("告知推荐单位日期", null=True, blank=True)
    unit_notice = models.TextField("告知推荐单位记录", blank=True)
    documents_recovered_on = models.DateField("聘书证件收回日", null=True, blank=True)
    documents_note = models.CharField("收回情况", max_length=200, blank=True)
    # the yearly evaluation this proposal rests on (000 第七条第二款: adjustment by the record of duties)
    evaluation = models.ForeignKey("supervisors.Evaluation", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="dismissals", verbose_name="依据的年度履职评价")

    class Meta:
        verbose_name = "解聘"
        verbose_name_plural = "解聘"
        ordering = ["-proposed_on", "-pk"]
        permissions = [("propose_dismissal", "提出解聘（经办人）"), ("decide_dismissal", "决定解聘（负责人）")]

    def __str__(self) -> str:
        return f"解聘 {self.supervisor.name}：{self.ground_label}"


# ------------------------------------------------------------------ yearly evaluation, consents, referral, research
# (000 第七条第二款、第八条第（二）项、第十一条、第十三条第（五）项、第十七条; 001 第八条第（五）项、第十七条;
# 002 第四条第（六）项、第十一条第（五）项): which jurisdiction has which is its profile's (supervisors/duties.py).
class Evaluation(models.Model):
    """A supervisor's yearly evaluation: the year's record as counted when graded, and the bureau's grade."""

    supervisor = models.ForeignKey(Supervisor, on_delete=models.PROTECT, related_name="evaluations",
                                   verbose_name="监督员")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    year = models.PositiveSmallIntegerField("评价年度")
    invited = models.PositiveSmallIntegerField("受邀活动次数", default=0)
    present = models.PositiveSmallIntegerField("出席次数", default=0)
    excused = models.PositiveSmallIntegerField("请假次数", default=0)
    unexcused = models.PositiveSmallIntegerField("无故缺席次数", default=0)
    opinions = models.PositiveSmallIntegerField("意见建议件数", default=0)
    leads = models.PositiveSmallIntegerField("违法线索件数", default=0)
    reports = models.PositiveSmallIntegerField("提交调研报告篇数", default=0)
    grade = models.CharField("评价等次代码", max_length=32)
    grade_label = models.CharField("评价等次", max_length=32)
    article = models.CharField("依据条款", max_length=100)
    note = models.TextField("评价意见")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="评定人")
    decided_on = models.DateField("评定日期")
    decision = models.OneToOneField("decisions.DecisionRecord", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="决定记录")

    class Meta:
        verbose_name = "监督员年度履职评价"
        verbose_name_plural = "监督员年度履职评价"
        ordering = ["-year", "supervisor__name"]
        constraints = [models.UniqueConstraint(fields=["supervisor", "year"], name="one_evaluation_per_year",
                                               violation_error_message="该监督员本年度已评定。")]
        permissions = [("grade_evaluation", "评定监督员年度履职评价（负责人）"),
                       ("publish_commendation", "发布监督员表彰通报（负责人）")]

    def __str__(self) -> str:
        return f"{self.supervisor.name} {self.year}年度：{self.grade_label}"


class ConsentRequest(models.Model):
    """A supervisor asks the bureau beforehand: an activity in the supervisor's name, or a media interview."""

    ACTIVITY, MEDIA = "activity", "media"
    KINDS = [(ACTIVITY, "以监督员名义参加社会活动"), (MEDIA, "接受新闻媒体采访")]
    FIGURE = {ACTIVITY: "consent_activity_in_name", MEDIA: "consent_media_interview"}
    PENDING, APPROVED, REFUSED = "pending", "approved", "refused"
    supervisor = models.ForeignKey(Supervisor, on_delete=models.PROTECT, related_name="consent_requests",
                                   verbose_name="监督员")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    kind = models.CharField("事项", max_length=16, choices=KINDS)
    title = models.CharField("活动或采访名称", max_length=200)
    details = models.TextField("主办方、内容和方式")
    planned_on = models.DateField("拟参加日期")
    article = models.CharField("依据条款", max_length=100)
    requested_on = models.DateField("申请日期")
    status = models.CharField("状态", max_length=16, default=PENDING, db_index=True,
                              choices=[(PENDING, "待决定"), (APPROVED, "同意"), (REFUSED, "不同意")])
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="决定人")
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_note = models.TextField("决定意见", blank=True)
    decision = models.OneToOneField("decisions.DecisionRecord", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="决定记录")

    class Meta:
        verbose_name = "事前同意申请"
        verbose_name_plural = "事前同意申请"
        ordering = ["-requested_on", "-pk"]
        permissions = [("request_consent", "申请事前同意（监督员）"), ("decide_consent", "决定是否同意（负责人）")]

    def __str__(self) -> str:
        return f"{self.supervisor.name} {self.get_kind_display()}：{self.title}"


class ResearchAssignment(models.Model):
    """专题调研 commissioned by the bureau (000 第八条第（二）项, 001 第八条第（五）项): due date, the report."""

    supervisor = models.ForeignKey(Supervisor, on_delete=models.PROTECT, related_name="research",
                                   verbose_name="监督员")
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True, choices=jurisdiction_choices)
    # 000 第八条第（七）项 / 001 第八条第（六）项: besides research, any other supervision matter the bureau assigns
    kind = models.CharField("类别", max_length=16, default="research",
                            choices=[("research", "受委托专题调研"), ("assigned", "交办事项")])
    topic = models.CharField("调研题目", max_length=200)
    brief = models.TextField("调研要求")
    article = models.CharField("依据条款", max_length=100)
    assigned_on = models.DateField("委托日期")
    due_on = models.DateField("报告提交期限")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="委托人")
    report = models.TextField("调研报告", blank=True)
    submitted_on = models.DateField("报告提交日期", null=True, blank=True)
    decision = models.OneToOneField("decisions.DecisionRecord", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="决定记录")

    class Meta:
        verbose_name = "专题调研委托"
        verbose_name_plural = "专题调研委托"
        ordering = ["-assigned_on", "-pk"]
        permissions = [("assign_research", "委托专题调研（经办人）"), ("submit_research", "提交调研报告（监督员）")]

    def __str__(self) -> str:
        return f"{self.supervisor.name}：{self.topic}"

    @property
    def report_name(self) -> str:
        return "调研报告" if self.kind == "research" else "办理情况报告"

    @property
    def state(self) -> str:
        if self.submitted_on:
            return "逾期提交" if self.submitted_on > self.due_on else "已按期提交"
        from django.utils import timezone

        return "逾期未提交" if timezone.localdate() > self.due_on else "调研中"
