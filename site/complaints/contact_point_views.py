"""Staff screens of the supervision contact points (行政执法监督联系点, 003 第十条第一款) under
/admin/complaints/contact-points/: the register with the complaints each point passed on this year, adding or
correcting a point, and one point's own screen (its complaints, and closing it: 撤销). Contact persons' phones are
masked in the list."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from form_errors import add_errors
from roles.access import is_bureau, require_own_jurisdiction
from rules.jurisdiction_choice import chosen, offering

from . import contact_points as cp
from .forms import ContactPointCloseForm, ContactPointForm
from .models import ContactPoint

LOGIN = "wagtailadmin_login"


def _jurisdictions(user) -> list:
    return offering(cp.provided, user)


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
        "task_title": "行政执法监督联系点", "jurisdiction": jurisdiction, "jurisdictions": _jurisdictions(request.user),
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
def point_detail(request, pk: int):
    """One point's screen: what the register knows of it, the complaints it passed on, and its 撤销 (through
    contact_points.contact_point_close); a refused date is shown on the form and nothing is written."""
    _bureau(request)
    point = get_object_or_404(ContactPoint, pk=pk)
    require_own_jurisdiction(request.user, point.jurisdiction)
    can_manage = request.user.has_perm(cp.MANAGE)
    close = ContactPointCloseForm(request.POST or None) if can_manage and point.active else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied(cp.MANAGE_MSG)
        if close is not None and close.is_valid():
            try:
                cp.contact_point_close(by=request.user, point=point, closed_on=close.cleaned_data["closed_on"])
            except ValidationError as exc:
                add_errors(close, exc)
            else:
                messages.success(request, f"监督联系点“{point.name}”已撤销。")
                return redirect("complaints:contact_point", pk=point.pk)
        elif close is None:
            messages.error(request, f"监督联系点“{point.name}”已于{point.closed_on:%Y-%m-%d}撤销。")
            return redirect("complaints:contact_point", pk=point.pk)
    year = timezone.localdate().year
    counted = cp.register(point.jurisdiction, year).get(pk=point.pk)
    return render(request, "complaints/contact_point_detail.html", {
        "task_title": f"行政执法监督联系点：{point.name}", "point": point, "citation": cp.citation(point.jurisdiction),
        "year": year, "year_count": counted.year_count, "total_count": counted.total_count,
        "complaints": cp.passed_on(point)[:cp.RECENT], "recent": cp.RECENT,
        "can_manage": can_manage, "close": close})


@login_required(login_url=LOGIN)
def point_edit(request, pk: int):
    _bureau(request)
    if not request.user.has_perm(cp.MANAGE):
        raise PermissionDenied(cp.MANAGE_MSG)
    point = get_object_or_404(ContactPoint, pk=pk)
    require_own_jurisdiction(request.user, point.jurisdiction)
    jurisdiction = point.jurisdiction
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
            return redirect("complaints:contact_point", pk=point.pk)
    return _form_page(request, form, f"更正监督联系点：{point.name}", jurisdiction)
