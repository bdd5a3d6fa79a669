"""Admin: objections (异议) and window-close summaries for bureau staff; a dashboard panel of what
awaits them. Objections come only from the public form: staff never add or delete them, and they
resolve them through services.objection_resolve (permission checked there too)."""
from django import forms
from django.db.models import Count, Q
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic.models import EditView
from wagtail.permissions import register_permission_policy

from rules.permissions import policy

from .models import OBJECTION_PENDING, REJECTED, UPHELD, Objection, PublicityClosure
from .services import objection_resolve

register_permission_policy(Objection, policy(Objection, "add", "delete"))
register_permission_policy(PublicityClosure, policy(PublicityClosure, "add", "change", "delete"))


class ObjectionResolveForm(WagtailAdminModelForm):
    status = forms.ChoiceField(label="处理结论", choices=[(UPHELD, "异议成立"), (REJECTED, "异议不成立")],
                               widget=forms.RadioSelect)

    class Meta:
        model = Objection
        fields = ["status", "resolution_note"]

    def clean(self):
        data = super().clean()
        if Objection.objects.filter(pk=self.instance.pk).exclude(status=OBJECTION_PENDING).exists():
            raise forms.ValidationError("该异议已处理，不能重复处理。")
        if not (data.get("resolution_note") or "").strip():
            self.add_error("resolution_note", "请填写处理意见（核实情况和结论理由）。")
        return data


class ObjectionResolveView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return objection_resolve(objection=Objection.objects.get(pk=self.object.pk),
                                 upheld=data["status"] == UPHELD, note=data["resolution_note"],
                                 by=self.request.user)


class ObjectionViewSet(ModelViewSet):
    model = Objection
    icon = "warning"
    menu_label = "公示异议"
    list_display = ["person_concerned", "page", "objector_name", "masked_contact", "submitted_at", "status"]
    list_filter = ["status"]
    search_fields = ["person_concerned", "objector_name", "facts"]
    edit_view_class = ObjectionResolveView
    inspect_view_enabled = True
    inspect_view_fields = ["page", "candidate", "person_concerned", "objector_name", "contact", "facts",
                           "submitted_at", "status", "resolution_note", "resolved_by", "resolved_at"]

    def get_form_class(self, for_update=False):
        return ObjectionResolveForm

    def get_queryset(self, request):
        return Objection.objects.select_related("page", "candidate")


class ClosureViewSet(ModelViewSet):
    model = PublicityClosure
    icon = "list-ul"
    menu_label = "公示期届满汇总"
    list_display = ["page", "closed_on", "objection_count", "pending_count", "created_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "closed_on", "objection_count", "pending_count", "summary", "created_at"]
    form_fields = ["summary"]


class NoticeAdminGroup(ViewSetGroup):
    menu_label = "公示异议处理"
    menu_icon = "warning"
    menu_order = 260
    items = (ObjectionViewSet("objections"), ClosureViewSet("publicity_closures"))


class PendingObjectionsPanel(Component):
    name = "pending_objections"
    order = 95

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        from .selectors import pending_objections

        if not self.request.user.has_perm("public_notices.view_objection"):
            return ""
        pending = pending_objections(self.request.user)
        return render_to_string("public_notices/admin/dashboard_panel.html", {
            "pending": pending.order_by("submitted_at")[:10], "pending_count": pending.count(),
            "closures": PublicityClosure.objects.annotate(
                open_n=Count("page__objections", filter=Q(page__objections__status=OBJECTION_PENDING)))
            .filter(open_n__gt=0).select_related("page")[:10]})


@hooks.register("register_admin_viewset")
def register_notice_admin():
    return NoticeAdminGroup()


@hooks.register("construct_homepage_panels")
def add_objections_panel(request, panels):
    panels.append(PendingObjectionsPanel(request))
