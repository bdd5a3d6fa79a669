"""Screens for supervisors (their invitations, declarations and opinions) and for agency liaisons
(the items forwarded to their own agency). A confidential lead shows the liaison no identity
(001 第十四条)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from clocks.services import clocks_for
from rules.profiles import get_profile

from ..forms import AnswerForm, DeclarationForm, OpinionForm, RectificationReportForm
from ..models import FORWARDED, INVITED
from ..opinions import handling_citation, opinion_answer, opinion_rectification_report, opinion_submit
from ..selectors import (
    agency_of,
    invitations_for_supervisor,
    is_liaison,
    is_supervisor,
    opinions_for_agency,
    opinions_for_supervisor,
    with_clocks,
)
from ..services import recusal_declare
from .common import attempt


def supervisor_only(view):
    def wrapped(request, *args, **kwargs):
        if not is_supervisor(request.user):
            raise PermissionDenied("您的账号未关联监督员。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def liaison_only(view):
    def wrapped(request, *args, **kwargs):
        if not is_liaison(request.user):
            raise PermissionDenied("您的账号未关联执法机关。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


@supervisor_only
def my_invitations(request):
    supervisor = request.user.supervisor
    if request.method == "POST":
        invitation = get_object_or_404(
            invitations_for_supervisor(request.user), pk=request.POST.get("invitation")
        )
        form = DeclarationForm(request.POST, jurisdiction=supervisor.jurisdiction)
        if form.is_valid():
            ground = form.cleaned_data["ground"]
            if attempt(
                request,
                form,
                lambda: recusal_declare(
                    invitation=invitation,
                    by=request.user,
                    ground=None if ground == "none" else ground,
                    note=form.cleaned_data["note"],
                ),
            ):
                messages.success(request, "已提交回避声明。")
                return redirect(request.path)
    profile = get_profile(supervisor.jurisdiction)
    return render(
        request,
        "activities/my_invitations.html",
        {
            "page_title": "我的监督活动",
            "invitations": invitations_for_supervisor(request.user),
            "form": DeclarationForm(jurisdiction=supervisor.jurisdiction),
            "invited": INVITED,
            "recusal_citation": profile.figure("recusal_grounds").citation,
            # 002 第十二条: the card to hold and show when acting (its number from the term in force)
            "credential": credential_reminder(supervisor, profile),
        },
    )


@supervisor_only
def my_opinions(request):
    supervisor = request.user.supervisor
    profile = get_profile(supervisor.jurisdiction)
    form = OpinionForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        if attempt(request, form, lambda: opinion_submit(by=request.user, **form.cleaned_data)):
            messages.success(request, "已提交，司法局将转送执法机关或调查处理，并向您反馈结果。")
            return redirect(request.path)
    rows = with_clocks(opinions_for_supervisor(request.user))
    return render(
        request, "activities/my_opinions.html", {"page_title": "我的意见建议", "rows": rows, "form": form}
    )


@liaison_only
def agency_opinions(request):
    rows = with_clocks(opinions_for_agency(request.user))
    return render(
        request,
        "activities/agency_opinions.html",
        {"page_title": f"转送事项（{agency_of(request.user)}）", "rows": rows},
    )


@liaison_only
def agency_opinion_detail(request, pk):
    opinion = get_object_or_404(opinions_for_agency(request.user), pk=pk)
    reporting = request.POST.get("action") == "report"
    form = AnswerForm(None if reporting else (request.POST or None))
    report_form = RectificationReportForm(request.POST if reporting else None)
    if request.method == "POST" and not reporting and form.is_valid():
        if attempt(
            request, form, lambda: opinion_answer(opinion=opinion, by=request.user, **form.cleaned_data)
        ):
            messages.success(request, "已反馈司法局。")
            return redirect(request.path)
    if reporting and report_form.is_valid():
        # 000 第十六条第三款: the adoption and rectification reported to the bureau
        if attempt(request, report_form, lambda: opinion_rectification_report(
                opinion=opinion, by=request.user, **report_form.cleaned_data)):
            messages.success(request, "已向司法局报送整改情况。")
            return redirect(request.path)
    clock = clocks_for(opinion).order_by("-pk").first()
    return render(
        request,
        "activities/agency_opinion_detail.html",
        {
            "page_title": opinion.title,
            "opinion": opinion,
            "clock": clock,
            "handling_citation": handling_citation(get_profile(opinion.jurisdiction)),
            "form": form if opinion.status == FORWARDED else None,
            "report_form": report_form if opinion.rectification_due else None,
            "today": timezone.localdate(),
        },
    )


def credential_reminder(supervisor, profile) -> str:
    """'' where the rules say nothing about showing the card; else the reminder with the card's number."""
    if not profile.flag("show_credential"):
        return ""
    term = supervisor.current_term
    number = (term.card_no or term.certificate_no) if term else ""
    cite = profile.figure("show_credential").citation
    return (f"履行监督职责时，请持有并出示{profile.text('supervisor_title')}证件"
            + (f"（证件编号：{number}）" if number else "") + f"，依据{cite}。")
