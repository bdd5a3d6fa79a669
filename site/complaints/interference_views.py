"""Screens of the interference follow-ups (004 干预插手案件记录规定): the lapses in recording with their count
and sanction (第十条), and on one record its 通报 after approval (第八条) and the handling of the interferer
or of retaliation (第九条), and its referral to the discipline or judicial organs (第九条, through the one door
referrals.services.refer, with its 移送函). Nothing here edits or removes a record; every entry is appended."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from form_errors import submit
from roles.access import require
from rules.jurisdiction_choice import asked
from rules.profiles import get_profile

from . import interference
from .interference_forms import HandlingForm, LapseForm, NoticeForm
from .models import InterferenceLapse

LOGIN = "wagtailadmin_login"


def _rules(jurisdiction: str) -> dict:
    profile = get_profile(jurisdiction)

    def text(key):
        if not profile.has(key):
            return ""
        f = profile.figure(key)
        return f"{f.value.get('text', '')}（{f.citation}）"

    n = profile.count("interference_repeat_sanction") if profile.has("interference_repeat_sanction") else None
    return {"first": text("interference_lapse_first"), "repeat": text("interference_repeat_measure"), "n": n,
            "instigator": text("interference_instigator"), "approval": text("interference_notice_approval")}


@login_required(login_url=LOGIN)
def lapses(request):
    require(request.user, interference.HANDLE, "您没有查看不记录干预情况登记的权限。")
    jurisdiction = asked(request, "wulong")
    rows = InterferenceLapse.objects.filter(jurisdiction=jurisdiction).select_related("agency", "recorded_by")[:300]
    return render(request, "complaints/interference_lapses.html", {
        "rows": rows, "rules": _rules(jurisdiction), "jurisdiction": jurisdiction,
        "task_title": "不记录或不如实记录干预情况"})


@login_required(login_url=LOGIN)
def lapse_new(request):
    require(request.user, interference.HANDLE, "您没有认定不记录、不如实记录干预情况的权限。")
    jurisdiction = asked(request, "wulong")
    form = LapseForm(request.POST or None, jurisdiction=jurisdiction)

    def act(data):
        data = dict(data)
        pk = data.pop("record", None)
        record = None
        if pk:
            record = interference.visible_records(request.user).filter(pk=pk).first()
            if record is None:
                from django.core.exceptions import ValidationError

                raise ValidationError(f"没有第{pk}号干预插手记录。")
        lapse = interference.lapse_record(by=request.user, record=record, **data)
        messages.success(request, f"已登记：{lapse.officer_name}累计第{lapse.count}次，{lapse.measure}。")
        return redirect("complaints:interference_lapses")

    rules = _rules(jurisdiction)
    return submit(request, form, act) or render(request, "casework/form.html", {
        "form": form, "task_title": "登记不记录或不如实记录干预情况（第十条）", "submit_label": "登记",
        "note": f"首次：{rules['first']}；{rules['n']}次以上：{rules['repeat']}；领导干部授意的：{rules['instigator']}。"})


@login_required(login_url=LOGIN)
def record_detail(request, pk: int):
    from letters.views import refused

    if not request.user.has_perm(interference.HANDLE):  # a 403 with the reason (Wagtail would redirect)
        return refused(request, "您没有登记干预插手通报、处理和移送的权限。")
    record = get_object_or_404(interference.visible_records(request.user).select_related("referral__document",
                                                                                          "referral__matter"), pk=pk)
    from referrals import services as referrals
    from referrals.models import INTERFERENCE
    from referrals.views import ReferralForm, cited_bases

    which = request.POST.get("action") if request.method == "POST" else ""
    notice = NoticeForm(request.POST if which == "notice" else None, prefix="notice")
    handling = HandlingForm(request.POST if which == "handling" else None, prefix="handling",
                            jurisdiction=record.jurisdiction)
    # 第九条 移送: for whoever may refer (complaints.handle_interference), while the record waits for it
    items = referrals.destinations(None, INTERFERENCE, jurisdiction=record.jurisdiction)
    may_refer = bool(items) and referrals.may_refer(request.user, None, INTERFERENCE)
    refer = ReferralForm(request.POST if which == "refer" else None, prefix="refer", items=items) if may_refer else None

    def done(text):
        messages.success(request, text)
        return redirect("complaints:interference_detail", pk=record.pk)

    if which == "notice":
        response = submit(request, notice, lambda d: done(
            f"已登记通报（{interference.notice_record(by=request.user, record=record, **d).decided_on:%Y-%m-%d}）。"))
    elif which == "handling":
        response = submit(request, handling, lambda d: done(
            f"已登记处理：{interference.handling_record(by=request.user, record=record, **d).kind_label}。"))
    elif which == "refer":
        if refer is None:
            raise PermissionDenied(referrals.PERMS[INTERFERENCE][1])

        def act(data):
            made = referrals.refer(by=request.user, source=INTERFERENCE, subject=record, **data)
            return done(f"已决定{made.destination_label}，移送函{made.document.doc_number}已生成。")

        response = submit(request, refer, act)
    else:
        response = None
    return response or render(request, "complaints/interference_detail.html", {
        "r": record, "actions": record.actions.select_related("recorded_by", "public_page"), "lapses": record.lapses.all(),
        "notice_form": notice, "handling_form": handling, "rules": _rules(record.jurisdiction),
        "referral": record.referral, "refer_form": refer, "refer_waiting": referrals.serious_not_ready(record),
        "refer_basis": cited_bases(items),
        "task_title": f"第{record.pk}号干预插手记录：通报和处理"})
