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


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"invalid": "请输入正确的日期。", "required": f"请填写{label}。"})


def _text(label, rows=3, required=True):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": f"请填写{label}。"})


def _decider():
    return forms.CharField(label="决定人（机关负责人姓名）", max_length=32,
                           error_messages={"required": "请填写作出决定的机关负责人姓名。"})


class StatusForm(forms.Form):
    kind = forms.ChoiceField(label="变更类型", error_messages={"required": "请选择变更类型。"})
    reason = _text("原因")
    decided_on = _date("决定日期")
    decider = _decider()
    new_end = _date("续聘后的使用截止日期（续聘时填写）", required=False)
    new_post = forms.CharField(label="调整后的岗位（岗位调整时填写）", max_length=60, required=False)
    assessment = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "请选择")] + _items(profile, "auxiliary_status_changes")


class AssessmentForm(forms.Form):
    period_start = _date("考核期间起")
    period_end = _date("考核期间止")
    grade = forms.ChoiceField(label="考核等次", error_messages={"required": "请选择考核等次。"})
    remarks = _text("考核情况（工作绩效、遵章守纪、教育培训）")
    decided_on = _date("决定日期")
    decider = _decider()

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [("", "请选择")] + [(i["code"], i["label"])
                                                         for i in profile.choices("auxiliary_assessment_grades")]


class SanctionForm(forms.Form):
    measure = forms.ChoiceField(label="处理方式", error_messages={"required": "请选择处理方式。"})
    acts = forms.MultipleChoiceField(label="违反的禁止行为", widget=forms.CheckboxSelectMultiple, required=False)
    facts = _text("违反办法的事实")
    decided_on = _date("决定日期")
    decider = _decider()

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [("", "请选择")] + _items(profile, "auxiliary_sanctions")
        self.fields["acts"].choices = _items(profile, "auxiliary_prohibited_acts")


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label="档案类别", error_messages={"required": "请选择档案类别。"})
    day = _date("日期")
    title = forms.CharField(label="事项", max_length=100, error_messages={"required": "请填写事项。"})
    content = _text("内容", required=False)
    file = forms.FileField(label="附件（扫描件，可不上传）", required=False)

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "请选择")] + _items(profile, "auxiliary_file_kinds")


class CheckForm(forms.Form):
    checked_on = _date("检查日期")
    missing_systems = forms.MultipleChoiceField(label="未建立或未落实的管理制度", required=False,
                                                widget=forms.CheckboxSelectMultiple)
    violations = forms.MultipleChoiceField(label="存在的禁止行为（经费与罚没款挂钩、下达罚款收费指标等）",
                                           required=False, widget=forms.CheckboxSelectMultiple)
    findings = _text("检查情况")
    head_name = forms.CharField(label="机关负责人姓名（发现问题时填写）", max_length=32, required=False)

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing_systems"].choices = _items(profile, "auxiliary_management_systems")
        self.fields["violations"].choices = _items(profile, "auxiliary_agency_prohibited")
