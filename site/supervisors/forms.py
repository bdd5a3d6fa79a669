"""The public application form (报名表). Choices come from the campaign's rule profile."""
from django import forms

from request_guard import refuse_control_characters_in_form
from rules.profiles import Profile

from .models import EDUCATION_LEVELS, GENDERS


class NoEchoInput(forms.TextInput):
    """Never writes the submitted value back into the page (ID number, phone: privacy rule)."""

    def format_value(self, value):
        return None


class ApplicationForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=32)
    gender = forms.ChoiceField(label="性别", choices=GENDERS)
    birth_date = forms.DateField(label="出生日期", widget=forms.DateInput(attrs={"type": "date"}),
                                 error_messages={"invalid": "请按“年-月-日”格式填写出生日期。"})
    id_number = forms.CharField(label="身份证号码", max_length=18, min_length=18,
                                error_messages={"min_length": "身份证号码应为18位。"},
                                widget=NoEchoInput(attrs={"autocomplete": "off"}))
    phone = forms.RegexField(label="联系电话", regex=r"^[0-9\-]{7,20}$", max_length=20, widget=NoEchoInput,
                             error_messages={"invalid": "请填写正确的联系电话。"})
    email = forms.EmailField(label="电子邮箱（选填）", required=False, error_messages={"invalid": "电子邮箱格式不正确。"})
    address = forms.CharField(label="通讯地址", max_length=200, required=False)
    workplace = forms.CharField(label="工作单位", max_length=100)
    post = forms.CharField(label="职务", max_length=64, required=False)
    education = forms.ChoiceField(label="学历", choices=EDUCATION_LEVELS)
    source = forms.ChoiceField(label="人员类别")
    intake = forms.ChoiceField(label="报名方式", widget=forms.RadioSelect)
    recommending_unit = forms.CharField(label="推荐单位（单位推荐时必填）", max_length=100, required=False)
    occupations = forms.MultipleChoiceField(label="本人是否属于以下人员", required=False,
                                            widget=forms.CheckboxSelectMultiple)
    records = forms.MultipleChoiceField(label="本人是否有以下记录", required=False, widget=forms.CheckboxSelectMultiple)
    statement = forms.CharField(label="个人简历及履职意愿", widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)
    materials_true = forms.BooleanField(label="本人承诺所填信息和提交的材料真实、准确、完整，如有不实，愿承担相应责任。",
                                        error_messages={"required": "请勾选“材料真实”承诺后再提交。"})

    recommending_unit_email = forms.EmailField(label="推荐单位邮箱（选填，解聘时用于告知）", required=False)

    def __init__(self, *args, profile: Profile, staff: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [(i["code"], i["label"]) for i in profile.choices("candidate_sources")]
        self.fields["intake"].choices = [(i["code"], i["label"]) for i in profile.choices("intake_methods")
                                         if staff or i["code"] != "directed"]  # directed invitations: staff only
        self.fields["occupations"].choices = [(i["code"], i["label"]) for i in profile.choices("excluded_occupations")]
        self.fields["records"].choices = [(i["code"], i["label"]) for i in profile.choices("disqualifying_records")]
        for name in ("occupations", "records"):
            if not self.fields[name].choices:
                del self.fields[name]

    def clean_id_number(self):
        return self.cleaned_data["id_number"].strip().upper()

    def clean(self):
        data = super().clean()
        refuse_control_characters_in_form(self)
        if data.get("intake") == "unit" and not (data.get("recommending_unit") or "").strip():
            self.add_error("recommending_unit", "单位推荐须填写推荐单位名称。")
        return data
