"""Staff forms of the casework foundation."""
from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from .models import SOURCES
from .selectors import addressable_agencies
from .uploads import ALLOWED, ALLOWED_TEXT, max_bytes

DATE = forms.DateInput(attrs={"type": "date"})


def agency_field(jurisdiction: str | None = None, **kwargs) -> forms.ModelChoiceField:
    """Only agencies in the register that have a liaison can be chosen (no free-text agency names)."""
    return forms.ModelChoiceField(label=kwargs.pop("label", "被监督机关"), queryset=addressable_agencies(jurisdiction),
                                  empty_label="请选择（仅列出已设联络员的机关）", **kwargs)


class MatterForm(forms.Form):
    agency = forms.ModelChoiceField(label="被监督机关", queryset=None, empty_label="请选择")
    source = forms.ChoiceField(label="来源", choices=[("", "请选择")] + SOURCES)
    special_kind = forms.ChoiceField(label="专项监督来源", required=False,
                                     help_text="来源为“专项行政执法监督”时选择（按本辖区规则列举的来源）。")
    source_reference = forms.CharField(label="来源文件文号或编号", max_length=100, required=False,
                                       help_text="专项行政执法监督必填：如人大代表建议、政协提案的编号，上级交办函的文号。")
    title = forms.CharField(label="事项名称", max_length=200)
    facts = forms.CharField(label="基本事实", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, jurisdiction=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(jurisdiction)
        self.fields["special_kind"].choices = [("", "（不适用）")] + special_kinds(jurisdiction)


def special_kinds(jurisdiction=None) -> list[tuple[str, str]]:
    """专项监督来源 of the jurisdictions whose rules list them, each with its article (the service checks the
    choice against the chosen agency's own profile)."""
    from rules.models import RuleProfile
    from rules.profiles import get_profile

    found: dict[str, str] = {}
    codes = [jurisdiction] if jurisdiction else list(RuleProfile.objects.order_by("pk").values_list("code", flat=True))
    for code in codes:
        profile = get_profile(code)
        if profile.has("special_supervision_sources"):
            for k in profile.choices("special_supervision_sources"):
                found.setdefault(k["code"], f"{k['label']}（{k['citation']}）")
    return list(found.items())


class AttachmentForm(forms.Form):
    file = forms.FileField(label="材料文件", help_text=f"可上传：{ALLOWED_TEXT}；单个不超过"
                                                       f"{max_bytes() // 1024 // 1024} MB。",
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED)}))
    description = forms.CharField(label="说明", max_length=200, required=False)


class ServiceForm(forms.Form):
    received_on = forms.DateField(label="签收日期（送达回证）", widget=DATE)
    method = forms.ChoiceField(label="送达方式", choices=[
        ("直接送达", "直接送达"), ("邮寄送达", "邮寄送达"), ("电子送达", "电子送达"), ("留置送达", "留置送达")])
    received_by_name = forms.CharField(label="签收人", max_length=50)

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("签收日期不能晚于今天。")
        if day < dt.date(2000, 1, 1):
            raise forms.ValidationError("签收日期不正确。")
        return day


class ScanForm(forms.Form):
    file = forms.FileField(label="签章扫描件", help_text=f"签发、盖章后的扫描件：PDF、JPG或PNG，不超过{max_bytes() // 1024 // 1024} MB。",
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))


class PartySummaryForm(forms.Form):
    text = forms.CharField(label="告知被监督机关的事实摘要", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="被监督机关联络员只能看到此摘要，看不到基本事实（投诉举报人的陈述）；留空则不告知。")
