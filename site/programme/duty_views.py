"""Screens of the agencies' own publication duties (programme/duties.py): the liaison records them on its
return's screen; the bureau reads who is late per year (统计 第三条、第五条, 通报 第七条)."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from casework.forms import DATE
from form_errors import add_errors, required_messages_in_chinese
from rules.profiles import get_profile

from . import duties
from .views import _bureau, _own_return, _py

LOGIN = "wagtailadmin_login"


class Form(forms.Form):
    """A missing answer named in Chinese (请填写…), never Django's bare "必需字段"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


class PlanForm(Form):
    text = forms.CharField(label="应对预案（对公开后社会反映的预判和应对措施）", widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(Form):
    published_on = forms.DateField(label="公开日期", widget=DATE)
    where = forms.CharField(label="公开渠道（网址或栏目）", max_length=200)
    superior_name = forms.CharField(label="上级主管部门", max_length=100)
    superior_sent_on = forms.DateField(label="报上级主管部门日期", widget=DATE)


class FollowUpForm(Form):
    text = forms.CharField(label="舆情跟踪、解疑释惑情况", widget=forms.Textarea(attrs={"rows": 3}))


class WorkReportForm(Form):
    text = forms.CharField(label="工作情况报告", widget=forms.Textarea(attrs={"rows": 5}))
    published_on = forms.DateField(label="向社会公开日期", widget=DATE)
    where = forms.CharField(label="公开渠道（网址或栏目）", max_length=200)


STEPS = {
    "plan": (PlanForm, lambda r, ret, d: duties.response_plan_record(ret=ret, by=r.user, **d), "应对预案已登记。"),
    "publish": (PublishForm, lambda r, ret, d: duties.statistics_publish(ret=ret, by=r.user, **d),
                "统计年报公开和报上级主管部门情况已登记。"),
    "follow-up": (FollowUpForm, lambda r, ret, d: duties.follow_up_record(ret=ret, by=r.user, **d),
                  "舆情跟踪情况已登记。"),
    "work-report": (WorkReportForm, lambda r, ret, d: duties.work_report_submit(ret=ret, by=r.user, **d),
                    "工作情况报告已报送。"),
}


def _page(request, ret, bound: dict | None = None, status: int = 200):
    profile = get_profile(ret.year.jurisdiction)
    forms_ = {key.replace("-", "_"): (bound or {}).get(key) or cls() for key, (cls, _, _) in STEPS.items()}
    today = timezone.localdate()
    return render(request, "programme/duties.html", {
        "task_title": f"{ret.agency.name} {ret.year.year}年度统计年报公开和工作情况报告", "ret": ret,
        "duties": [(d, d.state(today), bool(d.late_days(today))) for d in duties.duties(ret, profile)],
        "forms": forms_, "basis": [str(profile.figure(k)) for k in (
            "statistics_superior_report", "statistics_response_plan", "work_report_due") if profile.has(k)]},
        status=status)


@login_required(login_url=LOGIN)
def own_duties(request, pk: int):
    return _page(request, _own_return(request.user, pk))


@login_required(login_url=LOGIN)
@require_POST
def own_duty_step(request, pk: int, step: str):
    ret = _own_return(request.user, pk)
    if step not in STEPS:
        raise Http404("没有这个登记环节。")
    form = _run_step(request, STEPS[step], ret)
    if form is None:
        return redirect("programme:duties", pk=ret.pk)
    return _page(request, ret, {step: form}, status=400)


def _run_step(request, entry, target):
    """One registration step of STEPS or DISTRICT_STEPS: the form bound to the POST, the service called with
    its cleaned data. None when recorded (a success message given), else the form with its errors."""
    cls, act, done = entry
    form = cls(request.POST)
    if form.is_valid():
        try:
            act(request, target, form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, done)
            return None
    return form


@login_required(login_url=LOGIN)
def year_duties(request, jurisdiction: str, year: int):
    """The bureau's table: per agency, each duty of `year`'s statistics and work report, late ones named."""
    _bureau(request.user)
    py = _py(request.user, jurisdiction, year)
    today = timezone.localdate()
    rows = duties.duty_rows(py, today) if py.pk is not None else []  # not started: an empty table
    profile = get_profile(jurisdiction)
    stats_due, stats_art = duties.due_of(profile, "annual_statistics_due", year)
    work_due, work_art = duties.due_of(profile, "work_report_due", year)
    return render(request, "programme/year_duties.html", {
        "task_title": f"{profile.name} {year}年度统计年报公开和工作情况报告", "rows": rows, "py": py,
        "late": [r["ret"].agency.name for r in rows if r["late"]], "stats_due": stats_due, "stats_art": stats_art,
        "work_due": work_due, "work_art": work_art, "today": today,
        "breach_cite": profile.figure("statistics_violations").citation if profile.has("statistics_violations") else "",
        "can_hand_off": request.user.has_perm("accountability.handle_case")})


DISTRICT_STEPS = {
    "plan": (PlanForm, lambda r, py, d: duties.district_plan_record(py=py, by=r.user, **d), "全区统计年报应对预案已登记。"),
    "follow-up": (FollowUpForm, lambda r, py, d: duties.district_follow_up_record(py=py, by=r.user, **d),
                  "全区统计年报舆情跟踪情况已登记。"),
}


def district_response_context(py, bound: dict | None = None) -> dict:
    """The 统计 第五条 box on the district report screen: the plan before publication, the follow-up after."""
    profile = get_profile(py.jurisdiction)
    if not profile.has("statistics_response_plan"):
        return {}
    published = duties.district_published_on(py) if py.pk else None
    forms_ = {key.replace("-", "_"): (bound or {}).get(key) or cls() for key, (cls, _, _) in DISTRICT_STEPS.items()}
    return {"response": {"citation": str(profile.figure("statistics_response_plan").citation),
                         "published_on": published, "forms": forms_}}


@login_required(login_url=LOGIN)
@require_POST
def district_response_step(request, jurisdiction: str, year: int, step: str):
    """统计 第五条 for the bureau's own district report: record the response plan, or the follow-up."""
    from .views import report_detail

    _bureau(request.user)
    if step not in DISTRICT_STEPS:
        raise Http404("没有这个登记环节。")
    py = _py(request.user, jurisdiction, year, create=True)
    form = _run_step(request, DISTRICT_STEPS[step], py)
    if form is None:
        return redirect("programme:report", jurisdiction=jurisdiction, year=year)
    return report_detail(request, jurisdiction, year, bound={step: form}, status=400)
