"""Staff forms of the yearly programme (thin: services validate)."""
from __future__ import annotations

from django import forms

from casework.forms import DATE, agency_field
from rules.periods import CALENDAR_DAYS, WORKING_DAYS

from .models import ACTIVITY_KINDS


class PlanForm(forms.Form):
    plan = forms.CharField(label="年度行政执法监督工作计划", widget=forms.Textarea(attrs={"rows": 8}))


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ACTIVITY_KINDS)
    agency = forms.ModelChoiceField(label="被监督机关", queryset=None)
    held_on = forms.DateField(label="开展日期", widget=DATE)
    title = forms.CharField(label="名称", max_length=200)
    has_problems = forms.BooleanField(label="发现问题", required=False)
    findings = forms.CharField(label="发现的问题", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(jurisdiction)


class StatisticsForm(forms.Form):
    """One integer field per category of the profile's `statistics_categories`."""

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        for cat in categories:
            self.fields[f"c_{cat['code']}"] = forms.IntegerField(
                label=f"{cat['label']}（件）", min_value=0, error_messages={
                    "required": "请填写件数。", "invalid": "须为非负整数。", "min_value": "须为非负整数。"})
        self.fields["explanation"] = forms.CharField(label="情况说明", required=False,
                                                     widget=forms.Textarea(attrs={"rows": 3}))

    def figures(self) -> dict[str, int]:
        return {c["code"]: self.cleaned_data[f"c_{c['code']}"] for c in self.categories}


class UploadForm(forms.Form):
    file = forms.FileField(label="填好的Excel模板（.xlsx）", widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


class NotificationForm(forms.Form):
    title = forms.CharField(label="通报标题", max_length=200)
    body = forms.CharField(label="通报正文", widget=forms.Textarea(attrs={"rows": 10}))
    period_n = forms.IntegerField(label="整改期限（由通报确定）", min_value=1)
    period_unit = forms.ChoiceField(label="期限单位", choices=[(CALENDAR_DAYS, "日"), (WORKING_DAYS, "个工作日")])

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = list(agencies)
        for agency in self.agencies:
            self.fields[f"name_{agency.pk}"] = forms.BooleanField(label=f"通报并责令整改：{agency.name}", required=False)
            self.fields[f"problems_{agency.pk}"] = forms.CharField(
                label=f"{agency.name}需整改的问题", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def named(self):
        return [(a, self.cleaned_data[f"problems_{a.pk}"]) for a in self.agencies if self.cleaned_data[f"name_{a.pk}"]]


class ReportForm(forms.Form):
    report = forms.CharField(label="整改落实情况（书面报告）", widget=forms.Textarea(attrs={"rows": 5}))
