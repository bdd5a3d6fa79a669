"""Forms of dispute coordination: agencies only from the register (casework.forms.agency_field), the
categories and refusal grounds from the rule profile (第七条、第八条)."""
from __future__ import annotations

from django import forms

from casework.forms import DATE
from casework.selectors import addressable_agencies
from form_errors import required_messages_in_chinese
from rules.profiles import get_profile


class Form(forms.Form):
    """A missing answer named in Chinese (请填写…/请选择…), never Django's bare "必需字段"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


def _choices(profile, key):
    return [("", "请选择")] + [(i["code"], f"{i['label']}（{i['article']}）") for i in profile.choices(key)]


class ApplyForm(Form):
    """第十一条: the application. A bureau officer also picks the applicant and the receipt date."""

    applicant = forms.ModelChoiceField(label="申请机关", queryset=None, required=False, empty_label="请选择")
    parties = forms.ModelMultipleChoiceField(label="被申请（相关）行政执法机关", queryset=None,
                                             widget=forms.CheckboxSelectMultiple)
    category = forms.ChoiceField(label="争议类型")
    title = forms.CharField(label="争议事项", max_length=200)
    facts = forms.CharField(label="争议情况", widget=forms.Textarea(attrs={"rows": 4}))
    negotiation = forms.CharField(label="自行协商情况及分歧意见", widget=forms.Textarea(attrs={"rows": 3}))
    proposal_text = forms.CharField(label="协调建议及理由", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    received_on = forms.DateField(label="收到申请日期", required=False, widget=DATE)

    def __init__(self, *args, jurisdiction: str, bureau: bool, exclude=None, **kwargs):
        super().__init__(*args, **kwargs)
        profile = get_profile(jurisdiction)
        agencies = addressable_agencies(jurisdiction)
        self.fields["parties"].queryset = agencies.exclude(pk=exclude.pk) if exclude else agencies
        self.fields["category"].choices = _choices(profile, "dispute_categories")
        # 第十一条第（二）—（四）项: the materials, each uploaded into the file as an attachment
        for item in profile.choices("dispute_materials") if profile.has("dispute_materials") else []:
            self.fields[f"material_{item['code']}"] = forms.FileField(
                label=f"{item['label']}（{item['article']}）", required=False)
        if bureau:
            self.fields["applicant"].queryset = agencies
            self.fields["applicant"].required = True
            self.fields["received_on"].required = True
        else:
            del self.fields["applicant"], self.fields["received_on"]


class BureauOpenForm(Form):
    """第十条第二款、第十三条: the bureau opens a coordination itself."""

    agencies = forms.ModelMultipleChoiceField(label="与争议事项有关的行政执法机关（至少两个）", queryset=None,
                                              widget=forms.CheckboxSelectMultiple)
    category = forms.ChoiceField(label="争议类型")
    title = forms.CharField(label="争议事项", max_length=200)
    facts = forms.CharField(label="发现的争议情况", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = addressable_agencies(jurisdiction)
        self.fields["category"].choices = _choices(get_profile(jurisdiction), "dispute_categories")


class ExamineForm(Form):
    decision = forms.ChoiceField(label="审查结果", widget=forms.RadioSelect, choices=[
        ("accept", "符合第七条规定且材料齐备：受理，并书面告知双方（第十二条第（一）项）"),
        ("supplement", "材料不齐备：通知补正（第十二条第（二）项）"),
        ("refuse", "不符合规定：不予受理（第十二条第（三）项）")])
    ground = forms.ChoiceField(label="不予受理的理由（第八条）", required=False)
    note = forms.CharField(label="审查意见 / 需补正的材料", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = _choices(get_profile(jurisdiction), "dispute_exclusions")


class SupplementForm(Form):
    decision = forms.ChoiceField(label="补正情况", widget=forms.RadioSelect, choices=[
        ("received", "已收到补正材料（审查期限自收到之日起重新计算）"),
        ("withdrawn", "补正期限届满未补正：视为放弃申请")])
    received_on = forms.DateField(label="收到补正材料日期", required=False, widget=DATE)


class ConcludeForm(Form):
    agreed = forms.ChoiceField(label="协调结果", widget=forms.RadioSelect, choices=[
        ("yes", "相关机关达成一致（或主要问题达成一致）：报请区政府同意后制发协调意见书（第十八条第（一）项）"),
        ("no", "无法达成一致：提出协调建议，报请区政府决定（第十四条、第十八条第（二）项）")])
    result = forms.CharField(label="协调结果和意见（无法达成一致时为倾向性意见）", widget=forms.Textarea(attrs={"rows": 4}))


class OpinionForm(Form):
    consent_on = forms.DateField(label="区政府同意日期", widget=DATE)
    result = forms.CharField(label="协调结果和意见（可修改）", widget=forms.Textarea(attrs={"rows": 4}))


class ExecutionForm(Form):
    refusing = forms.ModelMultipleChoiceField(label="拒不执行协调意见书的机关（均已执行则不选）", required=False,
                                              queryset=None, widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label="执行情况", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, dispute, **kwargs):
        super().__init__(*args, **kwargs)
        from casework.models import Agency

        self.fields["refusing"].queryset = Agency.objects.filter(pk__in=[a.pk for a in dispute.all_agencies()])


class AnswerForm(Form):
    agency = forms.ModelChoiceField(label="答复机关", queryset=None)
    received_on = forms.DateField(label="收到答复日期", widget=DATE)
    text = forms.CharField(label="答复意见要点", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, dispute, **kwargs):
        super().__init__(*args, **kwargs)
        from casework.models import Agency

        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in dispute.all_agencies()])


class PauseForm(Form):
    start = forms.DateField(label="不计入期限的起始日", widget=DATE)
    reason = forms.CharField(label="原因（提请有权机关解释或向上级部门请示的事项）", max_length=200)


class ResumeForm(Form):
    end = forms.DateField(label="不计入期限的最后一日", widget=DATE)


class ExtendForm(Form):
    n = forms.IntegerField(label="延长工作日数", min_value=1)
    reason = forms.CharField(label="情况复杂需要延长的理由", max_length=200)


class OnlineAnswerForm(Form):
    text = forms.CharField(label="答复意见（争议情况说明）", widget=forms.Textarea(attrs={"rows": 5}))


class StatutoryLimitForm(Form):
    """第十四条末句、第二十二条: the law's own time limit for the dispute."""

    basis = forms.CharField(label="规定办理时限的法律、法规或规章及条款", max_length=200,
                            help_text="如：《中华人民共和国行政许可法》第四十二条")
    n = forms.IntegerField(label="办理时限", min_value=1)
    unit = forms.ChoiceField(label="单位", choices=[("working_days", "个工作日"), ("calendar_days", "日"),
                                                  ("months", "个月")])


class ProceedingForm(Form):
    """第十五条: investigation, views heard, heads' meeting, expert 论证."""

    kind = forms.ChoiceField(label="方式")
    held_on = forms.DateField(label="日期", widget=DATE)
    participants = forms.CharField(label="参加单位及人员", max_length=300)
    content = forms.CharField(label="情况及意见", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, dispute, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _choices(get_profile(dispute.jurisdiction), "dispute_proceeding_kinds")


class EmergencyForm(Form):
    """第十六条: enforcement during the coordination."""

    agency = forms.ModelChoiceField(label="机关", queryset=None)
    kind = forms.ChoiceField(label="情形")
    occurred_on = forms.DateField(label="日期", widget=DATE)
    content = forms.CharField(label="需执法的事项、理由及采取的措施", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, dispute, own=None, **kwargs):
        super().__init__(*args, **kwargs)
        from casework.models import Agency

        pks = [a.pk for a in dispute.all_agencies()] if own is None else [own.pk]
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=pks)
        self.fields["kind"].choices = _choices(get_profile(dispute.jurisdiction), "dispute_emergency_kinds")


class EmergencyDecisionForm(Form):
    decided_on = forms.DateField(label="区政府决定日期", widget=DATE)
    decision = forms.CharField(label="区政府的决定", widget=forms.Textarea(attrs={"rows": 3}))
