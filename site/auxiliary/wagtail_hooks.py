from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.access import in_casework
from roles.menu import RoleMenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_urls():
    return [path("auxiliary/", include((urls.urlpatterns, "auxiliary"), namespace="auxiliary"))]


@hooks.register("register_casework_menu_item")
def register_roster_item():
    return RoleMenuItem("行政执法辅助人员名册", reverse_lazy("auxiliary:roster"), icon_name="group",
                        order=80, name="auxiliary-staff", shown_to=in_casework)
