"""Admin: the agency register (执法机关名录) for bureau staff, and the 监督事项 menu for bureau staff and
liaisons. The casework screens are mounted under /admin/casework/ (so the admin login guards them)."""
from django import forms
from django.urls import include, path, reverse, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from roles.access import in_casework, is_bureau
from roles.menu import RoleMenuItem
from roles.names import person_name

from . import urls
from .models import Agency


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["jurisdiction", "name", "short_name", "doc_code", "credit_code", "head_name", "address", "phone", "active"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        from rules.models import RuleProfile

        self.fields["jurisdiction"] = forms.ChoiceField(
            label="辖区", choices=[(p.code, p.name) for p in RuleProfile.objects.order_by("pk")])


def liaison_names(obj: Agency) -> str:
    names = [person_name(u) for u in obj.liaisons]
    return "、".join(names) or "未设联络员"


class LiaisonsColumn(Column):
    """The agency's liaisons by name, linking to where their accounts are kept (联络员账号)."""

    cell_template_name = "casework/agency_liaisons_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("casework:agency_liaisons", args=[instance.pk])
        return context


class AgencyViewSet(ModelViewSet):
    model = Agency
    icon = "site"
    menu_label = "执法机关名录"
    menu_order = 231
    add_to_admin_menu = True
    # a plain function is not a list_display entry in Wagtail's viewsets (it gave a 500): a Column with it
    list_display = ["name", "jurisdiction", "credit_code", "head_name",
                    LiaisonsColumn("liaisons", label="联络员", accessor=liaison_names), "active"]
    list_filter = ["jurisdiction", "active"]
    search_fields = ["name", "short_name", "credit_code"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "jurisdiction", "short_name", "doc_code", "credit_code", "head_name", "address", "phone",
                           "active"]

    def get_form_class(self, for_update=False):
        return AgencyForm


@hooks.register("register_admin_viewset")
def register_agencies():
    return AgencyViewSet("agencies")


@hooks.register("register_admin_urls")
def register_urls():
    return [path("casework/", include((urls.urlpatterns, "casework"), namespace="casework"))]


@hooks.register("register_casework_menu_item")
def register_matters_item():
    return RoleMenuItem("监督事项（一案一档）", reverse_lazy("casework:list"), icon_name="folder-open-inverse",
                        order=1, name="matters", shown_to=in_casework)


@hooks.register("register_casework_menu_item")
def register_templates_item():
    return RoleMenuItem("文书模板", reverse_lazy("casework:templates"), icon_name="doc-full",
                        order=90, name="document-templates",
                        shown_to=lambda user: is_bureau(user) and user.has_perm("casework.view_documenttemplate"))


@hooks.register("register_admin_menu_item")
def register_menu():
    """One 监督办案 submenu: the matters and every casework process's entry (apps register their items
    with the `register_casework_menu_item` hook)."""
    return SubmenuMenuItem("监督办案", Menu(register_hook_name="register_casework_menu_item"),
                           icon_name="folder-open-inverse", order=230, name="casework")


@hooks.register("register_admin_urls")
def register_year_urls():
    """年度概览 (the year at a glance): /admin/casework/year/<year>/."""
    from . import year_views

    return [path("casework/year/", include((year_views.urlpatterns, "casework_year"), namespace="casework_year"))]


@hooks.register("register_casework_menu_item")
def register_year_item():
    return RoleMenuItem("年度概览", reverse_lazy("casework_year:index"), icon_name="table",
                        order=80, name="year-at-a-glance", shown_to=is_bureau)


@hooks.register("construct_homepage_panels", order=100)  # after every app has added its panel
def keep_workbench_panels(request, panels):
    from .workbench import keep_panels

    keep_panels(request, panels)
