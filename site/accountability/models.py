"""Fault accountability (过错责任追究) and wrong-case accountability (错案责任倒查), 004.

One `Case` per supervision matter (process="accountability"); the matter's agency is the agency whose
officers are concerned. Each person concerned is a `Person` (an account where they have one) with their
responsibility share, circumstances, sanctions, statement and appeal; every decision about them writes a
DecisionRecord with party_user = their account, so they read their own."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from casework.models import Matter
from flows.models import CaseProcess

FAULT, WRONG_CASE = "fault", "wrong_case"
# who handles a case (过错 第五条 / 错案 第四条): the bureau, or the agency itself through its legal unit
BUREAU_RUN, AGENCY_RUN = "bureau", "agency"
RUN_BY = [(BUREAU_RUN, "区司法局办理"), (AGENCY_RUN, "行政执法机关法制工作机构办理")]
FAULT_WAIVER = "fault_waiver"  # Person.exemption of a liable person spared any sanction (过错 第九条, profile fault_waiver)
OWN_CASE = "accountability.run_own_case"  # the agency's legal unit (its liaison) runs its own agency's cases
KINDS = [(FAULT, "行政执法过错责任追究"), (WRONG_CASE, "行政执法错案责任倒查")]
INTAKE, TRANSFERRED, INVESTIGATING, DECIDING, HEARING, APPEAL, REVIEW, ANSWER, DONE = (
    "intake", "transferred", "investigating", "deciding", "hearing", "appeal", "review", "answer", "done")
# where a case stands: derived (Case.state) from its flow's waiting step and the recorded outcome, never stored
STATES = [
    (INTAKE, "已受理，审查管辖"),            # 过错 第十条第（一）项
    (TRANSFERRED, "非本单位管辖，已转送"),   # 过错 第十条第（一）项
    (INVESTIGATING, "调查组调查中"),         # 过错 第十条第（二）项
    (DECIDING, "待领导集体讨论决定"),        # 过错 第十条第（三）项
    (HEARING, "听取陈述和申辩"),             # 过错 第十二条 / 错案 第十三条
    (APPEAL, "申辩复核中"),
    (REVIEW, "处理决定复核（1个月内可责令重新调查）"),  # 过错 第十条第（三）项
    (ANSWER, "答复举报人"),                  # 过错 第十条第（一）项
    (DONE, "已办结"),
]


FLOW = "accountability/flows.AccountabilityFlow"
STEP_STATES = {"screen": INTAKE, "investigate": INVESTIGATING, "decide": DECIDING, "hearing": HEARING,
               "appeal": APPEAL, "review": REVIEW, "answer": ANSWER}  # the flow's waiting task -> where the case stands


class Case(models.Model):
    matter = models.OneToOneField(Matter, on_delete=models.PROTECT, related_name="accountability_case",
                                  verbose_name="监督事项")
    kind = models.CharField("追究类型", max_length=16, choices=KINDS)
    origin = models.CharField("线索来源", max_length=32)                  # profile fault_sources
    grounds = models.JSONField("过错情形（过错 第六条）", default=list, blank=True)
    wrong_ground = models.CharField("错案认定情形（错案 第七条）", max_length=32, blank=True)
    intake_on = models.DateField("受理日期")
    transferred_to = models.CharField("转送机关", max_length=100, blank=True)
    transferred_on = models.DateField("转送日期", null=True, blank=True)
    team = models.CharField("调查组成员", max_length=200, blank=True)
    findings = models.TextField("调查结果", blank=True)
    discussion = models.TextField("集体讨论情况", blank=True)
    decided_on = models.DateField("处理决定日期", null=True, blank=True)
    reinvestigations = models.PositiveSmallIntegerField("责令重新调查次数", default=0)
    # 过错 第十条第（三）项: the decision stands — confirmed by the body, or the month for a re-investigation ran out
    confirmed_on = models.DateField("处理决定确认日期", null=True, blank=True)
    # 辅助人员禁止行为 (武隆 辅助人员管理办法 第十条) cited at intake: auxiliary.selectors.prohibited_act_choices
    aux_acts = models.JSONField("涉及的辅助人员禁止行为", default=list, blank=True)
    # 过错 第十条第（一）项: the reporter is answered (profile fault_reporter_answer); a hand-off's complainant is
    # answered by the complaint's own process
    reporter = models.CharField("举报人、投诉人（答复对象）", max_length=60, blank=True)
    answered_on = models.DateField("答复举报人日期", null=True, blank=True)
    # 容错 (恩施 第三十二条第二款): every person concerned excused (each with their grounds on Person) — the case
    # ends without sanction; who decided and when. A case where only some are excused goes on for the others.
    tolerated_on = models.DateField("容错决定日期", null=True, blank=True)
    tolerated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name="容错决定人")
    tolerance_causes = models.JSONField("容错的原因", default=list, blank=True)
    tolerance_grounds = models.TextField("容错的事实和理由", blank=True)
    run_by = models.CharField("办理机关", max_length=8, choices=RUN_BY, default=BUREAU_RUN)
    taken_over_on = models.DateField("司法局接办日期", null=True, blank=True)
    taken_over_reason = models.TextField("接办理由", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "责任追究案件"
        verbose_name_plural = "责任追究案件"
        permissions = [("handle_case", "可办理责任追究案件"), ("decide_case", "可作出责任追究决定"),
                       ("run_own_case", "可作为法制工作机构办理本机关的责任追究案件")]

    def __str__(self) -> str:
        return f"{self.matter.number} {self.matter.title}"

    @property
    def by_agency(self) -> bool:
        return self.run_by == AGENCY_RUN

    @property
    def jurisdiction(self) -> str:
        return self.matter.jurisdiction

    @property
    def is_wrong_case(self) -> bool:
        return self.kind == WRONG_CASE

    @property
    def state(self) -> str:
        """Where the case stands: its recorded end (transferred, decision confirmed), else the step waiting in
        its flow. Nothing writes it; the flow's gates read the same facts."""
        ended = TRANSFERRED if self.transferred_on else DONE if (self.confirmed_on or self.tolerated_on) else ""
        if ended and (self.answered_on or not self.reporter):
            return ended
        if self.pk is None:
            return INTAKE
        from flows.stage import ACTIVE as OPEN

        node = (AccountabilityProcess.objects.filter(artifact_object_id=self.pk, flow_class=FLOW,
                                                     task__status__in=OPEN, task__flow_task_type="HUMAN")
                .values_list("task__flow_task", flat=True).first())
        name = getattr(node, "name", "")
        if ended:  # the reporter still to be answered (过错 第十条第（一）项)
            return ANSWER if name == "answer" else ended
        return STEP_STATES.get(name, INTAKE)

    @property
    def kind_label(self) -> str:
        """The kind as the jurisdiction names it (恩施 第三十二条: 行政执法责任追究; 武隆: 过错 / 错案)."""
        from rules.profiles import get_profile

        profile = get_profile(self.jurisdiction)
        if not self.is_wrong_case and profile.has("fault_case_name"):
            return profile.text("fault_case_name")
        return self.get_kind_display()

    def get_state_display(self) -> str:
        return dict(STATES)[self.state]


class Person(models.Model):
    """A person concerned (责任人): an enforcement officer, with an account where they have one."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="persons")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="accountability_persons", verbose_name="账号")
    name = models.CharField("姓名", max_length=30)
    position = models.CharField("职务/执法证号", max_length=60, blank=True)
    share = models.CharField("责任划分", max_length=32)                    # 过错 第七条 / 错案 第八条
    aggravating = models.JSONField("从重情形", default=list, blank=True)    # 过错 第八条 / 错案 第九条
    mitigating = models.JSONField("从轻、减轻情形", default=list, blank=True)  # 过错 第九条 / 错案 第十条
    # 错案 第十一条: a wrong_case_exemptions code; 过错 第九条: FAULT_WAIVER (免予处理, with a 第九条 circumstance)
    exemption = models.CharField("免予追究情形", max_length=32, blank=True)
    # 过错 第二条: liability only for intent or gross negligence (profile fault_culpability) causing harm
    # (fault_harm); without the finding the person bears no fault liability
    culpability = models.CharField("主观过错", max_length=16, blank=True)
    harm = models.CharField("损害后果", max_length=16, blank=True)
    sanctions = models.JSONField("处理方式", default=list, blank=True)     # 过错 第十一条 / 错案 第十二条
    prior_faults = models.PositiveSmallIntegerField("一年内此前过错次数", default=0)
    statement = models.TextField("陈述和申辩", blank=True)
    appealed = models.BooleanField("不服处理决定提出申辩", default=False)
    appeal_outcome = models.CharField("申辩复核结果", max_length=16, blank=True,
                                      choices=[("upheld", "申辩成立，变更处理"), ("rejected", "申辩不成立，维持处理")])
    appeal_note = models.TextField("复核意见", blank=True)
    active = models.BooleanField("本轮调查", default=True)  # False after a re-investigation replaced the finding
    # 容错 (恩施 第三十二条第二款), decided per person in the collective decision: the person is excused, with the
    # causes and the facts and reasons; the case ends by 容错 (Case.tolerated_on) only when every person is excused
    tolerated = models.BooleanField("予以容错", default=False)
    tolerance_causes = models.JSONField("容错的原因", default=list, blank=True)
    tolerance_grounds = models.TextField("容错的事实和理由", blank=True)

    class Meta:
        verbose_name = "责任人"
        verbose_name_plural = "责任人"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class AccountabilityProcess(CaseProcess):
    """The accountability flow's process (viewflow), in the case's file."""

    class Meta:
        proxy = True
        verbose_name = "责任追究流程"
        verbose_name_plural = "责任追究流程"

    @property
    def case(self) -> Case:
        return Case.objects.select_related("matter__agency").get(pk=self.artifact_object_id)


class Dispatch(models.Model):
    """过错 第十条第（三）项 直接派员调查: the staff the deciding body sent to investigate and decide the case itself,
    and the day they were sent. Written only by accountability.services.case_review(direct=True). The seed sets
    no number for them (the 两名以上 of 投诉 第八条 is about complaint investigators): one or more."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="dispatches", verbose_name="责任追究案件")
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", verbose_name="派出的调查人员")
    sent_on = models.DateField("派员日期")
    reason = models.TextField("事实不清或处理不当的理由")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="决定人")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "直接派员调查"
        verbose_name_plural = "直接派员调查"
        ordering = ["sent_on", "pk"]

    def __str__(self) -> str:
        return f"{self.sent_on:%Y-%m-%d} 派员调查"

    def staff_names(self) -> str:
        from roles.names import person_name

        return "、".join(person_name(u) for u in sorted(self.staff.all(), key=lambda u: u.username))
