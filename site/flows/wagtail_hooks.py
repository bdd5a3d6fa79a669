"""The staff home: a "我的待办" menu item and a dashboard panel with open tasks, overdue clocks and
terms about to end."""
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from roles.menu import RoleMenuItem

from .worklist import for_request


class TasksPanel(Component):
    name = "my_tasks"
    order = 80

    class Media:
        css = {"all": ["flows/worklist.css"]}

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        from casework.workbench import is_workbench_user
        from clocks.selectors import overdue
        from supervisors.terms import terms_to_decide

        user = self.request.user
        workbench = is_workbench_user(user)  # the workbench shows the items; this panel keeps the terms
        items = [] if workbench else for_request(self.request)
        staff = user.has_perm("supervisors.review_application") or user.has_perm("supervisors.approve_shortlist")
        awaiting, ending = terms_to_decide() if staff else ([], [])  # one query for both lists
        return render_to_string("flows/dashboard_panel.html", {
            "items": items[:20], "todo_count": len(items), "workbench": workbench,
            "overdue_count": overdue().count() if user.has_perm("clocks.view_clock") and not workbench else None,
            "ending": ending, "awaiting": awaiting,
            "can_decide_terms": user.has_perm("supervisors.approve_shortlist"),
        }, request=self.request)


class TasksMenuItem(RoleMenuItem):
    """我的待办 with its count in the label (Wagtail 8's sidebar items carry no badge): 我的待办（3）. The
    count comes from the cache (flows.badge) on most pages; any write that changes work makes it stale."""

    def render_component(self, request):
        from .badge import count_for_request

        component = super().render_component(request)
        n = count_for_request(request)
        if n:
            component.label = f"{self.label}（{n}）"
        return component


@hooks.register("register_admin_menu_item")
def register_tasks_menu():
    return TasksMenuItem("我的待办", reverse("flows:inbox"), icon_name="tasks", order=90,
                         shown_to=lambda user: user.is_authenticated)


@hooks.register("register_admin_menu_item")
def register_own_record_menu():
    from supervisors.selectors import own_record

    return RoleMenuItem("我的监督员档案", reverse("flows:my_record"), icon_name="user", order=91,
                        shown_to=lambda user: own_record(user) is not None)


@hooks.register("construct_homepage_panels")
def add_tasks_panel(request, panels):
    from casework.workbench import arrange

    panels.append(TasksPanel(request))
    arrange(request, panels)
