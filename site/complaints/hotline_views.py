"""Staff screens of the 12345 hotline work orders (complaints.hotline, 003 第十条) under /admin/complaints/hotline/:
the list (callers masked), entering one, importing a sheet (every bad cell reported, nothing stored on error),
a work order with its state and the answer back, and the Excel export for the hotline."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from casework.paging import page_of, query_without_page
from form_errors import add_errors
from roles.access import is_bureau, require, require_own_jurisdiction
from rules.jurisdiction_choice import chosen, offering
from rules.profiles import get_profile

from . import forms, hotline, services
from .models import OPEN_STATUSES, HotlineOrder

LOGIN = "wagtailadmin_login"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _jurisdictions(user) -> list:
    return offering(hotline.provided, user)


def _jurisdiction(request) -> str:
    """The chosen jurisdiction (?jurisdiction=); the first whose rules provide this by default."""
    return chosen(request, hotline.provided, "该辖区的规则未规定12345热线转办工单。")


def _bureau(request) -> None:
    if not is_bureau(request.user) or not request.user.has_perm("complaints.view_complaint"):
        raise PermissionDenied("只有司法局工作人员可以查看12345热线工单。")


def _context(request, jurisdiction: str, **extra) -> dict:
    profile = get_profile(jurisdiction)
    return {"jurisdiction": jurisdiction, "jurisdictions": _jurisdictions(request.user), "profile": profile,
            "rule": profile.figure("hotline_orders"), **extra}


@login_required(login_url=LOGIN)
def order_list(request):
    _bureau(request)
    jurisdiction = _jurisdiction(request)
    qs = HotlineOrder.objects.filter(jurisdiction=jurisdiction).select_related("complaint", "complaint__agency")
    page, error = page_of(qs, request.GET.get("page"))
    return render(request, "complaints/hotline_list.html", _context(
        request, jurisdiction, task_title="12345热线工单", page=page, error=error,
        orders=list(page.object_list) if page else [], query=query_without_page({"jurisdiction": jurisdiction}),
        can_enter=request.user.has_perm(services.HANDLE)), status=400 if error else 200)


@login_required(login_url=LOGIN)
def order_new(request):
    require(request.user, services.HANDLE, "只有司法局经办人可以登记12345热线工单。")
    jurisdiction = _jurisdiction(request)
    form = forms.HotlineOrderForm(request.POST or None, jurisdiction=jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            order, code = hotline.hotline_order_enter(by=request.user, jurisdiction=jurisdiction, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记工单{order.order_number}：受理编号{order.complaint.receipt_number}，"
                                      f"查询码{code}（可告知热线转告来电人，系统不再显示查询码）。")
            return redirect("complaints:hotline_detail", pk=order.pk)
    return render(request, "complaints/hotline_form.html", _context(
        request, jurisdiction, form=form, task_title="登记12345热线工单"))


@login_required(login_url=LOGIN)
def order_import(request):
    require(request.user, services.HANDLE, "只有司法局经办人可以导入12345热线工单。")
    jurisdiction = _jurisdiction(request)
    form = forms.HotlineImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            orders = hotline.import_orders(by=request.user, jurisdiction=jurisdiction, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, f"已导入{len(orders)}件工单，均已进入投诉举报受理审核。")
            return redirect(f"/admin/complaints/hotline/?jurisdiction={jurisdiction}")
    return render(request, "complaints/hotline_import.html", _context(
        request, jurisdiction, form=form, problems=problems, columns=[h for h, _ in hotline.COLUMNS],
        task_title="导入12345热线工单"), status=400 if problems else 200)


@login_required(login_url=LOGIN)
def import_template(request):
    _bureau(request)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = ("attachment; filename=\"hotline-orders.xlsx\"; filename*=utf-8''"
                                       "12345%E7%83%AD%E7%BA%BF%E5%B7%A5%E5%8D%95.xlsx")  # 12345热线工单.xlsx
    hotline.template_workbook().save(response)
    return response


@login_required(login_url=LOGIN)
def order_detail(request, pk: int, reply_form=None):
    _bureau(request)
    order = HotlineOrder.objects.select_related("complaint", "complaint__agency", "reply_notice").filter(pk=pk).first()
    if order is None:
        raise Http404("没有这件12345热线工单。")
    require_own_jurisdiction(request.user, order.jurisdiction)
    can_reply = request.user.has_perm(services.HANDLE) and order.awaiting_reply
    form = reply_form or (forms.HotlineReplyForm(initial={"on": timezone.localdate()}) if can_reply else None)
    return render(request, "complaints/hotline_detail.html", _context(
        request, order.jurisdiction, order=order, complaint=order.complaint, form=form,
        outcome=hotline.outcome_text(order) if order.complaint.status not in OPEN_STATUSES else "",
        task_title=f"12345热线工单 {order.order_number}"), status=400 if reply_form else 200)


@login_required(login_url=LOGIN)
def order_reply(request, pk: int):
    require(request.user, services.HANDLE, "只有司法局经办人可以回复12345热线工单。")
    if request.method != "POST":
        return redirect("complaints:hotline_detail", pk=pk)
    order = HotlineOrder.objects.filter(pk=pk).first()
    if order is None:
        raise Http404("没有这件12345热线工单。")
    form = forms.HotlineReplyForm(request.POST)
    if form.is_valid():
        try:
            hotline.hotline_reply(order=order, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "已回复热线，回复函已生成。")
            return redirect("complaints:hotline_detail", pk=pk)
    return order_detail(request, pk, reply_form=form)


@login_required(login_url=LOGIN)
def order_export(request):
    _bureau(request)
    jurisdiction = _jurisdiction(request)
    orders = HotlineOrder.objects.filter(jurisdiction=jurisdiction).select_related(
        "complaint", "complaint__agency", "reply_notice").order_by("received_on", "pk")
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = ("attachment; filename=\"hotline-replies.xlsx\"; filename*=utf-8''"
                                       "12345%E7%83%AD%E7%BA%BF%E5%B7%A5%E5%8D%95%E5%8A%9E%E7%90%86%E6%83%85%E5%86%B5"
                                       ".xlsx")  # 12345热线工单办理情况.xlsx
    response["Cache-Control"] = "private, no-store"
    hotline.export_workbook(orders).save(response)
    return response
