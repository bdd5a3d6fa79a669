"""Screens of 备案审查 (003 第二十二条): the register (per agency and year, with late filings counted), the
filing form, and the review. Form -> service -> message -> redirect; the writes are filings.services."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path

from casework import visibility
from casework.models import Agency
from form_errors import required_messages_in_chinese
from roles.access import in_casework, is_bureau, own_jurisdiction_only
from rules.profiles import get_profile

from . import services
from .models import PENDING, Filing

ARTICLE = "第二十二条"


def _refuse(request, reason: str):
    return render(request, "filings/refused.html", {"task_title": "重大行政执法决定备案", "reason": reason},
                  status=403)


def filing_jurisdictions() -> set[str]:
    """The jurisdictions whose rule profile has 备案审查 (the `filing_period` figure)."""
    from rules.profiles import FigureMissing

    codes = set()
    for code in Agency.objects.values_list("jurisdiction", flat=True).distinct():
        try:
            if get_profile(code).has("filing_period"):
                codes.add(code)
        except FigureMissing:
            pass
    return codes


def _agencies(user):
    party = visibility.party_agency(user)
    qs = Agency.objects.filter(active=True, jurisdiction__in=filing_jurisdictions())
    return qs.filter(pk=party.pk) if party is not None else own_jurisdiction_only(qs, user)


def _visible(user):
    party = visibility.party_agency(user)
    qs = Filing.objects.select_related("agency", "matter")
    if party is not None:
        return qs.filter(agency=party)
    return own_jurisdiction_only(qs, user) if is_bureau(user) else qs.none()


class FilingForm(forms.Form):
    agency = forms.ModelChoiceField(label="报备机关", queryset=Agency.objects.filter(active=True), empty_label="请选择")
    title = forms.CharField(label="决定名称", max_length=200)
    decision_number = forms.CharField(label="决定文号", max_length=64, help_text="例如：恩市监罚〔2026〕12号")
    decided_on = forms.DateField(label="决定日期", help_text="格式：2026-03-02",
                                 error_messages={"invalid": "决定日期格式不正确，请按“2026-03-02”填写。"})
    upload = forms.FileField(label="决定书文本", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(active=True, jurisdiction__in=filing_jurisdictions())
        self.fields["agency"].label_from_instance = lambda a: a.name
        required_messages_in_chinese(self)


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label="审查结论", choices=[("passed", "合格"), ("finding", "存在问题，制发监督文书")])
    opinion = forms.CharField(label="审查意见（合格时）", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    ground = forms.ChoiceField(label="存在的问题（制发监督文书情形）", required=False)
    findings = forms.CharField(label="查明的事实", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    request = forms.CharField(label="监督建议（纠正要求）", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        profile = get_profile(jurisdiction)
        grounds = profile.choices("letter_grounds") if profile.has("letter_grounds") else []
        self.fields["ground"].choices = [("", "请选择")] + [(g["code"], g["label"]) for g in grounds]
        required_messages_in_chinese(self)


@login_required(login_url="wagtailadmin_login")
def filing_list(request):
    if not in_casework(request.user):
        return _refuse(request, "您无权查看重大行政执法决定备案登记。")
    qs = _visible(request.user)
    agency, year = request.GET.get("agency", ""), request.GET.get("year", "")
    if agency.isdigit():
        qs = qs.filter(agency_id=int(agency))
    if year.isdigit():
        qs = qs.filter(decided_on__year=int(year))
    counts = (qs.values("agency__name").annotate(total=Count("pk"), late=Count("pk", filter=Q(late=True)),
                                                 pending=Count("pk", filter=Q(outcome=PENDING)))
              .order_by("agency__name"))
    return render(request, "filings/list.html", {
        "task_title": "重大行政执法决定备案登记", "rows": qs, "counts": counts, "agencies": _agencies(request.user),
        "agency": agency, "year": year, "article": ARTICLE,
        "years": sorted({d.year for d in _visible(request.user).dates("decided_on", "year")}, reverse=True),
    })


@login_required(login_url="wagtailadmin_login")
def filing_new(request):
    user = request.user
    if not (visibility.is_party(user) or services.may_review(user)):
        return _refuse(request, services.REFUSE_FILE)
    form = FilingForm(request.POST or None, request.FILES or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            filing = services.filing_submit(by=user, agency=data["agency"], title=data["title"],
                                            decision_number=data["decision_number"], decided_on=data["decided_on"],
                                            upload=data.get("upload"))
        except PermissionDenied as exc:
            return _refuse(request, str(exc))
        except ValidationError as exc:
            for m in exc.messages:
                form.add_error(None, m)
        else:
            late = "（逾期报备）" if filing.late else ""
            messages.success(request, f"已报送备案：{filing.title}（{filing.decision_number}）{late}。")
            return redirect("filings:detail", pk=filing.pk)
    if visibility.is_party(user):
        form.fields["agency"].queryset = _agencies(user)
    return render(request, "casework/form.html", {"task_title": "报送重大行政执法决定备案", "form": form,
                                                  "submit_label": "报送备案",
                                                  "note": "依据《恩施土家族苗族自治州行政执法监督办法》第二十二条。"})


@login_required(login_url="wagtailadmin_login")
def filing_detail(request, pk: int):
    filing = _visible(request.user).filter(pk=pk).first()
    if filing is None:
        if Filing.objects.filter(pk=pk).exists():
            return _refuse(request, "您无权查看该备案：执法机关联络员只能查看本机关报送的备案，司法局工作人员只能查看本辖区的备案。")
        get_object_or_404(Filing, pk=pk)
    profile = get_profile(filing.jurisdiction)
    clock = services.review_clock(filing)
    form = None
    if filing.outcome == PENDING and services.may_review(request.user):
        form = ReviewForm(request.POST or None, jurisdiction=filing.jurisdiction)
    return render(request, "filings/detail.html", {
        "task_title": "重大行政执法决定备案", "filing": filing, "clock": clock, "form": form,
        "filing_rule": profile.period("filing_period"), "review_rule": profile.period("filing_review_period"),
        "bureau": is_bureau(request.user),
    })


@login_required(login_url="wagtailadmin_login")
def filing_review(request, pk: int):
    filing = get_object_or_404(Filing, pk=pk)
    if request.method != "POST":
        return redirect("filings:detail", pk=pk)
    if not services.may_review(request.user):
        return _refuse(request, services.REFUSE_REVIEW)
    form = ReviewForm(request.POST, jurisdiction=filing.jurisdiction)
    errors = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["outcome"] == "passed":
                services.filing_pass(filing=filing, by=request.user, opinion=data["opinion"])
                messages.success(request, "备案审查合格，已记录审查决定。")
            else:
                letter = services.filing_finding(filing=filing, by=request.user, ground=data["ground"],
                                                 findings=data["findings"], request=data["request"])
                messages.success(request, "备案审查发现问题，已在同一案卷中起草监督文书。")
                return redirect("casework:matter", pk=letter.matter_id)
        except PermissionDenied as exc:
            return _refuse(request, str(exc))
        except ValidationError as exc:
            errors = exc.messages
    else:
        errors = [e for errs in form.errors.values() for e in errs]
    for e in errors:
        messages.error(request, "审查未保存：" + e)
    return redirect("filings:detail", pk=pk)


urlpatterns = [
    path("", filing_list, name="list"),
    path("new/", filing_new, name="new"),
    path("<int:pk>/", filing_detail, name="detail"),
    path("<int:pk>/review/", filing_review, name="review"),
]
