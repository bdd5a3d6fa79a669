"""限时整改 after the yearly notification (通报): one process per named agency, in that agency's matter.

004 监督情况通报制度 第五条 (Wulong) / 003 第二十条、第二十九条 (Enshi): the leader signs the notification with one
《限期整改通知书》 per named agency (programme.services.notification_issue starts this flow) → the notice is served
(送达回证 or the liaison's 签收: casework.dispatch calls programme.services.start_rectification_clock, which completes
`served` and starts the clock the notification set) → the agency's liaison reports in writing how it rectified →
an officer reviews the report → done. A period that ran out with no report is moved on by the scheduler
(programme.jobs): the system completes the liaison's waiting `report` task, records 整改落实不力 (the profile's
`assessment_results`, 004 第六条) and the flow waits for the late report (`late_report`).

The flow owns where the matter stands: 当前环节 is the title of the waiting step (flows/stage.py). Each step is
done on the matter screen (its panel); the services complete the waiting task under the flow's lock."""
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from flows.nodes import Handle, StartHandle
from flows.registry import register
from programme.models import RectificationProcess, RectificationTask

REPORT, REVIEW = "programme.report_rectification", "programme.manage_programme"


def to_matter_screen(request, **kwargs):
    """A rectification step is done on its matter's screen (the panel's form): open it."""
    task = RectificationTask.objects.only("matter_id").get(pk=request.activation.process.artifact_object_id)
    return redirect("casework:matter", pk=task.matter_id)


def _task(activation) -> RectificationTask:
    # read afresh: the service saved its own copy
    return RectificationTask.objects.select_related("agency").get(pk=activation.process.artifact_object_id)


@register("programme")
class RectificationFlow(flow.Flow):
    """通报限时整改

    签发限期整改通知书，送达后被通报机关在规定期限内书面报告整改落实情况，司法局审核；逾期未报告的记为整改落实不力。"""

    process_title = _("通报限时整改")
    lock_impl = lock.select_for_update_lock
    process_class = RectificationProcess  # the process in its case file (当前环节 derived from its tasks)

    # 004 第五条 / 003 第二十九条: signed with the notification (notification_issue)
    start = StartHandle(this.start_task).Annotation(title=_("签发限期整改通知书")).Next(this.served)
    # receipt starts the period the notification set (services.start_rectification_clock completes it)
    served = Handle(this.noop).Annotation(title=_("送达限期整改通知书")).Next(this.report)
    # 004 第五条: within the period, a written report (书面报告整改落实情况); overdue: the scheduler completes it
    report = (flow.View(to_matter_screen).Annotation(title=_("限时整改并报告整改落实情况"))
              .Permission(REPORT).Assign(this.agency_liaison).Next(this.after_report))
    after_report = (flow.If(this.has_report).Annotation(title=_("是否按期报告"))
                    .Then(this.review).Else(this.late_report))
    # 004 第六条: 整改落实不力 recorded; the agency still reports
    late_report = (flow.View(to_matter_screen).Annotation(title=_("逾期报告整改落实情况（整改落实不力）"))
                   .Permission(REPORT).Assign(this.agency_liaison).Next(this.review))
    review = (flow.View(to_matter_screen).Annotation(title=_("审核整改落实情况"))
              .Permission(REVIEW).Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    def start_task(self, activation, task):
        activation.process.artifact = task
        activation.process.data = {"rectification": task.pk, "title": str(task)}
        return activation.process

    def noop(self, activation):
        return None

    def agency_liaison(self, activation):
        return _task(activation).agency.liaisons.order_by("pk").first()

    def has_report(self, activation):
        return _task(activation).reported_at is not None
