from __future__ import annotations

from django import forms

from form_errors import required_messages_in_chinese

from .models import STATUSES

DATE = forms.DateInput(attrs={"type": "date"})


class OfficerForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=32)
    post = forms.CharField(label="岗位", max_length=60)
    certificate_number = forms.CharField(label="执法证号", max_length=40)
    issuing_body = forms.CharField(label="发证机关", max_length=100)
    valid_from = forms.DateField(label="有效期起", widget=DATE)
    valid_to = forms.DateField(label="有效期至", widget=DATE)
    status = forms.ChoiceField(label="证件状态", choices=STATUSES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="证件状态", choices=[("", "请选择")] + STATUSES)
    reason = forms.CharField(label="变更原因", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


class ImportForm(forms.Form):
    file = forms.FileField(label="名册文件（.xlsx）")
