"""The public application form (报名表). Choices come from the campaign's rule profile."""
from django import forms

from public_forms import PublicFormMixin, blank_choice
from request_guard import refuse_control_characters_in_form
from rules.profiles import Profile

from .models import EDUCATION_LEVELS, GENDERS


class NoEchoInput(forms.TextInput):
    """Writes the submitted value back into the page only when the form told it to (ID number, phone:
    privacy rule): a value that was itself refused or questioned is never echoed."""

    echo = False

    def format_value(self, value):
        return super().format_value(value) if self.echo else None


class ApplicationForm(PublicFormMixin, forms.Form):
    name = forms.CharField(label="姓名", max_length=32)
    gender = forms.ChoiceField(label="性别", choices=blank_choice(GENDERS))
    birth_date = forms.DateField(label="出生日期", widget=forms.DateInput(attrs={"type": "date"}),
                                 error_messages={"invalid": "请按“年-月-日”格式填写出生日期。"})
    id_number = forms.CharField(label="身份证号码", max_length=30,
                                error_messages={"required": "请填写身份证号码。",
                                                "max_length": "身份证号码应为18位。"},
                                widget=NoEchoInput(attrs={"autocomplete": "off"}))
    phone = forms.RegexField(label="联系电话", regex=r"^[0-9\-]{7,20}$", max_length=20, widget=NoEchoInput,
                             error_messages={"invalid": "请填写正确的联系电话。"})
    email = forms.EmailField(label="电子邮箱（选填）", required=False, error_messages={"invalid": "电子邮箱格式不正确。"})
    address = forms.CharField(label="通讯地址", max_length=200, required=False)
    workplace = forms.CharField(label="工作单位", max_length=100)
    post = forms.CharField(label="职务", max_length=64, required=False)
    education = forms.ChoiceField(label="学历", choices=blank_choice(EDUCATION_LEVELS))
    source = forms.ChoiceField(label="人员类别")
    intake = forms.ChoiceField(label="报名方式", widget=forms.RadioSelect)
    recommending_unit = forms.CharField(label="推荐单位（单位推荐时必填）", max_length=100, required=False)
    recommending_unit_email = forms.EmailField(label="推荐单位邮箱（选填，解聘时用于告知）", required=False)
    occupations = forms.MultipleChoiceField(label="本人是否属于以下人员", required=False,
                                            widget=forms.CheckboxSelectMultiple)
    records = forms.MultipleChoiceField(label="本人是否有以下记录", required=False, widget=forms.CheckboxSelectMultiple)
    preferences = forms.MultipleChoiceField(label="本人具有以下优先条件（选填）", required=False,
                                            widget=forms.CheckboxSelectMultiple)
    statement = forms.CharField(label="个人简历及履职意愿", widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)
    materials_true = forms.BooleanField(label="本人承诺所填信息和提交的材料真实、准确、完整，如有不实，愿承担相应责任。",
                                        error_messages={"required": "请勾选“材料真实”承诺后再提交。"})

    def __init__(self, *args, profile: Profile, staff: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = blank_choice(
            [(i["code"], i["label"]) for i in profile.choices("candidate_sources")])
        self.fields["intake"].choices = [(i["code"], i["label"]) for i in profile.choices("intake_methods")
                                         if staff or i["code"] != "directed"]  # directed invitations: staff only
        self.fields["occupations"].choices = [(i["code"], i["label"]) for i in profile.choices("excluded_occupations")]
        self.fields["records"].choices = [(i["code"], i["label"]) for i in profile.choices("disqualifying_records")]
        self.fields["preferences"].choices = [
            (i["code"], f"{i['label']}（{i['citation']}）") for i in profile.choices("preferred_qualifications")
        ] if profile.has("preferred_qualifications") else []
        for name in ("occupations", "records", "preferences"):
            if not self.fields[name].choices:
                del self.fields[name]

    def clean_id_number(self):
        from .eligibility import parse_id_number

        return parse_id_number(self.cleaned_data["id_number"]).number

    def full_clean(self):
        """When another field fails, keep what the applicant typed in the ID number and phone (they were
        valid) so they need not type them again; a refused value is never written back."""
        super().full_clean()
        if self.is_bound and self._errors:
            for name in ("id_number", "phone"):
                if name not in self._errors and name in self.fields:
                    self.fields[name].widget.echo = True

    def clean(self):
        data = super().clean()
        refuse_control_characters_in_form(self)
        if data.get("intake") == "unit" and not (data.get("recommending_unit") or "").strip():
            self.add_error("recommending_unit", "单位推荐须填写推荐单位名称。")
        number, birth = data.get("id_number"), data.get("birth_date")
        if number and birth and number[6:14] != birth.strftime("%Y%m%d"):
            self.add_error("birth_date", "出生日期与身份证号码中的出生日期不一致，请核对。")
        return data
