"""{% service_entries page %}: the 办事入口 of a jurisdiction section (its own and the general ones), or on
the portal home every jurisdiction's, grouped (service_entries.py)."""
from django import template

from .. import service_entries as entries

register = template.Library()


@register.inclusion_tag("search/includes/service_entries.html")
def service_entries(page=None):
    profile = getattr(page, "profile", None)
    if profile is not None:  # a jurisdiction section
        return {"groups": [("", entries.for_jurisdiction(profile.code))]}
    return {"groups": entries.by_jurisdiction()}


@register.inclusion_tag("search/includes/service_buttons.html")
def service_buttons(items, heading="办事入口"):
    return {"items": items, "heading": heading}
