"""Dispute coordination (争议协调, 004 行政执法争议协调办法): an agency applies or the bureau opens one;
examination (accept / supplement / refuse); coordination within the finish clock (pauses and the one
extension are side actions on the matter screen); opinion after the government's consent, or a proposal
for its decision; then execution, where a refusing agency gets a supervision letter matter.

The flow owns where a dispute stands: its gates read what was recorded (accepted_on, refusal_ground,
withdrawn_on, agreed), `Dispute.state` is derived from the same facts, and a supplement period that ran out
is moved on by the scheduler (coordination.jobs), which completes the waiting step through the flow."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from coordination import views
from coordination.models import Dispute, DisputeProcess
from flows.registry import register


def _dispute(activation) -> Dispute:
    # read afresh: the task screens saved the dispute through another instance
    return Dispute.objects.get(pk=activation.process.artifact_object_id)


@register("coordination")
class CoordinationFlow(flow.Flow):
    """行政执法争议协调

    申请（或依职权启动）→ 审查（受理/补正/不予受理）→ 协调 → 协调意见书或报请区政府决定 → 监督执行。"""

    process_title = _("行政执法争议协调")
    lock_impl = lock.select_for_update_lock
    process_class = DisputeProcess  # the process in its case file (Matter.stage derived from its tasks)

    # 第十条、第十一条、第十三条
    start = flow.StartHandle(this.start_dispute).Annotation(title=_("提出申请或主动协调")).Next(this.opened)
    opened = flow.If(this.is_applied).Annotation(title=_("是否需要审查申请")).Then(this.examine).Else(this.coordinate)
    # 第十二条: 5 WD from receipt (or from receipt of the supplement)
    examine = (flow.View(views.ExamineView.as_view()).Annotation(title=_("审查争议协调申请"))
               .Permission("coordination.handle_dispute").Next(this.examined))
    examined = (flow.Switch().Annotation(title=_("审查结果"))
                .Case(this.coordinate, this.is_accepted).Case(this.end, this.is_refused).Default(this.supplement))
    # 第十二条第（二）项: supplement within 5 WD of receiving the notice, or deemed withdrawn — once the period
    # ran out the scheduler completes this step (coordination.jobs), unless the officer recorded it first
    supplement = (flow.View(views.SupplementView.as_view()).Annotation(title=_("登记补正材料"))
                  .Permission("coordination.handle_dispute").Next(this.supplemented))
    supplemented = flow.If(this.is_withdrawn).Annotation(title=_("是否视为放弃申请")).Then(this.end).Else(this.examine)
    # 第十四条、第十五条、第十八条
    coordinate = (flow.View(views.ConcludeView.as_view()).Annotation(title=_("协调并提出协调结果"))
                  .Permission("coordination.handle_dispute").Next(this.concluded))
    concluded = flow.If(this.is_agreed).Annotation(title=_("是否达成一致")).Then(this.opinion).Else(this.end)
    # 第十八条第（一）项: after the district government's consent
    opinion = (flow.View(views.OpinionView.as_view()).Annotation(title=_("报请区政府同意并签发协调意见书"))
               .Permission("coordination.approve_dispute").Next(this.execution))
    # 第十九条
    execution = (flow.View(views.ExecutionView.as_view()).Annotation(title=_("监督协调意见书执行"))
                 .Permission("coordination.handle_dispute").Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    def start_dispute(self, activation, dispute):
        activation.process.artifact = dispute
        activation.process.data = {"dispute": dispute.pk, "title": str(dispute)}
        return activation.process

    def is_applied(self, activation):
        """第十条第一款: an application is examined; a coordination the bureau opened (第十三条) is not."""
        return not _dispute(activation).bureau_opened

    def is_accepted(self, activation):
        return _dispute(activation).accepted_on is not None

    def is_refused(self, activation):
        return bool(_dispute(activation).refusal_ground)

    def is_withdrawn(self, activation):
        return _dispute(activation).withdrawn_on is not None

    def is_agreed(self, activation):
        return bool(_dispute(activation).agreed)
