"""Main navigation: the portal home and the sections shown in menus, for the request's Site."""
from django import template
from django.core.cache import cache
from wagtail.models import Site

register = template.Library()


def nav_items(site) -> tuple[str, list[dict]]:
    """(home url, [{url, path, title}]) of the site's menu; kept in the cache under the page cache's
    generation, so any page change (pages.cache.bump) rebuilds it."""
    from pages.cache import generation
    from pages.visibility import visible_to_anonymous

    key = f"pagenav:{generation()}:{site.pk}"
    stored = cache.get(key)
    if stored is None:
        root = site.root_page
        stored = (root.url, [{"url": p.url, "path": p.path, "title": p.title}
                             for p in visible_to_anonymous(root.get_children()).in_menu()])
        cache.set(key, stored, 3600)
    return stored


@register.inclusion_tag("includes/nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    home_url, items = nav_items(site) if site else ("/", [])
    current = context.get("page")
    return {"items": items, "home_url": home_url, "current": current}
