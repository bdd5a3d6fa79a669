"""Staff forms that start processes."""
from django import forms

from rules.models import RuleProfile
from supervisors.models import AWAITING, SERVING, Supervisor


def jurisdiction_choices():
    return [(p.code, p.name) for p in RuleProfile.objects.filter(figures__key="term_length").distinct()]


class CampaignForm(forms.Form):
    jurisdiction = forms.ChoiceField(label="辖区")
    title = forms.CharField(label="选聘名称", max_length=100)
    places = forms.IntegerField(label="拟聘名额", min_value=1, max_value=500)
    deadline = forms.DateField(label="报名截止日", widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label="选聘说明", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].choices = jurisdiction_choices()


class RenewalForm(forms.Form):
    supervisors = forms.ModelMultipleChoiceField(label="续聘人员", queryset=Supervisor.objects.none(),
                                                 widget=forms.CheckboxSelectMultiple)
    title = forms.CharField(label="名称", max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisors"].queryset = Supervisor.objects.filter(status__in=[SERVING, AWAITING]).order_by("jurisdiction", "name")


class DismissalForm(forms.Form):
    """One jurisdiction at a time: the supervisors and the grounds (with their articles) are both that
    jurisdiction's, and the jurisdiction the officer saw travels with the POST, so a Wuhan supervisor
    can never be dismissed on a ground read from Wanzhou's list."""

    jurisdiction = forms.CharField(widget=forms.HiddenInput)
    supervisor = forms.ModelChoiceField(label="监督员", queryset=Supervisor.objects.none(), empty_label="请选择监督员",
                                        error_messages={"invalid_choice": "所选监督员不属于本辖区或不在聘，请重新选择。"})
    ground = forms.ChoiceField(label="解聘情形", error_messages={
        "invalid_choice": "所选解聘情形不是本辖区办法规定的情形，请重新选择。"})
    statement = forms.CharField(label="事实与理由（辞任请录入本人书面声明）", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, grounds=(), jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction_code = jurisdiction
        self.fields["jurisdiction"].initial = jurisdiction
        self.fields["supervisor"].queryset = Supervisor.objects.filter(
            status=SERVING, jurisdiction=jurisdiction).order_by("name")
        self.fields["ground"].choices = grounds

    def clean_jurisdiction(self):
        if self.cleaned_data["jurisdiction"] != self.jurisdiction_code:
            raise forms.ValidationError("辖区与所选解聘情形不一致，请重新打开本页。")
        return self.cleaned_data["jurisdiction"]


class TermEndForm(forms.Form):
    note = forms.CharField(label="不再续聘的理由", widget=forms.Textarea(attrs={"rows": 3}))
