"""Forms: the public complaint form (004 第六条's particulars), staff entry for letters/calls/visits, the
status lookup, and the handling steps. Messages are Chinese; what was typed is kept on errors."""
from __future__ import annotations

import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from auxiliary.selectors import prohibited_act_choices
from casework.forms import DATE, agency_field
from form_errors import required_messages_in_chinese
from public_forms import PublicFormMixin
from roles.names import PersonChoiceField, PersonMultipleChoiceField
from rules.profiles import get_profile

from .models import CHANNELS, ENFORCEMENT, MANNERS, OUTCOMES, SUPERVISOR
from .services import categories_for, required_personal

CATEGORY_LABELS = {ENFORCEMENT: "行政执法机关及其执法人员的执法行为", SUPERVISOR: "监督员在执法监督活动中的违法违纪行为"}
PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def validate_id_number(value: str) -> str:
    """18-digit resident ID: format, birth date and check digit (GB 11643). The area code is not checked:
    genuine numbers carry codes of areas since renamed or merged (a warning at most, never a refusal)."""
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError as StdnumError

    number = re.sub(r"\s", "", value or "").upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise forms.ValidationError("身份证号应为18位，前17位为数字，最后一位为数字或X。")
    try:
        birth = ric.get_birth_date(number)
    except StdnumError:
        raise forms.ValidationError("身份证号中的出生日期不存在，请核对。") from None
    if birth > timezone.localdate() or birth.year < 1900:
        raise forms.ValidationError("身份证号中的出生日期不正确，请核对。")
    if ric.calc_check_digit(number) != number[-1]:
        raise forms.ValidationError("身份证号校验位不正确，请核对是否输错。")
    return number


def validate_contact(value: str) -> str:
    value = (value or "").strip()
    if not (PHONE.match(value.replace(" ", "")) or EMAIL.match(value)):
        raise forms.ValidationError("请填写有效的手机号码、固定电话（如023-77712345）或电子邮箱。")
    return value.replace(" ", "") if PHONE.match(value.replace(" ", "")) else value


class ComplaintForm(PublicFormMixin, forms.Form):
    # required by clean() (004 第六条) unless the person reports anonymously / the other category applies
    conditionally_required = ("name", "id_number", "address", "contact", "agency", "ground", "supervisor")
    category = forms.ChoiceField(label="投诉举报类别", widget=forms.RadioSelect)
    anonymous = forms.BooleanField(label="匿名反映（不提供姓名和身份证号，仅作为线索登记，不作为投诉举报受理，无法告知处理结果）",
                                   required=False)
    name = forms.CharField(label="真实姓名", max_length=50, required=False)
    id_number = forms.CharField(label="身份证号", max_length=20, required=False)
    address = forms.CharField(label="住址", max_length=200, required=False)
    contact = forms.CharField(label="联系方式（手机、固定电话或电子邮箱）", max_length=50, required=False)
    agency = forms.ModelChoiceField(label="被投诉举报机关", queryset=None, required=False)
    officer_named = forms.CharField(label="被投诉举报的执法人员（姓名或执法证号，可不填）", max_length=100, required=False)
    supervisor = forms.ModelChoiceField(label="被举报的监督员", queryset=None, required=False, empty_label="请选择")
    ground = forms.ChoiceField(label="投诉举报事由", required=False)
    aux_acts = forms.MultipleChoiceField(label="涉及行政执法辅助人员的行为（投诉举报辅助人员的，选择其行为，可多选）",
                                         widget=forms.CheckboxSelectMultiple, required=False)
    request = forms.CharField(label="投诉举报请求事项", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": "请填写具体的投诉举报请求事项。"})
    facts = forms.CharField(label="事实和理由", max_length=10000, widget=forms.Textarea(attrs={"rows": 8}),
                            error_messages={"required": "请填写投诉举报的事实依据（时间、地点、经过）。"})

    def __init__(self, *args, jurisdiction: str, public: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        from supervisors.models import SERVING, Supervisor

        self.jurisdiction, self.profile = jurisdiction, get_profile(jurisdiction)
        # the particulars the profile requires (004 第六条: all four; elsewhere the profile's reading)
        self.personal = required_personal(self.profile)
        self.conditionally_required = tuple(k for k, _ in self.personal) + ("agency", "ground", "supervisor")
        cats = categories_for(jurisdiction, public=public)
        self.fields["category"].choices = [(c, CATEGORY_LABELS[c]) for c in cats]
        if len(cats) == 1:
            self.fields["category"].initial = cats[0]
            self.fields["category"].widget = forms.HiddenInput()
        if ENFORCEMENT in cats:
            self.fields["agency"] = agency_field(jurisdiction, label="被投诉举报机关", required=False)
            self.fields["ground"].choices = [("", "请选择")] + [
                (g["code"], f"{g['label']}（{g['article']}）") for g in self.profile.choices("complaint_grounds")]
        else:
            for key in ("agency", "officer_named", "ground"):
                del self.fields[key]
        acts = prohibited_act_choices(jurisdiction) if ENFORCEMENT in cats else []
        if acts:  # 武隆《行政执法辅助人员管理办法》第十条: what an auxiliary person must not do, each with its article
            self.fields["aux_acts"].choices = acts
            self.fields["aux_acts"].help_text = (
                f"行政执法辅助人员不得有下列行为（{self.profile.figure('auxiliary_prohibited_acts').citation}）；"
                "辅助人员的姓名或工号可填在“被投诉举报的执法人员”一栏。")
        else:
            del self.fields["aux_acts"]
        if SUPERVISOR in cats:
            self.fields["supervisor"].queryset = Supervisor.objects.filter(jurisdiction=jurisdiction, status=SERVING)
        else:
            del self.fields["supervisor"]
        if not (self.profile.has("complaint_anonymous_lead") and self.profile.flag("complaint_anonymous_lead")):
            del self.fields["anonymous"]

    def clean_id_number(self):
        value = self.cleaned_data.get("id_number", "")
        return validate_id_number(value) if value.strip() else ""

    def clean_contact(self):
        value = self.cleaned_data.get("contact", "")
        return validate_contact(value) if value.strip() else ""

    def clean(self):
        data = super().clean()
        anonymous = data.get("anonymous", False)
        if not anonymous:
            for key, label in self.personal:
                if not (data.get(key) or "").strip() and key not in self.errors:
                    self.add_error(key, f"请填写{label}。")  # the marks and the 第六条 note say why
        category = data.get("category")
        if category == ENFORCEMENT:
            if not data.get("agency") and "agency" not in self.errors:
                self.add_error("agency", "请从名录中选择被投诉举报的行政执法机关。")
            if not data.get("ground"):
                self.add_error("ground", "请选择投诉举报事由。")
        elif category == SUPERVISOR and not data.get("supervisor"):
            self.add_error("supervisor", "请选择被举报的监督员。")
        return data

    def complaint_fields(self) -> dict:
        d = self.cleaned_data
        anonymous = bool(d.get("anonymous"))
        out = {"category": d["category"], "anonymous": anonymous, "request": d["request"].strip(),
               "facts": d["facts"].strip()}
        if not anonymous:
            out.update({k: (d.get(k) or "").strip() for k in ("name", "id_number", "address", "contact")})
        if d["category"] == ENFORCEMENT:
            out.update(agency=d["agency"], officer_named=d.get("officer_named", "").strip(), ground=d["ground"],
                       aux_acts=list(d.get("aux_acts") or []))
            if d.get("auxiliary_staff") is not None:
                out["auxiliary_staff"] = d["auxiliary_staff"]
        else:
            out["supervisor"] = d["supervisor"]
        return out

    def fingerprint_parts(self) -> list:
        d = self.cleaned_data
        return [self.jurisdiction, d.get("category"), getattr(d.get("agency"), "pk", ""),
                getattr(d.get("supervisor"), "pk", ""), d.get("id_number", ""), d.get("request"), d.get("facts")]


class AuxiliaryStaffField(forms.ModelChoiceField):
    """A person of an agency's auxiliary-staff register, named by name, agency, post and status (never the ID)."""

    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.agency.name}，{obj.post}，{obj.get_status_display()}）"


def auxiliary_field(jurisdiction: str, agency=None):
    """The register's people a complaint can concern (staff screens only): the jurisdiction's, or one agency's."""
    from auxiliary.models import AuxiliaryStaff

    people = AuxiliaryStaff.objects.filter(jurisdiction=jurisdiction).select_related("agency")
    if agency is not None:
        people = people.filter(agency=agency)
    return AuxiliaryStaffField(label="被投诉举报的行政执法辅助人员（从被投诉举报机关的名册中选择，不涉及的不选）",
                               queryset=people.order_by("agency__name", "name", "pk"), required=False,
                               empty_label="不涉及辅助人员")


def _clean_auxiliary(form, data) -> None:
    person, agency = data.get("auxiliary_staff"), data.get("agency")
    if person is not None and agency is not None and person.agency_id != agency.pk:
        form.add_error("auxiliary_staff", f"{person.name}不是{agency.name}辅助人员名册中的人员，"
                                          "请从被投诉举报机关的名册中选择。")


class StaffEntryForm(ComplaintForm):
    channel = forms.ChoiceField(label="来源渠道", choices=[c for c in CHANNELS if c[0] not in ("online", "hotline")])
    received_on = forms.DateField(label="收到日期", widget=DATE)

    def __init__(self, *args, own_agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        from . import contact_points
        from .models import CONTACT_POINT, ContactPoint

        if contact_points.provided(self.jurisdiction) and own_agency is None:  # 003 第十条第一款
            self.fields["contact_point"] = forms.ModelChoiceField(
                label=f"转来的监督联系点（来源渠道为“监督联系点转来”时必选，{contact_points.citation(self.jurisdiction)}）",
                queryset=ContactPoint.objects.filter(jurisdiction=self.jurisdiction, active=True).order_by("name"),
                required=False, empty_label="请选择",
                error_messages={"invalid_choice": "所选监督联系点不属于本辖区或已撤销。"})
        else:
            self.fields["channel"].choices = [c for c in self.fields["channel"].choices if c[0] != CONTACT_POINT]
        if own_agency is not None and "agency" in self.fields:
            # 投诉 第三条: the agency's legal unit receives complaints about its own agency only
            self.fields["agency"].queryset = self.fields["agency"].queryset.filter(pk=own_agency.pk)
            self.fields["agency"].initial = own_agency.pk
        if "aux_acts" in self.fields:
            self.fields["auxiliary_staff"] = auxiliary_field(self.jurisdiction, own_agency)
            names = list(self.fields)
            names.remove("auxiliary_staff")
            names.insert(names.index("aux_acts") + 1, "auxiliary_staff")
            self.order_fields(names)

    def clean(self):
        data = super().clean()
        _clean_auxiliary(self, data)
        return data

    def complaint_fields(self) -> dict:
        out = super().complaint_fields()
        if self.cleaned_data.get("contact_point") is not None:
            out["contact_point"] = self.cleaned_data["contact_point"]
        return out

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("收到日期不能晚于今天。")
        return day


class StatusForm(PublicFormMixin, forms.Form):
    receipt_number = forms.CharField(label="受理编号", max_length=40)
    code = forms.CharField(label="查询码", max_length=20, widget=forms.PasswordInput(render_value=True))


# ------------------------------------------------------------------ staff steps
class StepForm(forms.Form):
    """A missing field says which one, in the person's words (请填写…/请选择…)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)


class RefuseForm(StepForm):
    ground = forms.ChoiceField(label="不予受理情形")
    reasons = forms.CharField(label="理由（向投诉举报人说明）", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "请选择")] + [
            (g["code"], f"{g['label']}（{g['article']}）")
            for g in get_profile(jurisdiction).choices("complaint_not_accepted")]
        # 第七条: 不予受理的，应当向投诉举报人说明理由
        self.fields["reasons"].error_messages["required"] = "不予受理的，应当向投诉举报人说明理由，请填写理由。"


class TransferForm(StepForm):
    to = forms.CharField(label="转送机关", max_length=100)
    reasons = forms.CharField(label="转送理由", widget=forms.Textarea(attrs={"rows": 3}))


def bureau_users():
    from roles.definitions import LEADER, OFFICER

    return get_user_model().objects.filter(is_active=True, groups__name__in=[OFFICER, LEADER]).distinct() \
        .order_by("username")


class InvestigatorsForm(StepForm):
    users = PersonMultipleChoiceField(label="调查人员", queryset=None, widget=forms.CheckboxSelectMultiple)
    no_interest = forms.BooleanField(label="已核实上述人员与投诉举报事项、投诉举报人、被投诉举报人均无直接利害关系",
                                     required=False)

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = bureau_users()
        if complaint is not None and complaint.by_agency:  # 投诉 第三条: the agency's own staff investigate
            self.fields["users"].queryset = get_user_model().objects.filter(
                is_active=True, staff_profile__agency_id=complaint.agency_id).order_by("username")


class RecuseForm(StepForm):
    user = PersonChoiceField(label="回避人员", queryset=None)
    reason = forms.CharField(label="回避事由", max_length=200)

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        ids = complaint.investigators.filter(recused=False).values_list("user_id", flat=True)
        self.fields["user"].queryset = get_user_model().objects.filter(pk__in=ids).order_by("pk")


class OpinionForm(StepForm):
    text = forms.CharField(label="初步处理意见", widget=forms.Textarea(attrs={"rows": 4}))


class ReviewForm(StepForm):
    participants = forms.CharField(label="参加集体讨论人员（以顿号或逗号分隔）", max_length=300)
    outcome = forms.ChoiceField(label="调查结论", choices=[("", "请选择")] + OUTCOMES)
    decision = forms.CharField(label="集体讨论审定意见（行政责任人及追究形式）", widget=forms.Textarea(attrs={"rows": 3}))
    dismissal_ground = forms.ChoiceField(label="建议解聘情形（举报监督员且查证属实时）", required=False)

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        if complaint.category == SUPERVISOR:
            profile = get_profile(complaint.jurisdiction)
            default = profile.text("supervisor_report_dismissal_ground") \
                if profile.has("supervisor_report_dismissal_ground") else ""
            self.fields["dismissal_ground"].choices = [("", "请选择")] + [
                (g["code"], f"{g['label']}（{g['article']}）") for g in profile.choices("dismissal_grounds")]
            self.fields["dismissal_ground"].initial = default
        else:
            del self.fields["dismissal_ground"]

    def participant_list(self) -> list[str]:
        return [p for p in re.split(r"[、,，;；\s]+", self.cleaned_data["participants"]) if p]


class ExtensionForm(StepForm):
    days = forms.IntegerField(label="延长天数（日）", min_value=1)
    reason = forms.CharField(label="延长理由", max_length=200)


class ReplyForm(StepForm):
    text = forms.CharField(label="告知投诉举报人的调查处理结果", widget=forms.Textarea(attrs={"rows": 4}))
    explanation = forms.CharField(label="向投诉举报人说明的情况（反映情况不实的必填，第九条）", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class AppealForm(StepForm):
    received_on = forms.DateField(label="收到申诉日期", widget=DATE)
    text = forms.CharField(label="申诉请求和理由", widget=forms.Textarea(attrs={"rows": 3}))


class AppealDecideForm(StepForm):
    outcome = forms.ChoiceField(label="申诉处理结论", widget=forms.RadioSelect)
    reasons = forms.CharField(label="复查意见（写入申诉答复书）", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        from .models import APPEAL_OUTCOMES

        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = APPEAL_OUTCOMES


class AuxiliaryIdentifyForm(StepForm):
    """The handler names the auxiliary person from the agency's register and the prohibited acts (办法第十条)."""
    acts = forms.MultipleChoiceField(label="涉及的禁止行为", widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.complaint = complaint
        self.fields["person"] = auxiliary_field(complaint.jurisdiction, complaint.agency)
        self.fields["person"].label = f"所涉辅助人员（{complaint.agency.name}名册）"
        self.fields["acts"].choices = prohibited_act_choices(complaint.jurisdiction)
        self.initial.setdefault("acts", list(complaint.aux_acts))
        self.initial.setdefault("person", complaint.auxiliary_staff_id)
        self.order_fields(["person", "acts"])


class InterferenceForm(StepForm):
    occurred_at = forms.DateTimeField(label="发生时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                      input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    interferer_name = forms.CharField(label="干预人姓名", max_length=50)
    interferer_unit = forms.CharField(label="干预人单位及职务", max_length=100)
    kind = forms.ChoiceField(label="情形", error_messages={"required": "请选择干预插手的情形。"})
    manner = forms.ChoiceField(label="方式", choices=MANNERS, error_messages={"required": "请选择干预方式。"})
    case_ref = forms.CharField(label="所涉案件（案号、名称）", max_length=200)
    content = forms.CharField(label="干预内容及处理情况（如实、全面记录）", widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "请选择")] + [
            (k["code"], f"{k['label']}（{k['article']}）") for k in get_profile(jurisdiction).choices("interference_kinds")]


# ------------------------------------------------------------------ 12345 hotline work orders (complaints.hotline)
class HotlineOrderForm(StepForm):
    order_number = forms.CharField(label="工单编号", max_length=40)
    received_on = forms.DateField(label="收到日期", widget=DATE)
    hotline_due_on = forms.DateField(label="热线要求办结日期（工单载明的填写）", widget=DATE, required=False)
    caller_name = forms.CharField(label="来电人姓名（热线记录的，可不填）", max_length=50, required=False)
    caller_phone = forms.CharField(label="来电人联系电话（可不填）", max_length=50, required=False)
    content = forms.CharField(label="诉求内容", widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(jurisdiction, label="被反映机关")
        self.order_fields(["order_number", "received_on", "hotline_due_on", "agency", "caller_name", "caller_phone",
                           "content"])
        required_messages_in_chinese(self)


class HotlineImportForm(StepForm):
    file = forms.FileField(label="工单文件（.xlsx）")


class HotlineReplyForm(StepForm):
    on = forms.DateField(label="回复日期", widget=DATE)
    text = forms.CharField(label="回复热线的内容（处理结果、整改情况等）", widget=forms.Textarea(attrs={"rows": 4}))


class TakeOverForm(StepForm):
    reason = forms.CharField(label="接办理由", widget=forms.Textarea(attrs={"rows": 3}))


class ContactPointForm(forms.Form):
    """行政执法监督联系点 (003 第十条第一款): the service checks and stores (contact_points.contact_point_save)."""

    name = forms.CharField(label="联系点名称", max_length=100, required=False)
    kind = forms.ChoiceField(label="类别", required=False)
    address = forms.CharField(label="地址", max_length=200, required=False)
    contact_name = forms.CharField(label="联系人", max_length=50, required=False)
    contact_phone = forms.CharField(label="联系电话", max_length=50, required=False)
    established_on = forms.DateField(label="设立日期", widget=DATE, required=False,
                                     error_messages={"invalid": "请填写有效的设立日期，如 2026-03-01。"})

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        from .contact_points import kinds

        self.fields["kind"].choices = [("", "请选择")] + [(k["code"], k["label"]) for k in kinds(jurisdiction)]


class ContactPointCloseForm(forms.Form):
    closed_on = forms.DateField(label="撤销日期", widget=DATE, error_messages={
        "required": "请填写撤销日期。", "invalid": "请填写有效的撤销日期，如 2026-11-03。"})
