"""Complaints and reports (投诉举报): 收到 → 受理审核 → 调查 → 集体审定 → 告知结果 (004 行政执法投诉举报制度;
reports about a supervisor: 000 第十七条, 001 第十三条).

Each step is done on the complaint's own screen (/admin/complaints/<pk>/) by a service in
complaints/services.py that checks the actor's permission and then completes the waiting node here
(flows.services.run_handle), so the process records who did what and when, step by step."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from complaints.models import ACCEPTED, Complaint
from flows.models import CaseProcess
from flows.registry import register


@register("complaints")
class ComplaintFlow(flow.Flow):
    """投诉举报办理

    收到投诉举报，7个工作日内审核决定受理、不予受理或转送；受理后两名以上人员调查，提出初步处理意见，
    领导集体讨论审定，30日内办结（经负责人批准可延长，最多30日），告知投诉举报人。"""

    process_title = _("投诉举报办理")
    lock_impl = lock.select_for_update_lock
    process_class = CaseProcess  # the process in its case file (Matter.stage derived from its tasks)

    # 第六条: the complaint with the required particulars is received (online, letter, call, visit)
    start = flow.StartHandle(this.start_complaint).Annotation(title=_("收到投诉举报")).Next(this.acceptance)
    # 第五条、第七条: within complaint_accept_period of receipt — accept, refuse with reasons, or transfer
    acceptance = flow.Handle(this.noop).Annotation(title=_("受理审核")).Next(this.accepted)
    accepted = flow.If(this.is_accepted).Annotation(title=_("是否受理")).Then(this.investigation).Else(this.end)
    # 第八条: complaint_min_investigators or more investigators, recusal for direct interest
    investigation = flow.Handle(this.noop).Annotation(title=_("调查并提出初步处理意见")).Next(this.review)
    # 第九条: preliminary opinion → leadership collective review
    review = flow.Handle(this.noop).Annotation(title=_("领导集体讨论审定")).Next(this.reply)
    # 第十条 complaint_finish_period (+ complaint_extension_max); 第十二条 the complainant is told the result
    reply = flow.Handle(this.noop).Annotation(title=_("告知处理结果并归档")).Next(this.end)
    end = flow.End().Annotation(title=_("完成"))

    def start_complaint(self, activation, complaint):
        activation.process.artifact = complaint
        activation.process.data = {"complaint": complaint.pk, "title": complaint.receipt_number}
        return activation.process

    def noop(self, activation):
        """The step's work was done (and permission-checked) by its complaints service."""

    def is_accepted(self, activation):
        # read afresh: the service saved its own copy
        return Complaint.objects.get(pk=activation.process.artifact_object_id).status == ACCEPTED
