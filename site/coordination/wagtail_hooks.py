"""Admin URLs and menu of dispute coordination: liaisons apply, bureau staff open one themselves."""
from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.access import agency_of, in_casework, is_bureau, is_liaison
from roles.menu import RoleMenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_urls():
    return [path("coordination/", include((urls.urlpatterns, "dispute"), namespace="dispute"))]


def may_apply(user) -> bool:
    """Bureau staff, or a liaison whose jurisdiction's rules provide dispute coordination (not every one does)."""
    if not in_casework(user):
        return False
    if is_bureau(user):
        return True
    from rules.profiles import FigureMissing, get_profile

    agency = agency_of(user)
    try:
        return agency is not None and get_profile(agency.jurisdiction).has("dispute_categories")
    except FigureMissing:
        return False


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_menu():
    return RoleMenuItem("申请争议协调", reverse_lazy("dispute:apply"), icon_name="group", order=232,
                        name="coordination", shown_to=may_apply)


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_mine_menu():
    return RoleMenuItem("我的争议协调", reverse_lazy("dispute:mine"), icon_name="group", order=233, name="my-disputes",
                        shown_to=is_liaison)
