"""Recruitment campaign (选聘): 选聘公告 → 资格审查 → 批准拟聘名单 → 拟聘人员公示 → 异议处理 → 聘任.

Reads like 000 第六条 / 001 第四条 / 002 第七条; every figure comes from the jurisdiction's profile."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from supervisors.models import Campaign
from supervisors.services import campaign_publicity_closed, waiting_applications

from . import task_views
from .registry import register


class CampaignSteps:
    """The nodes shared by recruitment and renewal. A plain mixin, not a Flow: each Flow subclass copies
    and resolves these unresolved nodes for itself (subclassing a Flow would share resolved nodes)."""

    # two officers completing one task at once must complete it once (ARCHITECTURE.md: default is no lock)
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle(this.start_campaign).Annotation(title=_("发布选聘公告")).Next(this.review)
    # 000 第五条、第六条第（一）项; 001 第七条; 002 第五条 — the checks are in supervisors/eligibility.py
    review = (flow.View(task_views.ReviewView.as_view()).Annotation(title=_("资格审查"))
              .Permission("supervisors.review_application").Next(this.approve))
    approve = (flow.View(task_views.ApproveView.as_view()).Annotation(title=_("批准拟聘名单"))
               .Permission("supervisors.approve_shortlist").Next(this.approved))
    approved = flow.If(this.is_approved).Annotation(title=_("名单是否批准")).Then(this.publicity).Else(this.review)
    # 000 第六条第（二）项 ≥5个工作日; 002 第七条第（二）项 ≥10日; 001 第四条 — closed by public_notices' signal
    publicity = flow.Handle(this.close_publicity).Annotation(title=_("拟聘人员公示期")).Next(this.appoint)
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
