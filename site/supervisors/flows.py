"""The supervisors' processes, beside their models and screens.

- Recruitment (选聘): 选聘公告 → 资格审查 → 批准拟聘名单 → 拟聘人员公示 → 异议处理 → 聘任; reads like
  000 第六条 / 001 第四条 / 002 第七条; every figure comes from the jurisdiction's profile.
- Renewal (续聘): the same review, approval, publicity and appointment (000 第七条, 001 第五条, 002 第八条),
  without a 选聘公告; the consecutive-term cap is checked on opening and again at appointment.
- Dismissal (解聘) and resignation (辞任): officer proposes (or the absence rule does), leader decides, then
  the certificate and card are recovered where the profile requires it (000 第十八条、第十九条,
  001 第十六条, 002 第十五条、第十六条)."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from flows.nodes import Handle, StartHandle
from flows.registry import register

from . import task_views
from .dismissals import recovery_required
from .models import Campaign, Dismissal
from .services import campaign_publicity_closed, waiting_applications


class CampaignSteps:
    """The nodes shared by recruitment and renewal. A plain mixin, not a Flow: each Flow subclass copies
    and resolves these unresolved nodes for itself (subclassing a Flow would share resolved nodes)."""

    # two officers completing one task at once must complete it once (ARCHITECTURE.md: default is no lock)
    lock_impl = lock.select_for_update_lock

    start = StartHandle(this.start_campaign).Annotation(title=_("发布选聘公告")).Next(this.review)
    # 000 第五条、第六条第（一）项; 001 第七条; 002 第五条 — the checks are in supervisors/eligibility.py
    review = (flow.View(task_views.ReviewView.as_view()).Annotation(title=_("资格审查"))
              .Permission("supervisors.review_application").Next(this.approve))
    approve = (flow.View(task_views.ApproveView.as_view()).Annotation(title=_("批准拟聘名单"))
               .Permission("supervisors.approve_shortlist").Next(this.approved))
    approved = flow.If(this.is_approved).Annotation(title=_("名单是否批准")).Then(this.publicity).Else(this.review)
    # 000 第六条第（二）项 ≥5个工作日; 002 第七条第（二）项 ≥10日; 001 第四条 — closed by public_notices' signal
    publicity = Handle(this.close_publicity).Annotation(title=_("拟聘人员公示期")).Next(this.appoint)
    # 000 第六条第（三）项; 002 第七条第（三）项、第九条. A pending objection holds only the person it
    # concerns: the others are appointed; the held ones wait for the officer's resolution, then the
    # leader decides on them (the loop appoint → has_objections → resolve_objections → appoint).
    appoint = (flow.View(task_views.AppointView.as_view()).Annotation(title=_("决定聘任"))
               .Permission("supervisors.approve_shortlist").Next(this.has_objections))
    has_objections = (flow.If(this.objections_waiting).Annotation(title=_("是否有人员待异议处理"))
                      .Then(this.resolve_objections).Else(this.end))
    resolve_objections = (flow.View(task_views.ResolveView.as_view()).Annotation(title=_("处理公示异议"))
               .Permission("supervisors.review_application").Next(this.appoint))
    end = flow.End().Annotation(title=_("完成"))

    def start_campaign(self, activation, campaign):
        activation.process.artifact = campaign
        activation.process.data = {"campaign": campaign.pk, "title": campaign.title}
        return activation.process

    @staticmethod
    def campaign(activation):
        # read afresh: the task's service saved its own copy; the process's cached artifact is stale
        return Campaign.objects.get(pk=activation.process.artifact_object_id)

    def is_approved(self, activation):
        return self.campaign(activation).shortlist_approved

    def close_publicity(self, activation):
        campaign_publicity_closed(campaign=self.campaign(activation))

    def objections_waiting(self, activation):
        return bool(waiting_applications(self.campaign(activation)))


@register("recruitment")
class RecruitmentFlow(CampaignSteps, flow.Flow):
    """监督员选聘

    发布选聘公告，受理报名，资格审查，批准拟聘名单，公示，处理异议，聘任并公告。"""

    process_title = _("监督员选聘")


@register("renewal")
class RenewalFlow(CampaignSteps, flow.Flow):
    """监督员续聘

    聘期届满前续聘：资格审查（含连任届数），批准，公示，处理异议，续聘。"""

    process_title = _("监督员续聘")


@register("dismissal")
class DismissalFlow(flow.Flow):
    """监督员解聘

    经办人提出（或缺席规则自动提出）解聘建议，负责人决定，公告，告知推荐单位，收回聘书证件。"""

    process_title = _("监督员解聘")
    lock_impl = lock.select_for_update_lock

    start = StartHandle(this.start_dismissal).Annotation(title=_("提出解聘建议")).Next(this.decide)
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
