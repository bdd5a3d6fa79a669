"""Screens of accountability: intake, the flow's task screens, the case panel, and 我的责任追究 — the
person concerned reads the decisions about themselves. Services check permissions again."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.views import generic

from casework.selectors import matter_clocks
from casework.views import to_matter
from casework.visibility import explain_refusals
from flows.task_views import PerformTaskMixin
from form_errors import submit
from request_guard import NotFound
from rules.profiles import FigureMissing, get_profile

from . import forms, services
from .access import runs_for_agency
from .models import AGENCY_RUN, Case
from .selectors import own_records

LOGIN = "wagtailadmin_login"




@login_required(login_url=LOGIN)
@explain_refusals
def intake(request):
    own = runs_for_agency(request.user)  # 过错 第五条 / 错案 第四条: the agency's legal unit, its own cases
    if own is None and not request.user.has_perm(services.HANDLE):
        raise PermissionDenied("只有司法局经办人或执法机关法制工作机构可以受理责任追究线索。")
    jurisdiction = own.jurisdiction if own is not None else request.GET.get("jurisdiction", "wulong")
    try:
        provided = get_profile(jurisdiction).has("fault_grounds")
    except FigureMissing:
        raise NotFound("没有该辖区。") from None
    if not provided:
        raise NotFound(f"{get_profile(jurisdiction).name}的办法没有规定行政执法人员的责任追究，本辖区不能在此受理。")
    form = forms.IntakeForm(request.POST or None, jurisdiction=jurisdiction, own_agency=own)

    def act(data):
        case = services.case_intake(by=request.user, **data)
        return to_matter(request, case.matter_id, f"已受理：{case.matter.number}")

    if response := submit(request, form, act):
        return response
    profile = get_profile(jurisdiction)
    transfer = profile.period("fault_transfer_period")
    unset = "" if transfer.specified else f"{transfer.note}；"
    from rules.models import RuleProfile

    jurisdictions = [(p.code, p.name) for p in RuleProfile.objects.filter(figures__key="fault_grounds").order_by("pk")]
    return render(request, "accountability/intake.html", {
        "form": form, "task_title": f"受理责任追究线索（{profile.name}）", "submit_label": "受理",
        "jurisdictions": jurisdictions, "current": jurisdiction,
        "note": f"不属于本单位受理的，应在受理后{transfer.text}内转送有权部门（{unset}{transfer.citation}）。"})


def _case_or_404(request, pk: int) -> Case:
    from django.shortcuts import get_object_or_404

    from casework.visibility import require_matter

    case = get_object_or_404(Case.objects.select_related("matter__agency"), pk=pk)
    require_matter(request.user, case.matter)
    return case


@login_required(login_url=LOGIN)
@explain_refusals
def take_over(request, pk: int):
    """The bureau takes over a case an agency runs itself (a recorded decision)."""
    case = _case_or_404(request, pk)
    if not request.user.has_perm(services.DECIDE):
        raise PermissionDenied("只有司法局负责人可以决定接办行政执法机关自办的责任追究案件。")
    form = forms.TakeOverForm(request.POST or None)

    def act(data):
        services.case_take_over(case=case, by=request.user, reason=data["reason"])
        return to_matter(request, case.matter_id, "已接办，本案此后由司法局办理。")

    if response := submit(request, form, act):
        return response
    profile = get_profile(case.jurisdiction)
    basis = profile.figure("accountability_takeover")
    return render(request, "casework/form.html", {
        "form": form, "task_title": f"接办：{case.matter.title}", "submit_label": "决定接办",
        "note": f"本案由{case.matter.agency.name}法制工作机构办理（过错 第五条、错案 第四条）。"
                f"{profile.text('accountability_takeover')}（{basis.citation}；{basis.note}）。"})


@login_required(login_url=LOGIN)
@explain_refusals
def agency_cases(request):
    """机关自办责任追究: the cases agencies run themselves — every one for the bureau (which supervises them), its
    own agency's for a legal unit, nothing for anyone else."""
    from casework.visibility import visible_matters

    own = runs_for_agency(request.user)
    if own is None and not request.user.has_perm("accountability.view_case"):
        raise PermissionDenied("您无权查看机关自办的责任追究案件。")
    cases = (Case.objects.filter(matter__in=visible_matters(request.user).values("pk"))
             .filter(Q(run_by=AGENCY_RUN) | Q(taken_over_on__isnull=False))
             .select_related("matter__agency").order_by("-intake_on", "-pk"))
    if own is not None:
        cases = cases.filter(matter__agency=own, run_by=AGENCY_RUN)
    return render(request, "accountability/agency_cases.html", {
        "cases": cases[:500], "task_title": "机关自办责任追究", "own": own,
        "can_intake": own is not None})


@login_required(login_url=LOGIN)
def mine(request):
    """我的责任追究: the decisions about the signed-in person, whatever their role."""
    return render(request, "accountability/mine.html", {"records": own_records(request.user),
                                                        "task_title": "我的责任追究"})


class CaseTaskView(PerformTaskMixin, generic.FormView):
    template_name = "accountability/task.html"
    intro = ""

    @property
    def case(self) -> Case:
        return Case.objects.select_related("matter__agency").get(pk=self.request.activation.process.artifact_object_id)

    def persons(self):
        return list(self.case.persons.filter(active=True))

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(self.extra_form_kwargs())
        return kwargs

    def extra_form_kwargs(self) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        case = self.case
        ctx.update(case=case, matter=case.matter, intro=self.intro, persons=self.persons(),
                   task_title=self.request.activation.flow_task.task_title, clocks=matter_clocks(case.matter))
        return ctx

    def done_url(self) -> str:
        return reverse("casework:matter", args=[self.case.matter_id])


class ScreenView(CaseTaskView):
    form_class = forms.ScreenForm
    intro = "不属于本单位受理的案件，应在受理后规定期限内转送有权部门（过错 第十条第（一）项）。"

    def perform(self, form):
        competent = form.cleaned_data["competent"] == "yes"
        services.case_screen(case=self.case, by=self.request.user, competent=competent,
                             transferred_to=form.cleaned_data["transferred_to"])
        return "已转入调查。" if competent else "已转送有权部门。"


class InvestigateView(CaseTaskView):
    form_class = forms.InvestigateForm
    intro = "调查组调查核实，认定责任人及其责任划分（过错 第七条 / 错案 第八条）。"

    def extra_form_kwargs(self):
        return {"case": self.case}

    def perform(self, form):
        services.case_investigate(case=self.case, by=self.request.user, team=form.cleaned_data["team"],
                                  findings=form.cleaned_data["findings"], persons=form.persons())
        return "调查结果已提交领导集体讨论。"


class DecideView(CaseTaskView):
    form_class = forms.DecideForm
    intro = "经领导集体讨论作出处理决定；每名责任人的处理方式可单用也可并用（过错 第十一条 / 错案 第十二条）。"

    def extra_form_kwargs(self):
        return {"case": self.case, "persons": self.persons()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        profile = get_profile(self.case.jurisdiction)
        if profile.has("fault_tolerance_procedure") and not self.case.is_wrong_case:
            f = profile.figure("fault_tolerance_procedure")
            ctx["intro"] = f"{self.intro}容错：{f.value['text']}（{f.note}，{f.citation}）。"
        return ctx

    def perform(self, form):
        decisions = form.decisions(self.persons())
        doc = services.case_decide(case=self.case, by=self.request.user, discussion=form.cleaned_data["discussion"],
                                   decisions=decisions)
        if doc is None:  # every person excused by 容错 (恩施 第三十二条第二款)
            return "已决定予以容错，不予处理。"
        excused = sum(1 for d in decisions.values() if d.get("tolerance"))
        return f"已作出责任追究决定（{doc.doc_number}）" + (f"，其中{excused}人予以容错。" if excused else "。")


class HearingView(CaseTaskView):
    form_class = forms.HearingForm
    intro = "责任人对确认的责任及处理决定不服的，可以进行陈述和申辩（过错 第十二条 / 错案 第十三条）。"

    def persons(self):  # those excused by 容错 (恩施 第三十二条第二款) have no sanction to contest
        return list(self.case.persons.filter(active=True, tolerated=False))

    def extra_form_kwargs(self):
        return {"persons": self.persons()}

    def perform(self, form):
        hearings = form.hearings(self.persons())
        services.case_hearing(case=self.case, by=self.request.user, hearings=hearings)
        return "已记录申辩，待负责人复核。" if any(h.get("appealed") for h in hearings.values()) else "已记录陈述。"


class AppealView(CaseTaskView):
    form_class = forms.AppealForm
    intro = "对每一项申辩作出复核结论；申辩成立的，变更处理方式。"

    def persons(self):
        return list(self.case.persons.filter(active=True, appealed=True))

    def extra_form_kwargs(self):
        return {"case": self.case, "persons": self.persons()}

    def perform(self, form):
        services.case_appeal_decide(case=self.case, by=self.request.user, outcomes=form.outcomes(self.persons()))
        return "申辩复核完毕。"


class AnswerView(CaseTaskView):
    form_class = forms.AnswerForm
    intro = "受理举报、投诉的机关负责答复：将调查处理结果答复举报人（过错 第十条第（一）项）。"

    def perform(self, form):
        services.case_answer(case=self.case, by=self.request.user, text=form.cleaned_data["text"])
        return "已答复举报人，案件办结。"


class ReviewView(CaseTaskView):
    form_class = forms.ReviewForm

    def extra_form_kwargs(self) -> dict:
        return {"case": self.case}

    @property
    def intro(self) -> str:
        """The period and its article from the rule profile, the last day from the case's running clock."""
        from .selectors import clock_of

        case = self.case
        period = get_profile(case.jurisdiction).period("fault_reinvestigation_period")
        clock = clock_of(case.matter, "fault_reinvestigation_period")
        due = f"，即{clock.due_on.year}年{clock.due_on.month}月{clock.due_on.day}日前" if clock is not None else ""
        return (f"认为处理决定事实不清或处理不当的，可以在{period.text}内{due}责令重新组织调查、处理，"
                f"或者直接派员调查并作出处理决定（{period.citation}）。")

    def perform(self, form):
        choice = form.cleaned_data["decision"]
        services.case_review(case=self.case, by=self.request.user, reinvestigate=choice == "reinvestigate",
                             reason=form.cleaned_data["reason"], direct=choice == "direct",
                             staff=list(form.cleaned_data["staff"] or ()), sent_on=form.cleaned_data["sent_on"])
        return {"reinvestigate": "已责令重新调查。", "direct": "已决定直接派员调查并作出处理决定。"}.get(
            choice, "处理决定已确认，案件办结。")
