"""登录失败警报 in the admin menu and, when an account is failing, on the leaders' dashboard."""
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from roles import access
from roles.menu import RoleMenuItem

from . import admin_views, alerts


@hooks.register("register_admin_urls")
def register_alert_urls():
    return [path("login-alerts/", admin_views.login_alerts, name="login_alerts")]


@hooks.register("register_admin_menu_item")
def register_alert_menu_item():
    return RoleMenuItem("登录失败警报", reverse("login_alerts"), icon_name="warning", order=9100,
                        shown_to=access.is_leader)


class LoginAlertsPanel(Component):
    name = "login_alerts"
    order = 20

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not access.is_leader(self.request.user):
            return ""
        now = timezone.now()
        accounts = alerts.alarming(now)
        if not accounts:
            return ""
        return render_to_string("logins/dashboard_panel.html", {"accounts": accounts[:10], "count": len(accounts)})


@hooks.register("construct_homepage_panels")
def add_login_alerts_panel(request, panels):
    panels.append(LoginAlertsPanel(request))
