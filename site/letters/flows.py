"""Supervision letter (监督建议书 / 监督意见书), one flow for both jurisdictions, driven by the profile:

Enshi 003 第二十六条—第三十一条: 建议书 → (复查 within 10 days, answered within 15 days of receiving it; upheld
ends the matter) → rectify within 30 days of receiving the letter or the review answer → overdue: 监督决定书 →
execution report within 30 days → continued failure: 约谈 and 移送监察.
Wulong 004 监督意见书制度: 意见书 → rectify within 20 WD (a 复查 request within 10 WD, decided within 15 WD,
does not suspend it) → overdue: 责令限期纠正 → 通报 (第十条).

Which documents, periods and measures apply is read from the profile (letter_document, overdue_document,
final_measures, letter_rectify_restarts_after_review...). The agency's liaison acts on tasks assigned to
them; the objection (复查申请) starts a second process of this flow (`start_review`), because in Wulong the
rectification task stays open while the review runs.

The flow owns where a letter stands. Its gates read recorded facts (the document issued, a report pending or
accepted, the clock run out, the objection upheld); the system completes the liaison's waiting task when the
matter moves on without them (`time_out`: the scheduler when the period ran out, the review when the
objection is upheld) and the Handles when a document's receipt is recorded (services.on_document_served).
`Letter.state` mirrors the step waited at, for lists and filters, written only by `record_state`."""
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock
from viewflow.workflow.status import STATUS

from flows.nodes import Handle
from flows.registry import register
from flows.services import task_complete_by_system
from held_rows import held_row
from letters import selectors, task_views
from letters.models import (
    CLOSED,
    DECISION_SERVING,
    DECISION_SIGNING,
    DRAFTING,
    ESCALATING,
    EXECUTING,
    ORDERING,
    OVERDUE,
    RECTIFYING,
    REJECTED,
    REVIEWING,
    SERVING,
    SIGNING,
    TERMINATED,
    UPHELD,
    Letter,
    LetterProcess,
    Objection,
)
from rules.profiles import get_profile

ACTIVE = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


@register("letters")
class LetterFlow(flow.Flow):
    """监督建议书（意见书）

    经办人起草，负责人签发，送达后被监督机关整改并报送（可申请复查），逾期制发决定书（责令纠正），仍不纠正的约谈、移送或通报。"""

    process_title = _("监督建议书（意见书）")
    lock_impl = lock.select_for_update_lock
    process_class = LetterProcess  # the process in its case file (Matter.stage derived from its tasks)

    start = flow.StartHandle(this.start_letter).Annotation(title=_("立案并起草")).Next(this.draft)
    # a correction order without a letter first, handed off in the same file (004 监督意见书制度 第十条;
    # 争议协调办法 第二十条): drafting it is the first task
    start_order = flow.StartHandle(this.start_letter).Annotation(title=_("转入责令限期纠正")).Next(this.draft_decision)
    # 003 第二十六条; 004 监督意见书制度 第三条、第七条
    draft = (flow.View(task_views.DraftView.as_view()).Annotation(title=_("起草监督建议书（意见书）"))
             .Permission("letters.draft_letter").Next(this.sign))
    sign = (flow.View(task_views.SignView.as_view()).Annotation(title=_("签发监督建议书（意见书）"))
            .Permission("letters.sign_letter").Next(this.signed))
    signed = flow.If(this.document_issued).Annotation(title=_("是否签发")).Then(this.served).Else(this.draft)
    # receipt (送达回证) starts the clocks: run by letters.services.on_document_served when the document is served
    served = Handle(this.noop).Annotation(title=_("送达")).Next(this.rectify)
    # 003 第二十七条第二款 (30 days); 004 第八条 (20 WD) — overdue: the scheduler completes it (services.mark_overdue)
    rectify = (flow.View(task_views.RectifyView.as_view()).Annotation(title=_("报送整改情况"))
               .Permission("letters.answer_letter").Assign(this.agency_liaison).Next(this.after_rectify))
    after_rectify = (flow.Switch().Annotation(title=_("整改结果"))
                     .Case(this.accept, this.has_pending_report)
                     .Case(this.draft_decision, this.rectify_ran_out)
                     .Default(this.end))  # the objection was upheld: 终止本次监督 (003 第二十七条)
    accept = (flow.View(task_views.AcceptView.as_view()).Annotation(title=_("审核整改情况"))
              .Permission("letters.accept_report").Next(this.accepted))
    accepted = flow.If(this.report_accepted).Annotation(title=_("是否办结")).Then(this.end).Else(this.rectify)
    # 003 第二十八条第一款 (监督决定书); 004 第十条 (责令限期纠正)
    draft_decision = (flow.View(task_views.DecisionDraftView.as_view()).Annotation(title=_("起草逾期处理文书"))
                      .Permission("letters.draft_letter").Next(this.sign_decision))
    sign_decision = (flow.View(task_views.DecisionSignView.as_view()).Annotation(title=_("签发逾期处理文书"))
                     .Permission("letters.sign_letter").Next(this.decision_served))
    decision_served = Handle(this.noop).Annotation(title=_("送达逾期处理文书")).Next(this.execute)
    # 003 第二十八条第二款 (30 days); 004 第十条 (限期, profile default)
    execute = (flow.View(task_views.ExecuteView.as_view()).Annotation(title=_("报送执行（纠正）情况"))
               .Permission("letters.answer_letter").Assign(this.agency_liaison).Next(this.after_execute))
    after_execute = (flow.Switch().Annotation(title=_("执行结果"))
                     .Case(this.accept_execution, this.has_pending_report)
                     .Case(this.escalate, this.decision_ran_out)
                     .Default(this.end))
    accept_execution = (flow.View(task_views.AcceptView.as_view()).Annotation(title=_("审核执行（纠正）情况"))
                        .Permission("letters.accept_report").Next(this.execution_accepted))
    execution_accepted = (flow.If(this.report_accepted).Annotation(title=_("是否办结"))
                          .Then(this.end).Else(this.execute))
    # 003 第二十九条第二款 约谈、第三十一条 移送监察机关; 004 第十条 通报
    escalate = (flow.View(task_views.EscalateView.as_view()).Annotation(title=_("约谈、移送或通报"))
                .Permission("letters.sign_letter").Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    # the objection (复查申请): 003 第二十七条第一款; 004 第九条
    start_review = flow.StartHandle(this.start_objection).Annotation(title=_("收到复查申请")).Next(this.review)
    review = (flow.View(task_views.ReviewView.as_view()).Annotation(title=_("复查并答复"))
              .Permission("letters.review_objection").Next(this.reviewed))
    # 003 第二十七条第二款: rejected, the period restarts from the answer's receipt — the review waits for it
    reviewed = (flow.If(this.answer_restarts_period).Annotation(title=_("是否重新计算整改期限"))
                .Then(this.review_served).Else(this.review_end))
    review_served = Handle(this.noop).Annotation(title=_("送达复查答复")).Next(this.review_end)
    review_end = flow.End().Annotation(title=_("复查完毕"))

    def start_letter(self, activation, letter):
        activation.process.artifact = letter
        activation.process.data = {"letter": letter.pk, "title": str(letter)}
        return activation.process

    def start_objection(self, activation, objection):
        activation.process.artifact = objection
        activation.process.data = {"objection": objection.pk, "letter": objection.letter_id}
        return activation.process

    def noop(self, activation):
        return None

    @staticmethod
    def letter(activation) -> Letter:
        return LetterProcess.letter.fget(activation.process)

    def agency_liaison(self, activation):
        return selectors.liaison_for(self.letter(activation).addressee)

    # ---- gates: recorded facts, never the state column
    def document_issued(self, activation):
        return self.letter(activation).document_id is not None

    def has_pending_report(self, activation):
        return selectors.pending_report(self.letter(activation)) is not None

    def rectify_ran_out(self, activation):
        return clock_ran_out(self.letter(activation).rectify_clock)

    def decision_ran_out(self, activation):
        return clock_ran_out(self.letter(activation).decision_clock)

    def report_accepted(self, activation):
        last = self.letter(activation).reports.filter(accepted__isnull=False).order_by("-pk").first()
        return bool(last and last.accepted)

    def answer_restarts_period(self, activation):
        objection = Objection.objects.select_related("letter__matter").get(pk=activation.process.artifact_object_id)
        return (objection.status == REJECTED
                and get_profile(objection.letter.jurisdiction).flag("letter_rectify_restarts_after_review"))


def clock_ran_out(clock) -> bool:
    """The clock's recorded fact: still running past its due date (or registered overdue by the scheduler)."""
    from clocks.models import RUNNING

    return clock is not None and clock.status == RUNNING and (
        clock.overdue_since is not None or clock.due_on < timezone.localdate())


def time_out(letter: Letter, node) -> bool:
    """The system completes the liaison's waiting task (`rectify` / `execute`) through the flow, under its lock,
    when the matter moves on without them: the period ran out (the scheduler), or the objection was upheld.
    The next gate reads the recorded facts. False when the task is not waiting (done already)."""
    process = selectors.process_of(letter)
    task = process.task_set.filter(flow_task=node, status__in=ACTIVE).first() if process is not None else None
    # the engine's one way for the system to complete a person's task (it re-checks the task under the lock)
    return task is not None and task_complete_by_system(task=task)


# ---- the state column: the step the letter's process waits at, written here only
STATE_OF = {
    LetterFlow.draft: DRAFTING, LetterFlow.sign: SIGNING, LetterFlow.served: SERVING,
    LetterFlow.rectify: RECTIFYING, LetterFlow.accept: RECTIFYING, LetterFlow.draft_decision: OVERDUE,
    LetterFlow.sign_decision: DECISION_SIGNING, LetterFlow.decision_served: DECISION_SERVING,
    LetterFlow.execute: EXECUTING, LetterFlow.accept_execution: EXECUTING, LetterFlow.escalate: ESCALATING,
}
STEPS = set(STATE_OF) | {LetterFlow.end, LetterFlow.review, LetterFlow.review_served, LetterFlow.review_end}


def derive_state(letter: Letter) -> str | None:
    """Where the letter stands, from its processes' waiting steps and the recorded facts; None between steps."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Task

    objections = Objection.objects.filter(letter=letter)
    mine = (Q(process__artifact_content_type=ContentType.objects.get_for_model(Letter), process__artifact_object_id=letter.pk)
            | Q(process__artifact_content_type=ContentType.objects.get_for_model(Objection),
                process__artifact_object_id__in=objections.values("pk")))
    nodes = set(Task.objects.filter(mine, process__flow_class=LetterFlow)
                .filter(Q(status__in=ACTIVE) | Q(flow_task=LetterFlow.end)).values_list("flow_task", flat=True))
    profile = get_profile(letter.jurisdiction)
    if LetterFlow.end in nodes:
        upheld = profile.flag("letter_objection_upheld_ends") and objections.filter(status=UPHELD).exists()
        return TERMINATED if upheld else CLOSED
    states = [STATE_OF[n] for n in nodes if n in STATE_OF]
    if not states:
        return None
    state = states[0]
    if state == OVERDUE and letter.document_id is None:
        return ORDERING  # a correction order without a letter first
    if (state == RECTIFYING and nodes & {LetterFlow.review, LetterFlow.review_served}
            and profile.flag("letter_rectify_restarts_after_review")):
        return REVIEWING  # Enshi: the period stands until the review answer is received
    return state


def record_state(letter: Letter) -> None:
    state = derive_state(letter)
    if state is not None:
        Letter.objects.filter(pk=letter.pk).exclude(state=state).update(state=state)
        letter.state = state  # the copy in hand (held_rows.held) says the same


def on_task_saved(sender, instance, created, **kwargs):
    """A step of the letter flow was entered: mirror it on the letter (the one writer of Letter.state)."""
    if not created:
        return
    node = instance.flow_task
    if node not in STEPS:
        return
    process = instance.process
    letter_id = (process.data or {}).get("letter")
    if letter_id is None:
        return
    letter = held_row(Letter, letter_id) or Letter.objects.filter(pk=letter_id).select_related("matter").first()
    if letter is not None:
        record_state(letter)


def connect() -> None:
    from django.db.models.signals import post_save
    from viewflow.workflow.models import Task

    post_save.connect(on_task_saved, sender=Task, dispatch_uid="letters-state-from-flow")
