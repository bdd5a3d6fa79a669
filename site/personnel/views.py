"""行政执法人员名册 screens under /admin/personnel/: the register (bureau staff every agency of their
jurisdiction, a liaison only their own), adding a person, importing a sheet, a person's record with its
status change, the import template, and the expiring certificates. Writes go through services."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from roles.access import in_casework

from . import register_import, services
from .forms import ImportForm, OfficerForm, StatusForm
from .models import EnforcementOfficer

LOGIN = "wagtailadmin_login"
REFUSED = "只有司法局工作人员和执法机关联络员可以查看行政执法人员名册。"


def _agencies(user, jurisdictions: list[str] | None = None):
    if not in_casework(user):
        raise PermissionDenied(REFUSED)
    return services.visible_agencies(user, jurisdictions)


def _window_text(windows) -> list[str]:
    return [str(rule) for rule in windows.values()]


@login_required(login_url=LOGIN)
def register(request):
    jurisdictions = services.register_jurisdictions()  # read once: the agencies and the windows
    agencies = _agencies(request.user, jurisdictions)
    today = timezone.localdate()
    people = EnforcementOfficer.objects.filter(agency__in=agencies).select_related("agency")
    chosen = None
    agency = request.GET.get("agency", "")
    if agency:
        if not agency.isdigit():
            return render(request, "personnel/refused.html", {"task_title": "行政执法人员名册",
                                                              "message": "请从列表中选择执法机关。"}, status=404)
        chosen = get_object_or_404(agencies, pk=int(agency))
        people = people.filter(agency=chosen)
    _, windows = services.expiring(request.user, today, jurisdictions)
    return render(request, "personnel/register.html", {
        "task_title": "行政执法人员和执法证件名册", "agencies": agencies, "chosen": chosen, "today": today,
        "people": [(p, p.state(today)) for p in people], "windows": _window_text(windows),
        "manageable": [a for a in agencies if services.may_manage(request.user, a)]})


@login_required(login_url=LOGIN)
def officer_new(request, agency_pk: int):
    agency = get_object_or_404(_agencies(request.user), pk=agency_pk)
    if not services.may_manage(request.user, agency):
        raise PermissionDenied("您只能登记本机关的行政执法人员。")
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person, = services.add_officers(by=request.user, agency=agency, rows=[form.cleaned_data])
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, f"已将{person.name}（执法证号{person.certificate_number}）登记到{agency.name}的名册。")
            return redirect("personnel:officer", pk=person.pk)
    return render(request, "personnel/form.html", {
        "task_title": f"登记行政执法人员：{agency.name}", "form": form, "agency": agency})


@login_required(login_url=LOGIN)
def officer_detail(request, pk: int):
    person = get_object_or_404(EnforcementOfficer.objects.select_related("agency"), pk=pk,
                               agency__in=_agencies(request.user))
    may = services.may_manage(request.user, person.agency)
    form = StatusForm(request.POST or None) if may else None
    if request.method == "POST":
        if not may:
            raise PermissionDenied("您只能管理本机关的行政执法人员名册。")
        if form.is_valid():
            try:
                services.change_status(by=request.user, officer_pk=person.pk, status=form.cleaned_data["status"],
                                       reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, "已变更证件状态。")
                return redirect("personnel:officer", pk=person.pk)
    return render(request, "personnel/detail.html", {
        "task_title": f"行政执法人员：{person.name}", "person": person, "form": form,
        "state": person.state(timezone.localdate())})


@login_required(login_url=LOGIN)
def register_upload(request, agency_pk: int):
    agency = get_object_or_404(_agencies(request.user), pk=agency_pk)
    if not services.may_manage(request.user, agency):
        raise PermissionDenied("您只能导入本机关的行政执法人员名册。")
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = register_import.import_register(by=request.user, agency=agency, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, f"已导入{count}名行政执法人员。")
            return redirect(f"{reverse('personnel:register')}?agency={agency.pk}")
    return render(request, "personnel/import.html", {
        "task_title": f"导入行政执法人员名册：{agency.name}", "form": form, "agency": agency,
        "problems": problems, "columns": [h for h, _ in register_import.COLUMNS],
        "statuses": list(register_import.STATUS_OF)})


@login_required(login_url=LOGIN)
def import_template(request):
    if not in_casework(request.user):
        raise PermissionDenied(REFUSED)
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = ("attachment; filename=\"personnel.xlsx\"; filename*=utf-8''"
                                       "%E8%A1%8C%E6%94%BF%E6%89%A7%E6%B3%95%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C.xlsx")
    register_import.template_workbook().save(response)
    return response


@login_required(login_url=LOGIN)
def expiring(request):
    if not in_casework(request.user):
        raise PermissionDenied(REFUSED)
    today = timezone.localdate()
    people, windows = services.expiring(request.user, today)
    return render(request, "personnel/expiring.html", {
        "task_title": "即将到期和已过期的执法证件", "today": today, "windows": _window_text(windows),
        "people": [(p, p.state(today), (p.valid_to - today).days) for p in people]})
