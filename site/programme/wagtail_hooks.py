"""Admin menu item 年度监督 and the dashboard panel: per agency, what the year still requires and by when."""
from django import forms
from django.template.loader import render_to_string
from django.urls import include, path, reverse_lazy
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from roles.access import bureau_jurisdiction, in_casework, is_bureau
from roles.menu import RoleMenuItem
from roles.refusal_urls import explained
from rules.permissions import policy

from . import urls
from .dashboard import dashboard_context
from .models import ChecklistItem

# an item a finding ticked stays (statistics cite it): retire it with 启用 instead of deleting it
register_permission_policy(ChecklistItem, policy(ChecklistItem, "delete"))


class ChecklistItemForm(forms.ModelForm):
    """Jurisdiction, source and ground chosen by name (no codes to type); the model checks the ground is one of
    the jurisdiction's letter grounds."""

    class Meta:
        model = ChecklistItem
        fields = ["jurisdiction", "section", "code", "label", "source", "document", "article", "letter_ground",
                  "sort_order", "active"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        from rules.models import RuleProfile
        from rules.profiles import get_profile
        from rules.sources import SOURCES

        profiles = list(RuleProfile.objects.order_by("pk"))
        self.fields["jurisdiction"] = forms.ChoiceField(label="辖区", choices=[(p.code, p.name) for p in profiles])
        self.fields["source"] = forms.ChoiceField(label="依据文件", choices=[(c, t) for c, (_s, t) in SOURCES.items()])
        groups = [("", "（不预选）")]
        for p in profiles:
            profile = get_profile(p.code)
            if profile.has("letter_grounds"):
                groups.append((p.name, [(g["code"], f"{g['label']}（{g['citation']}）")
                                        for g in profile.choices("letter_grounds")]))
        self.fields["letter_ground"] = forms.ChoiceField(
            label="对应的制发监督文书情形", required=False, choices=groups,
            help_text="发现问题制发监督文书时预先选中；须为所选辖区的情形")


class ChecklistItemViewSet(ModelViewSet):
    """检查清单: each jurisdiction's inspection / case-file review items with their articles (003 第十二条至第十四条)."""

    model = ChecklistItem
    icon = "tasks"
    menu_label = "检查清单"
    menu_order = 233
    add_to_admin_menu = True
    list_display = ["label", Column("jurisdiction_name", label="辖区"), "section", "article",
                    Column("ground_label", label="对应的制发情形"), "sort_order",
                    BooleanColumn("active", label="启用")]  # a tick or a cross, never "True"/"False"
    list_filter = ["section", "active"]
    search_fields = ["label", "article"]
    form_fields = ["jurisdiction", "section", "code", "label", "source", "document", "article", "letter_ground",
                   "sort_order", "active"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return ChecklistItemForm


@hooks.register("register_admin_viewset")
def register_checklist():
    return ChecklistItemViewSet("checklist_items")


class ProgrammePanel(Component):
    name = "programme"
    order = 95

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        if not (is_bureau(user) and user.has_perm("programme.view_programmeyear")):
            return ""
        from casework.workbench import kept

        # the same for every reader of a jurisdiction, about 15 queries: kept under the work and rules generations
        # and the date
        today, own = timezone.localdate(), bureau_jurisdiction(user)
        return kept(f"programme:{own}", today, lambda: render_to_string("programme/dashboard_panel.html",
                                                                          dashboard_context(today, own)))


@hooks.register("register_admin_urls")
def register_urls():
    return [path("programme/", include((explained(urls.urlpatterns), "programme"), namespace="programme"))]


@hooks.register("register_casework_menu_item")  # the 监督办案 submenu (casework)
def register_menu():
    return RoleMenuItem("年度监督", reverse_lazy("programme:index"), icon_name="date", order=232,
                        name="programme", shown_to=in_casework)


@hooks.register("construct_homepage_panels")
def add_panel(request, panels):
    panels.append(ProgrammePanel(request))


@hooks.register("before_publish_page")
def district_report_needs_a_response_plan(request, page):
    """统计 第五条: the district statistics report is not published before the bureau made its response plan."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .duties import district_publish_refusal

    refusal = district_publish_refusal(page)
    if refusal:
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def district_report_bulk_publish_needs_a_response_plan(request, action_type, objects, action_class_instance):
    """统计 第五条, the same check on Wagtail's bulk 发布: refused, nothing published, while the district report
    is among the pages and no response plan was made."""
    if action_type != "publish":
        return None
    from django.contrib import messages
    from django.shortcuts import redirect

    from .duties import district_publish_refusal

    for page in objects:
        if refusal := district_publish_refusal(page):
            messages.error(request, refusal)
            return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
    return None
