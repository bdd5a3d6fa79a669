"""Staff forms of the yearly programme (thin: services validate)."""
from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from casework.forms import DATE, agency_field
from roles.definitions import LEADER, OFFICER
from roles.names import PersonChoiceField
from rules.periods import CALENDAR_DAYS, WORKING_DAYS
from rules.profiles import get_profile

from .models import ACTIVITY_KINDS, CHECKLIST_SECTIONS, kinds_for
from .services import evaluation_rule, inspection_forms_rule

PARTICIPANT_ROWS = 5
MODES = [("onsite", "现场监督（到被监督机关现场开展）"), ("desk", "非现场（调阅案卷、书面审查等）")]


def bureau_staff():
    return get_user_model().objects.filter(is_active=True, groups__name__in=[OFFICER, LEADER]).distinct() \
        .order_by("username")


class PlanForm(forms.Form):
    plan = forms.CharField(label="年度行政执法监督工作计划", widget=forms.Textarea(attrs={"rows": 8}))


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ACTIVITY_KINDS)
    agency = forms.ModelChoiceField(label="被监督机关", queryset=None)
    held_on = forms.DateField(label="开展日期", widget=DATE)
    title = forms.CharField(label="名称", max_length=200)
    mode = forms.ChoiceField(label="开展方式", choices=MODES, widget=forms.RadioSelect,
                             error_messages={"required": "请选择开展方式：现场监督或非现场。"})
    has_problems = forms.BooleanField(label="发现问题", required=False)
    findings = forms.CharField(label="发现的问题", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(jurisdiction)
        self.fields["kind"].choices = kinds_for(jurisdiction)
        profile = get_profile(jurisdiction)
        if profile.has("inspection_schedules"):  # 检查 第六条
            cite = profile.figure("inspection_schedules").citation
            self.fields["schedule"] = forms.ChoiceField(
                label=f"检查方式（监督检查必选，{cite}）", required=False, widget=forms.RadioSelect,
                choices=[(c["code"], c["label"]) for c in profile.choices("inspection_schedules")],
                help_text="只有定期检查计入每年最少次数")
        forms_offered, forms_cite = inspection_forms_rule(jurisdiction)
        if forms_offered:  # 检查 第六条
            self.fields["forms"] = forms.MultipleChoiceField(
                label=f"检查形式（监督检查必选，可多选，{forms_cite}）", required=False,
                widget=forms.CheckboxSelectMultiple, choices=[(c["code"], c["label"]) for c in forms_offered])
            self.fields["other_form"] = forms.CharField(label="其他形式的具体名称", max_length=50, required=False,
                                                        help_text="选择“其他形式”的写明，如“暗访”")
        self.parts, scopes, cite = evaluation_rule(jurisdiction)
        if scopes:  # 003 第十九条
            self.fields["evaluation_scope"] = forms.ChoiceField(
                label=f"考核评议范围（考核评议必选，{cite}）", required=False, widget=forms.RadioSelect,
                choices=[(c["code"], c["label"]) for c in scopes])
            self.fields["evaluation_subject"] = forms.CharField(
                label="专项考核评议选取的内容", max_length=200, required=False,
                help_text="专项考核评议写明选取的考核评议内容，如“行政处罚案件办理”")
        for part in self.parts:
            self.fields[f"part_{part['code']}"] = forms.CharField(
                label=f"{part['label']}的开展情况（考核评议必填，{cite}）", required=False,
                widget=forms.Textarea(attrs={"rows": 3}))
        staff = bureau_staff()
        for i in range(1, PARTICIPANT_ROWS + 1):
            self.fields[f"p{i}_user"] = PersonChoiceField(label=f"参加人员{i}", queryset=staff, required=False)
            self.fields[f"p{i}_credential"] = forms.CharField(label=f"参加人员{i}出示的行政执法监督证件号",
                                                              max_length=40, required=False)

    def clean(self):
        data = super().clean()
        for i in range(1, PARTICIPANT_ROWS + 1):
            if data.get(f"p{i}_credential", "").strip() and not data.get(f"p{i}_user"):
                self.add_error(f"p{i}_user", f"填写了证件号，请选择参加人员{i}。")
        return data

    def service_data(self) -> dict:
        """The service's arguments: the activity, whether on site, and who took part with their credentials."""
        data = self.cleaned_data
        fields = ("kind", "agency", "held_on", "title", "has_problems", "findings")
        return {**{k: data[k] for k in fields}, "schedule": data.get("schedule") or "",
                "forms": data.get("forms") or [], "other_form": data.get("other_form") or "", "onsite": data["mode"] == "onsite",
                "evaluation_scope": data.get("evaluation_scope") or "",
                "evaluation_subject": data.get("evaluation_subject") or "",
                "evaluation_parts": {p["code"]: data.get(f"part_{p['code']}") or "" for p in self.parts},
                "participants": [(data[f"p{i}_user"], data[f"p{i}_credential"])
                                 for i in range(1, PARTICIPANT_ROWS + 1) if data.get(f"p{i}_user")]}


class ChecklistChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.label}（{obj.article}）"


class FindingForm(forms.Form):
    """A problem found, ticking one item of the checklist (grouped by what supervision covers)."""

    item = ChecklistChoiceField(label="对应的检查项目", queryset=None, required=False, widget=forms.RadioSelect,
                                empty_label=None,
                                error_messages={"invalid_choice": "所选检查项目不属于本辖区现行的检查清单。"})
    text = forms.CharField(label="发现的问题", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "请填写发现的问题。"})

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        sections = dict(CHECKLIST_SECTIONS)
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(sections.get(item.section, item.section), []).append(
                (item.pk, f"{item.label}（{item.article}）"))
        self.fields["item"].choices = list(groups.items())


class FindingLetterForm(forms.Form):
    ground = forms.ChoiceField(label="制发情形（已按检查项目预选）", error_messages={"required": "请选择制发情形。"})
    findings = forms.CharField(label="查明的事实", widget=forms.Textarea(attrs={"rows": 5}),
                               error_messages={"required": "请填写查明的事实。"})
    request = forms.CharField(label="监督建议（纠正要求）", widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": "请填写监督建议（纠正要求）。"})

    def __init__(self, *args, grounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "请选择")] + [(g["code"], f"{g['label']}（{g['citation']}）")
                                                            for g in grounds]


class StatisticsForm(forms.Form):
    """One integer field per category of the profile's `statistics_categories`."""

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        for cat in categories:
            self.fields[f"c_{cat['code']}"] = forms.IntegerField(
                label=f"{cat['label']}（件）", min_value=0, error_messages={
                    "required": "请填写件数。", "invalid": "须为非负整数。", "min_value": "须为非负整数。"})
        self.fields["explanation"] = forms.CharField(label="情况说明", required=False,
                                                     widget=forms.Textarea(attrs={"rows": 3}))

    def figures(self) -> dict[str, int]:
        return {c["code"]: self.cleaned_data[f"c_{c['code']}"] for c in self.categories}


class UploadForm(forms.Form):
    file = forms.FileField(label="填好的Excel模板（.xlsx）", widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


class NotificationForm(forms.Form):
    title = forms.CharField(label="通报标题", max_length=200)
    body = forms.CharField(label="通报正文", widget=forms.Textarea(attrs={"rows": 10}))
    period_n = forms.IntegerField(label="整改期限（由通报确定）", min_value=1)
    period_unit = forms.ChoiceField(label="期限单位", choices=[(CALENDAR_DAYS, "日"), (WORKING_DAYS, "个工作日")])

    def __init__(self, *args, agencies, jurisdiction=None, kinds=None, **kwargs):
        """`kinds`: the 通报方式 codes offered (the unscheduled/urgent screen); None: the yearly notification."""
        super().__init__(*args, **kwargs)
        self.agencies = list(agencies)
        profile = get_profile(jurisdiction) if jurisdiction else None
        if kinds is not None:
            self.fields["kind"] = forms.ChoiceField(label="通报方式", widget=forms.RadioSelect, error_messages={
                "required": "请选择通报方式。", "invalid_choice": "请选择规则配置中的不定期或紧急通报方式。"}, choices=[
                (c["code"], f"{c['label']}（{c['article']}）")
                for c in profile.choices("notification_kinds") if c["code"] in kinds])
        if profile is not None and profile.has("notification_contents"):
            self.fields["contents"] = forms.MultipleChoiceField(
                label=f"通报内容（{profile.figure('notification_contents').citation}）",
                widget=forms.CheckboxSelectMultiple, required=kinds is not None,
                error_messages={"required": "请至少选择一项通报内容。", "invalid_choice": "请选择规则配置中的通报内容。"},
                choices=[(c["code"], f"{c['label']}（{c['article']}）")
                         for c in profile.choices("notification_contents")],
                help_text="定期通报当然包含“全区年度行政执法情况”。" if kinds is None else "")
        if profile is not None and profile.has("notification_joint"):
            joint = profile.figure("notification_joint")
            self.fields["joint_issuers"] = forms.CharField(
                label=f"联合通报部门（{joint.citation}：{joint.value.get('text', '')}）", required=False,
                widget=forms.Textarea(attrs={"rows": 2}), help_text="每行一个部门；不联合通报的不填。")
        for agency in self.agencies:
            self.fields[f"name_{agency.pk}"] = forms.BooleanField(label=f"通报并责令整改：{agency.name}", required=False)
            self.fields[f"problems_{agency.pk}"] = forms.CharField(
                label=f"{agency.name}需整改的问题", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def named(self):
        return [(a, self.cleaned_data[f"problems_{a.pk}"]) for a in self.agencies if self.cleaned_data[f"name_{a.pk}"]]

    def terms(self) -> dict:
        """kind, contents and joint issuers as notification_issue takes them."""
        joint = self.cleaned_data.get("joint_issuers") or ""
        terms = {"contents": self.cleaned_data.get("contents") or [],
                 "joint_issuers": [line.strip() for line in joint.replace("、", "\n").splitlines() if line.strip()]}
        if "kind" in self.cleaned_data:
            terms["kind"] = self.cleaned_data["kind"]
        return terms


class ReportForm(forms.Form):
    report = forms.CharField(label="整改落实情况（书面报告）", widget=forms.Textarea(attrs={"rows": 5}))


class ReviewForm(forms.Form):
    note = forms.CharField(label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="不填写的，记为“经审核，整改落实情况属实，予以确认。”")


class IneffectiveForm(forms.Form):
    """通报 第六条: the review finds the rectification 整改落实不力 on its merits."""

    findings = forms.CharField(label="整改落实不力的事实", widget=forms.Textarea(attrs={"rows": 3}), required=False,
                               help_text="写明哪些问题未整改、报告与实际不符等；认定后由经办人审查是否情节严重。")


class FollowUpForm(forms.Form):
    """检查 第十条: the agency's implementation of the inspection's decision or recommendation."""

    outcome = forms.ChoiceField(label="落实情况", widget=forms.RadioSelect)
    decided_on = forms.DateField(label="认定日期", widget=DATE)
    note = forms.CharField(label="说明（反馈情况、逾期或落实不力的事实）", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(c["code"], f"{c['label']}（{c['article']}）")
                                          for c in get_profile(jurisdiction).choices("inspection_followup_outcomes")]


class CaseFileForm(forms.Form):
    """One case file examined in a case-file review (003 第十八条); the service checks and stores."""

    file_number = forms.CharField(label="案卷编号（文书字号）", max_length=60,
                                  error_messages={"required": "请填写案卷编号（文书字号）。"})
    case_title = forms.CharField(label="案件名称", max_length=200, error_messages={"required": "请填写案件名称。"})
    materials_ok = forms.TypedChoiceField(label="行政执法文书和证据等材料是否真实、规范、完整", widget=forms.RadioSelect,
                                          choices=[("1", "是"), ("0", "否")], coerce=lambda v: v == "1",
                                          error_messages={"required": "请评定文书和证据是否真实、规范、完整。"})
    act_ok = forms.TypedChoiceField(label="行政执法行为是否合法、适当", widget=forms.RadioSelect,
                                    choices=[("1", "是"), ("0", "否")], coerce=lambda v: v == "1",
                                    error_messages={"required": "请评判执法行为是否合法、适当。"})
    note = forms.CharField(label="存在的问题（有“否”的必填）", required=False, widget=forms.Textarea(attrs={"rows": 2}))
