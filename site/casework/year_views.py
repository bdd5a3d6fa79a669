"""年度概览: the year at a glance for the bureau's officers and leaders, under /admin/casework/year/<year>/,
with its charts (PNG) and its Excel export. Reads only."""
from __future__ import annotations

import datetime as dt
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone

from roles.access import bureau_jurisdiction, is_bureau
from rules.jurisdiction_choice import offered
from rules.models import RuleProfile

from . import assessment, year_charts, year_excel
from . import year as selectors
from .views import LOGIN, PROCESSES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_TITLES = {"matters": "各月立案与办结", "clocks": "法定时限按届满月份：按期、超期、计时中",
                "overdue": "逾期未办结的法定时限（按执法机关）", "returns": "统计年报报送情况（按辖区）"}


class Refused(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


def refusing(view):
    """The view, or its refusal in Chinese on the admin page with its status (403, 404)."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as exc:
            return render(request, "casework/year_refused.html", {"message": exc.message, "task_title": "年度概览"},
                          status=exc.status)

    return login_required(login_url=LOGIN)(wrapped)


def _year_scope(request, year: int, screen: str) -> tuple[dt.date, str, str]:
    """The guard, year bounds and jurisdiction selector every yearly screen shares: (today, code, name)."""
    if not is_bureau(request.user):
        raise Refused(f"{screen}仅供司法局经办人和负责人查看。", 403)
    today = timezone.localdate()
    if not selectors.FIRST_YEAR <= year <= today.year + 1:
        raise Refused(f"没有{year}年的{screen}：年度须在{selectors.FIRST_YEAR}年至{today.year + 1}年之间。", 404)
    code = request.GET.get("jurisdiction", "")[:32]
    # staff bound to a 辖区 (roles.access.bureau_jurisdiction) see its year only: no other, nor 全部辖区
    if (own := bureau_jurisdiction(request.user)) and code not in ("", own):
        own_name = offered(request.user).values_list("name", flat=True).first() or own
        raise Refused(f"本账号只能查看{own_name}的{screen}。", 403)
    code = own or code
    name = ""
    if code:
        name = RuleProfile.objects.filter(code=code).values_list("name", flat=True).first()
        if name is None:
            raise Refused("没有该辖区，请从列表中选择辖区。", 404)
    return today, code, name


def _glance(request, year: int) -> tuple[selectors.YearGlance, str]:
    today, code, name = _year_scope(request, year, "年度概览")
    glance = selectors.glance(year=year, today=today, jurisdiction=code, process_labels=PROCESSES)
    return glance, f"{name or '全部辖区'} {year}年度概览"


@refusing
def year_index(request):
    """The current year, or the year and jurisdiction chosen in the screen's filter."""
    year = request.GET.get("year") or str(timezone.localdate().year)
    if not year.isdigit() or len(year) > 4:
        raise Refused("年度应为四位数字，例如2026。", 404)
    url = reverse("casework_year:year", args=[int(year)])
    code = request.GET.get("jurisdiction", "")[:32]
    return redirect(url + ("?" + urlencode({"jurisdiction": code}) if code else ""))


@refusing
def year_detail(request, year: int):
    glance, title = _glance(request, year)
    return render(request, "casework/year.html", {
        "task_title": title, "g": glance, "month_labels": year_excel.MONTHS, "titles": CHART_TITLES, "query": request.GET.urlencode(),
        "jurisdictions": offered(request.user).values_list("code", "name"),
        "bound": bool(bureau_jurisdiction(request.user)),
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 6, -1)})


@refusing
def year_chart(request, year: int, name: str):
    glance, title = _glance(request, year)
    draw = year_charts.CHARTS.get(name)
    if draw is None:
        raise Refused("没有该图表。", 404)
    return HttpResponse(draw(glance, title=f"{title}：{CHART_TITLES[name]}"), content_type="image/png",
                        headers={"Cache-Control": "private, no-store"})


@refusing
def year_xlsx(request, year: int):
    glance, title = _glance(request, year)
    response = HttpResponse(year_excel.glance_bytes(glance, title=title), content_type=XLSX)
    suffix = f"-{glance.jurisdiction}" if glance.jurisdiction else ""
    response["Content-Disposition"] = f"attachment; filename=year-{year}{suffix}.xlsx"
    response["Cache-Control"] = "private, no-store"
    return response


def _results(request, year: int) -> tuple[assessment.Results, str]:
    """年度监督结果: the same guard, year bounds and jurisdiction selector as the year at a glance."""
    today, code, name = _year_scope(request, year, "年度监督结果")
    return assessment.results(year=year, today=today, jurisdiction=code), f"{name or '全部辖区'} {year}年度监督结果"


@refusing
def results_index(request):
    year = request.GET.get("year") or str(timezone.localdate().year)
    if not year.isdigit() or len(year) > 4:
        raise Refused("年度应为四位数字，例如2026。", 404)
    code = request.GET.get("jurisdiction", "")[:32]
    url = reverse("casework_year:results", args=[int(year)])
    return redirect(url + ("?" + urlencode({"jurisdiction": code}) if code else ""))


@refusing
def results_detail(request, year: int):
    r, title = _results(request, year)
    return render(request, "casework/year_results.html", {
        "task_title": title, "r": r, "columns": [label for _, label in assessment.COLUMNS],
        "not_recorded": assessment.NOT_RECORDED, "query": request.GET.urlencode(),
        "jurisdictions": offered(request.user).values_list("code", "name"),
        "bound": bool(bureau_jurisdiction(request.user)),
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 6, -1)})


@refusing
def results_xlsx(request, year: int):
    r, title = _results(request, year)
    response = HttpResponse(year_excel.results_bytes(r, title=title), content_type=XLSX)
    suffix = f"-{r.jurisdiction}" if r.jurisdiction else ""
    response["Content-Disposition"] = f"attachment; filename=results-{year}{suffix}.xlsx"
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path("results/", results_index, name="results_index"),
    path("<int:year>/results/", results_detail, name="results"),
    path("<int:year>/results.xlsx", results_xlsx, name="results_xlsx"),
    path("", year_index, name="index"),
    path("<int:year>/", year_detail, name="year"),
    path("<int:year>/chart-<str:name>.png", year_chart, name="chart"),
    path("<int:year>.xlsx", year_xlsx, name="xlsx"),
]
