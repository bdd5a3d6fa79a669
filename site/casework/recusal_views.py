"""The recusal box on the matter screen (every process, below the process panels) and its form: a staff member
declares their own recusal; a leader decides another's (003 第二十四条第（二）项). The write is
casework.recusal.recuse."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from form_errors import required_messages_in_chinese
from roles.access import is_bureau, is_leader
from roles.definitions import LEADER, OFFICER

from . import recusal, visibility
from .models import Matter


def _name(user) -> str:
    return user.get_full_name() or user.username


class RecusalForm(forms.Form):
    user = forms.ModelChoiceField(label="回避人员", queryset=None, empty_label="请选择")
    ground = forms.ChoiceField(label="回避事由")
    note = forms.CharField(label="具体情况", max_length=150, required=False,
                           help_text="例如：与被监督机关负责人系近亲属。")

    def __init__(self, *args, matter: Matter, by, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True, groups__name__in=[OFFICER, LEADER]).distinct()
        if not (is_leader(by) and by.has_perm("casework.order_recusal")):
            users = users.filter(pk=by.pk)  # only one's own declaration
        self.fields["user"].queryset = users.exclude(recusals__matter=matter).order_by("username")
        self.fields["user"].label_from_instance = _name
        self.fields["ground"].choices = [("", "请选择")] + [
            (g["code"], f"{g['label']}（{g['citation']}）") for g in recusal.grounds(matter.jurisdiction)]
        required_messages_in_chinese(self)


def recusal_panel(request, matter) -> str:
    user = request.user
    if not is_bureau(user) or not recusal.grounds(matter.jurisdiction):
        return ""
    rows = list(matter.recusals.select_related("user", "decided_by"))
    form = RecusalForm(matter=matter, by=user) if matter.status == "open" else None
    if form is not None:  # whom it offers, read once: no form when nobody is left to recuse
        field = form.fields["user"]
        field.choices = list(field.choices)
        form = form if len(field.choices) > 1 else None  # more than 请选择
    return render_to_string("casework/_recusal.html", {
        "matter": matter, "rows": [(r, _name(r.user), _name(r.decided_by)) for r in rows],
        "form": form, "article": recusal.citation(matter.jurisdiction),
        # one recusal per person and matter: the user's own is among the rows (recusal.recusal_of)
        "own": next((r for r in rows if r.user_id == user.pk), None),
        "leader": is_leader(user) and user.has_perm("casework.order_recusal"),
    }, request=request)


@login_required(login_url="wagtailadmin_login")
@visibility.explain_refusals
@require_POST
def recusal_add(request, pk: int):
    matter = Matter.objects.select_related("agency").filter(pk=pk).first()
    if matter is None:
        from django.http import Http404

        raise Http404("没有这个监督事项。")
    visibility.require_matter(request.user, matter)
    form = RecusalForm(request.POST, matter=matter, by=request.user)
    if not form.is_valid():
        messages.error(request, "登记回避失败：" + "；".join(e for errs in form.errors.values() for e in errs))
        return redirect("casework:matter", pk=matter.pk)
    from django.core.exceptions import PermissionDenied, ValidationError

    try:
        rec = recusal.recuse(matter=matter, by=request.user, user=form.cleaned_data["user"],
                             ground=form.cleaned_data["ground"], note=form.cleaned_data["note"])
    except (ValidationError, PermissionDenied) as exc:
        msgs = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        messages.error(request, "登记回避失败：" + "；".join(msgs))
    else:
        messages.success(request, f"已登记{_name(rec.user)}在本事项回避（{rec.article}）。")
    return redirect("casework:matter", pk=matter.pk)
