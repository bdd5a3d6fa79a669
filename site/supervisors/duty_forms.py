"""Forms of the duty screens (duty_views.py): grade, consent, commendation, referral, research, support."""
from django import forms

from .models import SERVING, ConsentRequest, Supervisor

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 3})


class GradeForm(forms.Form):
    supervisor = forms.IntegerField(widget=forms.HiddenInput)
    grade = forms.ChoiceField(label="评价等次", error_messages={"invalid_choice": "请选择本辖区规则配置中的评价等次。",
                                                             "required": "请选择评价等次。"})
    note = forms.CharField(label="评价意见", widget=TEXT, error_messages={"required": "请填写评价意见。"})

    def __init__(self, *args, grades=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [("", "请选择")] + [(g["code"], g["label"]) for g in grades]


class ConsentRequestForm(forms.Form):
    kind = forms.ChoiceField(label="申请事项", error_messages={"required": "请选择申请事项。",
                                                           "invalid_choice": "本辖区办法未规定该事项须经同意。"})
    title = forms.CharField(label="活动或采访名称", max_length=200, error_messages={"required": "请填写活动或采访名称。"})
    details = forms.CharField(label="主办方、内容和方式", widget=TEXT,
                              error_messages={"required": "请填写主办方、内容和方式。"})
    planned_on = forms.DateField(label="拟参加日期", widget=DATE, error_messages={
        "required": "请填写拟参加日期。", "invalid": "请按年-月-日填写拟参加日期。"})

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "请选择")] + [(k, label) for k, label in ConsentRequest.KINDS if k in kinds]


class ConsentDecideForm(forms.Form):
    request = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label="决定", choices=[("approve", "同意"), ("refuse", "不同意")],
                                 error_messages={"required": "请选择同意或不同意。"})
    note = forms.CharField(label="决定意见（不同意须写明理由）", widget=TEXT, required=False)


class CommendationForm(forms.Form):
    year = forms.IntegerField(label="表彰年度", min_value=2000, max_value=2100,
                              error_messages={"required": "请填写表彰年度。", "invalid": "表彰年度须为四位年份。"})
    supervisors = forms.ModelMultipleChoiceField(label="受表彰的监督员", queryset=Supervisor.objects.none(),
                                                 widget=forms.CheckboxSelectMultiple,
                                                 error_messages={"required": "请选择受表彰的监督员。",
                                                                 "invalid_choice": "所选监督员不属于本辖区。"})
    deeds = forms.CharField(label="积极履职、成绩突出的事迹", widget=TEXT,
                            error_messages={"required": "请填写积极履职、成绩突出的事迹。"})

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisors"].queryset = Supervisor.objects.filter(jurisdiction=jurisdiction).exclude(
            terms=None).order_by("name")


class ReferralForm(forms.Form):
    department = forms.CharField(label="移送部门", max_length=100, error_messages={"required": "请填写移送部门。"})
    facts = forms.CharField(label="移送的违法违纪事实", widget=TEXT, error_messages={"required": "请填写移送的违法违纪事实。"})


class ResearchAssignForm(forms.Form):
    kind = forms.ChoiceField(label="类别", widget=forms.RadioSelect, initial="research",
                             error_messages={"required": "请选择委托或交办的类别。"})
    topic = forms.CharField(label="调研题目或交办事项", max_length=200,
                            error_messages={"required": "请填写调研题目或交办事项。"})
    brief = forms.CharField(label="调研或办理要求", widget=TEXT, error_messages={"required": "请填写调研或办理要求。"})
    due_on = forms.DateField(label="报告提交期限", widget=DATE, error_messages={
        "required": "请填写报告提交期限。", "invalid": "请按年-月-日填写报告提交期限。"})

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kinds)


class ResearchReportForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    report = forms.CharField(label="调研报告", widget=forms.Textarea(attrs={"rows": 6}),
                             error_messages={"required": "请填写报告。"})


class AdjustForm(forms.Form):
    evaluation = forms.IntegerField(widget=forms.HiddenInput)
    ground = forms.ChoiceField(label="解聘情形", error_messages={
        "required": "请选择解聘情形。", "invalid_choice": "所选解聘情形不是本辖区办法规定的情形。"})
    statement = forms.CharField(label="事实与理由", widget=TEXT, error_messages={"required": "请写明事实与理由。"})

    def __init__(self, *args, grounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "请选择")] + list(grounds)


class SupportForm(forms.Form):
    invitation = forms.IntegerField(widget=forms.HiddenInput)
    transport = forms.DecimalField(label="交通补助（元）", min_value=0, max_digits=7, decimal_places=2, required=False,
                                   error_messages={"invalid": "交通补助须为金额（元）。",
                                                   "min_value": "交通补助不能为负数。"})
    meal = forms.DecimalField(label="误餐补助（元）", min_value=0, max_digits=7, decimal_places=2, required=False,
                              error_messages={"invalid": "误餐补助须为金额（元）。", "min_value": "误餐补助不能为负数。"})
    insured = forms.BooleanField(label="已投保意外伤害保险", required=False)
    policy_no = forms.CharField(label="保单号", max_length=64, required=False)


def serving_in(jurisdiction: str):
    return Supervisor.objects.filter(jurisdiction=jurisdiction, status=SERVING).order_by("name")
