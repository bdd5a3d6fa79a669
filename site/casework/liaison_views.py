"""执法机关名录 → 联络员账号: the agency's liaison accounts, and (officers, administrators) create, link, disable."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from form_errors import add_errors
from roles.access import is_bureau
from roles.names import person_name

from . import liaisons
from .models import Agency

LOGIN = "wagtailadmin_login"


class CreateForm(forms.Form):
    username = forms.CharField(label="登录账号", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=150)
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput(render_value=False),
                               help_text="至少8位，不能全为数字；请当面或电话告知联络员，并提醒其登录后修改。")


class LinkForm(forms.Form):
    link_username = forms.CharField(label="已有账号的登录账号", max_length=150)


def _errors_to(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else ("link_username" if field == "username" and
                                                         "link_username" in form.fields else None)
            for message in errors:
                form.add_error(target, message)
    else:
        add_errors(form, exc)


@login_required(login_url=LOGIN)
def agency_liaisons(request, pk: int):
    if not (is_bureau(request.user) and request.user.has_perm("casework.view_agency")):
        raise PermissionDenied("只有司法局工作人员可以查看执法机关的联络员账号。")
    agency = get_object_or_404(Agency, pk=pk)
    may_manage = request.user.has_perm(liaisons.MANAGE)
    action = request.POST.get("action") if request.method == "POST" else None
    create_form = CreateForm(request.POST if action == "create" else None)
    link_form = LinkForm(request.POST if action == "link" else None)
    if action and not may_manage:
        raise PermissionDenied(liaisons.MANAGE_MSG)
    try:
        if action == "create" and create_form.is_valid():
            user = liaisons.liaison_create(agency=agency, by=request.user, **create_form.cleaned_data)
            messages.success(request, f"已为“{agency.name}”建立联络员账号：{person_name(user)}（{user.username}）。")
            return redirect(request.path)
        if action == "link" and link_form.is_valid():
            user = liaisons.liaison_link(agency=agency, username=link_form.cleaned_data["link_username"],
                                         by=request.user)
            messages.success(request, f"已将{person_name(user)}（{user.username}）设为“{agency.name}”的联络员。")
            return redirect(request.path)
        if action == "disable":
            user = get_object_or_404(get_user_model(), pk=request.POST.get("user"))
            liaisons.liaison_disable(agency=agency, user=user, by=request.user)
            messages.success(request, f"已停用{person_name(user)}的联络员账号；其办理记录保留。")
            return redirect(request.path)
    except ValidationError as exc:
        if action == "disable":
            for message in exc.messages:
                messages.error(request, message)
            return redirect(request.path)
        _errors_to(create_form if action == "create" else link_form, exc)
    status = 400 if action else 200
    return render(request, "casework/agency_liaisons.html", {
        "task_title": f"{agency.name} · 联络员账号", "agency": agency, "accounts": liaisons.liaison_accounts(agency),
        "may_manage": may_manage, "create_form": create_form, "link_form": link_form}, status=status)
