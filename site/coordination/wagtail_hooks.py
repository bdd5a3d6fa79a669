"""Admin URLs and menu of dispute coordination: liaisons apply, bureau staff open one themselves."""
from django.urls import include, path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from roles.access import is_bureau, is_liaison

from . import urls


class ApplyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_liaison(request.user) or is_bureau(request.user)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("coordination/", include((urls.urlpatterns, "dispute"), namespace="dispute"))]


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_menu():
    return ApplyMenuItem("申请争议协调", reverse_lazy("dispute:apply"), icon_name="group", order=232,
                         name="coordination")


class MineMenuItem(MenuItem):
    def is_shown(self, request):
        return is_liaison(request.user)


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_mine_menu():
    return MineMenuItem("我的争议协调", reverse_lazy("dispute:mine"), icon_name="group", order=233, name="my-disputes")
