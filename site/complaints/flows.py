"""Complaints and reports (投诉举报): 收到 → 受理审核 → 确定调查人员 → 调查 → 集体审定 → 告知结果
(004 行政执法投诉举报制度; reports about a supervisor: 000 第十七条, 001 第十三条).

Every step is a person's task: the officers (complaints handle permission) examine, staff and reply; the
named investigators investigate (the task is the first active investigator's, handed to whichever of them
writes the opinion, and to the next when one recuses); the leaders (decide permission) review. Each step is
done on the complaint's own screen (/admin/complaints/<pk>/): its service in complaints/services.py checks
the actor, then completes the waiting task through the flow (flows.services.task_perform, under the flow's
lock), so the process records who did what and when. The gate reads the recorded acceptance decision.

The flow alone writes `Complaint.status` (the list's filter column) as its steps are created and as it
ends (`settle_status`); the services record facts (the decision, the opinion, the review, the reply)."""
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from complaints.models import (
    ACCEPTED,
    ANSWERED,
    OWN_COMPLAINT,
    REFUSED,
    REVIEWED,
    TRANSFERRED,
    Complaint,
    ComplaintProcess,
)
from flows.nodes import StartHandle
from flows.registry import register

HANDLE, DECIDE = "complaints.handle_complaint", "complaints.decide_complaint"


# 投诉 第三条: a complaint the agency's legal unit handles waits on that unit (assigned to its liaison, so no
# other agency can claim it); the bureau's complaints (and those it took over) on the bureau's roles
def _complaint(activation) -> Complaint:
    # the process's artifact (already in memory when the flow has just started: no query on the public POST)
    return activation.process.artifact


def _handler(activation) -> str:
    return OWN_COMPLAINT if _complaint(activation).by_agency else HANDLE


def _decider(activation) -> str:
    return OWN_COMPLAINT if _complaint(activation).by_agency else DECIDE


def _own_unit(activation):
    complaint = _complaint(activation)
    if not complaint.by_agency:
        return None
    from casework.models import Agency

    return Agency.objects.get(pk=complaint.agency_id).liaisons.order_by("pk").first()


def to_complaint_screen(request, **kwargs):
    """A complaint's task is done on the complaint's screen, with its form there: open it."""
    return redirect("complaints:detail", pk=request.activation.process.artifact_object_id)


@register("complaints")
class ComplaintFlow(flow.Flow):
    """投诉举报办理

    收到投诉举报，7个工作日内审核决定受理、不予受理或转送；受理后两名以上人员调查，提出初步处理意见，
    领导集体讨论审定，30日内办结（经负责人批准可延长，最多30日），告知投诉举报人。"""

    process_title = _("投诉举报办理")
    lock_impl = lock.select_for_update_lock
    process_class = ComplaintProcess  # the process in its case file (Matter.stage derived from its tasks)

    # 第六条: the complaint with the required particulars is received (online, letter, call, visit)
    start = StartHandle(this.start_complaint).Annotation(title=_("收到投诉举报")).Next(this.acceptance)
    # 第五条、第七条: within complaint_accept_period of receipt — accept, refuse with reasons, or transfer
    acceptance = (flow.View(to_complaint_screen).Annotation(title=_("受理审核"))
                  .Permission(_handler).Assign(_own_unit).Next(this.accepted))
    accepted = flow.If(this.is_accepted).Annotation(title=_("是否受理")).Then(this.staffing).Else(this.closed)
    # 第八条: complaint_min_investigators or more investigators, none with a direct interest
    staffing = (flow.View(to_complaint_screen).Annotation(title=_("确定调查人员"))
                .Permission(_handler).Assign(_own_unit).onCreate(this.settle_status).Next(this.investigation))
    # 第八条、第九条: the investigators investigate and propose a preliminary opinion
    investigation = (flow.View(to_complaint_screen).Annotation(title=_("调查并提出初步处理意见"))
                     .Permission(_handler).Assign(this.lead_investigator).Next(this.review))
    # 第九条: preliminary opinion → leadership collective review
    review = (flow.View(to_complaint_screen).Annotation(title=_("领导集体讨论审定"))
              .Permission(_decider).Assign(_own_unit).Next(this.reply))
    # 第十条 complaint_finish_period (+ complaint_extension_max); 第十二条 the complainant is told the result
    reply = (flow.View(to_complaint_screen).Annotation(title=_("告知处理结果并归档"))
             .Permission(_handler).Assign(_own_unit).onCreate(this.settle_status).Next(this.closed))
    closed = flow.Function(this.settle_status).Annotation(title=_("办结")).Next(this.end)
    end = flow.End().Annotation(title=_("完成"))

    def start_complaint(self, activation, complaint):
        activation.process.artifact = complaint
        activation.process.data = {"complaint": complaint.pk, "title": complaint.receipt_number}
        return activation.process

    def is_accepted(self, activation):
        # the recorded decision, read afresh (the service saved its own copy)
        return Complaint.objects.filter(pk=activation.process.artifact_object_id, decision=ACCEPTED).exists()

    def lead_investigator(self, activation):
        """The first investigator not recused (None: the task waits for the officers to name them)."""
        from complaints.models import Investigator

        first = (Investigator.objects.filter(complaint_id=activation.process.artifact_object_id, recused=False)
                 .select_related("user").order_by("assigned_at", "pk").first())
        return first.user if first is not None else None

    def settle_status(self, activation):
        """The one writer of `Complaint.status`: where the flow now stands, and how it ended (from the facts)."""
        node = activation.flow_task
        pk = activation.process.artifact_object_id
        if node is self.staffing:
            status = ACCEPTED
        elif node is self.reply:
            status = REVIEWED
        else:  # closed: refused or transferred at acceptance, or answered
            decision = Complaint.objects.filter(pk=pk).values_list("decision", flat=True).first()
            status = decision if decision in (REFUSED, TRANSFERRED) else ANSWERED
        Complaint.objects.filter(pk=pk).update(status=status)
