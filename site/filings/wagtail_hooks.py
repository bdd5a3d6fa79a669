from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.access import agency_of, in_casework, is_bureau
from roles.refusal_urls import explained


def may_see(user) -> bool:
    """Bureau staff, or a liaison whose jurisdiction's rules provide 备案审查 (Enshi 003 第二十二条)."""
    if not in_casework(user):
        return False
    if is_bureau(user):
        return True
    from filings.views import filing_jurisdictions

    agency = agency_of(user)
    return agency is not None and agency.jurisdiction in filing_jurisdictions()


@hooks.register("register_admin_urls")
def register_urls():
    from . import views

    return [path("filings/", include((explained(views.urlpatterns), "filings"), namespace="filings"))]


@hooks.register("register_casework_menu_item")
def register_menu_item():
    from roles.menu import RoleMenuItem

    return RoleMenuItem("重大执法决定备案", reverse_lazy("filings:list"), icon_name="doc-full",
                        order=60, name="filings", shown_to=may_see)
