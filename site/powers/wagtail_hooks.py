from django.urls import include, path, reverse_lazy
from wagtail import hooks

from roles.access import is_bureau


def may_see(user) -> bool:
    return is_bureau(user) and user.has_perm("powers.view_poweritem")


@hooks.register("register_admin_urls")
def register_urls():
    from . import views

    return [path("powers/", include((views.urlpatterns, "powers"), namespace="powers"))]


@hooks.register("register_casework_menu_item")
def register_menu_item():
    from roles.menu import RoleMenuItem

    return RoleMenuItem("监督权责清单", reverse_lazy("powers:index"), icon_name="list-ul", order=65, name="powers",
                        shown_to=may_see)
