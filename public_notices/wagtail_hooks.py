"""Admin: objections (异议) and window-close summaries for bureau staff; a dashboard panel of what
awaits them. Objections come only from the public form: staff never add or delete them, and they
resolve them through services.objection_resolve (permission checked there too)."""
from django import forms
from django.db.models import Count, Q
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from roles.viewsets import OwnJurisdictionViewSet
from rules.permissions import policy

from .models import OBJECTION_PENDING, REJECTED, UPHELD, Objection, PublicityCandidate, PublicityClosure
from .services import RESOLVE_ACTION, WITHDRAW_ACTION, objection_resolve

register_permission_policy(Objection, policy(Objection, "add", "delete"))
register_permission_policy(PublicityClosure, policy(PublicityClosure, "add", "change", "delete"))


class ObjectionResolveForm(WagtailAdminModelForm):
    candidate = forms.ModelChoiceField(label="异议所涉拟聘人员", queryset=PublicityCandidate.objects.none(),
                                       empty_label="请选择", error_messages={
                                           "required": "请先确定异议所涉的拟聘人员（从公示名单中选择）。"})
    status = forms.ChoiceField(label="处理结论", choices=[(UPHELD, "异议成立"), (REJECTED, "异议不成立")],
                               widget=forms.RadioSelect)

    class Meta:
        model = Objection
        fields = ["candidate", "status", "resolution_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        obj = self.instance
        if obj.pk:
            candidates = PublicityCandidate.objects.filter(page_id=obj.page_id).order_by("sort_order")
            self.fields["candidate"].queryset = candidates
            if not obj.candidate_id:  # the objector typed a name: offer the exact match, the officer confirms
                typed = candidates.filter(name=(obj.person_concerned or "").strip())
                if typed.count() == 1:
                    self.initial["candidate"] = typed.first().pk

    def clean(self):
        data = super().clean()
        if Objection.objects.filter(pk=self.instance.pk).exclude(status=OBJECTION_PENDING).exists():
            raise forms.ValidationError("该异议已处理，不能重复处理。")
        if not (data.get("resolution_note") or "").strip():
            self.add_error("resolution_note", "请填写处理意见（核实情况和结论理由）。")
        return data


class ObjectionResolveView(EditView):
    """Resolving in the admin goes through the same door as the process's task screen
    (services.objection_resolve). A refusal there (decided a moment ago by someone else, no
    permission) comes back as a message on the form, never a server error."""

    def save_instance(self):
        data = self.form.cleaned_data
        return objection_resolve(objection=Objection.objects.get(pk=self.object.pk),
                                 upheld=data["status"] == UPHELD, note=data["resolution_note"],
                                 by=self.request.user, candidate=data["candidate"])

    def form_valid(self, form):
        from django.core.exceptions import PermissionDenied, ValidationError

        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as exc:
            msgs = getattr(exc, "messages", None) or [str(exc)]
            for msg in msgs:
                form.add_error(None, msg)
            self.produced_error_message = "；".join(msgs)
            return self.form_invalid(form)


class OwnSectionsViewSet(OwnJurisdictionViewSet):
    """Rows of a publicity page: a bound bureau account sees those under its own jurisdiction's section."""

    def narrow(self, qs, user):
        from .selectors import own_sections

        under = own_sections(user)
        return qs if under is None else qs.filter(under)


class ObjectionViewSet(OwnSectionsViewSet, ModelViewSet):
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



class ClosureViewSet(OwnSectionsViewSet, ModelViewSet):
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
        from .selectors import own_sections

        under = own_sections(self.request.user)  # read once: the objections and the closures
        pending = pending_objections(self.request.user, under)
        closures = PublicityClosure.objects.all()
        if under is not None:
            closures = closures.filter(under)
        return render_to_string("public_notices/admin/dashboard_panel.html", {
            "pending": pending.order_by("submitted_at")[:10], "pending_count": pending.count(),
            "closures": closures.annotate(
                open_n=Count("page__objections", filter=Q(page__objections__status=OBJECTION_PENDING)))
            .filter(open_n__gt=0).select_related("page")[:10]})


@hooks.register("register_admin_viewset")
def register_notice_admin():
    return NoticeAdminGroup()


@hooks.register("construct_homepage_panels")
def add_objections_panel(request, panels):
    panels.append(PendingObjectionsPanel(request))


@hooks.register("register_log_actions")
def register_objection_actions(actions):
    actions.register_action(RESOLVE_ACTION, "处理公示异议", "处理公示异议（成立/不成立），记录处理前后的状态")


# ------------------------------------------------------------------ a publicity list mid-window
@hooks.register("before_delete_page")
def refuse_deleting_publicity_with_objections(request, page):
    """A publicity list (or a section holding one) with objections or a running window cannot be deleted."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .services import publicity_guard

    why = publicity_guard(page)
    if why:
        messages.error(request, why)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_unpublish_page")
def withdraw_mid_window_only_by_leader_with_reason(request, page):
    """Unpublishing a publicity list while its window runs goes through the withdrawal screen: a leader,
    a written reason, recorded. Outside the window Wagtail's own unpublish applies."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .models import PublicityPage
    from .services import WITHDRAW_PERMISSION

    specific = page.specific
    if not isinstance(specific, PublicityPage) or specific.window_state != "open":
        return None
    if not request.user.has_perm(WITHDRAW_PERMISSION):
        messages.error(request, "该公示正在公示期内，撤下须由司法局负责人决定并写明理由，编辑不能直接撤下。")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect("publicity_withdraw", page.pk)


def publicity_withdraw_view(request, page_id: int):
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.shortcuts import get_object_or_404, redirect
    from django.template.response import TemplateResponse

    from .models import PublicityPage
    from .services import WITHDRAW_PERMISSION, publicity_withdraw

    page = get_object_or_404(PublicityPage, pk=page_id)
    if not request.user.has_perm(WITHDRAW_PERMISSION):
        raise PermissionDenied("公示期内撤下公示须由司法局负责人决定。")
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            publicity_withdraw(page=page, reason=form.cleaned_data["reason"], by=request.user)
        except (ValidationError, PermissionDenied) as exc:
            for msg in getattr(exc, "messages", None) or [str(exc)]:
                form.add_error(None, msg)
        else:
            messages.success(request, f"已撤下《{page.title}》，理由已记录。")
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "public_notices/admin/withdraw.html", {"page": page, "form": form})


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤下理由", widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": "请写明撤下公示的理由。"})


@hooks.register("register_admin_urls")
def register_withdraw_url():
    from django.urls import path

    return [path("publicity/<int:page_id>/withdraw/", publicity_withdraw_view, name="publicity_withdraw")]


@hooks.register("register_log_actions")
def register_withdraw_action(actions):
    actions.register_action(WITHDRAW_ACTION, "公示期内撤下公示", "公示期内撤下公示（负责人决定，理由已记录）")
