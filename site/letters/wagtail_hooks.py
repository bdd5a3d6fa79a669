"""Admin: the letter screens under /admin/letters/ and a menu item for officers."""
from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.menu import RoleMenuItem, permission

from . import urls


@hooks.register("register_admin_urls")
def register_urls():
    return [path("letters/", include((urls.urlpatterns, "letters"), namespace="letters"))]


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_menu():
    return RoleMenuItem("制发监督建议书", reverse_lazy("letters:new"), icon_name="doc-full-inverse",
                        order=232, name="letters", shown_to=permission("letters.draft_letter"))
