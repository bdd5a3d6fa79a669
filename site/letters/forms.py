"""Forms of the letter process; choices come from the matter's profile."""
from __future__ import annotations

from django import forms

from casework.forms import agency_field
from casework.models import SOURCES
from form_errors import required_messages_in_chinese

TEXTAREA = forms.Textarea(attrs={"rows": 5})


def ground_choices(profile) -> list[tuple[str, str]]:
    return [(c["code"], f"{c['label']}（{c['citation']}）") for c in profile.choices("letter_grounds")]


class PersonnelField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.agency.name}，执法证号{obj.certificate_number}）"


def personnel_field(profile):
    """The people of the jurisdiction's register of enforcement personnel (personnel/, 恩施 003 第八条), for a
    ground about certificates and personnel; None where the rules keep no register."""
    from personnel.models import EnforcementOfficer
    from personnel.services import profile_of

    if profile_of(profile.code) is None:
        return None
    return PersonnelField(
        label="涉及的行政执法人员（从执法人员名册选择，可多选）", required=False,
        queryset=EnforcementOfficer.objects.filter(jurisdiction=profile.code).select_related("agency")
        .order_by("agency__name", "name", "pk"),
        help_text="制发情形涉及执法证件管理、使用或执法人员资格时选择；所选人员及其证件情况写入“查明的事实”。")


def personnel_lines(people, today) -> str:
    return "涉及行政执法人员（执法人员名册）：" + "；".join(
        f"{p.name}（{p.agency.name}{p.post}，执法证号{p.certificate_number}，发证机关{p.issuing_body}，"
        f"有效期{p.valid_from:%Y年%m月%d日}至{p.valid_to:%Y年%m月%d日}，{p.state(today)}）" for p in people) + "。"


class LetterContentForm(forms.Form):
    ground = forms.ChoiceField(label="制发情形")
    findings = forms.CharField(label="查明的事实与违法（不当）之处", widget=TEXTAREA)
    request = forms.CharField(label="监督建议（意见）及纠正要求", widget=TEXTAREA)

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "请选择")] + ground_choices(profile)
        field = personnel_field(profile)
        if field is not None:
            self.fields["personnel"] = field

    def clean(self):
        """The people picked from the register go into the findings (the letter's services take no more
        fields); a person of another agency than the one addressed is refused."""
        from django.utils import timezone

        data = super().clean()
        people = list(data.pop("personnel", None) or [])
        agency = data.get("agency")
        if people and agency is not None and any(p.agency_id != agency.pk for p in people):
            self.add_error("personnel", f"只能选择{agency.name}的行政执法人员。")
        elif people and data.get("findings"):
            line = personnel_lines(people, timezone.localdate())
            if line not in data["findings"]:
                data["findings"] = f"{line}\n{data['findings']}"
        return data


class LetterStartForm(LetterContentForm):
    agency = forms.ModelChoiceField(label="被监督机关", queryset=None)
    source = forms.ChoiceField(label="来源", choices=[("", "请选择")] + SOURCES)
    title = forms.CharField(label="事项名称", max_length=200)
    facts = forms.CharField(label="基本事实（立案）", widget=forms.Textarea(attrs={"rows": 3}))
    field_order = ["agency", "source", "title", "facts", "ground", "personnel", "findings", "request"]

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
    """约谈 (003 第二十九条第二款): who, when, what was said, what the agency undertook."""

    basis = forms.ChoiceField(label="约谈情形")
    agency = forms.ModelChoiceField(label="被约谈机关", queryset=None, empty_label="请选择")
    held_on = forms.DateField(label="约谈日期", widget=forms.DateInput(attrs={"type": "date"}),
                              error_messages={"invalid": "请按“年-月-日”填写约谈日期。"})
    place = forms.CharField(label="约谈地点", max_length=100)
    interviewers = forms.CharField(label="约谈人", max_length=200, help_text="司法局参加约谈的人员及职务。")
    interviewees = forms.CharField(label="被约谈人（被监督机关负责人）", max_length=200)
    reason = forms.CharField(label="约谈事由", widget=TEXTAREA, help_text="违法或者不当等情况突出、造成重大影响的具体情况。")
    said = forms.CharField(label="约谈内容", widget=TEXTAREA, help_text="指出的问题和提出的要求。")
    undertaking = forms.CharField(label="被监督机关的承诺", widget=TEXTAREA, help_text="整改措施和完成期限。")

    def __init__(self, *args, matter, bases, **kwargs):
        super().__init__(*args, **kwargs)
        from casework.models import Agency

        self.fields["basis"].choices = [("", "请选择")] + [(b, f"{label}（{article}）") for b, label, article in bases]
        ids = [matter.agency_id] + list(matter.parties.values_list("pk", flat=True))
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=ids).order_by("name")
        self.fields["agency"].initial = matter.agency_id
        required_messages_in_chinese(self)


class OrderForm(forms.Form):
    """A correction order handed off in the same file (责令限期纠正)."""

    findings = forms.CharField(label="查明的事实", widget=TEXTAREA)
    request = forms.CharField(label="责令纠正的具体内容", widget=TEXTAREA)
