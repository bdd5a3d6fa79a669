"""Screens outside the task list: start a letter (立案并起草), the agency's objection (复查申请),
the typical-case draft. Task screens are in task_views.py."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from casework.selectors import can_view_matter
from casework.views import to_matter
from form_errors import submit
from roles.access import require
from rules.models import RuleProfile
from rules.profiles import get_profile

from . import forms, selectors, services
from .models import Letter
from .typical import typical_case_draft

LOGIN = "wagtailadmin_login"


def letter_jurisdictions() -> list[tuple[str, str]]:
    return [(p.code, p.name) for p in RuleProfile.objects.filter(figures__key="letter_document").order_by("pk")]




@login_required(login_url=LOGIN)
def letter_new(request):
    require(request.user, "letters.draft_letter", "只有司法局经办人可以起草监督建议书（意见书）。")
    choices = letter_jurisdictions()
    code = request.GET.get("jurisdiction") or (choices[0][0] if choices else None)
    if code not in dict(choices):
        raise PermissionDenied("该辖区的规则中没有监督建议书（意见书）制度。")
    profile = get_profile(code)
    form = forms.LetterStartForm(request.POST or None, profile=profile)

    def act(data):
        letter = services.letter_start(by=request.user, **data)
        return to_matter(request, letter.matter_id, f"已立案并起草：{letter.matter.number}，请在待办中完成起草并提交签发。")

    if response := submit(request, form, act):
        return response
    doc = profile.figure("letter_document")
    return render(request, "letters/form.html", {
        "form": form, "task_title": f"立案并起草{doc.value['text']}（{profile.name}）", "jurisdictions": choices,
        "current": code, "note": f"依据{doc.citation}；制发情形按{profile.figure('letter_grounds').citation}列举。"})


def _letter_for(user, pk: int) -> Letter:
    letter = get_object_or_404(Letter.objects.select_related("matter__agency", "document"), pk=pk)
    if not can_view_matter(user, letter.matter):
        raise PermissionDenied("您无权查看该监督事项。")
    return letter


@login_required(login_url=LOGIN)
def objection_new(request, pk: int):
    letter = _letter_for(request.user, pk)
    ok, note = selectors.may_object(letter)
    form = forms.ObjectionForm(request.POST or None)

    def act(data):
        services.objection_submit(letter=letter, by=request.user, reasons=data["reasons"])
        return to_matter(request, letter.matter_id, "复查申请已提交，司法局将在规定期限内答复。")

    return submit(request, form, act) or render(request, "letters/form.html", {
        "form": form, "note": note, "task_title": f"申请复查：{letter.matter.number}"})


@login_required(login_url=LOGIN)
@require_POST
def typical_case(request, pk: int):
    letter = _letter_for(request.user, pk)
    try:
        page = typical_case_draft(letter=letter, by=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("casework:matter", pk=letter.matter_id)
    messages.success(request, f"已生成典型案例草稿（未发布）：{page.title}，请编辑审核后发布。")
    return redirect("wagtailadmin_pages:edit", page.pk)
