"""Forms for the admin screens; the services do the checking, the forms only collect input."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from casework.models import Agency
from rules.models import RuleProfile
from rules.profiles import get_profile
from supervisors.models import SERVING, Supervisor

from .models import ACTIVITY_KINDS, ATTENDANCE_CHOICES, OPINION_KINDS, OUTCOMES

DATE = forms.DateInput(attrs={"type": "date"})


def jurisdiction_choices():
    """Every jurisdiction records supervision activities; Enshi and Wulong too (no supervisors to invite
    there unless a roster is kept, but inspections and case-file reviews are theirs as well)."""
    return [(p.code, p.name) for p in RuleProfile.objects.order_by("pk")]


def agency_choice(jurisdiction: str | None = None, **kwargs) -> forms.ModelChoiceField:
    """An agency from the register (no free-text names)."""
    qs = Agency.objects.filter(active=True).order_by("jurisdiction", "name")
    if jurisdiction:
        qs = qs.filter(jurisdiction=jurisdiction)
    return forms.ModelChoiceField(queryset=qs, empty_label="请选择", **kwargs)


def ground_choices(jurisdiction: str, *, bureau: bool) -> list[tuple[str, str]]:
    from .services import BUREAU_ONLY_GROUNDS

    return [
        (g["code"], f"{g['label']}（{g['citation']}）")
        for g in get_profile(jurisdiction).choices("recusal_grounds")
        if bureau or g["code"] not in BUREAU_ONLY_GROUNDS
    ]


class ActivityForm(forms.Form):
    jurisdiction = forms.ChoiceField(label="辖区")
    kind = forms.ChoiceField(label="活动类型", choices=ACTIVITY_KINDS)
    title = forms.CharField(label="活动名称", max_length=200)
    held_on = forms.DateField(label="活动日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=200)
    agency = agency_choice(label="涉及执法机关", required=False,
                           help_text="执法检查、案卷评查须选择（执法机关名录）；会议、培训可不选")
    case_ref = forms.CharField(label="涉及案件（案号）", max_length=100, required=False)
    notes = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].choices = jurisdiction_choices()


class AgencyActivityForm(forms.Form):
    """What a liaison fills in to invite supervisors to its agency's discussion, hearing or 论证会."""

    kind = forms.ChoiceField(label="活动类型")
    title = forms.CharField(label="活动名称", max_length=200)
    held_on = forms.DateField(label="活动日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=200)
    case_ref = forms.CharField(label="涉及案件（案号）", max_length=100, required=False)
    notes = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k["code"], k["label"]) for k in kinds]


class InviteForm(forms.Form):
    supervisor = forms.ModelChoiceField(label="邀请监督员", queryset=Supervisor.objects.none(), empty_label="请选择")

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = Supervisor.objects.filter(
            jurisdiction=activity.jurisdiction, status=SERVING
        ).exclude(invitations__activity=activity)


class AttendanceForm(forms.Form):
    status = forms.ChoiceField(label="出席情况", choices=ATTENDANCE_CHOICES)
    excuse_reason = forms.CharField(label="请假事由", max_length=200, required=False)


class DeclarationForm(forms.Form):
    ground = forms.ChoiceField(label="回避声明")
    note = forms.CharField(label="情况说明", max_length=500, required=False)

    def __init__(self, *args, jurisdiction: str, bureau: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("none", "本人无需要回避的情形")] + [
            (code, f"需回避：{label}") for code, label in ground_choices(jurisdiction, bureau=bureau)
        ]


class ConflictRecordForm(forms.Form):
    supervisor = forms.ModelChoiceField(label="监督员", queryset=Supervisor.objects.none(), empty_label="请选择")
    agency = agency_choice(label="执法机关")
    case_ref = forms.CharField(
        label="案件（案号）", max_length=100, required=False, help_text="空 = 该机关的全部活动"
    )
    ground = forms.ChoiceField(label="回避情形")
    note = forms.CharField(label="情况说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = Supervisor.objects.filter(
            jurisdiction=jurisdiction, status=SERVING
        )
        self.fields["ground"].choices = ground_choices(jurisdiction, bureau=True)
        self.fields["agency"] = agency_choice(jurisdiction, label="执法机关")


class OpinionForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=OPINION_KINDS)
    agency = agency_choice(label="涉及执法机关")
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="内容", widget=forms.Textarea(attrs={"rows": 6}))
    confidential = forms.BooleanField(label="申请对本人身份保密", required=False)

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_choice(profile.code, label="涉及执法机关")
        if profile.flag("lead_confidentiality"):  # 001 第十四条; other profiles do not offer it
            self.fields["confidential"].help_text = (
                f"依据{profile.figure('lead_confidentiality').citation}，可要求司法行政机关予以保密；"
                "执法机关看不到您的姓名。"
            )
        else:
            del self.fields["confidential"]


class ForwardForm(forms.Form):
    forwarded_on = forms.DateField(label="转送日期", widget=DATE, initial=timezone.localdate)
    note = forms.CharField(
        label="转送说明",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="转送说明将发给执法机关；监督员申请保密的，请勿写入其身份信息。",
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label="研究办理情况", widget=forms.Textarea(attrs={"rows": 5}))
    rectify_by = forms.DateField(
        label="整改期限",
        widget=DATE,
        required=False,
        help_text="确实存在问题、不能立即纠正的，请说明情况并明确整改期限",
    )


class RectificationReportForm(forms.Form):
    report = forms.CharField(
        label="意见建议采纳情况和问题整改情况",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "请填写意见建议采纳情况和问题整改情况。"},
    )


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=OUTCOMES)
    note = forms.CharField(label="结果说明（反馈监督员）", widget=forms.Textarea(attrs={"rows": 3}))
