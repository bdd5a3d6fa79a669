from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.access import in_casework
from roles.menu import RoleMenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_urls():
    return [path("personnel/", include((urls.urlpatterns, "personnel"), namespace="personnel"))]


@hooks.register("register_casework_menu_item")
def register_item():
    return RoleMenuItem("行政执法人员名册", reverse_lazy("personnel:register"), icon_name="user",
                        order=79, name="enforcement-personnel", shown_to=in_casework)
