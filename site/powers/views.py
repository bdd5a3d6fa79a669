"""Screens of the power and responsibility list (/admin/powers/): the list per jurisdiction, a line's form,
deletion, publication. Form -> service -> message -> redirect; the writes are powers.services."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from casework.visibility import explain_refusals
from form_errors import required_messages_in_chinese, submit
from roles.access import is_bureau, own_jurisdiction_only, require_own_jurisdiction
from rules.models import RuleProfile
from rules.profiles import get_profile

from . import services
from .models import CATEGORIES, PowerItem, PowerListRelease

LOGIN = "wagtailadmin_login"


def list_jurisdictions(user=None) -> list:
    """The profiles whose rules call for a power and responsibility list (the `power_list` figure); only the own
    one for a bureau account bound to a jurisdiction."""
    codes = own_jurisdiction_only(RuleProfile.objects.order_by("pk"), user, "code").values_list("code", flat=True)
    return [p for p in (get_profile(code) for code in codes) if p.has("power_list")]


def _staff(user) -> None:
    if not (is_bureau(user) and user.has_perm("powers.view_poweritem")):
        raise PermissionDenied("只有司法局工作人员可以查看和编辑行政执法监督权责清单。")


class PowerItemForm(forms.Form):
    order = forms.IntegerField(label="序号", min_value=1, max_value=9999,
                               error_messages={"invalid": "序号应为正整数。", "min_value": "序号应为正整数。"})
    category = forms.ChoiceField(label="类别", choices=CATEGORIES)
    name = forms.CharField(label="事项名称", max_length=200)
    basis = forms.CharField(label="设定依据", widget=forms.Textarea(attrs={"rows": 3}),
                            help_text="法律、法规、规章或规范性文件的名称及条款。")
    content = forms.CharField(label="行使方式与内容", widget=forms.Textarea(attrs={"rows": 3}))
    responsibility = forms.CharField(label="责任事项", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


@login_required(login_url=LOGIN)
@explain_refusals
def index(request):
    _staff(request.user)
    found = list_jurisdictions(request.user)
    if len(found) == 1:
        return redirect("powers:list", jurisdiction=found[0].code)
    return render(request, "powers/index.html", {"task_title": "行政执法监督权责清单", "profiles": found})


@login_required(login_url=LOGIN)
@explain_refusals
def power_list(request, jurisdiction: str):
    _staff(request.user)
    profile = _profile_or_404(request, jurisdiction)
    return render(request, "powers/list.html", {
        "task_title": f"{profile.authority}行政执法监督权责清单", "profile": profile,
        "citation": profile.figure("power_list").citation,
        "items": PowerItem.objects.filter(jurisdiction=jurisdiction).order_by("order", "pk"),
        "releases": PowerListRelease.objects.filter(jurisdiction=jurisdiction).select_related("page",
                                                                                             "published_by")[:10],
        "can_edit": request.user.has_perm("powers.change_poweritem"),
        "can_publish": request.user.has_perm("powers.publish_powerlist")})


def _profile_or_404(request, jurisdiction: str):
    from django.http import Http404

    found = [p for p in list_jurisdictions() if p.code == jurisdiction]
    if not found:
        raise Http404("该辖区的规则未要求制定行政执法监督权责清单。")
    require_own_jurisdiction(request.user, jurisdiction)
    return found[0]


@login_required(login_url=LOGIN)
@explain_refusals
def item_form(request, jurisdiction: str, pk: int | None = None):
    _staff(request.user)
    profile = _profile_or_404(request, jurisdiction)
    item = get_object_or_404(PowerItem, pk=pk, jurisdiction=jurisdiction) if pk else None
    if item is None:
        nxt = (PowerItem.objects.filter(jurisdiction=jurisdiction).order_by("-order").values_list("order", flat=True)
               .first() or 0) + 1
        initial = {"order": nxt}
    else:
        initial = {k: getattr(item, k) for k in services.FIELDS}
    form = PowerItemForm(request.POST or None, initial=initial)

    def act(data):
        saved = services.power_item_save(by=request.user, jurisdiction=jurisdiction, item=item, **data)
        messages.success(request, f"已保存权责事项：{saved.order}. {saved.name}")
        return redirect("powers:list", jurisdiction=jurisdiction)

    return submit(request, form, act) or render(request, "casework/form.html", {
        "task_title": ("编辑" if item else "新增") + "权责事项", "form": form,
        "note": f"{profile.authority}行政执法监督权责清单（{profile.figure('power_list').citation}）"})


@login_required(login_url=LOGIN)
@explain_refusals
@require_POST
def item_delete(request, pk: int):
    _staff(request.user)
    item = get_object_or_404(PowerItem, pk=pk)
    require_own_jurisdiction(request.user, item.jurisdiction)
    services.power_item_delete(by=request.user, item=item)
    messages.success(request, f"已删除权责事项：{item.name}")
    return redirect("powers:list", jurisdiction=item.jurisdiction)


@login_required(login_url=LOGIN)
@explain_refusals
@require_POST
def publish(request, jurisdiction: str):
    from django.core.exceptions import ValidationError

    _staff(request.user)
    _profile_or_404(request, jurisdiction)
    try:
        release = services.power_list_publish(by=request.user, jurisdiction=jurisdiction)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, f"已发布权责清单（共{release.items}项）：{release.page.title}")
    return redirect(reverse("powers:list", kwargs={"jurisdiction": jurisdiction}))


urlpatterns = [
    path("", index, name="index"),
    path("<str:jurisdiction>/", power_list, name="list"),
    path("<str:jurisdiction>/new/", item_form, name="new"),
    path("<str:jurisdiction>/items/<int:pk>/", item_form, name="edit"),
    path("items/<int:pk>/delete/", item_delete, name="delete"),
    path("<str:jurisdiction>/publish/", publish, name="publish"),
]
