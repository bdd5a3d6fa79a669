"""Main navigation: the portal home and the sections shown in menus, for the request's Site."""
from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site else None
    items = root.get_children().live().in_menu().specific() if root else []
    current = context.get("page")
    return {"items": items, "home_url": root.url if root else "/", "current": current}
