"""Screens of dispute coordination: starting one (an agency's liaison, or the bureau), the flow's task
screens, and the side actions on a running coordination (answers, pauses, the one extension). Each shows
the stand-still notice (第十六条) while the coordination runs; services check permissions again."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import generic

from casework import visibility
from casework.selectors import can_view_matter, matter_clocks
from casework.views import to_matter
from flows.task_views import PerformTaskMixin
from form_errors import submit
from request_guard import NotFound
from roles.access import agency_of, is_bureau
from rules.profiles import FigureMissing, get_profile

from . import forms, services
from .models import Dispute
from .selectors import party_disputes, stand_still_text

LOGIN = "wagtailadmin_login"


def _provided(jurisdiction: str):
    """The jurisdiction's profile, when its rules provide dispute coordination (争议协调); a Chinese 404 if not."""
    try:
        profile = get_profile(jurisdiction)
    except FigureMissing:
        raise NotFound("没有该辖区。") from None
    if not profile.has("dispute_categories"):
        raise NotFound(f"{profile.name}的办法没有规定行政执法争议协调，本辖区不能在此申请或启动争议协调。")
    return profile


def _context(dispute: Dispute, **extra) -> dict:
    profile = get_profile(dispute.jurisdiction)
    return {"dispute": dispute, "matter": dispute.matter, "profile": profile, "clocks": matter_clocks(dispute.matter),
            "stand_still": stand_still_text(dispute), **extra}


# ------------------------------------------------------------------ starting a coordination
@login_required(login_url=LOGIN)
def apply(request):
    """第十条、第十一条: the liaison applies for their agency; a bureau officer registers a paper application."""
    bureau, own = is_bureau(request.user), agency_of(request.user)
    if not bureau and own is None:
        raise PermissionDenied("只有执法机关联络员或司法局经办人可以提出争议协调申请。")
    jurisdiction = own.jurisdiction if own and not bureau else request.GET.get("jurisdiction", "wulong")
    profile = _provided(jurisdiction)
    form = forms.ApplyForm(request.POST or None, request.FILES or None, jurisdiction=jurisdiction, bureau=bureau,
                           exclude=None if bureau else own)

    def act(data):
        data = dict(data)
        applicant = data.pop("applicant", None) or own
        materials = {k.removeprefix("material_"): data.pop(k) for k in list(data) if k.startswith("material_")}
        dispute = services.dispute_apply(by=request.user, applicant=applicant, materials=materials, **data)
        if missing := services.materials_missing(dispute):
            messages.warning(request, "申请未附下列材料，区司法局审查时可能通知补正（第十二条第（二）项）：" + "；".join(missing))
        return to_matter(request, dispute.matter_id, f"争议协调申请已提交：{dispute.matter.number}")

    if response := submit(request, form, act):
        return response
    return render(request, "casework/form.html", {
        "form": form, "task_title": "申请行政执法争议协调", "submit_label": "提交申请",
        "note": f"第七条列明可申请协调的争议；区司法局自收到申请之日起{profile.period('dispute_accept_period').text}"
                f"内审查（{profile.figure('dispute_accept_period').citation}）。相关机关只能从执法机关名录中选择。"})


@login_required(login_url=LOGIN)
def bureau_open(request):
    if not request.user.has_perm(services.HANDLE):
        raise PermissionDenied("只有司法局经办人可以主动启动争议协调。")
    jurisdiction = request.GET.get("jurisdiction", "wulong")
    _provided(jurisdiction)
    form = forms.BureauOpenForm(request.POST or None, jurisdiction=jurisdiction)

    def act(data):
        dispute = services.dispute_open_by_bureau(by=request.user, **data)
        return to_matter(request, dispute.matter_id, f"已启动主动协调：{dispute.matter.number}")

    return submit(request, form, act) or render(request, "casework/form.html", {
        "form": form, "task_title": "主动协调行政执法争议（第十三条）", "submit_label": "启动协调并发出协调通知"})


# ------------------------------------------------------------------ side actions on a running coordination
def _dispute_for(request, pk: int) -> Dispute:
    dispute = get_object_or_404(Dispute.objects.select_related("matter__agency"), pk=pk)
    if not can_view_matter(request.user, dispute.matter):
        raise PermissionDenied("您无权查看该争议协调事项。")
    return dispute


@login_required(login_url=LOGIN)
def mine(request):
    """我的争议协调: the coordinations the liaison's agency is a party to — applicant or respondent — with the
    stand-still notice (第十六条) and the online answer (第十二条第（一）项、第十三条)."""
    own = agency_of(request.user)
    if own is None:
        raise PermissionDenied("只有执法机关联络员可以查看本机关参与的争议协调。")
    rows = [{"dispute": d, "stand_still": stand_still_text(d),
             "clocks": visibility.party_clocks(request.user, d.matter, matter_clocks(d.matter)),
             "answered": d.answers.filter(agency=own).exists()}
            for d in party_disputes(own)]
    return render(request, "coordination/mine.html", {"rows": rows, "agency": own, "task_title": "我的争议协调"})


@login_required(login_url=LOGIN)
def answer_online(request, pk: int):
    """The party agency's liaison submits its answer (情况说明) online; received today."""
    own = agency_of(request.user)
    dispute = get_object_or_404(Dispute.objects.select_related("matter__agency"), pk=pk)
    if own is None or own.pk not in {a.pk for a in dispute.all_agencies()}:
        raise PermissionDenied("您所在机关不是该争议协调的相关机关。")
    form = forms.OnlineAnswerForm(request.POST or None)

    def act(data):
        services.answer_record(dispute=dispute, by=request.user, agency=own, received_on=None, text=data["text"])
        messages.success(request, "答复意见已提交区司法局。")
        return redirect("dispute:mine")

    return submit(request, form, act) or render(request, "coordination/task.html", _context(
        dispute, form=form, task_title=f"提交答复意见：{dispute.matter.title}", submit_label="提交",
        clocks=visibility.party_clocks(request.user, dispute.matter, matter_clocks(dispute.matter)),
        party_view=visibility.is_party(request.user),
        intro="请报送答复意见及申请书之外的有关材料（第十二条第（一）项、第十三条）；逾期未提交的，不影响争议协调。"))


def _side_action(request, pk, form_class, action, title, *, needs_dispute=False, submit_label="提交"):
    dispute = _dispute_for(request, pk)
    kwargs = {"dispute": dispute} if needs_dispute else {}
    form = form_class(request.POST or None, **kwargs)
    response = submit(request, form, lambda data: to_matter(request, dispute.matter_id, action(dispute, data)))
    return response or render(request, "coordination/task.html",
                              _context(dispute, form=form, task_title=title, submit_label=submit_label))


@login_required(login_url=LOGIN)
def answer(request, pk: int):
    def act(dispute, data):
        services.answer_record(dispute=dispute, by=request.user, **data)
        return f"已登记{data['agency'].name}的答复意见。"

    return _side_action(request, pk, forms.AnswerForm, act, "登记答复意见（第十二条第（一）项、第十三条）",
                        needs_dispute=True)


@login_required(login_url=LOGIN)
def pause(request, pk: int):
    def act(dispute, data):
        services.dispute_pause(dispute=dispute, by=request.user, **data)
        return "已登记不计入办结期限的时间。"

    return _side_action(request, pk, forms.PauseForm, act, "登记不计入期限的时间（第十四条第二款）")


@login_required(login_url=LOGIN)
def resume(request, pk: int):
    def act(dispute, data):
        services.dispute_resume(dispute=dispute, by=request.user, **data)
        return "已恢复计算办结期限。"

    return _side_action(request, pk, forms.ResumeForm, act, "恢复计算办结期限（第十四条第二款）")


@login_required(login_url=LOGIN)
def extend(request, pk: int):
    def act(dispute, data):
        services.dispute_extend(dispute=dispute, by=request.user, **data)
        return "已批准延长办结期限。"

    return _side_action(request, pk, forms.ExtendForm, act, "批准延长办结期限（第十四条，区司法局主要负责人）",
                        submit_label="批准延长")


@login_required(login_url=LOGIN)
def statutory_limit(request, pk: int):
    def act(dispute, data):
        services.dispute_statutory_limit(dispute=dispute, by=request.user, **data)
        return "已登记法定办理时限，办结期限按其计算。"

    return _side_action(request, pk, forms.StatutoryLimitForm, act,
                        "登记法律、法规、规章规定的办理时限（第十四条、第二十二条：从其规定）")


@login_required(login_url=LOGIN)
def proceeding(request, pk: int):
    def act(dispute, data):
        row = services.proceeding_record(dispute=dispute, by=request.user, **data)
        return f"已登记：{row.kind_label}。"

    return _side_action(request, pk, forms.ProceedingForm, act,
                        "登记调查核实、听取意见、协调会议或专家论证（第十五条）", needs_dispute=True)


@login_required(login_url=LOGIN)
def emergency(request, pk: int):
    """第十六条: bureau staff record any party's; a party's liaison its own agency's."""
    own = None if is_bureau(request.user) else agency_of(request.user)
    dispute = get_object_or_404(Dispute.objects.select_related("matter__agency"), pk=pk)
    if own is None and not is_bureau(request.user) or own is not None and own.pk not in {
            a.pk for a in dispute.all_agencies()}:
        raise PermissionDenied("您所在机关不是该争议协调的相关机关。")
    form = forms.EmergencyForm(request.POST or None, dispute=dispute, own=own)

    def act(data):
        row = services.emergency_record(dispute=dispute, by=request.user, **data)
        done = f"已登记：{row.kind_label}。"
        if own is not None:
            messages.success(request, done)
            return redirect("dispute:mine")
        return to_matter(request, dispute.matter_id, done)

    return submit(request, form, act) or render(request, "coordination/task.html", _context(
        dispute, form=form, task_title="登记协调期间的紧急执法或临时性处置措施（第十六条）", submit_label="登记",
        party_view=own is not None,
        intro="协调意见或区政府决定作出前，除关系公共安全或公民人身安全外，不得单方面就争议事项作出行政执法行为；"
              "特殊或紧急情况需立即执法的，应报区政府决定（第十六条）。"))


@login_required(login_url=LOGIN)
def emergency_decision(request, pk: int):
    from .models import Emergency

    row = get_object_or_404(Emergency.objects.select_related("dispute__matter__agency", "agency"), pk=pk)
    if not can_view_matter(request.user, row.dispute.matter):
        raise PermissionDenied("您无权查看该争议协调事项。")
    form = forms.EmergencyDecisionForm(request.POST or None)

    def act(data):
        services.emergency_decide(emergency=row, by=request.user, **data)
        return to_matter(request, row.dispute.matter_id, "已登记区政府的决定。")

    return submit(request, form, act) or render(request, "coordination/task.html", _context(
        row.dispute, form=form, task_title=f"登记区政府对{row.agency.name}紧急执法请求的决定（第十六条）",
        submit_label="登记", intro=f"报请事项：{row.content}"))


# ------------------------------------------------------------------ flow task screens
class DisputeTaskView(PerformTaskMixin, generic.FormView):
    """A task of the coordination flow; viewflow has locked the process and started the activation."""

    template_name = "coordination/task.html"
    intro = ""

    @property
    def dispute(self) -> Dispute:
        return Dispute.objects.select_related("matter__agency").get(
            pk=self.request.activation.process.artifact_object_id)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(self.extra_form_kwargs())
        return kwargs

    def extra_form_kwargs(self) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(_context(self.dispute, task_title=self.request.activation.flow_task.task_title, intro=self.intro,
                            task=self.request.activation.task))
        return ctx

    def done_url(self) -> str:
        return reverse("casework:matter", args=[self.dispute.matter_id])


class ExamineView(DisputeTaskView):
    form_class = forms.ExamineForm
    intro = "审查申请是否符合第七条规定、材料是否齐备（第十一条），在审查期限内作出决定。"

    def extra_form_kwargs(self):
        return {"jurisdiction": self.dispute.jurisdiction}

    def perform(self, form):
        services.dispute_examine(dispute=self.dispute, by=self.request.user, **form.cleaned_data)
        return {"accept": "已受理，受理通知书和协调通知书已制发，请登记送达。", "supplement": "补正材料通知书已制发，请登记送达。",
                "refuse": "不予受理决定书已制发。"}.get(form.cleaned_data.get("decision"), "已审查。")


class SupplementView(DisputeTaskView):
    form_class = forms.SupplementForm
    intro = "补正期限自申请机关收到补正通知之日起计算；收到补正材料后，审查期限重新起算。"

    def perform(self, form):
        received = form.cleaned_data["decision"] == "received"
        services.dispute_supplement(dispute=self.dispute, by=self.request.user, received=received,
                                    received_on=form.cleaned_data["received_on"])
        return "已登记补正材料，请重新审查。" if received else "逾期未补正，视为放弃申请。"


class ConcludeView(DisputeTaskView):
    form_class = forms.ConcludeForm
    intro = ("调查核实，听取相关机关、机构编制管理部门意见，必要时组织协调会议、邀请法律顾问和专家论证（第十五条）。"
             "答复意见、不计入期限的时间和延长审批在事项页面登记。")

    def perform(self, form):
        agreed = form.cleaned_data["agreed"] == "yes"
        services.dispute_conclude(dispute=self.dispute, by=self.request.user, agreed=agreed,
                                  result=form.cleaned_data["result"])
        return "已报请区政府同意，待负责人签发协调意见书。" if agreed else "协调建议已制发，报请区政府决定。"


class OpinionView(DisputeTaskView):
    form_class = forms.OpinionForm
    intro = "经区政府同意后签发《行政执法协调意见书》，载明协调事项、依据、结果和意见，送达相关行政执法机关。"

    def get_initial(self):
        return {"result": self.dispute.result}

    def perform(self, form):
        doc = services.dispute_opinion(dispute=self.dispute, by=self.request.user, **form.cleaned_data)
        return f"已签发《行政执法协调意见书》{doc.doc_number}，请登记送达。"


class ExecutionView(DisputeTaskView):
    form_class = forms.ExecutionForm
    intro = "拒不执行协调意见书的机关，由行政执法监督机构发出《行政执法监督意见书》（第十九条）。"

    def extra_form_kwargs(self):
        return {"dispute": self.dispute}

    def perform(self, form):
        letters = services.dispute_execution(dispute=self.dispute, by=self.request.user, **form.cleaned_data)
        if letters:
            return "已立监督意见书事项：" + "、".join(m.number for m in letters)
        return "协调意见书已执行，事项办结。"


__all__ = ["emergency", "emergency_decision", "proceeding", "statutory_limit", "ConcludeView",
           "ExamineView", "ExecutionView", "OpinionView", "SupplementView", "answer", "apply",
           "bureau_open", "extend", "pause", "resume"]
