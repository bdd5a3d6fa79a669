"""Admin: the 投诉举报 menu and screens for bureau staff; 干预插手记录 for every staff role; a read-only
admin view of interference records whose permission policy denies add, change and delete to everyone
(superusers included); the leaders' dashboard panel of recent interference records."""
from django.template.loader import render_to_string
from django.urls import include, path, reverse_lazy
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from roles.access import bureau_jurisdiction, is_bureau, is_leader, own_jurisdiction_only
from roles.menu import RoleMenuItem, permission
from roles.refusal_urls import explained
from roles.viewsets import OwnJurisdictionViewSet
from rules.permissions import policy

from . import urls
from .models import InterferenceRecord

# append-only (干预插手记录规定 第六条 全程留痕): nobody adds here (the recording screen does), nobody edits/deletes
INTERFERENCE_POLICY = policy(InterferenceRecord, "add", "change", "delete")
register_permission_policy(InterferenceRecord, INTERFERENCE_POLICY)


class InterferenceViewSet(OwnJurisdictionViewSet, ModelViewSet):
    model = InterferenceRecord
    icon = "warning"
    add_to_admin_menu = False
    list_display = ["pk", "occurred_at", "interferer_name", "interferer_unit", "kind_label", "manner", "case_ref",
                    "recorded_by", "recorded_at", "corrects"]
    list_filter = ["jurisdiction", "manner"]
    search_fields = ["interferer_name", "case_ref"]
    form_fields = ["content"]
    inspect_view_enabled = True
    permission_policy = INTERFERENCE_POLICY


class InterferencePanel(Component):
    """Leaders are told of every new interference record (第八条 通报): the last 90 days on the dashboard."""

    name = "interference"
    order = 95

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not is_leader(self.request.user):
            return ""
        since = timezone.now() - timezone.timedelta(days=90)
        records = own_jurisdiction_only(InterferenceRecord.objects.filter(recorded_at__gte=since),
                                        self.request.user).select_related("recorded_by")
        return render_to_string("complaints/dashboard_panel.html", {
            "records": records[:10], "count": records.count()})


class ComplaintsPanel(Component):
    """What waits on the bureau: complaints to accept or refuse (第七条) and opinions to review (第九条)."""

    name = "complaints"
    order = 92

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        from . import services
        from .models import ACCEPTED, RECEIVED
        from .selectors import visible_complaints

        user = self.request.user
        qs = visible_complaints(user)
        to_decide = []
        if user.has_perm(services.HANDLE):
            waiting = list(qs.filter(status=RECEIVED).order_by("received_on")[:10])
            accept, _finish = services.list_clocks(waiting)  # two queries for the ten, not one a complaint
            to_decide = [(c, accept.get(c.pk)) for c in waiting]
        to_review = list(qs.filter(status=ACCEPTED).exclude(opinion="")[:10]) if user.has_perm(services.DECIDE) else []
        if not to_decide and not to_review:
            return ""
        return render_to_string("complaints/dashboard_complaints.html", {"to_decide": to_decide,
                                                                         "to_review": to_review})


@hooks.register("register_admin_urls")
def register_urls():
    return [path("complaints/", include((explained(urls.staff), "complaints"), namespace="complaints"))]


@hooks.register("register_admin_viewset")
def register_interference_viewset():
    return InterferenceViewSet("interference_records")


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_menu():
    return RoleMenuItem("投诉举报", reverse_lazy("complaints:list"), icon_name="mail", order=232, name="complaints",
                        shown_to=lambda user: is_bureau(user) and user.has_perm("complaints.view_complaint"))


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_hotline_menu():
    return RoleMenuItem("12345热线工单", reverse_lazy("complaints:hotline"), icon_name="mail", order=234,
                        name="hotline_orders", shown_to=_sees_hotline)


def _sees_hotline(user) -> bool:
    """Bureau staff, where a jurisdiction's rules have the 12345 hotline work orders (003 第十条)."""
    return is_bureau(user) and user.has_perm("complaints.view_complaint") and _provided(user, "hotline_orders")


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_contact_points_menu():
    return RoleMenuItem("监督联系点", reverse_lazy("complaints:contact_points"), icon_name="site", order=235,
                        name="contact_points", shown_to=_sees_contact_points)


def _sees_contact_points(user) -> bool:
    """Bureau staff, where a jurisdiction's rules have supervision contact points (003 第十条第一款)."""
    return is_bureau(user) and _provided(user, "supervision_contact_points")


def _provided(user, key: str) -> bool:
    """Whether the rules give the work `key`: in the account's own jurisdiction, else in any."""
    from rules.profiles import FigureMissing, figure_in_any, get_profile

    own = bureau_jurisdiction(user)
    if not own:
        return figure_in_any(key)
    try:
        return get_profile(own).has(key)
    except FigureMissing:
        return False


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_interference_menu():
    return RoleMenuItem("干预插手记录", reverse_lazy("complaints:interference"), icon_name="warning", order=233,
                        name="interference", shown_to=permission("complaints.record_interference"))


@hooks.register("construct_homepage_panels")
def add_interference_panel(request, panels):
    panels.append(ComplaintsPanel(request))
    panels.append(InterferencePanel(request))
