"""Admin screens of the supervisors' daily management (/admin/supervisor-duties/): the yearly evaluation and
its grade, commendation, consents, misconduct referral, commissioned research, activity support; and the
supervisor's own requests and reports. Each screen: form -> the one service in duties.py / activities.support
-> message -> redirect. Refusals are Chinese (403 for the wrong role, the service's sentence on the form)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from roles.access import is_bureau, own_jurisdiction_only, require_own_jurisdiction
from rules.jurisdiction_choice import chosen, having, offering, require
from rules.profiles import get_profile

from . import duties, duty_forms
from .models import ConsentRequest, Evaluation, ResearchAssignment, Supervisor
from .selectors import own_record

SERVES = having("term_length")  # the jurisdictions whose rules appoint supervisors for a term
NO_SUCH = "没有这个辖区。"


def _code(request, value) -> str:
    return require(value, SERVES, NO_SUCH, request.user)


def bureau_only(view):
    def wrapped(request, *args, **kwargs):
        if not is_bureau(request.user):
            raise PermissionDenied("只有司法局工作人员可以查看。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _run(request, form, call, done: str, back: str):
    """Run a service on a valid form; its refusal goes on the form and into a message."""
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return None
    try:
        call(form.cleaned_data)
    except ValidationError as exc:
        text = "；".join(exc.messages)
        form.add_error(None, text)
        messages.error(request, text)
        return None
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        raise
    messages.success(request, done)
    return redirect(back)


def _year(value, default: int) -> int:
    try:
        year = int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        raise Http404("年度须为四位年份。") from None
    if not 2000 <= year <= 2100:
        raise Http404("年度须在2000年至2100年之间。")
    return year


@bureau_only
def index(request):
    code = chosen(request, SERVES, NO_SUCH)
    year = _year(request.GET.get("year"), timezone.localdate().year)
    profile = get_profile(code)
    to_refer = []
    if duties.feature(code, "misconduct_referral"):
        from complaints.models import PARTLY, SUBSTANTIATED, SUPERVISOR, Complaint
        from referrals.models import SUPERVISOR as REPORT
        from referrals.models import Referral

        done = Referral.objects.filter(source=REPORT).values("complaint_id")
        to_refer = (Complaint.objects.filter(jurisdiction=code, category=SUPERVISOR, reviewed_on__isnull=False,
                                             outcome__in=[SUBSTANTIATED, PARTLY], supervisor__isnull=False)
                    .exclude(pk__in=done).select_related("supervisor"))
    return render(request, "supervisors/duties/index.html", {"to_refer": to_refer,
        "page_title": f"监督员履职管理（{profile.name}）", "profile": profile, "code": code, "year": year,
        "features": duties.feature_rows(code), "jurisdictions": offering(SERVES, request.user),
        "supervisors": Supervisor.objects.filter(jurisdiction=code).exclude(terms=None).order_by("name"),
        "on": {r["key"]: r["on"] for r in duties.feature_rows(code)}})


def _referrals(supervisor: Supervisor):
    from referrals.models import SUPERVISOR as REPORT
    from referrals.models import Referral

    return Referral.objects.filter(source=REPORT, complaint__supervisor=supervisor).select_related("complaint")


def _record_context(supervisor: Supervisor, year: int) -> dict:
    from activities.support import supervisor_year, support_on

    return {
        "supervisor": supervisor, "year": year, "year_record": duties.year_record(supervisor, year),
        "evaluations": supervisor.evaluations.all(), "consents": supervisor.consent_requests.all(),
        "research": supervisor.research.all(), "referrals": _referrals(supervisor),
        "support": supervisor_year(supervisor, year) if support_on(supervisor.jurisdiction) else None,
        "features": duties.feature_rows(supervisor.jurisdiction),
    }


@bureau_only
def record(request, pk: int):
    """The bureau's view of one supervisor's record: the year counted, evaluations, consents, research,
    referrals, support; an officer commissions research or proposes an adjustment on an evaluation."""
    from .processes import dismissal_start

    supervisor = get_object_or_404(Supervisor, pk=pk)
    require_own_jurisdiction(request.user, supervisor.jurisdiction)
    year = _year(request.GET.get("year"), timezone.localdate().year)
    profile = get_profile(supervisor.jurisdiction)
    back = reverse("supervisor_duties:record", args=[pk])
    grounds = [(g["code"], f"{g['label']}（{g['citation']}）") for g in profile.choices("dismissal_grounds")]
    research_form = duty_forms.ResearchAssignForm(request.POST if request.POST.get("action") == "research" else None,
                                                  kinds=duties.assignment_kinds(supervisor.jurisdiction)
                                                  or [(k, v[1]) for k, v in duties.ASSIGNMENTS.items()])
    adjust_form = duty_forms.AdjustForm(request.POST if request.POST.get("action") == "adjust" else None,
                                        grounds=grounds)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "research":
            done = _run(request, research_form, lambda d: duties.research_assign(
                supervisor=supervisor, topic=d["topic"], brief=d["brief"], due_on=d["due_on"], by=request.user,
                kind=d["kind"]), "已委托专题调研或交办事项。", back)
        elif action == "adjust":
            def adjust(d):
                evaluation = Evaluation.objects.filter(pk=d["evaluation"], supervisor=supervisor).first()
                if evaluation is None:
                    raise ValidationError("没有这项年度履职评价。")
                dismissal_start(supervisor=supervisor, ground=d["ground"], statement=d["statement"],
                                by=request.user, evaluation=evaluation)
            done = _run(request, adjust_form, adjust, "已依据年度履职评价提出解聘建议，待负责人决定。", back)
        else:
            raise Http404("没有这个操作。")
        if done is not None:
            return done
    adjustable = [(e, duties.evaluation_statement(e)) for e in supervisor.evaluations.all()
                  if duties.adjustment_ground(e) and not e.dismissals.exists()]
    return render(request, "supervisors/duties/record.html", {
        **_record_context(supervisor, year), "page_title": f"监督员履职档案：{supervisor.name}",
        "research_form": research_form, "adjust_form": adjust_form, "adjustable": adjustable,
        "can_assign": request.user.has_perm(duties.PERM_ASSIGN) and bool(duties.assignment_kinds(
            supervisor.jurisdiction)),
        "can_adjust": request.user.has_perm("supervisors.propose_dismissal")})


@bureau_only
def evaluations(request, code: str, year: int):
    code, year = _code(request, code), _year(year, 0)
    profile = get_profile(code)
    grades = duties.grades(code)
    back = reverse("supervisor_duties:evaluations", args=[code, year])
    form = duty_forms.GradeForm(request.POST or None, grades=grades)
    if request.method == "POST":
        def grade(d):
            sup = Supervisor.objects.filter(pk=d["supervisor"], jurisdiction=code).first()
            if sup is None:
                raise ValidationError("所选监督员不属于本辖区。")
            duties.evaluation_grade(supervisor=sup, year=year, grade=d["grade"], note=d["note"], by=request.user)
        if (done := _run(request, form, grade, "已评定年度履职评价。", back)) is not None:
            return done
    done_by = {e.supervisor_id: e for e in Evaluation.objects.filter(jurisdiction=code, year=year)}
    rows = [(s, duties.year_record(s, year), done_by.get(s.pk)) for s in duties.evaluable(code, year)] \
        if grades else []
    figure = profile.figure("evaluation_grades") if profile.has("evaluation_grades") else None
    return render(request, "supervisors/duties/evaluations.html", {
        "page_title": f"{year}年度监督员履职评价（{profile.name}）", "profile": profile, "code": code, "year": year,
        "rows": rows, "grades": grades, "figure": figure, "form": form,
        "can_grade": request.user.has_perm(duties.PERM_GRADE)})


def _own_consents(user):
    return own_jurisdiction_only(ConsentRequest.objects.all(), user, "supervisor__jurisdiction")


@bureau_only
def consents(request):
    back = reverse("supervisor_duties:consents")
    form = duty_forms.ConsentDecideForm(request.POST or None)
    if request.method == "POST":
        def decide(d):
            req = _own_consents(request.user).filter(pk=d["request"]).first()
            if req is None:
                raise ValidationError("没有这项申请。")
            duties.consent_decide(request=req, approve=d["decision"] == "approve", note=d["note"], by=request.user)
        if (done := _run(request, form, decide, "已作出决定。", back)) is not None:
            return done
    return render(request, "supervisors/duties/consents.html", {
        "page_title": "事前同意申请", "requests": _own_consents(request.user).select_related("supervisor")[:200],
        "form": form, "can_decide": request.user.has_perm(duties.PERM_CONSENT)})


@bureau_only
def commend(request, code: str):
    code = _code(request, code)
    profile = get_profile(code)
    form = duty_forms.CommendationForm(request.POST or None, jurisdiction=code,
                                       initial={"year": timezone.localdate().year})
    if request.method == "POST":
        if not request.user.has_perm(duties.PERM_COMMEND):
            raise PermissionDenied("只有司法局负责人可以发布表彰通报。")
        done = _run(request, form, lambda d: duties.commendation_publish(
            jurisdiction=code, year=d["year"], supervisors=list(d["supervisors"]), deeds=d["deeds"], by=request.user),
            "表彰通报已发布。", reverse("supervisor_duties:index") + f"?jurisdiction={code}")
        if done is not None:
            return done
    on = duties.feature(code, "commendation")
    figure = profile.figure("commendation") if profile.has("commendation") else None
    return render(request, "supervisors/duties/form.html", {
        "page_title": f"通报表彰监督员（{profile.name}）", "form": form if on else None,
        "note": f"{figure.citation}：{figure.note}" if figure else "办法未规定",
        "back": reverse("supervisor_duties:index") + f"?jurisdiction={code}",
        "can_submit": request.user.has_perm(duties.PERM_COMMEND)})


@bureau_only
def referral(request, complaint_pk: int):
    """000 第十七条: a report found true, referred to the competent department — the one referral door."""
    from complaints.models import Complaint
    from referrals import services as referrals
    from referrals.models import SUPERVISOR as REPORT

    complaint = get_object_or_404(Complaint, pk=complaint_pk, supervisor__isnull=False)
    require_own_jurisdiction(request.user, complaint.supervisor.jurisdiction)
    profile = get_profile(complaint.supervisor.jurisdiction)
    back = reverse("supervisor_duties:record", args=[complaint.supervisor_id])
    form = duty_forms.ReferralForm(request.POST or None)
    may = referrals.may_refer(request.user, None, REPORT)
    if request.method == "POST":
        done = _run(request, form, lambda d: referrals.refer(
            complaint=complaint, source=REPORT, destination=referrals.MISCONDUCT, to=d["department"],
            reasons=d["facts"], by=request.user), "已登记移送。", back)
        if done is not None:
            return done
    figure = profile.figure("misconduct_referral") if profile.has("misconduct_referral") else None
    waiting = referrals.report_not_ended(complaint)
    return render(request, "supervisors/duties/form.html", {
        "page_title": f"移送监督员违法违纪行为：{complaint.supervisor.name}（{complaint.receipt_number}）",
        "form": form, "back": back, "can_submit": may,
        "note": (f"{figure.citation}：{figure.note}" if figure else "办法未规定")
                + f"。调查结论：{complaint.get_outcome_display() or '尚未审定'}"
                + (f"。{waiting}" if waiting else "")})


@bureau_only
def support_year(request, code: str, year: int):
    from activities.support import support_on, yearly_sums

    code, year = _code(request, code), _year(year, 0)
    profile = get_profile(code)
    figure = profile.figure("activity_support") if profile.has("activity_support") else None
    from activities.models import Activity

    return render(request, "supervisors/duties/support_year.html", {
        "page_title": f"{year}年度监督员活动保障（{profile.name}）", "code": code, "year": year,
        "on": support_on(code), "figure": figure, "rows": yearly_sums(code, year) if support_on(code) else [],
        "activities": Activity.objects.filter(jurisdiction=code, held_on__year=year, organiser__isnull=True)
        if support_on(code) else []})


@bureau_only
def support_activity(request, activity_pk: int):
    from activities.models import PRESENT, Activity, Invitation
    from activities.support import support_on, support_record

    activity = get_object_or_404(Activity, pk=activity_pk)
    require_own_jurisdiction(request.user, activity.jurisdiction)
    back = reverse("supervisor_duties:support_activity", args=[activity_pk])
    form = duty_forms.SupportForm(request.POST or None)
    if request.method == "POST":
        def save(d):
            invitation = Invitation.objects.filter(pk=d["invitation"], activity=activity).first()
            if invitation is None:
                raise ValidationError("该监督员未受邀参加本活动。")
            support_record(invitation=invitation, transport=d["transport"], meal=d["meal"], insured=d["insured"],
                           policy_no=d["policy_no"], by=request.user)
        if (done := _run(request, form, save, "已登记活动保障。", back)) is not None:
            return done
    profile = get_profile(activity.jurisdiction)
    return render(request, "supervisors/duties/support_activity.html", {
        "page_title": f"活动保障：{activity}", "activity": activity, "on": support_on(activity.jurisdiction),
        "figure": profile.figure("activity_support") if profile.has("activity_support") else None,
        "invitations": activity.invitations.filter(status=PRESENT).select_related("supervisor", "support"),
        "form": form, "can_record": request.user.has_perm("activities.record_support")})


def mine(request):
    """The supervisor's own: what needs the bureau's consent, commissioned research, evaluations, support."""
    supervisor = own_record(request.user)
    if supervisor is None:
        raise PermissionDenied("您的账号未关联监督员名册记录。")
    back = reverse("supervisor_duties:mine")
    kinds = [k for k, _ in ConsentRequest.KINDS if duties.feature(supervisor.jurisdiction, ConsentRequest.FIGURE[k])]
    consent_form = duty_forms.ConsentRequestForm(request.POST if request.POST.get("action") == "consent" else None,
                                                 kinds=kinds)
    report_form = duty_forms.ResearchReportForm(request.POST if request.POST.get("action") == "report" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "consent":
            done = _run(request, consent_form, lambda d: duties.consent_request(
                supervisor=supervisor, kind=d["kind"], title=d["title"], details=d["details"],
                planned_on=d["planned_on"], by=request.user), "申请已提交，待司法局决定。", back)
        elif action == "report":
            def report(d):
                item = ResearchAssignment.objects.filter(pk=d["assignment"], supervisor=supervisor).first()
                if item is None:
                    raise ValidationError("没有委托、交办给您的这项调研或事项。")
                duties.research_report(assignment=item, report=d["report"], by=request.user)
            done = _run(request, report_form, report, "报告已提交。", back)
        else:
            raise Http404("没有这个操作。")
        if done is not None:
            return done
    year = timezone.localdate().year
    return render(request, "supervisors/duties/mine.html", {
        **_record_context(supervisor, year), "page_title": "我的申请与调研", "consent_form": consent_form,
        "report_form": report_form, "kinds": kinds})
