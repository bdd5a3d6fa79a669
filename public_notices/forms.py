"""The public objection form (异议): what the public may send during a publicity window."""
from django import forms
from django.core.validators import RegexValidator

from public_forms import PublicFormMixin
from request_guard import refuse_control_characters_in_form

from .models import PublicityCandidate

CONTACT = RegexValidator(
    r"^(1\d{10}|0\d{2,3}-?\d{7,8}|[^@\s]+@[^@\s]+\.[^@\s]+)$",
    "请填写有效的手机号码、固定电话（如 023-58000000）或电子邮箱。")


class ObjectionForm(PublicFormMixin, forms.Form):
    candidate = forms.ModelChoiceField(
        label="异议所涉拟聘人员", queryset=PublicityCandidate.objects.none(), required=False,
        empty_label="请选择（如不在名单中可在下方填写）")
    person_concerned = forms.CharField(label="所涉人员姓名", max_length=64, required=False,
                                       help_text="未在上方选择时必填")
    objector_name = forms.CharField(label="异议人姓名", max_length=32,
                                    error_messages={"required": "请填写您的姓名。"})
    contact = forms.CharField(label="联系方式", max_length=64, validators=[CONTACT],
                              help_text="手机、固定电话或电子邮箱，仅用于核实，不会公开",
                              error_messages={"required": "请填写联系方式，以便核实情况。"})
    facts = forms.CharField(label="异议事实和理由", widget=forms.Textarea(attrs={"rows": 6}), max_length=3000,
                            min_length=10,
                            error_messages={"required": "请填写异议的具体事实和理由。",
                                            "min_length": "异议事实和理由请至少填写10个字。",
                                            "max_length": "异议事实和理由不超过3000字。"})

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["candidate"].queryset = PublicityCandidate.objects.filter(page=page)
        self.fields["candidate"].label_from_instance = lambda c: f"{c.name}（{c.workplace}）"
        self.fields["candidate"].error_messages["invalid_choice"] = "所选人员不在本公示名单中。"

    def clean(self):
        data = super().clean()
        refuse_control_characters_in_form(self)
        candidate = data.get("candidate")
        if candidate is not None:
            data["person_concerned"] = candidate.name
        elif not (data.get("person_concerned") or "").strip():
            self.add_error("person_concerned", "请选择或填写异议所涉人员。")
        return data
