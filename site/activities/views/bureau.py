"""Bureau screens (司法局经办人/负责人): activities, invitations, attendance, recusal, findings, opinions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from clocks.services import clocks_for
from roles.access import bureau_jurisdiction, own_jurisdiction_only
from rules import jurisdiction_choice
from rules.profiles import get_profile

from .. import services
from ..forms import (
    ActivityForm,
    AgencyActivityForm,
    AttendanceForm,
    ConflictRecordForm,
    DecideForm,
    DeclarationForm,
    ForwardForm,
    InviteForm,
)
from ..models import CLOSED, SUBMITTED, AbsenceFinding, ConflictDeclaration, Invitation
from ..opinions import ANSWER_RULE, handling_citation, opinion_decide, opinion_forward
from ..selectors import (
    activities_for,
    agency_invitation_kinds,
    agency_of,
    is_bureau,
    may_organise,
    opinions_for_bureau,
    with_clocks,
)
from .common import attempt


def bureau_only(view):
    def wrapped(request, *args, **kwargs):
        if not is_bureau(request.user):
            raise PermissionDenied("只有司法局工作人员可以查看。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def bureau_or_organiser(view):
    """Bureau staff, or a liaison whose agency may invite supervisors to its own activities (000 第九条第（四）项)."""
    def wrapped(request, *args, **kwargs):
        if not (is_bureau(request.user) or may_organise(request.user)):
            refusal = "只有司法局工作人员，或按本辖区办法可邀请监督员的执法机关联络员可以查看。"
            messages.error(request, refusal)  # Wagtail answers with a redirect and its generic sentence
            raise PermissionDenied(refusal)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _jurisdictions(user) -> list[tuple[str, str]]:
    """The jurisdictions offered (rules.jurisdiction_choice.offered: a bound bureau account only its own), as
    (code, name) — the screens show the 辖区's name (重庆市武隆区), not the profile's 名称（主管机关）."""
    return [(p.code, p.name) for p in jurisdiction_choice.offered(user)]


def _jurisdiction(request) -> str:
    """?jurisdiction= among those offered; else "" (every one), or a bound account's own (all it is offered)."""
    codes = [c for c, _ in _jurisdictions(request.user)]
    code = request.GET.get("jurisdiction", "")
    return code if code in codes else bureau_jurisdiction(request.user)


@bureau_or_organiser
def activity_list(request):
    code = _jurisdiction(request)
    qs = activities_for(request.user)
    if code:
        qs = qs.filter(jurisdiction=code)
    return render(
        request,
        "activities/activity_list.html",
        {
            "page_title": "监督活动",
            "activities": qs.prefetch_related("invitations")[:200],
            "jurisdictions": _jurisdictions(request.user),
            "bound": bool(bureau_jurisdiction(request.user)),
            "current": code,
            "can_add": request.user.has_perm("activities.add_activity") or may_organise(request.user),
            "organiser": None if is_bureau(request.user) else agency_of(request.user),
        },
    )


@bureau_or_organiser
def activity_create(request):
    kinds = [] if is_bureau(request.user) else agency_invitation_kinds(request.user)
    form = AgencyActivityForm(request.POST or None, kinds=kinds) if kinds else ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if kinds:  # the liaison's own agency organises it, in its own jurisdiction
            data.update(jurisdiction=agency_of(request.user).jurisdiction, agency=agency_of(request.user))
        activity = attempt(request, form, lambda: services.activity_create(by=request.user, **data))
        if activity:
            messages.success(request, f"已安排监督活动“{activity.title}”。")
            return redirect("activities_admin:activity", activity.pk)
    return render(
        request,
        "activities/form.html",
        {"page_title": "邀请监督员参加本机关活动" if kinds else "安排监督活动", "form": form,
         "back": reverse("activities_admin:activities"),
         "note": f"依据{kinds[0]['citation']}，执法机关可邀请监督员参与" + "、".join(k["label"] for k in kinds)
         + "；出席情况由本机关登记，与司法局组织的活动一并计算。" if kinds else ""},
    )


@bureau_or_organiser
def activity_detail(request, pk):
    activity = get_object_or_404(activities_for(request.user), pk=pk)
    action = request.POST.get("action")
    invite_form = InviteForm(request.POST if action == "invite" else None, activity=activity)
    if action == "invite" and invite_form.is_valid():
        if attempt(
            request,
            invite_form,
            lambda: services.invitation_create(
                activity=activity, supervisor=invite_form.cleaned_data["supervisor"], by=request.user
            ),
        ):
            messages.success(request, "已发出邀请。")
            return redirect(request.path)
    elif action in ("attendance", "declare"):
        invitation = get_object_or_404(Invitation, pk=request.POST.get("invitation"), activity=activity)
        if action == "attendance":
            form = AttendanceForm(request.POST)

            def call():
                return services.attendance_record(invitation=invitation, by=request.user, **form.cleaned_data)
        else:
            form = DeclarationForm(request.POST, jurisdiction=activity.jurisdiction, bureau=False)

            def call():
                ground = form.cleaned_data["ground"]
                return services.recusal_declare(
                    invitation=invitation,
                    by=request.user,
                    note=form.cleaned_data["note"],
                    ground=None if ground == "none" else ground,
                )

        if form.is_valid() and attempt(request, form, call):
            messages.success(request, f"已登记{invitation.supervisor.name}的情况。")
            return redirect(request.path)
        for errors in form.errors.values():
            messages.error(request, "；".join(errors))
    profile = get_profile(activity.jurisdiction)
    organising = activity.organiser_id is not None and not is_bureau(request.user)
    return render(
        request,
        "activities/activity_detail.html",
        {
            "page_title": str(activity),
            "activity": activity,
            "invite_form": invite_form,
            "invitations": activity.invitations.select_related("supervisor").prefetch_related("findings"),
            "attendance_form": AttendanceForm(),
            "declaration_form": DeclarationForm(jurisdiction=activity.jurisdiction),
            "recusal_citation": profile.figure("recusal_grounds").citation,
            "absence_rule": profile.figure("absence_rule") if profile.has("absence_rule") else None,
            "can_record": request.user.has_perm("activities.record_attendance") or organising,
            "can_declare": request.user.has_perm("activities.record_attendance"),
            "held": activity.held_on <= timezone.localdate(),
            "can_invite": request.user.has_perm("activities.add_invitation") or organising,
        },
    )


@bureau_only
def conflict_list(request):
    offered = _jurisdictions(request.user)
    if not offered:
        raise Http404("本辖区没有监督员制度。")
    code = _jurisdiction(request) or offered[0][0]
    form = ConflictRecordForm(request.POST or None, jurisdiction=code)
    if request.method == "POST" and form.is_valid():
        if attempt(request, form, lambda: services.recusal_record(by=request.user, **form.cleaned_data)):
            messages.success(request, "已登记回避。")
            return redirect(f"{request.path}?jurisdiction={code}")
    return render(
        request,
        "activities/conflict_list.html",
        {
            "page_title": "回避记录",
            "conflicts": ConflictDeclaration.objects.filter(jurisdiction=code).select_related(
                "supervisor", "activity"
            ),
            "form": form,
            "jurisdictions": _jurisdictions(request.user),
            "current": code,
            "can_record": request.user.has_perm("activities.order_recusal"),
        },
    )


@bureau_only
def finding_list(request):
    findings = own_jurisdiction_only(AbsenceFinding.objects.select_related("supervisor"), request.user
                                     ).prefetch_related("absences__activity")
    return render(
        request, "activities/finding_list.html", {"page_title": "无故缺席认定", "findings": findings}
    )


def _clock_info(opinion):
    clock = clocks_for(opinion).order_by("-pk").first()
    return clock


@bureau_only
def opinion_list(request):
    rows = with_clocks(opinions_for_bureau(request.user)[:200])
    return render(request, "activities/opinion_list.html", {"page_title": "意见建议与违法线索", "rows": rows})


@bureau_only
def opinion_detail(request, pk):
    opinion = get_object_or_404(opinions_for_bureau(request.user), pk=pk)
    action = request.POST.get("action")
    forward_form = ForwardForm(request.POST if action == "forward" else None)
    decide_form = DecideForm(request.POST if action == "decide" else None)
    if action == "forward" and forward_form.is_valid():
        if attempt(
            request,
            forward_form,
            lambda: opinion_forward(opinion=opinion, by=request.user, **forward_form.cleaned_data),
        ):
            messages.success(request, f"已转送{opinion.agency}。")
            return redirect(request.path)
    elif action == "decide" and decide_form.is_valid():
        if attempt(
            request,
            decide_form,
            lambda: opinion_decide(opinion=opinion, by=request.user, **decide_form.cleaned_data),
        ):
            messages.success(request, "已登记办理结果，并反馈监督员。")
            return redirect(request.path)
    profile = get_profile(opinion.jurisdiction)
    clock = _clock_info(opinion)
    return render(
        request,
        "activities/opinion_detail.html",
        {
            "page_title": str(opinion),
            "opinion": opinion,
            "clock": clock,
            "clock_lines": clock.explanation() if clock else [],
            "answer_rule": profile.period(ANSWER_RULE) if profile.has(ANSWER_RULE) else None,
            "handling": profile.figure("opinion_handling") if profile.has("opinion_handling") else None,
            "handling_citation": handling_citation(profile),
            "today": timezone.localdate(),
            "forward_form": forward_form
            if opinion.status == SUBMITTED and request.user.has_perm("activities.forward_opinion")
            else None,
            "decide_form": decide_form
            if opinion.status != CLOSED and request.user.has_perm("activities.decide_opinion")
            else None,
        },
    )
