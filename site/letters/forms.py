"""Forms of the letter process; choices come from the matter's profile."""
from __future__ import annotations

from django import forms

from casework.forms import agency_field
from casework.models import SOURCES

TEXTAREA = forms.Textarea(attrs={"rows": 5})


def ground_choices(profile) -> list[tuple[str, str]]:
    return [(c["code"], f"{c['label']}（{c['citation']}）") for c in profile.choices("letter_grounds")]


class LetterContentForm(forms.Form):
    ground = forms.ChoiceField(label="制发情形")
    findings = forms.CharField(label="查明的事实与违法（不当）之处", widget=TEXTAREA)
    request = forms.CharField(label="监督建议（意见）及纠正要求", widget=TEXTAREA)

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "请选择")] + ground_choices(profile)


class LetterStartForm(LetterContentForm):
    agency = forms.ModelChoiceField(label="被监督机关", queryset=None)
    source = forms.ChoiceField(label="来源", choices=[("", "请选择")] + SOURCES)
    title = forms.CharField(label="事项名称", max_length=200)
    facts = forms.CharField(label="基本事实（立案）", widget=forms.Textarea(attrs={"rows": 3}))
    field_order = ["agency", "source", "title", "facts", "ground", "findings", "request"]

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, profile=profile, **kwargs)
        self.fields["agency"] = agency_field(profile.code)
        self.order_fields(self.field_order)


class SignForm(forms.Form):
    decision = forms.ChoiceField(label="签发意见", widget=forms.RadioSelect,
                                 choices=[("sign", "同意签发"), ("return", "退回修改")])
    note = forms.CharField(label="意见（退回时必填）", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    text = forms.CharField(label="整改（执行）落实情况", widget=TEXTAREA)


class ObjectionForm(forms.Form):
    reasons = forms.CharField(label="异议理由及证据材料说明", widget=TEXTAREA,
                              help_text="证据材料可在监督事项页面“材料（附件）”处上传。")


class AcceptForm(forms.Form):
    decision = forms.ChoiceField(label="审核意见", widget=forms.RadioSelect,
                                 choices=[("accept", "整改到位，予以办结"), ("return", "退回补充整改")])
    note = forms.CharField(label="审核说明（退回时必填）", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="复查结论", widget=forms.RadioSelect,
                                 choices=[("rejected", "异议不成立"), ("upheld", "异议成立")])
    answer = forms.CharField(label="复查意见", widget=TEXTAREA)


class DecisionDraftForm(forms.Form):
    order = forms.ChoiceField(label="责令事项", required=False)
    text = forms.CharField(label="责令纠正的具体内容", widget=TEXTAREA)

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        if profile.has("decision_orders"):
            self.fields["order"].required = True
            self.fields["order"].choices = [("", "请选择")] + [
                (c["code"], f"{c['label']}（{c['citation']}）") for c in profile.choices("decision_orders")]
        else:
            del self.fields["order"]


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label="确认签发", required=True)


class EscalateForm(forms.Form):
    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        for item in profile.choices("final_measures"):
            self.fields[item["code"]] = forms.CharField(
                label=f"{item['label']}（{item['citation']}）", required=False,
                widget=forms.Textarea(attrs={"rows": 3}), help_text="填写即采取该措施并生成相应文书；不采取的留空。")


class InterviewForm(forms.Form):
    content = forms.CharField(label="约谈时间、地点、参加人员和内容", widget=TEXTAREA)


class OrderForm(forms.Form):
    """A correction order handed off in the same file (责令限期纠正)."""

    findings = forms.CharField(label="查明的事实", widget=TEXTAREA)
    request = forms.CharField(label="责令纠正的具体内容", widget=TEXTAREA)
