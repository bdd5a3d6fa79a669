"""Admin menu, URLs and dashboard panel for activities, recusal and opinions; each item shows only to
the role that may use it (selectors.is_bureau / is_supervisor / is_liaison)."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from roles.access import own_jurisdiction_only
from roles.menu import RoleMenuItem
from roles.refusal_urls import explained

from . import urls
from .models import FORWARDED, INVITED, SUBMITTED, Invitation, Opinion
from .selectors import is_bureau, is_liaison, is_supervisor, may_organise, open_for_agency


def _item(label, url_name, shown_to, icon, order):
    return RoleMenuItem(label, reverse_lazy(f"activities_admin:{url_name}"), icon_name=icon, order=order,
                        name=f"activities-{url_name}", shown_to=shown_to)


MENU = Menu(
    items=[
        _item("监督活动", "activities", is_bureau, "date", 10),
        _item("回避记录", "conflicts", is_bureau, "warning", 20),
        _item("无故缺席认定", "findings", is_bureau, "warning", 30),
        _item("意见建议与线索", "opinions", is_bureau, "mail", 40),
        _item("我的监督活动", "my_invitations", is_supervisor, "date", 50),
        _item("我的意见建议", "my_opinions", is_supervisor, "mail", 60),
        _item("转送本机关事项", "agency_opinions", is_liaison, "mail", 70),
        _item("邀请监督员参加活动", "activities", may_organise, "date", 80),
    ]
)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("activities/", include((explained(urls.urlpatterns), urls.app_name), namespace="activities_admin"))]


@hooks.register("register_admin_menu_item")
def register_menu():
    return SubmenuMenuItem("监督活动与意见", MENU, icon_name="group", order=240, name="activities")


class TodoPanel(Component):
    """What waits for this user: forwarding and attendance (bureau), declarations (supervisor),
    answers (liaison)."""

    name = "activities_todo"
    order = 95

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user, items = self.request.user, []
        if is_bureau(user):
            items.append(
                (
                    "待转送的意见建议",
                    own_jurisdiction_only(Opinion.objects.filter(status=SUBMITTED), user).count(),
                    reverse_lazy("activities_admin:opinions"),
                )
            )
            items.append(
                (
                    "已举行、待登记出席的邀请",
                    own_jurisdiction_only(Invitation.objects.filter(status=INVITED, activity__held_on__lt=_today()),
                                          user, "activity__jurisdiction").count(),
                    reverse_lazy("activities_admin:activities"),
                )
            )
        if is_supervisor(user):
            items.append(
                (
                    "待作回避声明的活动邀请",
                    Invitation.objects.filter(
                        supervisor__user=user, status=INVITED, declaration="", activity__held_on__gte=_today()
                    )
                    .exclude(activity__agency__isnull=True, activity__case_ref="")
                    .count(),
                    reverse_lazy("activities_admin:my_invitations"),
                )
            )
        if is_liaison(user):
            items.append(
                (
                    "待反馈的转送事项",
                    open_for_agency(user).filter(status=FORWARDED).count(),
                    reverse_lazy("activities_admin:agency_opinions"),
                )
            )
        if not items:
            return ""
        return render_to_string("activities/dashboard_panel.html", {"items": items})


def _today():
    from django.utils import timezone

    return timezone.localdate()


@hooks.register("construct_homepage_panels")
def add_todo_panel(request, panels):
    panels.append(TodoPanel(request))
