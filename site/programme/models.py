"""The yearly programme (年度监督): the bureau's plan, its inspections, case-file reviews and evaluations
of each agency with their findings, each agency's annual enforcement statistics (统计年报) with a clock,
and the yearly notification (通报) with rectification tasks (限时整改) for the agencies it names.

003 第十五条 (plan), 第十八条 (case-file review), 第十九条 (evaluation), 第二十条 (statistics), 第二十九条
(notification); 004 统计年报制度 第二条、第三条, 监督检查制度 第六条, 监督情况通报制度 第四条、第五条."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from flows.models import CaseProcess
from referrals.models import SeriousCaseOutcome
from rules.periods import CALENDAR_DAYS, WORKING_DAYS

INSPECTION, CASEFILE_REVIEW, EVALUATION = "inspection", "casefile_review", "evaluation"
WORK_REPORT = "work_report"  # 听取行政执法工作情况报告 (003 第十六条第（七）项): only where the profile has it
ACTIVITY_KINDS = [(INSPECTION, "监督检查"), (CASEFILE_REVIEW, "案卷评查"), (EVALUATION, "考核评议"),
                  (WORK_REPORT, "听取行政执法工作情况报告")]
# the kinds a jurisdiction's profile must name before they are offered: kind -> profile flag
KIND_FLAGS = {WORK_REPORT: "work_report_hearing"}
# the matter source (casework.models.SOURCES) of a problem found in an activity of this kind
MATTER_SOURCES = {WORK_REPORT: "own_initiative"}


def kinds_for(jurisdiction: str) -> list[tuple[str, str]]:
    """The activity kinds of a jurisdiction: the three every profile counts, and those its rules add."""
    from rules.profiles import get_profile

    profile = get_profile(jurisdiction)
    return [(k, label) for k, label in ACTIVITY_KINDS
            if k not in KIND_FLAGS or (profile.has(KIND_FLAGS[k]) and profile.flag(KIND_FLAGS[k]))]
# activity kind -> the profile figure saying how many a year
KIND_FIGURES = {INSPECTION: "inspections_per_year", CASEFILE_REVIEW: "casefile_review_per_year",
                EVALUATION: "evaluation_per_year"}
# 检查 第六条: periodic and unscheduled inspections; only periodic ones count toward the yearly minimum
PERIODIC, UNSCHEDULED = "periodic", "unscheduled"
SCHEDULES = [(PERIODIC, "定期检查"), (UNSCHEDULED, "不定期检查")]


class ProgrammeYear(models.Model):
    """One jurisdiction's supervision year: its plan (年度行政执法监督工作计划) and the bureau's own yearly
    duties, whose clocks hang on this row (the district summary by the statistics date, the notification)."""

    jurisdiction = models.CharField("辖区", max_length=32)
    year = models.PositiveSmallIntegerField("年度")
    plan = models.TextField("年度监督工作计划", blank=True)
    plan_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+", verbose_name="计划登记人")
    plan_recorded_at = models.DateTimeField("计划登记时间", null=True, blank=True)
    statistics_opened_at = models.DateTimeField("统计年报启动时间", null=True, blank=True)
    report_page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="统计年报公告（草稿）")
    # 统计 第五条 for the bureau as the publisher of the district report (第三条第二款): the response plan
    # before publication, the follow-up after it (programme.duties.district_plan_record / district_follow_up_record)
    report_plan = models.TextField("全区统计年报公开前的应对预案（统计 第五条）", blank=True)
    report_plan_on = models.DateField("应对预案登记日期", null=True, blank=True)
    report_follow_up = models.TextField("全区统计年报公开后舆情跟踪、解疑释惑情况（统计 第五条）", blank=True)
    report_follow_up_on = models.DateField("舆情跟踪登记日期", null=True, blank=True)

    class Meta:
        verbose_name = "年度监督"
        verbose_name_plural = "年度监督"
        ordering = ["jurisdiction", "-year"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "year"], name="one_programme_year")]
        permissions = [("manage_programme", "可管理年度监督工作（计划、检查评查评议、统计、年报）"),
                       ("issue_notification", "可签发年度通报及限期整改通知书"),
                       ("submit_statistics", "可报送本机关行政执法统计年报"),
                       ("report_rectification", "可报告本机关限时整改落实情况")]

    def __str__(self) -> str:
        return f"{self.year}年度监督（{self.jurisdiction}）"


class Activity(models.Model):
    """An inspection, case-file review or evaluation of one agency, with its findings (检查发现的问题)."""

    year = models.ForeignKey(ProgrammeYear, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField("类别", max_length=32, choices=ACTIVITY_KINDS)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="programme_activities",
                               verbose_name="被监督机关")
    held_on = models.DateField("开展日期")
    schedule = models.CharField("检查方式", max_length=16, choices=SCHEDULES, blank=True,
                                help_text="定期检查或不定期检查；只有定期检查计入每年最少次数")
    # 检查 第六条: the forms the inspection took (案卷评查、执法检查、走访、座谈、问卷调查…, the profile's
    # `inspection_forms`): [{"code", "label"}], labels kept as recorded
    forms = models.JSONField("检查形式", default=list, blank=True)
    title = models.CharField("名称", max_length=200)
    findings = models.TextField("发现的问题", blank=True)
    has_problems = models.BooleanField("发现问题", default=False)
    matter = models.ForeignKey("casework.Matter", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name="转立监督事项")
    onsite = models.BooleanField("现场监督", default=False,
                                 help_text="到被监督机关现场开展的，参加人员须出示行政执法监督证件，人数不得少于规则配置的最少人数")
    # 考核评议 (003 第十九条): comprehensive or special (with the contents chosen), and what each part
    # of the profile's `evaluation_parts` (内部考核, 外部评议) did: [{"code", "label", "text"}]
    evaluation_scope = models.CharField("考核评议范围", max_length=16, blank=True)
    evaluation_subject = models.CharField("专项考核评议内容", max_length=200, blank=True)
    evaluation_parts = models.JSONField("考核评议的组成", default=list, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "检查、评查、评议"
        verbose_name_plural = "检查、评查、评议"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    @property
    def forms_text(self) -> str:
        return "、".join(f["label"] for f in self.forms)


class FollowUp(models.Model):
    """检查 第十条: how the agency implemented the decision or recommendation of an inspection, as the bureau
    judged it — fed back in writing on time, or late / poorly implemented and so 考评 or accountability."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="followups")
    outcome = models.CharField("落实情况", max_length=32)  # inspection_followup_outcomes
    outcome_label = models.CharField("落实情况", max_length=100)
    article = models.CharField("依据", max_length=100)
    decided_on = models.DateField("认定日期")
    note = models.TextField("说明")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    created_at = models.DateTimeField(auto_now_add=True)
    # 检查 第十条 追究责任: the accountability case taken in from this finding (programme.handoffs), in the
    # activity's file
    case = models.OneToOneField("accountability.Case", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="inspection_followup", verbose_name="责任追究案件")

    class Meta:
        verbose_name = "检查决定落实情况"
        verbose_name_plural = "检查决定落实情况"
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decided_on:%Y-%m-%d} {self.outcome_label}"

    @property
    def poor(self) -> bool:
        return self.outcome != "on_time"


class StatisticsReturn(models.Model):
    """One agency's enforcement statistics for a year (统计年报), counts per category of the profile's
    `statistics_categories`; its clock (subject = this row) runs to the profile's yearly date."""

    year = models.ForeignKey(ProgrammeYear, on_delete=models.PROTECT, related_name="returns")
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="statistics_returns",
                               verbose_name="执法机关")
    figures = models.JSONField("统计数据", default=dict, blank=True)
    explanation = models.TextField("情况说明", blank=True)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name="报送人")
    channel = models.CharField("报送方式", max_length=16, blank=True,
                               choices=[("screen", "在线填报"), ("excel", "Excel模板上传")])
    # the agency's own duties (programme/duties.py): 统计 第三条、第五条, 通报 第七条
    response_plan = models.TextField("公开应对预案（统计 第五条）", blank=True)
    response_plan_on = models.DateField("预案登记日期", null=True, blank=True)
    published_on = models.DateField("统计年报公开日期（统计 第三条）", null=True, blank=True)
    published_where = models.CharField("公开渠道（网址或栏目）", max_length=200, blank=True)
    superior_name = models.CharField("上级主管部门", max_length=100, blank=True)
    superior_sent_on = models.DateField("报上级主管部门日期", null=True, blank=True)
    follow_up = models.TextField("公开后舆情跟踪、解疑释惑情况（统计 第五条）", blank=True)
    follow_up_on = models.DateField("跟踪情况登记日期", null=True, blank=True)
    work_report = models.TextField("工作情况报告（通报 第七条）", blank=True)
    work_report_on = models.DateField("工作情况报告报送日期", null=True, blank=True)
    work_report_published_on = models.DateField("工作情况报告公开日期", null=True, blank=True)
    work_report_where = models.CharField("工作情况报告公开渠道", max_length=200, blank=True)

    class Meta:
        verbose_name = "行政执法统计年报"
        verbose_name_plural = "行政执法统计年报"
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["year", "agency"], name="one_return_per_agency_year")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year.year}年度统计年报"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def total(self) -> int:
        return sum(int(v) for v in (self.figures or {}).values())


class StatisticsBreach(models.Model):
    """统计 第六条: a breach of the statistics system found in one agency's return (late, wrong, falsified, other),
    and the accountability case it opened for the staff directly responsible (programme.handoffs)."""

    ret = models.ForeignKey(StatisticsReturn, on_delete=models.PROTECT, related_name="breaches",
                            verbose_name="统计年报")
    violation = models.CharField("违反情形", max_length=32)  # profile statistics_violations
    violation_label = models.CharField("违反情形", max_length=100)
    article = models.CharField("依据", max_length=100)
    facts = models.TextField("事实")
    found_on = models.DateField("认定日期")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    case = models.OneToOneField("accountability.Case", on_delete=models.PROTECT, related_name="statistics_breach",
                                verbose_name="责任追究案件")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "违反统计年报制度情形"
        verbose_name_plural = "违反统计年报制度情形"
        ordering = ["found_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["ret", "violation"], name="one_breach_kind_per_return")]

    def __str__(self) -> str:
        return f"{self.ret}：{self.violation_label}"


CONTENTS_CHOSEN, CONTENTS_INFERRED, CONTENTS_UNRECORDED = "chosen", "inferred", "unrecorded"
CONTENTS_BASES = [(CONTENTS_CHOSEN, "签发时选定"), (CONTENTS_INFERRED, "按通报方式推定（签发时尚未登记通报内容）"),
                  (CONTENTS_UNRECORDED, "签发时未登记，无法推定")]


class Notification(models.Model):
    """The yearly notification (通报) on the previous year, with the rectification period the bureau sets
    in it (限时整改, 004 通报制度 第五条: the period is the bureau's, the rules set no number)."""

    year = models.ForeignKey(ProgrammeYear, on_delete=models.PROTECT, related_name="notifications")
    # 004 通报 第四条: annual (on `year`) / unscheduled / urgent (issued in `year`); codes of `notification_kinds`
    kind = models.CharField("通报方式", max_length=16, default="annual")
    # 第三条: codes of the profile's `notification_contents`; 第一条: the departments notifying jointly (names)
    contents = models.JSONField("通报内容", default=list, blank=True)
    # where `contents` came from: chosen when signed, or — for notifications signed before the 第三条 items were
    # recorded — inferred by programme/0012 from what the row holds, or not recoverable (the screen says so)
    contents_basis = models.CharField("通报内容来源", max_length=16, choices=CONTENTS_BASES, default=CONTENTS_CHOSEN)
    joint_issuers = models.JSONField("联合通报部门", default=list, blank=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("通报正文")
    period_n = models.PositiveIntegerField("整改期限")
    period_unit = models.CharField("期限单位", max_length=16,
                                   choices=[(CALENDAR_DAYS, "日"), (WORKING_DAYS, "个工作日")])
    issued_on = models.DateField("成文日期")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="签发人")
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name="通报公告（草稿）")

    class Meta:
        verbose_name = "行政执法监督情况通报"
        verbose_name_plural = "行政执法监督情况通报"
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def _items(self, key: str, codes) -> list[dict]:
        from rules.profiles import get_profile

        profile = get_profile(self.year.jurisdiction)
        if not profile.has(key):
            return []
        return [c for c in profile.choices(key) if c["code"] in codes]

    @property
    def kind_item(self) -> dict | None:
        items = self._items("notification_kinds", [self.kind])
        return items[0] if items else None

    @property
    def kind_text(self) -> str:
        """通报方式 with its article, e.g. "紧急通报（遇紧急情况随时通报）（第四条）"."""
        item = self.kind_item
        return f"{item['label']}（{item['article']}）" if item else "定期通报"

    @property
    def contents_text(self) -> str:
        return "；".join(f"{c['label']}（{c['article']}）" for c in self._items("notification_contents", self.contents))

    @property
    def contents_display(self) -> str:
        """通报内容 as a screen shows it, saying where it came from when it was not chosen at signing."""
        if self.contents_basis == CONTENTS_UNRECORDED:
            return "签发时未登记通报内容，无法从已有记录推定（第三条）"
        text = self.contents_text
        if text and self.contents_basis == CONTENTS_INFERRED:
            text += f"。本通报签发时尚未登记通报内容，按其通报方式“{self.kind_item['label'].split('（')[0]}”推定" \
                if self.kind_item else "。本通报签发时尚未登记通报内容，按其通报方式推定"
        return text

    @property
    def joint_text(self) -> str:
        return "、".join(self.joint_issuers)


class RectificationTask(SeriousCaseOutcome):
    """限时整改: one agency named in a notification; the clock runs from receipt of its notice."""

    notification = models.ForeignKey(Notification, on_delete=models.PROTECT, related_name="tasks")
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="+",
                               verbose_name="责任机关")
    matter = models.OneToOneField("casework.Matter", on_delete=models.PROTECT, related_name="rectification",
                                  verbose_name="监督事项")
    document = models.ForeignKey("casework.Document", on_delete=models.PROTECT, related_name="+",
                                 verbose_name="限期整改通知书")
    problems = models.TextField("需整改的问题")
    period_n = models.PositiveIntegerField("整改期限")
    period_unit = models.CharField("期限单位", max_length=16,
                                   choices=[(CALENDAR_DAYS, "日"), (WORKING_DAYS, "个工作日")])
    clock = models.ForeignKey("clocks.Clock", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    report = models.TextField("整改落实情况报告", blank=True)
    reported_at = models.DateTimeField("报告时间", null=True, blank=True)
    # recorded by the scheduler when the period ran out with no report (整改落实不力: the profile's
    # `assessment_results`, e.g. 004 通报制度 第六条); the flow then waits for a late report
    overdue_on = models.DateField("逾期未报告记录日期", null=True, blank=True)
    accepted_at = models.DateTimeField("审核时间", null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="审核人")
    review_note = models.TextField("审核意见", blank=True)
    # 通报 第六条 整改落实不力 on the merits: the bureau, reviewing the written report, found the problems not
    # rectified (programme.services.rectification_ineffective, the review's other outcome); then 情节严重 or not
    ineffective_on = models.DateField("认定整改落实不力日期", null=True, blank=True)
    ineffective_findings = models.TextField("整改落实不力的事实", blank=True)
    # referral / not_serious_on (SeriousCaseOutcome): 通报 第六条 整改落实不力、情节严重

    class Meta:
        verbose_name = "限时整改任务"
        verbose_name_plural = "限时整改任务"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.agency} 限时整改"


class RectificationProcess(CaseProcess):
    """The 限时整改 process of one named agency (programme/flows.py) in its matter: artifact = the task."""

    class Meta:
        proxy = True
        verbose_name = "通报限时整改流程"
        verbose_name_plural = "通报限时整改流程"

    @property
    def task(self) -> RectificationTask:
        return RectificationTask.objects.get(pk=self.artifact_object_id)


class ActivityParticipant(models.Model):
    """A bureau staff member who took part in an activity, with the supervision credential (行政执法监督证件)
    they showed on site (003 第二十四条第（一）项; other jurisdictions: the profile's `onsite_min_people`)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name="参加人员")
    credential_number = models.CharField("行政执法监督证件号", max_length=40, blank=True)

    class Meta:
        verbose_name = "参加人员"
        verbose_name_plural = "参加人员"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["activity", "user"], name="one_participation_per_person")]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username}（{self.credential_number or '未登记证件号'}）"


KEY_SYSTEMS, RESPONSIBILITY, CONDUCT, OTHER_CONTENT = "key_systems", "responsibility", "conduct", "other"
CHECKLIST_SECTIONS = [(KEY_SYSTEMS, "行政执法重要制度落实情况"), (RESPONSIBILITY, "行政执法责任制落实情况"),
                      (CONDUCT, "严格规范公正文明执法情况"), (OTHER_CONTENT, "其他监督内容")]


class ChecklistItem(models.Model):
    """One item of a jurisdiction's inspection / case-file review checklist (检查清单), with its article and
    the letter ground (制发监督建议书情形, a code of the profile's `letter_grounds`) a finding on it pre-fills.
    Kept as data, per jurisdiction, editable in the admin (检查清单); first filled by `checklist.fill`."""

    jurisdiction = models.CharField("辖区", max_length=32)
    section = models.CharField("监督内容", max_length=32, choices=CHECKLIST_SECTIONS)
    code = models.CharField("项目代码", max_length=40)
    label = models.CharField("检查项目", max_length=200)
    source = models.CharField("依据文件", max_length=8, help_text="规则文件编号，如 003")
    document = models.CharField("依据制度名称", max_length=64, blank=True)
    article = models.CharField("依据条款", max_length=64)
    letter_ground = models.CharField("对应的制发监督文书情形", max_length=40, blank=True,
                                     help_text="规则配置“制发监督建议书情形”的代码；发现问题制发监督文书时预先选中")
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "检查清单项目"
        verbose_name_plural = "检查清单"
        ordering = ["jurisdiction", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "code"], name="one_checklist_code")]

    def __str__(self) -> str:
        return f"{self.label}（{self.citation}）"

    def clean(self) -> None:
        """The jurisdiction must have a profile; the ground, where given, must be one of its letter grounds."""
        from django.core.exceptions import ValidationError

        from rules.profiles import FigureMissing, get_profile

        try:
            profile = get_profile(self.jurisdiction)
        except FigureMissing:
            raise ValidationError({"jurisdiction": "没有该辖区的规则配置，请填写规则配置代码（如 enshi）。"}) from None
        if self.letter_ground:
            grounds = profile.choices("letter_grounds") if profile.has("letter_grounds") else []
            if self.letter_ground not in {g["code"] for g in grounds}:
                listed = "、".join(g["label"] for g in grounds) or "无"
                raise ValidationError({"letter_ground": f"所选情形不是{profile.name}的制发情形，请从本辖区的情形中选择："
                                                        f"{listed}。"})

    @property
    def citation(self):
        from rules.sources import Citation

        return Citation(self.source, self.article, self.document)

    @property
    def jurisdiction_name(self) -> str:
        from rules.models import RuleProfile

        return RuleProfile.objects.filter(code=self.jurisdiction).values_list("name", flat=True).first() or ""

    @property
    def ground_label(self) -> str:
        from rules.profiles import get_profile

        profile = get_profile(self.jurisdiction)
        grounds = profile.choices("letter_grounds") if profile.has("letter_grounds") else []
        return next((g["label"] for g in grounds if g["code"] == self.letter_ground), "")


class Finding(models.Model):
    """A problem found in an activity, ticking one checklist item; it may open a supervision letter in the
    activity's matter (one file for the activity: 一案一档)."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="checklist_findings")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="findings",
                             verbose_name="检查项目")
    text = models.TextField("发现的问题")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)
    letter = models.ForeignKey("letters.Letter", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name="监督文书")

    class Meta:
        verbose_name = "检查发现的问题"
        verbose_name_plural = "检查发现的问题"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.item.label}：{self.text[:40]}"


class ReviewedCaseFile(models.Model):
    """One enforcement case file examined in a case-file review (案卷评查, 003 第十八条): whether its documents
    and evidence are true, standard and complete, and whether the enforcement act was lawful and appropriate."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="case_files")
    file_number = models.CharField("案卷编号（文书字号）", max_length=60)
    case_title = models.CharField("案件名称", max_length=200)
    materials_ok = models.BooleanField("文书和证据真实、规范、完整")
    act_ok = models.BooleanField("执法行为合法、适当")
    note = models.TextField("存在的问题", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "评查的案卷"
        verbose_name_plural = "评查的案卷"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["activity", "file_number"], name="one_reviewed_file",
                                               violation_error_message="该案卷已在本次评查中登记。")]

    def __str__(self) -> str:
        return f"{self.file_number} {self.case_title}"
