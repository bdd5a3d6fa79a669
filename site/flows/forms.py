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
    supervisor = forms.ModelChoiceField(label="监督员", queryset=Supervisor.objects.none())
    ground = forms.ChoiceField(label="解聘情形")
    statement = forms.CharField(label="事实与理由（辞任请录入本人书面声明）", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, grounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = Supervisor.objects.filter(status=SERVING).order_by("jurisdiction", "name")
        self.fields["ground"].choices = grounds


class TermEndForm(forms.Form):
    note = forms.CharField(label="不再续聘的理由", widget=forms.Textarea(attrs={"rows": 3}))
