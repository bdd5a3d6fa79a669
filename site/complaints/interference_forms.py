"""Forms of the interference follow-ups: a lapse in recording (干预 第十条), the 通报 after approval
(第八条), the handling of the interferer or of retaliation (第九条). Choices and articles from the profile."""
from __future__ import annotations

from django import forms

from casework.forms import DATE, agency_field
from form_errors import required_messages_in_chinese
from rules.profiles import get_profile


def _choices(jurisdiction: str, key: str):
    profile = get_profile(jurisdiction)
    items = profile.choices(key) if profile.has(key) else []
    return [("", "请选择")] + [(i["code"], f"{i['label']}（{i['article']}）") for i in items]


class _Form(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


class LapseForm(_Form):
    agency = forms.Field(label="办案人员所在机关")
    officer_name = forms.CharField(label="办案人员姓名", max_length=50)
    kind = forms.ChoiceField(label="情形")
    found_on = forms.DateField(label="认定日期", widget=DATE)
    case_ref = forms.CharField(label="所涉案件（案号、名称）", max_length=200)
    facts = forms.CharField(label="查明的事实", widget=forms.Textarea(attrs={"rows": 4}))
    record = forms.IntegerField(label="相关干预插手记录编号（如有）", required=False, min_value=1)
    instigator_name = forms.CharField(label="授意不记录或不如实记录的领导干部姓名（如有）", max_length=50, required=False)
    instigator_post = forms.CharField(label="该领导干部单位及职务", max_length=100, required=False)

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(jurisdiction, label="办案人员所在机关")
        self.fields["kind"].choices = _choices(jurisdiction, "interference_lapse_kinds")
        required_messages_in_chinese(self)


class NoticeForm(_Form):
    authority = forms.CharField(label="按人事管理权限批准通报的机关", max_length=100)
    approved_on = forms.DateField(label="批准日期", widget=DATE)
    decided_on = forms.DateField(label="通报日期", widget=DATE)
    scope = forms.CharField(label="通报范围", max_length=200)
    published = forms.BooleanField(label="必要时向社会公开", required=False)
    content = forms.CharField(label="通报内容", widget=forms.Textarea(attrs={"rows": 3}))


class HandlingForm(_Form):
    kind = forms.ChoiceField(label="处理情形")
    person_name = forms.CharField(label="被处理人（干预人或打击报复者）", max_length=50)
    authority = forms.CharField(label="作出处理的机关", max_length=100)
    decided_on = forms.DateField(label="处理日期", widget=DATE)
    content = forms.CharField(label="处理决定内容", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _choices(jurisdiction, "interference_handling_kinds")
