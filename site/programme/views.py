"""Staff screens of the yearly programme, under /admin/programme/ (Wagtail admin login and look)."""
from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from casework.selectors import addressable_agencies
from form_errors import add_errors as _errors
from form_errors import submit
from request_guard import NotFound
from roles.access import agency_of, is_bureau, is_liaison, own_jurisdiction_only, require_own_jurisdiction
from rules.models import RuleProfile
from rules.profiles import get_profile

from . import charts, checklist, excel, report, selectors, services
from .deadlines import subject_clocks
from .forms import (
    ActivityForm,
    CaseFileForm,
    FindingForm,
    FindingLetterForm,
    NotificationForm,
    PlanForm,
    ReportForm,
    ReviewForm,
    StatisticsForm,
    UploadForm,
)
from .models import Activity, Finding, ProgrammeYear, RectificationTask, StatisticsReturn, kinds_for

LOGIN = "wagtailadmin_login"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bureau(user):
    if not (is_bureau(user) and user.has_perm("programme.view_programmeyear")):
        raise PermissionDenied("只有司法局工作人员可以查看年度监督工作。")


FIRST_YEAR = 2000


def _xlsx(data: bytes, name: str, *, fallback: str) -> HttpResponse:
    """A download under its Chinese name (RFC 5987 filename*), with an ASCII name for clients without it."""
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename=\"{fallback}\"; filename*=utf-8''{quote(name)}"
    return response


def _py(user, jurisdiction: str, year: int, *, create: bool = False):
    """The jurisdiction's supervision year. Reads never write: without `create` a year with no record yet is an
    unsaved one (no plan, no activities); a year outside 2000 … next year is a Chinese 404; another jurisdiction
    than a bound bureau account's own is refused (403)."""
    if not RuleProfile.objects.filter(code=jurisdiction).exists():
        raise NotFound("没有该辖区。")
    require_own_jurisdiction(user, jurisdiction)
    last = timezone.localdate().year + 1
    if not FIRST_YEAR <= year <= last:
        raise NotFound(f"年度不正确：年度监督可查看{FIRST_YEAR}年至{last}年。")
    if create:
        return services.year_for(jurisdiction, year)
    return selectors.programme_year(jurisdiction, year) or ProgrammeYear(jurisdiction=jurisdiction, year=year)




@login_required(login_url=LOGIN)
def index(request):
    if is_liaison(request.user) and not is_bureau(request.user):
        return redirect("programme:returns")
    _bureau(request.user)
    year = timezone.localdate().year
    return render(request, "programme/index.html", {
        "task_title": "年度监督", "year": year, "jurisdictions": [
            (p, selectors.statistics_due_text(p.code, year - 1))
            for p in own_jurisdiction_only(RuleProfile.objects.order_by("pk"), request.user, "code")]})


@login_required(login_url=LOGIN)
def year_detail(request, jurisdiction: str, year: int):
    _bureau(request.user)
    py = _py(request.user, jurisdiction, year)
    profile = get_profile(jurisdiction)
    prev = _py(request.user, jurisdiction, year - 1) if year > FIRST_YEAR else ProgrammeYear(jurisdiction=jurisdiction, year=year - 1)
    returns = [(r, subject_clocks(r).first()) for r in selectors.returns_for(prev)]
    return render(request, "programme/year.html", {
        "task_title": f"{profile.name} {year}年度监督", "py": py, "prev": prev, "profile": profile,
        "plan_citation": profile.figure("annual_plan").citation if profile.has("annual_plan") else selectors.NOT_SET,
        "rows": selectors.requirements(jurisdiction, year), "returns": returns,
        "form_counts": selectors.inspection_form_counts(jurisdiction, year),
        "activities": selectors.year_activities(py).select_related("agency", "matter"),
        "year_clocks": subject_clocks(py), "prev_clocks": subject_clocks(prev),
        "due_text": selectors.statistics_due_text(jurisdiction, year - 1), "today": timezone.localdate(),
        "plan_form": PlanForm(initial={"plan": py.plan}),
        "can_manage": request.user.has_perm("programme.manage_programme"),
        "can_notify": request.user.has_perm("programme.issue_notification"),
        "can_notify_special": profile.has("notification_kinds"),
        "notifications": [*selectors.year_notifications(prev).filter(kind=services.ANNUAL).prefetch_related(
            "tasks__agency", "tasks__clock"), *selectors.year_notifications(py).exclude(kind=services.ANNUAL)
            .prefetch_related("tasks__agency", "tasks__clock")]})


@login_required(login_url=LOGIN)
@require_POST
def plan(request, jurisdiction: str, year: int):
    _py(request.user, jurisdiction, year)  # the year's range
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            services.plan_record(jurisdiction=jurisdiction, year=year, plan=form.cleaned_data["plan"], by=request.user)
            messages.success(request, "年度监督工作计划已保存。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
    else:
        messages.error(request, "请填写年度监督工作计划。")
    return redirect("programme:year", jurisdiction=jurisdiction, year=year)


@login_required(login_url=LOGIN)
def activity_new(request, jurisdiction: str, year: int):
    _bureau(request.user)
    _py(request.user, jurisdiction, year)
    form = ActivityForm(request.POST or None, jurisdiction=jurisdiction)

    def act(data):
        activity = services.activity_record(jurisdiction=jurisdiction, by=request.user, **form.service_data())
        messages.success(request, "已登记。")
        return redirect("programme:activity", pk=activity.pk)

    n, credential, citation = services.onsite_rule(jurisdiction)
    rule = (f"现场监督：监督人员不得少于{n}人" if n else "现场监督：办法未规定最少人数，平台不作限制") + \
        ("，并应出示行政执法监督证件" if credential else "") + f"（{citation}）。"
    return submit(request, form, act) or render(request, "casework/form.html", {
        "form": form, "task_title": "登记" + "、".join(label for _k, label in kinds_for(jurisdiction)),
        "submit_label": "登记", "note": rule})


def _activity(request, pk: int) -> Activity:
    _bureau(request.user)
    return get_object_or_404(own_jurisdiction_only(Activity.objects.select_related("year", "agency", "matter"),
                                                   request.user, "year__jurisdiction"), pk=pk)


@login_required(login_url=LOGIN)
def activity_detail(request, pk: int, casefile_form=None):
    """One activity: who took part (with credentials), its checklist findings, and a letter from each."""
    activity = _activity(request, pk)
    items = checklist.items_for(activity.year.jurisdiction)
    posted = request.POST if casefile_form is None else None  # a case-file form's errors leave this form empty
    form = FindingForm(posted or None, items=items)

    def act(data):
        services.finding_record(activity=activity, item=data["item"], text=data["text"], by=request.user)
        messages.success(request, "已登记发现的问题。")
        return redirect("programme:activity", pk=activity.pk)

    response = submit(request, form, act) if casefile_form is None else None
    if response is not None:
        return response
    n, credential, citation = services.onsite_rule(activity.year.jurisdiction)
    return render(request, "programme/activity.html", {
        "task_title": f"{activity.get_kind_display()}：{activity.title}", "a": activity, "form": form,
        "participants": activity.participants.select_related("user"), "has_items": items.exists(),
        "findings": activity.checklist_findings.select_related("item", "letter", "recorded_by"),
        "followups": activity.followups.select_related("case__matter"),
        "can_hand_off": is_bureau(request.user) and request.user.has_perm("accountability.handle_case"),
        "evaluation_scope": services.evaluation_scope_label(activity),
        "evaluation_citation": services.evaluation_rule(activity.year.jurisdiction)[2],
        "forms_citation": services.inspection_forms_rule(activity.year.jurisdiction)[1],
        "case_files": activity.case_files.all() if activity.kind == "casefile_review" else None,
        "casefile_summary": services.casefile_summary(activity) if activity.kind == "casefile_review" else "",
        "casefile_citation": services.casefile_citation(activity.year.jurisdiction),
        "casefile_form": casefile_form or CaseFileForm(),
        "followup_rule": get_profile(activity.year.jurisdiction).has("inspection_followup_outcomes"),
        "onsite_text": (f"不少于{n}人" if n else "办法未规定最少人数，平台不作限制") + ("，出示行政执法监督证件" if credential else "")
        + f"（{citation}）", "can_manage": request.user.has_perm("programme.manage_programme")},
        status=400 if request.method == "POST" else 200)


@login_required(login_url=LOGIN)
@require_POST
def activity_casefile(request, pk: int):
    """登记评查的案卷 (003 第十八条): the form on the case-file review's screen."""
    activity = _activity(request, pk)
    if activity.kind != "casefile_review":  # its screen has no case-file form to show the refusal on
        messages.error(request, services.NOT_A_REVIEW)
        return redirect("programme:activity", pk=activity.pk)
    form = CaseFileForm(request.POST)
    if form.is_valid():
        try:
            services.casefile_record(activity=activity, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "已登记评查的案卷。")
            return redirect("programme:activity", pk=activity.pk)
    return activity_detail(request, pk, casefile_form=form)  # 400 with this form's errors


@login_required(login_url=LOGIN)
def activity_followup(request, pk: int):
    """检查 第十条: record how the agency implemented the inspection's decision or recommendation."""
    from .forms import FollowUpForm

    activity = _activity(request, pk)
    profile = get_profile(activity.year.jurisdiction)
    if not profile.has("inspection_followup_outcomes"):
        raise Http404(f"{profile.name}的办法未规定检查决定落实情况的处理。")
    form = FollowUpForm(request.POST or None, jurisdiction=activity.year.jurisdiction)

    def act(data):
        row = services.followup_record(activity=activity, by=request.user, **data)
        messages.success(request, f"已登记落实情况：{row.outcome_label}。")
        return redirect("programme:activity", pk=activity.pk)

    return submit(request, form, act) or render(request, "casework/form.html", {
        "form": form, "task_title": f"登记检查决定落实情况：{activity.title}", "submit_label": "登记",
        "note": f"对作出的决定或建议，行政执法机关应当在规定的时间内书面反馈落实情况；未按期落实或落实不力的，按照标准予以考评"
                f"或追究责任（{profile.figure('inspection_followup_outcomes').citation}）。"})


@login_required(login_url=LOGIN)
def finding_letter(request, pk: int):
    """制发监督建议书 from a finding: the ground pre-selected from its checklist item, facts pre-filled."""
    _bureau(request.user)
    finding = get_object_or_404(own_jurisdiction_only(
        Finding.objects.select_related("item", "activity__year", "activity__agency", "letter"), request.user,
        "activity__year__jurisdiction"), pk=pk)
    activity = finding.activity
    if finding.letter_id:
        messages.error(request, "该问题已制发监督文书。")
        return redirect("programme:activity", pk=activity.pk)
    profile = get_profile(activity.year.jurisdiction)
    if not profile.has("letter_grounds"):
        messages.error(request, f"{profile.name}的规则中没有监督建议书（意见书）制度。")
        return redirect("programme:activity", pk=activity.pk)
    grounds = profile.choices("letter_grounds")
    initial = {"ground": finding.item.letter_ground if finding.item.letter_ground in {g["code"] for g in grounds}
               else "",
               "findings": f"{activity.held_on:%Y年%m月%d日}{activity.get_kind_display()}（{activity.title}）中发现："
                           f"{finding.text}（检查项目：{finding.item.label}，{finding.item.citation}）",
               "request": "请对照上述问题依法予以纠正，并在规定期限内书面报送整改情况。"}
    form = FindingLetterForm(request.POST or None, grounds=grounds, initial=initial)

    def act(data):
        letter = services.finding_letter(finding=finding, by=request.user, **data)
        messages.success(request, f"已起草{profile.text('letter_document')}（监督事项{letter.matter.number}）。")
        return redirect("casework:matter", pk=letter.matter_id)

    return submit(request, form, act) or render(request, "casework/form.html", {
        "form": form, "task_title": f"制发{profile.text('letter_document')}：{finding.item.label}",
        "submit_label": "起草并提交", "note": f"{activity.agency.name} · {activity.get_kind_display()}“{activity.title}”"
        + (f" · 同一案卷：{activity.matter.number}" if activity.matter_id else " · 将立案登记监督事项")})


@login_required(login_url=LOGIN)
def checklist_statistics(request, jurisdiction: str, year: int):
    """Findings per checklist item and agency for the year (统计：各检查项目、各执法机关)."""
    _bureau(request.user)
    _py(request.user, jurisdiction, year)
    profile = get_profile(jurisdiction)
    return render(request, "programme/checklist_statistics.html", {
        "task_title": f"{profile.name} {year}年度检查发现问题统计（按检查项目、执法机关）", "jurisdiction": jurisdiction,
        "year": year, "stats": checklist.statistics(jurisdiction, year)})


@login_required(login_url=LOGIN)
def checklist_statistics_xlsx(request, jurisdiction: str, year: int):
    _bureau(request.user)
    _py(request.user, jurisdiction, year)
    profile = get_profile(jurisdiction)
    title = f"{profile.authority}{year}年度检查发现问题统计"
    data = excel.checklist_bytes(checklist.statistics(jurisdiction, year), title=title)
    return _xlsx(data, f"{title}.xlsx", fallback=f"findings-{jurisdiction}-{year}.xlsx")


@login_required(login_url=LOGIN)
@require_POST
def activity_matter(request, pk: int):
    activity = get_object_or_404(Activity.objects.select_related("year"), pk=pk)
    try:
        matter = services.activity_open_matter(activity=activity, by=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("programme:year", jurisdiction=activity.year.jurisdiction, year=activity.year.year)
    messages.success(request, f"已转立监督事项：{matter.number}")
    return redirect("casework:matter", pk=matter.pk)


@login_required(login_url=LOGIN)
@require_POST
def statistics_open(request, jurisdiction: str, year: int):
    _py(request.user, jurisdiction, year)  # the year's range
    try:
        services.statistics_open(jurisdiction=jurisdiction, year=year, by=request.user)
        messages.success(request, f"已向各执法机关启动{year}年度统计年报报送。")
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("programme:year", jurisdiction=jurisdiction, year=year + 1)


# ------------------------------------------------------------------ the annual report (bureau)
@login_required(login_url=LOGIN)
def report_detail(request, jurisdiction: str, year: int, *, bound: dict | None = None, status: int = 200):
    from .duty_views import district_response_context

    _bureau(request.user)
    py = _py(request.user, jurisdiction, year)
    return render(request, "programme/report.html", {
        "task_title": report.report_title(py), "py": py, "agg": selectors.aggregate(py),
        "citation": report.category_citation(py), "overdue": selectors.overdue_returns(py),
        "can_manage": request.user.has_perm("programme.manage_programme"),
        **district_response_context(py, bound)}, status=status)


@login_required(login_url=LOGIN)
def report_chart(request, jurisdiction: str, year: int, name: str):
    _bureau(request.user)
    py = _py(request.user, jurisdiction, year)
    agg = selectors.aggregate(py)
    if name == "totals":
        png = charts.totals_chart(agg, title=f"{year}年度各类行政执法行为件数")
    elif name == "agencies":
        png = charts.agencies_chart(agg, title=f"{year}年度各执法机关行政执法行为合计")
    else:
        raise Http404()
    return HttpResponse(png, content_type="image/png", headers={"Cache-Control": "private, no-store"})


@login_required(login_url=LOGIN)
def report_xlsx(request, jurisdiction: str, year: int):
    _bureau(request.user)
    py = _py(request.user, jurisdiction, year)
    data = excel.report_bytes(selectors.aggregate(py), title=report.report_title(py),
                              citation=report.category_citation(py))
    return _xlsx(data, f"{report.report_title(py)}.xlsx", fallback=f"report-{jurisdiction}-{year}.xlsx")


@login_required(login_url=LOGIN)
@require_POST
def report_draft(request, jurisdiction: str, year: int):
    py = _py(request.user, jurisdiction, year, create=True)
    try:
        page = report.annual_report_draft(py=py, by=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("programme:report", jurisdiction=jurisdiction, year=year)
    messages.success(request, "统计年报公告草稿已生成，请编辑审核后发布。")
    return redirect("wagtailadmin_pages:edit", page.pk)


@login_required(login_url=LOGIN)
def notification_new(request, jurisdiction: str, year: int):
    """The notification on `year` (issued in the first quarter of the next year)."""
    _bureau(request.user)
    py = _py(request.user, jurisdiction, year, create=request.method == "POST")
    body, problems = selectors.notification_draft(py)
    agencies = addressable_agencies(jurisdiction)
    initial = {"title": f"关于{year}年度行政执法情况的通报", "body": body}
    for agency in agencies:
        if agency.pk in problems:
            initial[f"name_{agency.pk}"] = True
            initial[f"problems_{agency.pk}"] = "；".join(problems[agency.pk])
    form = NotificationForm(request.POST or None, agencies=agencies, initial=initial, jurisdiction=jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_issue(py=py, title=form.cleaned_data["title"], body=form.cleaned_data["body"],
                                        named=form.named(), period_n=form.cleaned_data["period_n"],
                                        period_unit=form.cleaned_data["period_unit"], by=request.user,
                                        **form.terms())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "通报已签发，限期整改通知书已生成，通报公告草稿待编辑审核。")
            return redirect("programme:year", jurisdiction=jurisdiction, year=year + 1)
    profile = get_profile(jurisdiction)
    basis = profile.figure("rectification_basis") if profile.has("rectification_basis") else None
    return render(request, "casework/form.html", {
        "form": form, "task_title": f"{year}年度行政执法监督情况通报", "submit_label": "签发通报",
        "note": f"整改期限由通报确定（{basis.citation}：{basis.value.get('text', '')}）。" if basis else ""})


@login_required(login_url=LOGIN)
def notification_special(request, jurisdiction: str, year: int):
    """An unscheduled or urgent notification issued in `year` (004 通报 第四条), through the same
    services.notification_issue as the yearly one."""
    _bureau(request.user)
    py = _py(request.user, jurisdiction, year)
    profile = get_profile(jurisdiction)
    if not profile.has("notification_kinds"):
        raise Http404(f"{profile.name}的规则配置未规定不定期或紧急通报。")
    if year != timezone.localdate().year:
        raise NotFound(f"不定期、紧急通报在签发当年的年度监督中办理（本年度为{timezone.localdate().year}年）。")
    kinds = [c["code"] for c in profile.choices("notification_kinds") if c["code"] != services.ANNUAL]
    if request.method == "POST":
        py = _py(request.user, jurisdiction, year, create=True)
    form = NotificationForm(request.POST or None, agencies=addressable_agencies(jurisdiction),
                            jurisdiction=jurisdiction, kinds=kinds, initial={"kind": kinds[0] if kinds else None})
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_issue(py=py, title=form.cleaned_data["title"], body=form.cleaned_data["body"],
                                        named=form.named(), period_n=form.cleaned_data["period_n"],
                                        period_unit=form.cleaned_data["period_unit"], by=request.user,
                                        **form.terms())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "通报已签发，限期整改通知书已生成，通报公告草稿待编辑审核。")
            return redirect("programme:year", jurisdiction=jurisdiction, year=year)
    basis = profile.figure("rectification_basis") if profile.has("rectification_basis") else None
    return render(request, "casework/form.html", {
        "form": form, "task_title": f"{year}年不定期、紧急行政执法监督情况通报", "submit_label": "签发通报",
        "note": f"整改期限由通报确定（{basis.citation}：{basis.value.get('text', '')}）。" if basis else ""})


# ------------------------------------------------------------------ the liaison's returns
def _own_return(user, pk: int) -> StatisticsReturn:
    ret = get_object_or_404(StatisticsReturn.objects.select_related("year", "agency"), pk=pk)
    agency = agency_of(user)
    if agency is None or agency.pk != ret.agency_id:
        raise PermissionDenied("只能查看本机关的统计年报。")
    return ret


@login_required(login_url=LOGIN)
def returns(request):
    agency = agency_of(request.user)
    if agency is None:
        raise PermissionDenied("只有执法机关联络员可以报送统计年报。")
    rows = [(r, subject_clocks(r).first()) for r in selectors.liaison_returns(agency)]
    tasks = RectificationTask.objects.filter(agency=agency).select_related("notification", "clock", "matter")
    return render(request, "programme/returns.html", {"task_title": f"{agency.name} 统计年报与整改", "rows": rows,
                                                      "tasks": tasks, "today": timezone.localdate()})


@login_required(login_url=LOGIN)
def return_detail(request, pk: int):
    ret = _own_return(request.user, pk)
    cats = selectors.categories(ret.year.jurisdiction)
    initial = {f"c_{k}": v for k, v in ret.figures.items()} | {"explanation": ret.explanation}
    form = StatisticsForm(request.POST or None, categories=cats, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.statistics_submit(ret=ret, figures=form.figures(), explanation=form.cleaned_data["explanation"],
                                       by=request.user, channel="screen")
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "统计年报已报送。")
            return redirect("programme:return", pk=ret.pk)
    return _return_page(request, ret, form, UploadForm(), [])


def _return_page(request, ret, form, upload_form, upload_errors):
    profile = get_profile(ret.year.jurisdiction)
    return render(request, "programme/return.html", {
        "task_title": f"{ret.agency.name} {ret.year.year}年度行政执法统计年报", "ret": ret, "form": form,
        "upload_form": upload_form, "upload_errors": upload_errors, "clock": subject_clocks(ret).first(),
        "due_text": selectors.statistics_due_text(ret.year.jurisdiction, ret.year.year),
        "citation": profile.figure("statistics_categories").citation, "today": timezone.localdate()})


@login_required(login_url=LOGIN)
def return_template(request, pk: int):
    ret = _own_return(request.user, pk)
    profile = get_profile(ret.year.jurisdiction)
    data = excel.template_bytes(cats=profile.choices("statistics_categories"), year=ret.year.year,
                                agency_name=ret.agency.name,
                                citation=str(profile.figure("statistics_categories").citation))
    return _xlsx(data, f"{ret.agency.name}{ret.year.year}年度行政执法统计年报（报送表）.xlsx",
                 fallback=f"statistics-{ret.year.year}.xlsx")


@login_required(login_url=LOGIN)
def return_upload(request, pk: int):
    ret = _own_return(request.user, pk)
    cats = selectors.categories(ret.year.jurisdiction)
    upload_form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and upload_form.is_valid():
        try:
            figures, explanation = excel.parse(upload_form.cleaned_data["file"], cats=cats, year=ret.year.year,
                                               agency_name=ret.agency.name)
            services.statistics_submit(ret=ret, figures=figures, explanation=explanation, by=request.user,
                                       channel="excel")
        except excel.TemplateError as exc:
            errors = exc.errors
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, "Excel模板已读取，统计年报已报送。")
            return redirect("programme:return", pk=ret.pk)
    form = StatisticsForm(categories=cats, initial={f"c_{k}": v for k, v in ret.figures.items()})
    response = _return_page(request, ret, form, upload_form, errors)
    if errors:
        response.status_code = 400
    return response


@login_required(login_url=LOGIN)
@require_POST
def task_report(request, pk: int):
    task = get_object_or_404(RectificationTask, pk=pk)
    form = ReportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("请填写整改落实情况。")
        services.rectification_report(task=task, report=form.cleaned_data["report"], by=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "整改落实情况已报告。")
    return redirect("casework:matter", pk=task.matter_id)


@login_required(login_url=LOGIN)
@require_POST
def task_ineffective(request, pk: int):
    """通报 第六条: the review's other outcome, 整改落实不力 (services.rectification_ineffective)."""
    from .forms import IneffectiveForm

    task = get_object_or_404(RectificationTask.objects.select_related("matter"), pk=pk)
    form = IneffectiveForm(request.POST)
    form.is_valid()
    try:
        services.rectification_ineffective(task=task, by=request.user, findings=form.cleaned_data.get("findings", ""))
    except PermissionDenied as exc:  # 403 with the reason (Wagtail would redirect to the dashboard)
        from letters.views import refused

        return refused(request, str(exc))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已认定整改落实不力，事项办结；请审查是否情节严重。")
    return redirect("casework:matter", pk=task.matter_id)


@login_required(login_url=LOGIN)
@require_POST
def task_review(request, pk: int):
    task = get_object_or_404(RectificationTask.objects.select_related("matter"), pk=pk)
    form = ReviewForm(request.POST)
    form.is_valid()
    try:
        services.rectification_accept(task=task, by=request.user, note=form.cleaned_data.get("note", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "整改落实情况已审核确认，事项办结。")
    return redirect("casework:matter", pk=task.matter_id)
