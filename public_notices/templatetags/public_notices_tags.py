"""Template tags: the newest notices and the open publicity windows, for the portal and sections."""
from django import template

from ..selectors import latest_notices, open_publicity

register = template.Library()


@register.inclusion_tag("public_notices/_latest.html", takes_context=True)
def latest_notices_block(context, limit: int = 10):
    page = context.get("page")
    jurisdiction = getattr(getattr(page, "profile", None), "code", None)
    return {"notices": latest_notices(limit=limit, jurisdiction=jurisdiction),
            "open_lists": open_publicity(jurisdiction=jurisdiction)}
