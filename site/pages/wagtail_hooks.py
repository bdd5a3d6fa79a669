"""Admin and serving hooks of the site structure: the privacy screen with the project's checks
(privacy_admin.py) and the page a response shows, for the anonymous page cache (cache.py)."""
from wagtail import hooks

from .cache import note_served_page
from .privacy_admin import ProjectPageViewSet

hooks.register("before_serve_page", note_served_page)


# order=1: after Wagtail's own base page viewset (order 0), which this one replaces for every page type
@hooks.register("register_admin_viewset", order=1)
def register_page_viewset():
    return ProjectPageViewSet()


@hooks.register("construct_help_menu")
def keep_help_menu_local(request, menu_items):
    """No "Wagtail x.y 的新功能 (New)" or editor's guide linking to English pages on wagtail.org (issue 26)."""
    menu_items[:] = [item for item in menu_items
                     if not (item.name.startswith("whats-new-in-wagtail") or item.name == "editor-guide")]
