"""Staff screens under /admin/complaints/: the list (complainants masked), staff entry of letters, calls and
visits, the complaint screen with each step's form, the complainant's notices, and interference records."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

import throttle
from auxiliary.selectors import may_see_person, prohibited_act_choices
from casework.forms import ScanForm
from casework.paging import page_of, query_without_page
from casework.views import docx_response, scan_upload, served_response
from form_errors import add_errors
from roles.access import is_bureau, require
from rules.jurisdiction_choice import asked, offering
from rules.models import RuleProfile
from rules.profiles import get_profile

from . import forms, interference, services
from .access import may_handle, own_unit_of
from .models import (
    ACCEPTED,
    ANSWERED,
    ENFORCEMENT,
    RECEIVED,
    REVIEWED,
    STATUSES,
    Complaint,
    InterferenceRecord,
    Notice,
)
from .selectors import complaint_clocks, process_steps, sees_complainant, visible_complaints

LOGIN = "wagtailadmin_login"


def _complaint_for(user, pk: int) -> Complaint:
    complaint = visible_complaints(user).filter(pk=pk).first()
    if complaint is None:
        if Complaint.objects.filter(pk=pk).exists():
            raise PermissionDenied("您无权查看该投诉举报。")
        raise Http404("没有这件投诉举报。")
    return complaint


@login_required(login_url=LOGIN)
def complaint_list(request):
    if not is_bureau(request.user) and own_unit_of(request.user) is None:
        raise PermissionDenied("只有司法局工作人员和执法机关法制机构可以查看投诉举报。")
    qs = visible_complaints(request.user)
    status = request.GET.get("status", "")
    page, error = None, None
    if status and status not in dict(STATUSES):
        error = "状态筛选值无效，请从列表中选择状态。"
    else:
        if status:
            qs = qs.filter(status=status)
        page, error = page_of(qs, request.GET.get("page"))  # 50 a page, whatever the number of complaints
    complaints = list(page.object_list) if page else []
    accept, finish = services.list_clocks(complaints)  # two queries for the page, never two a row
    rows = [(c, accept.get(c.pk), finish.get(c.pk)) for c in complaints]
    return render(request, "complaints/list.html", {
        "rows": rows, "statuses": STATUSES, "status": status, "page": page, "error": error,
        "query": query_without_page({"status": status}), "task_title": "投诉举报", "today": timezone.localdate(),
        "can_enter": request.user.has_perm(services.HANDLE) or own_unit_of(request.user) is not None},
        status=400 if error else 200)


@login_required(login_url=LOGIN)
def complaint_new(request):
    """来信、来电、来访 entered by an officer (004 第二条: complaints reach the bureau by any channel), or by an
    agency's legal unit about its own agency (投诉 第三条)."""
    own = own_unit_of(request.user)
    if own is None:
        require(request.user, services.HANDLE, "只有司法局经办人或执法机关法制机构可以登记投诉举报。")
    jurisdiction = own.jurisdiction if own is not None else asked(request, "wulong")
    if not RuleProfile.objects.filter(code=jurisdiction).exists() or \
            not services.categories_for(jurisdiction, public=False):
        raise Http404("该辖区没有投诉举报程序。")
    form = forms.StaffEntryForm(request.POST or None, jurisdiction=jurisdiction, public=False, own_agency=own)
    if request.method == "POST" and form.is_valid():
        fp = throttle.fingerprint(form.fingerprint_parts())
        from .public_views import duplicate_of

        if duplicate_of(jurisdiction, fp) is not None:
            form.add_error(None, "一日内已登记过内容相同的投诉举报，请勿重复登记。")
        else:
            try:
                complaint, code = services.complaint_receive(
                    jurisdiction=jurisdiction, fields=form.complaint_fields(), fingerprint=fp, by=request.user,
                    channel=form.cleaned_data["channel"], received_on=form.cleaned_data["received_on"])
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, f"已登记：受理编号{complaint.receipt_number}，查询码{code}"
                                          "（请告知投诉举报人，系统不再显示查询码）。")
                return redirect("complaints:detail", pk=complaint.pk)
    return render(request, "complaints/form.html", {
        "form": form, "task_title": "登记投诉举报（来信、来电、来访）", "jurisdiction": jurisdiction,
        "jurisdictions": offering(lambda code: services.categories_for(code, public=False), request.user)})


def _step_forms(request, complaint: Complaint) -> dict:
    user, j = request.user, complaint.jurisdiction
    handle, decide = may_handle(user, complaint, services.HANDLE), may_handle(user, complaint, services.DECIDE)
    out = {}
    if complaint.status in (RECEIVED, ACCEPTED) and handle and complaint.category == ENFORCEMENT \
            and prohibited_act_choices(j):  # 辅助人员管理办法 第十条: the person and the acts, until the review
        out["auxiliary"] = forms.AuxiliaryIdentifyForm(complaint=complaint)
    if complaint.status == RECEIVED and handle:
        out.update(refuse=forms.RefuseForm(jurisdiction=j) if get_profile(j).has("complaint_not_accepted") else None,
                   transfer=forms.TransferForm(), accept=True)
    if complaint.status == ACCEPTED:
        if handle:
            out.update(investigators=forms.InvestigatorsForm(complaint=complaint),
                       recuse=forms.RecuseForm(complaint=complaint))
        if services.active_investigators(complaint).filter(user=user).exists():
            out.update(opinion=forms.OpinionForm(), recuse=forms.RecuseForm(complaint=complaint))
        if decide and complaint.opinion:
            out["review"] = forms.ReviewForm(complaint=complaint)
    if complaint.status in (ACCEPTED, REVIEWED) and decide and services.finish_clock(complaint) is not None:
        out["extension"] = forms.ExtensionForm()
    if complaint.status == REVIEWED and handle:
        out["reply"] = forms.ReplyForm()
    if complaint.status == ANSWERED and handle:
        out["appeal"] = forms.AppealForm()
    return out


def _ground_cite(profile, complaint: Complaint) -> str:
    """The article of the complaint's ground (武隆 投诉 第四条第（…）项), shown beside it on the staff screen."""
    if not complaint.ground or not profile.has("complaint_grounds"):
        return ""
    return next((str(g["citation"]) for g in profile.choices("complaint_grounds") if g["code"] == complaint.ground), "")


@login_required(login_url=LOGIN)
def complaint_detail(request, pk: int, step_forms: dict | None = None):
    complaint = _complaint_for(request.user, pk)
    forms_ = _step_forms(request, complaint)
    forms_.update(step_forms or {})
    profile = get_profile(complaint.jurisdiction)
    return render(request, "complaints/detail.html", {
        "complaint": complaint, "task_title": f"投诉举报 {complaint.receipt_number}",
        "sees": sees_complainant(request.user, complaint), "clocks": complaint_clocks(complaint),
        "investigators": complaint.investigators.select_related("user", "assigned_by"),
        "notices": complaint.notices.all(), "appeals": _appeals(request.user, complaint, forms_), "forms": forms_,
        "appeal_due": services.appeal_deadline(complaint),
        "steps": process_steps(complaint),
        "scan_form": ScanForm() if request.user.has_perm("casework.record_service") else None,
        "min_investigators": services.min_investigators(complaint),
        "rule_min": profile.figure("complaint_min_investigators") if profile.has("complaint_min_investigators") else None,
        "rule_ext": profile.period("complaint_extension_max") if profile.has("complaint_extension_max") else None,
        "rule_review": profile.figure("complaint_collective_review")
        if profile.has("complaint_collective_review") else None,
        "readings": readings(profile), "hotline_order": getattr(complaint, "hotline_order", None),
        "aux_acts": services.cited_auxiliary_acts(complaint),
        "ground_cite": _ground_cite(profile, complaint),
        "aux_person_visible": complaint.auxiliary_staff_id is not None
        and may_see_person(request.user, complaint.auxiliary_staff),
        "today": timezone.localdate(), "handoff": _handoff(request.user, complaint, profile),
        "can_take_over": complaint.by_agency and complaint.status in (RECEIVED, ACCEPTED, REVIEWED)
        and request.user.has_perm(services.DECIDE) and is_bureau(request.user)},
        status=400 if step_forms else 200)


def _appeals(user, complaint: Complaint, forms_: dict) -> list[dict]:
    """Each appeal with its answer clock, and the head's decision form while it is undecided (第十四条)."""
    decide = user.has_perm(services.DECIDE)
    submitted_pk, submitted = forms_.pop("appeal_decide", (None, None))
    out = []
    for a in complaint.appeals.select_related("answer"):
        form = None
        if a.pk == submitted_pk:  # the refused submission, with its reason (also for one decided meanwhile)
            form = submitted
        elif a.decided_on is None and decide:
            form = forms.AppealDecideForm()
        out.append({"a": a, "clock": services.appeal_clock(a), "form": form})
    return out
READING_KEYS = ("complaint_accept_period", "complaint_required_fields", "complaint_min_investigators",
                "complaint_collective_review", "complaint_finish_period", "complaint_extension_max",
                "complaint_result_notice", "hotline_orders")


def readings(profile) -> list:
    """The complaint figures the jurisdiction's rules leave open (办法未规定), each with the reading applied."""
    return [profile.figure(k) for k in READING_KEYS if profile.has(k) and "办法未规定" in profile.figure(k).note]


def _handoff(user, complaint: Complaint, profile) -> dict | None:
    """What the complaint may be handed off to, one click from its screen (complaints.handoffs)."""
    from complaints import handoffs

    if not is_bureau(user) or complaint.matter_id is None:
        return None
    letters = list(complaint.matter.letters.values_list("ground", flat=True))
    out = {"article": handoffs.HANDOFF_ARTICLE, "substantiated": handoffs.substantiated(complaint),
           "letter": user.has_perm("letters.draft_letter") and profile.has("letter_document")
           and not any(g != "obstruction" for g in letters),
           "letter_name": profile.value("letter_document")["text"] if profile.has("letter_document") else "",
           "accountability": user.has_perm("accountability.handle_case")
           and not hasattr(complaint.matter, "accountability_case"),
           "referral": user.has_perm("complaints.decide_complaint") and profile.has("complaint_referrals")
           and not complaint.matter.referrals.filter(source="complaint", destination="judicial").exists(),
           "obstruction": str(profile.figure("order_for_obstruction").citation)
           if complaint.status == ACCEPTED and profile.has("order_for_obstruction")
           and user.has_perm("letters.draft_letter") and "obstruction" not in letters else ""}
    # 投诉 第十三条、第十五条: retaliation or the handling staff's misconduct, whatever the complaint's stage
    out["misconduct"] = handoffs.misconduct_rule(complaint.jurisdiction)[1] \
        if user.has_perm("accountability.handle_case") else ""
    out["misconduct_rows"] = list(complaint.misconduct.select_related("case__matter__agency"))
    return out if out["substantiated"] or out["obstruction"] or out["misconduct"] or out["misconduct_rows"] else None


STEPS = {
    "refuse": (lambda r, c: forms.RefuseForm(r.POST, jurisdiction=c.jurisdiction),
               lambda r, c, d: services.complaint_refuse(complaint=c, by=r.user, **d), "已作出不予受理决定，告知书已生成。"),
    "transfer": (lambda r, c: forms.TransferForm(r.POST),
                 lambda r, c, d: services.complaint_transfer(complaint=c, by=r.user, **d), "已转送，告知书已生成。"),
    "investigators": (lambda r, c: forms.InvestigatorsForm(r.POST, complaint=c),
                      lambda r, c, d: services.investigators_assign(complaint=c, by=r.user, users=list(d["users"]),
                                                                    no_interest_confirmed=d["no_interest"]),
                      "调查人员已确定。"),
    "recuse": (lambda r, c: forms.RecuseForm(r.POST, complaint=c),
               lambda r, c, d: services.investigator_recuse(complaint=c, by=r.user, **d), "回避已登记。"),
    "opinion": (lambda r, c: forms.OpinionForm(r.POST),
                lambda r, c, d: services.opinion_submit(complaint=c, by=r.user, **d), "初步处理意见已提交集体审定。"),
    "review": (lambda r, c: forms.ReviewForm(r.POST, complaint=c),
               lambda r, c, d: services.review_decide(
                   complaint=c, by=r.user, participants=r._review_participants, decision=d["decision"],
                   outcome=d["outcome"], dismissal_ground=d.get("dismissal_ground", "")), "集体讨论审定已记录。"),
    "extension": (lambda r, c: forms.ExtensionForm(r.POST),
                  lambda r, c, d: services.extension_approve(complaint=c, by=r.user, **d), "已批准延长办理期限。"),
    "reply": (lambda r, c: forms.ReplyForm(r.POST),
              lambda r, c, d: services.complaint_reply(complaint=c, by=r.user, **d), "处理结果已告知，事项已办结。"),
    "auxiliary": (lambda r, c: forms.AuxiliaryIdentifyForm(r.POST, complaint=c),
                  lambda r, c, d: services.auxiliary_identify(complaint=c, by=r.user, person=d["person"],
                                                              acts=d["acts"]), "所涉辅助人员已登记。"),
    "appeal": (lambda r, c: forms.AppealForm(r.POST),
               lambda r, c, d: services.appeal_record(complaint=c, by=r.user, **d), "申诉已登记。"),
}


@login_required(login_url=LOGIN)
@require_POST
def complaint_step(request, pk: int, step: str):
    complaint = _complaint_for(request.user, pk)
    if step == "accept":
        try:
            services.complaint_accept(complaint=complaint, by=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, "已受理，监督事项已立案，受理告知书已生成。")
        return redirect("complaints:detail", pk=pk)
    if step not in STEPS:
        raise Http404("没有这个办理环节。")
    make_form, act, done = STEPS[step]
    form = make_form(request, complaint)
    if form.is_valid():
        if step == "review":
            request._review_participants = form.participant_list()
        try:
            act(request, complaint, form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("complaints:detail", pk=pk)
    return complaint_detail(request, pk, step_forms={step: form})


@login_required(login_url=LOGIN)
@require_POST
def appeal_decide(request, pk: int, appeal_pk: int):
    """第十四条: the head decides an appeal and the 申诉答复书 is issued to the appellant."""
    complaint = _complaint_for(request.user, pk)
    appeal = get_object_or_404(complaint.appeals, pk=appeal_pk)
    if not request.user.has_perm(services.DECIDE):
        from letters.views import refused

        return refused(request, "申诉须由司法局负责人作出处理决定。")
    form = forms.AppealDecideForm(request.POST)
    if form.is_valid():
        try:
            done = services.appeal_decide(appeal=appeal, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已对申诉作出处理决定（{done.get_outcome_display()}），"
                                      f"申诉答复书{done.answer.doc_number}已生成。")
            return redirect("complaints:detail", pk=pk)
    return complaint_detail(request, pk, step_forms={"appeal_decide": (appeal.pk, form)})


@login_required(login_url=LOGIN)
def complaint_take_over(request, pk: int):
    """投诉 第三条: the bureau takes over a complaint the agency's legal unit handles (a recorded decision)."""
    complaint = _complaint_for(request.user, pk)
    require(request.user, services.DECIDE, "只有司法局负责人可以决定接办执法机关受理的投诉举报。")
    form = forms.TakeOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.complaint_take_over(complaint=complaint, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "已接办，本件此后由司法局办理。")
            return redirect("complaints:detail", pk=pk)
    return render(request, "casework/form.html", {
        "form": form, "task_title": f"接办投诉举报 {complaint.receipt_number}", "submit_label": "决定接办",
        "note": f"本件由{complaint.agency.name}法制机构受理、处理。区司法局和行政执法机关法制机构具体负责投诉举报的受理、"
                "处理和监督工作（投诉 第三条）；接办决定记录在案，此后各环节由司法局办理。"})


@login_required(login_url=LOGIN)
def notice_pdf(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    if not sees_complainant(request.user, notice.complaint):
        raise PermissionDenied("告知文书载有投诉举报人信息，仅限办理人员查看。")
    return served_response(notice)


@login_required(login_url=LOGIN)
def notice_docx(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    if not sees_complainant(request.user, notice.complaint):
        raise PermissionDenied("告知文书载有投诉举报人信息，仅限办理人员查看。")
    return docx_response(request.user, notice)


@login_required(login_url=LOGIN)
@require_POST
def notice_scan(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    if not sees_complainant(request.user, notice.complaint):
        raise PermissionDenied("告知文书载有投诉举报人信息，仅限办理人员查看。")
    return scan_upload(request, notice, redirect("complaints:detail", pk=notice.complaint_id))


# ------------------------------------------------------------------ interference records (append-only)
@login_required(login_url=LOGIN)
def interference_list(request):
    require(request.user, interference.RECORD, "您没有记录或查看干预插手记录的权限。")
    return render(request, "complaints/interference_list.html", {
        "records": interference.visible_records(request.user)[:300], "task_title": "干预插手案件记录",
        "can_summary": request.user.has_perm("complaints.summarise_interference"),
        "can_handle": request.user.has_perm(interference.HANDLE)})


@login_required(login_url=LOGIN)
def interference_new(request):
    require(request.user, interference.RECORD, "您没有记录干预插手案件情况的权限。")
    corrects = None
    if request.GET.get("corrects") or request.POST.get("corrects"):
        corrects = interference.visible_records(request.user).filter(
            pk=request.GET.get("corrects") or request.POST.get("corrects")).first()
        if corrects is None:
            raise Http404("没有这条记录。")
    jurisdiction = corrects.jurisdiction if corrects else asked(request, "wulong")
    if not get_profile(jurisdiction).has("interference_kinds"):
        raise Http404("该辖区没有干预插手记录制度。")
    form = forms.InterferenceForm(request.POST or None, jurisdiction=jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            record = interference.interference_record(by=request.user, jurisdiction=jurisdiction, corrects=corrects,
                                                      **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已记录（第{record.pk}号），记录时间{timezone.localtime(record.recorded_at):%Y-%m-%d %H:%M}。"
                                      "记录只能追加，不能修改或删除。")
            return redirect("complaints:interference")
    return render(request, "complaints/interference_form.html", {
        "form": form, "corrects": corrects, "jurisdiction": jurisdiction,
        "task_title": "更正干预插手记录（新增更正记录）" if corrects else "记录干预插手案件情况"})


@login_required(login_url=LOGIN)
def interference_summary(request):
    require(request.user, "complaints.summarise_interference", "只有司法局负责人和经办人可以查看汇总。")
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
        quarter = int(request.GET.get("quarter") or (today.month - 1) // 3 + 1)
        summary = interference.quarter_summary(jurisdiction=asked(request, "wulong"),
                                               year=year, quarter=quarter)
    except (ValueError, ValidationError):
        raise Http404("年度或季度不正确。") from None
    if request.GET.get("format") == "pdf":
        response = HttpResponse(interference.summary_pdf(summary), content_type="application/pdf")
        response["Cache-Control"] = "private, no-store"
        return response
    return render(request, "complaints/interference_summary.html", {
        "summary": summary, "task_title": f"{year}年第{quarter}季度干预插手案件情况汇总"})


__all__ = ["InterferenceRecord", "complaint_detail", "complaint_list", "complaint_new", "complaint_step"]
