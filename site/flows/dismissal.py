"""Dismissal (解聘) and resignation (辞任): officer proposes (or the absence rule does), leader decides,
then the certificate and card are recovered where the profile requires it (000 第十八条、第十九条,
001 第十六条, 002 第十五条、第十六条)."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from supervisors.dismissals import recovery_required
from supervisors.models import Dismissal

from . import task_views
from .registry import register


@register("dismissal")
class DismissalFlow(flow.Flow):
    """监督员解聘

    经办人提出（或缺席规则自动提出）解聘建议，负责人决定，公告，告知推荐单位，收回聘书证件。"""

    process_title = _("监督员解聘")
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle(this.start_dismissal).Annotation(title=_("提出解聘建议")).Next(this.decide)
    decide = (flow.View(task_views.DecideView.as_view()).Annotation(title=_("决定解聘"))
              .Permission("supervisors.decide_dismissal").Next(this.approved))
    approved = flow.If(this.must_recover).Annotation(title=_("是否收回聘书证件")).Then(this.recover).Else(this.end)
    recover = (flow.View(task_views.RecoverView.as_view()).Annotation(title=_("收回聘书、证件"))
               .Permission("supervisors.propose_dismissal").Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    def start_dismissal(self, activation, dismissal):
        activation.process.artifact = dismissal
        activation.process.data = {"dismissal": dismissal.pk, "title": str(dismissal)}
        return activation.process

    def must_recover(self, activation):
        # read afresh: the decision was saved on another instance than the process's cached artifact
        return recovery_required(Dismissal.objects.get(pk=activation.process.artifact_object_id))
