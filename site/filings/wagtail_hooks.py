from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.access import in_casework


@hooks.register("register_admin_urls")
def register_urls():
    from . import views

    return [path("filings/", include((views.urlpatterns, "filings"), namespace="filings"))]


@hooks.register("register_casework_menu_item")
def register_menu_item():
    from roles.menu import RoleMenuItem

    return RoleMenuItem("重大执法决定备案", reverse_lazy("filings:list"), icon_name="doc-full",
                        order=60, name="filings", shown_to=in_casework)
