"""{% supervisor_links page %} on a jurisdiction section: its open campaigns and public roster."""
from django import template
from django.urls import reverse

from rules.profiles import get_profile

from ..selectors import open_campaigns

register = template.Library()


@register.inclusion_tag("supervisors/section_links.html")
def supervisor_links(page):
    profile_row = getattr(page, "profile", None)
    if profile_row is None:
        return {"show": False}
    profile = get_profile(profile_row.code)
    if not profile.has("term_length"):  # no supervisor rules in this jurisdiction (e.g. 003, 004)
        return {"show": False}
    return {"show": True, "title": profile.text("supervisor_title"),
            "campaigns_url": reverse("supervisors:campaigns", args=[profile.code]),
            "open_count": open_campaigns(profile.code).count(),
            "roster_url": reverse("supervisors:roster", args=[profile.code])
            if profile.flag("publishes_roster") else ""}


@register.inclusion_tag("supervisors/apply_link.html")
def recruitment_apply_link(page):
    """On a 选聘公告 made by a campaign: the link to its online application form (and its state)."""
    from ..models import Campaign

    campaign = Campaign.objects.filter(notice_page_id=page.pk, kind=Campaign.RECRUITMENT).first()
    if campaign is None:
        return {"campaign": None}
    return {"campaign": campaign, "accepting": campaign.accepting,
            "url": reverse("supervisors:apply", args=[campaign.jurisdiction, campaign.pk])}
