"""Staff screens of the supervision contact points (行政执法监督联系点, 003 第十条第一款) under
/admin/complaints/contact-points/: the register with the complaints each point passed on this year, adding or
correcting a point, and closing one. Contact persons' phones are masked in the list."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from form_errors import add_errors
from roles.access import is_bureau

from . import contact_points as cp
from .forms import ContactPointCloseForm, ContactPointForm
from .jurisdiction_choice import chosen, offering
from .models import ContactPoint

LOGIN = "wagtailadmin_login"


def _jurisdictions() -> list:
    return offering(cp.provided)


def _jurisdiction(request) -> str:
    """The chosen jurisdiction (?jurisdiction=); the first whose rules provide this by default."""
    return chosen(request, cp.provided, "该辖区的规则未规定行政执法监督联系点。")


def _bureau(request) -> None:
    if not is_bureau(request.user):
        raise PermissionDenied("只有司法局工作人员可以查看行政执法监督联系点。")


@login_required(login_url=LOGIN)
def point_list(request):
    _bureau(request)
    jurisdiction = _jurisdiction(request)
    year = timezone.localdate().year
    return render(request, "complaints/contact_points.html", {
        "task_title": "行政执法监督联系点", "jurisdiction": jurisdiction, "jurisdictions": _jurisdictions(),
        "citation": cp.citation(jurisdiction), "kinds": cp.kinds(jurisdiction), "year": year,
        "points": list(cp.register(jurisdiction, year)), "can_manage": request.user.has_perm(cp.MANAGE)})


def _form_page(request, form, title, jurisdiction, **extra):
    return render(request, "casework/form.html", {
        "form": form, "task_title": title, "submit_label": "保存",
        "note": f"联系点类别：{'、'.join(k['label'] for k in cp.kinds(jurisdiction))}（{cp.citation(jurisdiction)}）。"
                "名称、类别和地址在投诉举报页面向社会公开；联系人和电话仅工作人员可见。", **extra})


@login_required(login_url=LOGIN)
def point_new(request):
    _bureau(request)
    if not request.user.has_perm(cp.MANAGE):
        raise PermissionDenied(cp.MANAGE_MSG)
    jurisdiction = _jurisdiction(request)
    form = ContactPointForm(request.POST or None, jurisdiction=jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            point = cp.contact_point_save(by=request.user, jurisdiction=jurisdiction, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记监督联系点：{point.name}。")
            return redirect(f"/admin/complaints/contact-points/?jurisdiction={jurisdiction}")
    return _form_page(request, form, "登记行政执法监督联系点", jurisdiction)


@login_required(login_url=LOGIN)
def point_edit(request, pk: int):
    _bureau(request)
    if not request.user.has_perm(cp.MANAGE):
        raise PermissionDenied(cp.MANAGE_MSG)
    point = get_object_or_404(ContactPoint, pk=pk)
    jurisdiction = point.jurisdiction
    if request.method == "POST" and request.POST.get("action") == "close":
        close = ContactPointCloseForm(request.POST)
        if close.is_valid():
            try:
                cp.contact_point_close(by=request.user, point=point, closed_on=close.cleaned_data["closed_on"])
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
            else:
                messages.success(request, f"监督联系点“{point.name}”已撤销。")
        else:
            messages.error(request, "请填写撤销日期。")
        return redirect(f"/admin/complaints/contact-points/?jurisdiction={jurisdiction}")
    initial = {f: getattr(point, f) for f in ("name", "kind", "address", "contact_name", "contact_phone",
                                              "established_on")}
    form = ContactPointForm(request.POST or None, jurisdiction=jurisdiction, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cp.contact_point_save(by=request.user, jurisdiction=jurisdiction, data=form.cleaned_data, point=point)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已更正监督联系点：{form.cleaned_data['name']}。")
            return redirect(f"/admin/complaints/contact-points/?jurisdiction={jurisdiction}")
    return _form_page(request, form, f"更正监督联系点：{point.name}", jurisdiction)
