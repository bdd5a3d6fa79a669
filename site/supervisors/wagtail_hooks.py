"""Admin screens of the register: supervisors (ID number and phone masked in lists, in full on the
detail view, which only bureau staff can open), terms, campaigns, applications with their eligibility
results and citations, dismissals. Records change only through the processes (flows/), so add and
delete are switched off and editing is limited to contact details."""
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from roles.viewsets import OwnJurisdictionViewSet
from rules.permissions import policy

from .models import Application, Campaign, Dismissal, Supervisor, Term

register_permission_policy(Supervisor, policy(Supervisor, "add", "delete"))
for _model in (Term, Campaign, Application, Dismissal):
    register_permission_policy(_model, policy(_model, "add", "change", "delete"))


class SupervisorViewSet(OwnJurisdictionViewSet, ModelViewSet):
    model = Supervisor
    icon = "group"
    menu_label = "监督员名册"
    list_display = ["name", "jurisdiction", "workplace", "masked_id_number", "masked_phone", "status"]
    list_filter = ["jurisdiction", "status"]
    search_fields = ["name", "workplace"]
    form_fields = ["phone", "address", "workplace", "post", "user"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "jurisdiction", "gender", "birth_date", "id_number", "phone", "address",
                           "workplace", "post", "education", "source", "recommending_unit", "status", "user"]


class TermViewSet(OwnJurisdictionViewSet, ModelViewSet):
    model = Term
    icon = "date"
    menu_label = "聘任期与聘书"
    list_display = ["supervisor", "number", "start", "end", "certificate_no", "card_no", "status", "article"]
    list_filter = ["jurisdiction", "status"]
    search_fields = ["certificate_no", "card_no", "supervisor__name"]
    form_fields = ["agreement_signed_on"]
    inspect_view_enabled = True


class CampaignViewSet(OwnJurisdictionViewSet, ModelViewSet):
    model = Campaign
    icon = "doc-full-inverse"
    menu_label = "选聘与续聘"
    list_display = ["title", "jurisdiction", "kind", "places", "deadline", "status", "publicity_end"]
    list_filter = ["jurisdiction", "kind", "status"]
    form_fields = ["description"]
    inspect_view_enabled = True


class ApplicationViewSet(OwnJurisdictionViewSet, ModelViewSet):
    model = Application
    jurisdiction_field = "campaign__jurisdiction"
    icon = "form"
    menu_label = "报名与资格审查"
    list_display = ["name", "campaign", "masked_id_number", "masked_phone", "auto_passed", "review_outcome"]
    list_filter = ["campaign__jurisdiction", "review_outcome", "auto_passed"]
    search_fields = ["name", "workplace"]
    form_fields = ["review_reason"]
    inspect_view_enabled = True
    inspect_view_fields = ["campaign", "name", "gender", "birth_date", "id_number", "phone", "email", "address",
                           "workplace", "post", "education", "intake", "recommending_unit", "applied_on",
                           "eligibility_summary", "auto_passed", "review_outcome", "review_overridden",
                           "review_reason", "reviewed_by", "refusal"]


class DismissalViewSet(OwnJurisdictionViewSet, ModelViewSet):
    model = Dismissal
    icon = "cross"
    menu_label = "解聘"
    list_display = ["supervisor", "ground_label", "article", "automatic", "status", "decided_on",
                    "documents_recovered_on"]
    list_filter = ["jurisdiction", "status", "automatic"]
    form_fields = ["documents_note"]
    inspect_view_enabled = True


class SupervisorsGroup(ViewSetGroup):
    menu_label = "监督员管理"
    menu_icon = "group"
    menu_order = 220
    items = (SupervisorViewSet("supervisor_register"), TermViewSet("supervisor_terms"),
             CampaignViewSet("supervisor_campaigns"), ApplicationViewSet("supervisor_applications"),
             DismissalViewSet("supervisor_dismissals"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SupervisorsGroup()


# ------------------------------------------------------------------ daily management (duty_views.py)
@hooks.register("register_admin_urls")
def register_duty_urls():
    from django.urls import include, path

    from roles.refusal_urls import explained

    from . import duty_urls

    return [path("supervisor-duties/", include((explained(duty_urls.urlpatterns), duty_urls.app_name),
                                               namespace="supervisor_duties"))]


@hooks.register("register_admin_menu_item")
def register_duty_menu():
    from django.urls import reverse_lazy
    from wagtail.admin.menu import Menu, SubmenuMenuItem

    from roles.access import is_bureau
    from roles.menu import RoleMenuItem

    from .selectors import own_record

    def item(label, name, shown_to, icon, order):
        return RoleMenuItem(label, reverse_lazy(f"supervisor_duties:{name}"), icon_name=icon, order=order,
                            name=f"supervisor-duties-{name}", shown_to=shown_to)

    menu = Menu(items=[
        item("履职评价、表彰与调研", "index", is_bureau, "tasks", 10),
        item("事前同意申请", "consents", is_bureau, "tick", 20),
        item("我的申请与调研", "mine", lambda user: own_record(user) is not None, "user", 30),
    ])
    return SubmenuMenuItem("监督员履职管理", menu, icon_name="tasks", order=230, name="supervisor-duties")
