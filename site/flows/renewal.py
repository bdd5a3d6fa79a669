"""Renewal (续聘): the same review, approval, publicity and appointment as recruitment (000 第七条,
001 第五条, 002 第八条), without a 选聘公告; the consecutive-term cap is checked on opening and again
at appointment."""
from django.utils.translation import gettext_lazy as _
from viewflow.workflow import flow

from .recruitment import CampaignSteps
from .registry import register


@register("renewal")
class RenewalFlow(CampaignSteps, flow.Flow):
    """监督员续聘

    聘期届满前续聘：资格审查（含连任届数），批准，公示，处理异议，续聘。"""

    process_title = _("监督员续聘")
