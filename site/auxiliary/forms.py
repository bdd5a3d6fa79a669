from __future__ import annotations

from django import forms

from rules.profiles import Profile

from .services import education_levels


def _items(profile: Profile, key: str):
    return [(i["code"], f"{i['label']}（{i['article']}）") for i in profile.choices(key)]


class StaffForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=32)
    id_number = forms.CharField(label="身份证号", max_length=18)
    education = forms.ChoiceField(label="学历")
    veteran = forms.BooleanField(label="退伍军人", required=False)
    dispatch_unit = forms.CharField(label="劳务派遣单位", max_length=100, required=False)
    dispatch_agreement = forms.CharField(label="劳务派遣协议编号", max_length=60, required=False)
    post = forms.CharField(label="岗位", max_length=60)
    duties = forms.MultipleChoiceField(label="岗位职责（在执法人员指导下履行）", widget=forms.CheckboxSelectMultiple,
                                       required=False)
    supervising_officer = forms.CharField(label="指导执法人员", max_length=32)
    officer_certificate = forms.CharField(label="指导执法人员执法证号", max_length=40)
    start = forms.DateField(label="使用起始日期", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="使用截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    conditions = forms.MultipleChoiceField(label="经审查符合下列招聘条件", widget=forms.CheckboxSelectMultiple,
                                           required=False)
    barring = forms.MultipleChoiceField(label="经审查存在下列情形（有任一情形的不得招聘）",
                                        widget=forms.CheckboxSelectMultiple, required=False)
    post_age_min = forms.IntegerField(label="特殊岗位最低年龄（调整时填写）", required=False, min_value=16,
                                      max_value=70)
    post_education = forms.ChoiceField(label="特殊岗位学历要求（调整时填写）", required=False)
    special_reason = forms.CharField(label="特殊岗位调整招聘条件的原因（招聘公告中注明的原因）", required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        levels = education_levels(profile)
        self.fields["education"].choices = [("", "请选择")] + levels
        self.fields["post_education"].choices = [("", "不调整")] + levels
        self.fields["duties"].choices = _items(profile, "auxiliary_duties")
        self.fields["conditions"].choices = _items(profile, "auxiliary_conditions")
        self.fields["barring"].choices = _items(profile, "auxiliary_barring_grounds")
