"""行政执法辅助人员名册 screens: the roster (bureau staff see every agency, a liaison only their own), adding a
person through services.add_staff, a person's record, and the duties / prohibited acts checklist with articles."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from casework.models import Agency
from casework.visibility import explain_refusals
from roles.access import in_casework
from rules.profiles import FigureMissing, get_profile

from . import roster_import as roster_import_module
from . import services
from .forms import AssessmentForm, CheckForm, RecordForm, SanctionForm, StaffForm, StatusForm
from .models import AgencyCheck, Assessment, AuxiliaryStaff, StaffRecord

LOGIN = "wagtailadmin_login"
KEY = "auxiliary_duties"


def _profile_of(agency):
    try:
        profile = get_profile(agency.jurisdiction)
    except FigureMissing:
        return None
    return profile if profile.has(KEY) else None


def _agencies(user):
    if not in_casework(user):
        raise PermissionDenied("只有司法局工作人员和执法机关联络员可以查看行政执法辅助人员名册。")
    codes = [a for a in Agency.objects.values_list("jurisdiction", flat=True).distinct()]
    with_rules = []
    for code in codes:
        try:
            if get_profile(code).has(KEY):
                with_rules.append(code)
        except FigureMissing:
            pass
    return services.visible_agencies(user, Agency.objects.filter(jurisdiction__in=with_rules, active=True))


@login_required(login_url=LOGIN)
def roster(request):
    agencies = _agencies(request.user)
    staff = AuxiliaryStaff.objects.filter(agency__in=agencies).select_related("agency")
    chosen = None
    if request.GET.get("agency", "").isdigit():
        chosen = get_object_or_404(agencies, pk=int(request.GET["agency"]))
        staff = staff.filter(agency=chosen)
    from django.db.models import Max
    from django.utils import timezone

    today, profiles, rows = timezone.localdate(), {}, []
    for p in staff.annotate(last_end=Max("assessments__period_end")):
        if p.jurisdiction not in profiles:
            profiles[p.jurisdiction] = _profile_of(p.agency)
        due = services.assessment_due(profiles[p.jurisdiction], p.last_end, p.start) \
            if profiles[p.jurisdiction] and p.status in ("active", "suspended") else None
        p.assessment_overdue = due[0] if due and due[0] < today else None
        p.term_over = p.status in ("active", "suspended") and p.end is not None and p.end < today
        rows.append(p)
    return render(request, "auxiliary/roster.html", {
        "task_title": "行政执法辅助人员名册", "agencies": agencies, "chosen": chosen, "staff": rows})


@login_required(login_url=LOGIN)
@explain_refusals
def staff_new(request, agency_pk: int):
    agency = get_object_or_404(_agencies(request.user), pk=agency_pk)
    profile = _profile_of(agency)
    if not services.may_manage(request.user, agency):
        raise PermissionDenied("您只能登记本机关的行政执法辅助人员。")
    form = StaffForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.add_staff(by=request.user, agency=agency, profile=profile, data=form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, f"已将{person.name}登记为{agency.name}的行政执法辅助人员。")
            return redirect("auxiliary:staff", pk=person.pk)
    return render(request, "auxiliary/form.html", {
        "task_title": f"登记行政执法辅助人员：{agency.name}", "form": form, "agency": agency,
        "age": profile.figure("auxiliary_age_min"), "education": profile.figure("auxiliary_education_min")})


def _person(request, pk: int) -> AuxiliaryStaff:
    return get_object_or_404(AuxiliaryStaff.objects.select_related("agency"), pk=pk,
                             agency__in=_agencies(request.user))


@login_required(login_url=LOGIN)
def staff_detail(request, pk: int):
    person = _person(request, pk)
    profile = _profile_of(person.agency)
    duties = [i for i in profile.choices(KEY) if i["code"] in person.duties] if profile else []
    assessments = list(person.assessments.select_related("staff"))
    proposals = [services.proposal(profile, a) for a in assessments[:1]] if profile else []
    acts = dict(profile and [(i["code"], i) for i in profile.choices("auxiliary_prohibited_acts")] or [])
    sanctions = [(s, [acts[c] for c in s.acts if c in acts]) for s in person.sanctions.all()]
    from complaints.selectors import visible_complaints  # a process app's read, only on this screen

    complaints = [(c, [acts[a] for a in c.aux_acts if a in acts])
                  for c in visible_complaints(request.user).filter(auxiliary_staff=person).order_by("-received_on")]
    return render(request, "auxiliary/detail.html", {
        "task_title": f"行政执法辅助人员：{person.name}", "person": person, "duties": duties,
        "prohibited": profile.choices("auxiliary_prohibited_acts") if profile else [],
        "education": dict(services.education_levels(profile)).get(person.education, person.education)
        if profile else person.education,
        "may_decide": services.may_decide(request.user, person.agency),
        "changes": person.status_changes.select_related("assessment", "recorded_by"),
        "records": person.records.all(), "assessments": assessments,
        "sanctions": sanctions, "complaints": complaints, "proposal": next((p for p in proposals if p), ""),
        "proposal_assessment": assessments[0] if assessments else None,
        "next_assessment": services.next_assessment(profile, person) if profile else None})


def _person_action(request, pk: int, form_class, title: str, act, done: str, initial=None):
    """form → service → message → redirect, for every decision about one person."""
    person = _person(request, pk)
    profile = _profile_of(person.agency)
    if profile is None:
        raise PermissionDenied("该辖区的规则中没有行政执法辅助人员管理制度。")
    if not services.may_decide(request.user, person.agency):
        services._require_agency(request.user, person.agency, profile)
    form = form_class(request.POST or None, request.FILES or None, profile=profile, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            act(person, profile, form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, done.format(name=person.name))
            return redirect("auxiliary:staff", pk=person.pk)
    return render(request, "auxiliary/action.html", {
        "task_title": f"{title}：{person.name}（{person.agency.name}）", "form": form, "person": person})


@login_required(login_url=LOGIN)
@explain_refusals
def staff_status(request, pk: int):
    initial = {k: request.GET[k] for k in ("kind", "reason", "assessment") if request.GET.get(k)}

    def act(person, profile, data):
        assessment = None
        if data.get("assessment"):
            assessment = Assessment.objects.filter(pk=data["assessment"], staff=person).first()
        services.change_status(by=request.user, staff=person, profile=profile, kind=data["kind"],
                               reason=data["reason"], decided_on=data["decided_on"], decider=data["decider"],
                               new_end=data.get("new_end"), assessment=assessment,
                               new_post=data.get("new_post") or "")
    return _person_action(request, pk, StatusForm, "变更状态", act, "已登记{name}的状态变更。", initial)


@login_required(login_url=LOGIN)
@explain_refusals
def staff_assess(request, pk: int):
    def act(person, profile, data):
        services.record_assessment(by=request.user, staff=person, profile=profile, **data)
    return _person_action(request, pk, AssessmentForm, "登记考核", act, "已登记{name}的考核结果。")


@login_required(login_url=LOGIN)
@explain_refusals
def staff_sanction(request, pk: int):
    def act(person, profile, data):
        services.record_sanction(by=request.user, staff=person, profile=profile, **data)
    return _person_action(request, pk, SanctionForm, "登记违反办法的处理", act, "已登记对{name}的处理。")


@login_required(login_url=LOGIN)
@explain_refusals
def staff_record(request, pk: int):
    def act(person, profile, data):
        services.add_record(by=request.user, staff=person, profile=profile, kind=data["kind"], day=data["day"],
                            title=data["title"], content=data.get("content", ""), upload=data.get("file"))
    return _person_action(request, pk, RecordForm, "登记档案", act, "已将该事项记入{name}的档案。")


@login_required(login_url=LOGIN)
@explain_refusals
def record_file(request, pk: int):
    from casework.views import _file_response

    row = get_object_or_404(StaffRecord.objects.select_related("staff"), pk=pk,
                            staff__agency__in=_agencies(request.user))
    if not row.file:
        raise Http404("该档案没有附件。")
    return _file_response(row.file, row.original_name, row.content_type)


@login_required(login_url=LOGIN)
@explain_refusals
def agency_checks(request, agency_pk: int):
    """The bureau checks an agency's management of its auxiliary staff (第十四、十五、十八条); the agency's
    liaison reads the checks of its own agency."""
    agency = get_object_or_404(_agencies(request.user), pk=agency_pk)
    profile = _profile_of(agency)
    form = None
    if services.is_bureau(request.user):
        form = CheckForm(request.POST or None, profile=profile)
        if request.method == "POST" and form.is_valid():
            try:
                services.check_agency(by=request.user, agency=agency, profile=profile, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, f"已登记对{agency.name}辅助人员管理的监督检查。")
                return redirect("auxiliary:checks", agency_pk=agency.pk)
    elif request.method == "POST":
        raise PermissionDenied("只有司法局工作人员可以对执法机关的辅助人员管理开展监督检查。")
    systems = {i["code"]: i for i in profile.choices("auxiliary_management_systems")}
    acts = {i["code"]: i for i in profile.choices("auxiliary_agency_prohibited")}
    checks = [(c, [systems[k] for k in c.missing_systems if k in systems], [acts[k] for k in c.violations if k in acts])
              for c in AgencyCheck.objects.filter(agency=agency).select_related("case__matter")]
    return render(request, "auxiliary/checks.html", {
        "task_title": f"辅助人员管理监督检查：{agency.name}", "agency": agency, "form": form, "checks": checks,
        "head": profile.figure("auxiliary_head_accountability"),
        "may_hand_off": services.is_bureau(request.user) and request.user.has_perm("accountability.handle_case"),
        "agency_acts": profile.figure("auxiliary_agency_prohibited")})


@login_required(login_url=LOGIN)
def check_accountability(request, pk: int):
    """第十八条: the bureau's handler takes the head's accountability in as a 过错责任 case (the one door,
    services.check_to_accountability → accountability.services.case_intake)."""
    from accountability.forms import IntakeForm
    from casework.views import to_matter
    from letters.views import handoff_screen, refused

    if not (services.is_bureau(request.user) and request.user.has_perm("accountability.handle_case")):
        return refused(request, "只有司法局经办人可以将检查发现的问题转入责任追究。")
    check = get_object_or_404(AgencyCheck.objects.select_related("agency"), pk=pk,
                              agency__in=_agencies(request.user))
    profile = _profile_of(check.agency)
    form = IntakeForm(request.POST or None, jurisdiction=check.jurisdiction, initial={"kind": "fault"})
    for name in ("agency", "origin", "title", "intake_on", "reporter"):
        form.fields.pop(name, None)
    form.fields["facts"].required = False
    form.fields["facts"].label = "补充事实（可不填，检查情况和发现的问题自动写入）"

    def act(data):
        case = services.check_to_accountability(check=check, by=request.user, **data)
        return to_matter(request, case.matter_id, f"已在{case.matter.number}中受理责任追究。")

    head = profile.figure("auxiliary_head_accountability")
    return handoff_screen(request, matter=None, form=form, act=act,
                          title=f"辅助人员管理未按办法执行，追究机关负责人责任：{check.agency.name}",
                          note=f"{check.checked_on.year}年{check.checked_on.month}月{check.checked_on.day}日检查："
                               f"{check.findings}。机关负责人：{check.head_name}。{head.value['text']}"
                               f"（{head.citation}）。")


@login_required(login_url=LOGIN)
@explain_refusals
def checklist(request, jurisdiction: str):
    if not in_casework(request.user):
        raise PermissionDenied("只有司法局工作人员和执法机关联络员可以查看。")
    try:
        profile = get_profile(jurisdiction)
    except FigureMissing:
        profile = None
    if profile is None or not profile.has(KEY):
        raise PermissionDenied("该辖区的规则中没有行政执法辅助人员管理制度。")
    return render(request, "auxiliary/checklist.html", {
        "task_title": f"行政执法辅助人员职责与禁止行为（{profile.name}）", "sections": [
            (profile.figure(key).label, profile.figure(key).citation, profile.choices(key), profile.figure(key).note)
            for key in ("auxiliary_duties", "auxiliary_prohibited_acts", "auxiliary_agency_prohibited",
                        "auxiliary_management_systems", "auxiliary_conditions", "auxiliary_barring_grounds",
                        "auxiliary_status_changes", "auxiliary_assessment_grades", "auxiliary_sanctions")
            if profile.has(key)]})


class ImportForm(forms.Form):
    file = forms.FileField(label="名册文件（.xlsx）")


@login_required(login_url=LOGIN)
@explain_refusals
def roster_import(request, agency_pk: int):
    agency = get_object_or_404(_agencies(request.user), pk=agency_pk)
    if not services.may_manage(request.user, agency):
        raise PermissionDenied("您只能导入本机关的行政执法辅助人员名册。")
    profile = _profile_of(agency)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = roster_import_module.import_roster(by=request.user, agency=agency, profile=profile,
                                                       upload=form.cleaned_data["file"])
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, f"已导入{count}名行政执法辅助人员。")
            return redirect(f"{reverse('auxiliary:roster')}?agency={agency.pk}")
    return render(request, "auxiliary/import.html", {
        "task_title": f"导入行政执法辅助人员名册：{agency.name}", "form": form, "agency": agency,
        "problems": problems, "columns": [h for h, _ in roster_import_module.COLUMNS]})


@login_required(login_url=LOGIN)
def import_template(request):
    if not in_casework(request.user):
        raise PermissionDenied("只有司法局工作人员和执法机关联络员可以下载名册模板。")
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''%E8%BE%85%E5%8A%A9%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C.xlsx"
    roster_import_module.template_workbook().save(response)
    return response
