"""Supervision letter (监督建议书 / 监督意见书), one flow for both jurisdictions, driven by the profile:

Enshi 003 第二十六条—第三十一条: 建议书 → (复查 within 10 days, answered within 15 days of receiving it; upheld
ends the matter) → rectify within 30 days of receiving the letter or the review answer → overdue: 监督决定书 →
execution report within 30 days → continued failure: 约谈 and 移送监察.
Wulong 004 监督意见书制度: 意见书 → rectify within 20 WD (a 复查 request within 10 WD, decided within 15 WD,
does not suspend it) → overdue: 责令限期纠正 → 通报 (第十条).

Which documents, periods and measures apply is read from the profile (letter_document, overdue_document,
final_measures, letter_rectify_restarts_after_review...). The agency's liaison acts on tasks assigned to
them; the objection (复查申请) starts a second process of this flow (`start_review`), because in Wulong the
rectification task stays open while the review runs."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from flows.registry import register
from letters import selectors, task_views
from letters.models import CLOSED, ESCALATING, OVERDUE, SERVING, Letter, Objection


@register("letters")
class LetterFlow(flow.Flow):
    """监督建议书（意见书）

    经办人起草，负责人签发，送达后被监督机关整改并报送（可申请复查），逾期制发决定书（责令纠正），仍不纠正的约谈、移送或通报。"""

    process_title = _("监督建议书（意见书）")
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle(this.start_letter).Annotation(title=_("立案并起草")).Next(this.draft)
    # a correction order without a letter first, handed off in the same file (004 监督意见书制度 第十条;
    # 争议协调办法 第二十条): drafting it is the first task
    start_order = flow.StartHandle(this.start_letter).Annotation(title=_("转入责令限期纠正")).Next(this.draft_decision)
    # 003 第二十六条; 004 监督意见书制度 第三条、第七条
    draft = (flow.View(task_views.DraftView.as_view()).Annotation(title=_("起草监督建议书（意见书）"))
             .Permission("letters.draft_letter").Next(this.sign))
    sign = (flow.View(task_views.SignView.as_view()).Annotation(title=_("签发监督建议书（意见书）"))
            .Permission("letters.sign_letter").Next(this.signed))
    signed = flow.If(this.is_signed).Annotation(title=_("是否签发")).Then(this.served).Else(this.draft)
    # receipt (送达回证) starts the clocks: run by letters.receivers when the document is served
    served = flow.Handle(this.noop).Annotation(title=_("送达")).Next(this.rectify)
    # 003 第二十七条第二款 (30 days); 004 第八条 (20 WD) — overdue is moved on by letters.jobs
    rectify = (flow.View(task_views.RectifyView.as_view()).Annotation(title=_("报送整改情况"))
               .Permission("letters.answer_letter").Assign(this.agency_liaison).Next(this.after_rectify))
    after_rectify = (flow.Switch().Annotation(title=_("整改结果"))
                     .Case(this.accept, this.has_pending_report)
                     .Case(this.draft_decision, this.is_overdue)
                     .Default(this.end))
    accept = (flow.View(task_views.AcceptView.as_view()).Annotation(title=_("审核整改情况"))
              .Permission("letters.accept_report").Next(this.accepted))
    accepted = flow.If(this.is_closed).Annotation(title=_("是否办结")).Then(this.end).Else(this.rectify)
    # 003 第二十八条第一款 (监督决定书); 004 第十条 (责令限期纠正)
    draft_decision = (flow.View(task_views.DecisionDraftView.as_view()).Annotation(title=_("起草逾期处理文书"))
                      .Permission("letters.draft_letter").Next(this.sign_decision))
    sign_decision = (flow.View(task_views.DecisionSignView.as_view()).Annotation(title=_("签发逾期处理文书"))
                     .Permission("letters.sign_letter").Next(this.decision_served))
    decision_served = flow.Handle(this.noop).Annotation(title=_("送达逾期处理文书")).Next(this.execute)
    # 003 第二十八条第二款 (30 days); 004 第十条 (限期, profile default)
    execute = (flow.View(task_views.ExecuteView.as_view()).Annotation(title=_("报送执行（纠正）情况"))
               .Permission("letters.answer_letter").Assign(this.agency_liaison).Next(this.after_execute))
    after_execute = (flow.Switch().Annotation(title=_("执行结果"))
                     .Case(this.accept_execution, this.has_pending_report)
                     .Case(this.escalate, this.is_escalating)
                     .Default(this.end))
    accept_execution = (flow.View(task_views.AcceptView.as_view()).Annotation(title=_("审核执行（纠正）情况"))
                        .Permission("letters.accept_report").Next(this.execution_accepted))
    execution_accepted = (flow.If(this.is_closed).Annotation(title=_("是否办结"))
                          .Then(this.end).Else(this.execute))
    # 003 第二十九条第二款 约谈、第三十一条 移送监察机关; 004 第十条 通报
    escalate = (flow.View(task_views.EscalateView.as_view()).Annotation(title=_("约谈、移送或通报"))
                .Permission("letters.sign_letter").Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    # the objection (复查申请): 003 第二十七条第一款; 004 第九条
    start_review = flow.StartHandle(this.start_objection).Annotation(title=_("收到复查申请")).Next(this.review)
    review = (flow.View(task_views.ReviewView.as_view()).Annotation(title=_("复查并答复"))
              .Permission("letters.review_objection").Next(this.review_end))
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
        # read afresh: the task's service saved its own copy; the cached artifact is stale
        # (the artifact's type from the content-type cache: the artifact itself is not read, and the letter comes
        # with the agency its liaison answers for, in one query)
        from django.contrib.contenttypes.models import ContentType

        process = activation.process
        pk = process.artifact_object_id
        if process.artifact_content_type_id and \
                ContentType.objects.get_for_id(process.artifact_content_type_id).model_class() is Objection:
            pk = Objection.objects.values_list("letter_id", flat=True).get(pk=pk)
        return Letter.objects.select_related("agency", "matter__agency").get(pk=pk)

    def agency_liaison(self, activation):
        return selectors.liaison_for(self.letter(activation).addressee)

    def is_signed(self, activation):
        return self.letter(activation).state == SERVING

    def has_pending_report(self, activation):
        return selectors.pending_report(self.letter(activation)) is not None

    def is_overdue(self, activation):
        return self.letter(activation).state == OVERDUE

    def is_escalating(self, activation):
        return self.letter(activation).state == ESCALATING

    def is_closed(self, activation):
        return self.letter(activation).state == CLOSED
