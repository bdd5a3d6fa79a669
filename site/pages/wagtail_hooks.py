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
