"""Admin URLs and menus of accountability: intake for bureau staff, 我的责任追究 for a person concerned."""
from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.menu import RoleMenuItem, permission

from . import urls
from .selectors import own_records


@hooks.register("register_admin_urls")
def register_urls():
    return [path("accountability/", include((urls.urlpatterns, "fault"), namespace="fault"))]


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_intake_menu():
    return RoleMenuItem("受理责任追究", reverse_lazy("fault:intake"), icon_name="warning", order=233,
                        name="accountability", shown_to=permission("accountability.handle_case"))


@hooks.register("register_admin_menu_item")
def register_mine_menu():
    return RoleMenuItem("我的责任追究", reverse_lazy("fault:mine"), icon_name="user", order=92, name="my-accountability",
                        shown_to=lambda user: own_records(user).exists())


@hooks.register("register_casework_menu_item")
def register_agency_cases_menu():
    """机关自办责任追究 (过错 第五条 / 错案 第四条): the bureau supervises, an agency's legal unit runs its own."""
    return RoleMenuItem("机关自办责任追究", reverse_lazy("fault:agency_cases"), icon_name="warning", order=234,
                        name="agency-accountability",
                        shown_to=lambda user: user.has_perm("accountability.view_case")
                        or user.has_perm("accountability.run_own_case"))
