"""Forms of accountability; every choice list comes from the rule profile with its article."""
from __future__ import annotations

from django import forms

from auxiliary.selectors import prohibited_act_choices
from casework.forms import DATE
from casework.selectors import addressable_agencies
from roles.names import PersonMultipleChoiceField
from rules.profiles import get_profile

from .models import KINDS
from .selectors import choice_keys

SLOTS = 4  # persons entered per investigation screen


def choices(profile, key, blank=True):
    items = [(i["code"], f"{i['label']}（{i['article']}）") for i in profile.choices(key)]
    return ([("", "请选择")] if blank else []) + items


class IntakeForm(forms.Form):
    kind = forms.ChoiceField(label="追究类型", choices=[("", "请选择")] + KINDS)
    agency = forms.ModelChoiceField(label="责任人所在行政执法机关", queryset=None)
    origin = forms.ChoiceField(label="线索来源")
    grounds = forms.MultipleChoiceField(label="过错情形（过错追究适用）", required=False,
                                        widget=forms.CheckboxSelectMultiple)
    wrong_ground = forms.ChoiceField(label="认定为错案的情形（错案追究适用）", required=False)
    title = forms.CharField(label="案件名称", max_length=200)
    facts = forms.CharField(label="基本事实", widget=forms.Textarea(attrs={"rows": 4}))
    intake_on = forms.DateField(label="受理日期", widget=forms.DateInput(attrs={"type": "date"}))
    aux_acts = forms.MultipleChoiceField(label="涉及的辅助人员禁止行为（辅助人员有此行为的勾选）", required=False,
                                         widget=forms.CheckboxSelectMultiple)
    reporter = forms.CharField(label="举报人、投诉人（办结后答复；匿名的不填）", required=False, max_length=60)

    def __init__(self, *args, jurisdiction: str, own_agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        profile = get_profile(jurisdiction)
        self.fields["agency"].queryset = addressable_agencies(jurisdiction)
        if own_agency is not None:  # 过错 第五条: the agency's legal unit takes in cases of its own staff only
            self.fields["agency"].queryset = self.fields["agency"].queryset.filter(pk=own_agency.pk)
            self.fields["agency"].initial = own_agency.pk
        self.fields["origin"].choices = choices(profile, "fault_sources")
        grounds = profile.figure("fault_grounds")
        self.fields["grounds"].label = f"{grounds.label}（{grounds.citation}）"
        self.fields["grounds"].choices = choices(profile, "fault_grounds", blank=False)
        if profile.has("wrong_case_grounds"):
            self.fields["wrong_ground"].choices = choices(profile, "wrong_case_grounds")
        else:  # e.g. 恩施: one kind of case (第三十二条)
            name = profile.text("fault_case_name") if profile.has("fault_case_name") else dict(KINDS)["fault"]
            self.fields["kind"].choices = [("fault", f"{name}（{grounds.citation}）")]
            self.fields["kind"].initial = "fault"
            del self.fields["wrong_ground"]
        acts = prohibited_act_choices(jurisdiction)
        if acts:
            self.fields["aux_acts"].choices = acts
        else:
            del self.fields["aux_acts"]
        if not profile.flag("fault_reporter_answer"):
            del self.fields["reporter"]


class ScreenForm(forms.Form):
    competent = forms.ChoiceField(label="管辖", widget=forms.RadioSelect, choices=[
        ("yes", "属本单位受理，组成调查组调查"), ("no", "不属本单位受理，转送有权部门")])
    transferred_to = forms.CharField(label="转送的有权部门", required=False, max_length=100)


class InvestigateForm(forms.Form):
    team = forms.CharField(label="调查组成员（两人以上，用顿号分隔）", max_length=200)
    findings = forms.CharField(label="调查认定的事实", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        shares = choices(get_profile(case.jurisdiction), choice_keys(case)["shares"])
        for i in range(SLOTS):
            self.fields[f"p{i}_name"] = forms.CharField(label=f"责任人{i + 1} 姓名", required=False, max_length=30)
            self.fields[f"p{i}_username"] = forms.CharField(label="平台账号（有账号的填写，本人可查看处理决定）",
                                                            required=False, max_length=150)
            self.fields[f"p{i}_position"] = forms.CharField(label="职务/执法证号", required=False, max_length=60)
            self.fields[f"p{i}_share"] = forms.ChoiceField(label="责任划分", required=False, choices=shares)

    def persons(self) -> list[dict]:
        d = self.cleaned_data
        return [{k: d[f"p{i}_{k}"] for k in ("name", "username", "position", "share")} for i in range(SLOTS)]


class DecideForm(forms.Form):
    discussion = forms.CharField(label="集体讨论（时间、参加人员、意见）", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, case, persons, **kwargs):
        super().__init__(*args, **kwargs)
        profile, keys = get_profile(case.jurisdiction), choice_keys(case)
        multi = forms.CheckboxSelectMultiple
        self.tolerance = not case.is_wrong_case and profile.has("fault_tolerance_causes")  # 恩施 第三十二条第二款
        if self.tolerance:
            cite = profile.figure("fault_tolerance_causes").citation
            causes = choices(profile, "fault_tolerance_causes", False)
            conditions = choices(profile, "fault_tolerance_conditions", False)
            self.fields["outcome"] = forms.ChoiceField(label="决定", widget=forms.RadioSelect, initial="decide", choices=[
                ("decide", "逐人作出处理决定（其中符合容错条件的责任人可逐人予以容错）"),
                ("tolerate", f"对全部责任人予以容错，不予处理（{cite}）")])
            self.fields["tolerance_causes"] = forms.MultipleChoiceField(
                label="全部容错时：容错的原因", required=False, widget=multi, choices=causes)
            self.fields["tolerance_conditions"] = forms.MultipleChoiceField(
                label="全部容错时：容错应同时具备的条件（逐项确认）", required=False, widget=multi, choices=conditions)
            self.fields["tolerance_grounds"] = forms.CharField(label="全部容错时：容错的事实和理由", required=False,
                                                               widget=forms.Textarea(attrs={"rows": 3}))
        finding = not case.is_wrong_case and profile.has("fault_culpability")
        for p in persons:
            if self.tolerance:  # 容错 per person, with their own cause, conditions and grounds
                self.fields[f"t_{p.pk}"] = forms.BooleanField(
                    label=f"{p.name}：予以容错，不予处理（{cite}）", required=False)
                self.fields[f"tc_{p.pk}"] = forms.MultipleChoiceField(
                    label=f"{p.name}：容错的原因", required=False, widget=multi, choices=causes)
                self.fields[f"tk_{p.pk}"] = forms.MultipleChoiceField(
                    label=f"{p.name}：容错应同时具备的条件（逐项确认）", required=False, widget=multi, choices=conditions)
                self.fields[f"tg_{p.pk}"] = forms.CharField(
                    label=f"{p.name}：容错的事实和理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))
            if finding:  # 过错 第二条
                self.fields[f"c_{p.pk}"] = forms.ChoiceField(
                    label=f"{p.name}：主观过错", required=False,
                    choices=[("", "未认定故意或者重大过失（不承担过错责任）")] + choices(profile, "fault_culpability", False))
                self.fields[f"h_{p.pk}"] = forms.ChoiceField(
                    label=f"{p.name}：损害后果", required=False,
                    choices=[("", "未造成损害或者其他严重后果（不承担过错责任）")] + choices(profile, "fault_harm", False))
            self.fields[f"s_{p.pk}"] = forms.MultipleChoiceField(
                label=f"{p.name}：处理方式（可单用也可并用）", required=False, widget=multi,
                choices=choices(profile, keys["sanctions"], blank=False))
            aggravating = [c for c in choices(profile, keys["aggravating"], blank=False) if c[0] != "repeat"]
            if aggravating:  # a list the rules leave empty (恩施: 办法未规定) is not offered
                self.fields[f"a_{p.pk}"] = forms.MultipleChoiceField(
                    label=f"{p.name}：从重情形（“一年内两次以上”由系统按记录计算）", required=False, widget=multi,
                    choices=aggravating)
            mitigating = choices(profile, keys["mitigating"], blank=False)
            if mitigating:
                self.fields[f"m_{p.pk}"] = forms.MultipleChoiceField(
                    label=f"{p.name}：从轻、减轻情形", required=False, widget=multi, choices=mitigating)
            if not case.is_wrong_case and profile.has("fault_waiver"):  # 过错 第九条
                self.fields[f"w_{p.pk}"] = forms.BooleanField(
                    label=f"{p.name}：{profile.figure('fault_waiver').label}（{profile.figure('fault_waiver').citation}，"
                          "须选定上列情形之一，不选处理方式）", required=False)
            if case.is_wrong_case:
                order = next((i for i in profile.choices("wrong_case_exemptions") if i["code"] == "superior_order"), None)
                if order:  # 错案 第十一条第（一）项 proviso
                    self.fields[f"eo_{p.pk}"] = forms.BooleanField(
                        label=f"{p.name}：因执行上级的决定或者命令免予追究的，已核实其并非明知该决定或者命令明显违法"
                              f"而未提出异议执行（{order['article']}）", required=False)
                self.fields[f"e_{p.pk}"] = forms.ChoiceField(
                    label=f"{p.name}：免予追究情形（适用时不作处理）", required=False,
                    choices=choices(profile, "wrong_case_exemptions"))

    def decisions(self, persons) -> dict:
        d = self.cleaned_data
        everyone = d.get("outcome") == "tolerate"
        out = {}
        for p in persons:
            out[p.pk] = {"sanctions": d[f"s_{p.pk}"], "aggravating": d.get(f"a_{p.pk}", []),
                         "mitigating": d.get(f"m_{p.pk}", []), "exemption": d.get(f"e_{p.pk}", ""),
                         "culpability": d.get(f"c_{p.pk}", ""), "harm": d.get(f"h_{p.pk}", ""),
                         "waive": d.get(f"w_{p.pk}", False), "order_checked": d.get(f"eo_{p.pk}", False)}
            if everyone:
                out[p.pk]["tolerance"] = {"causes": d["tolerance_causes"], "conditions": d["tolerance_conditions"],
                                          "grounds": d["tolerance_grounds"]}
            elif d.get(f"t_{p.pk}"):
                out[p.pk]["tolerance"] = {"causes": d[f"tc_{p.pk}"], "conditions": d[f"tk_{p.pk}"],
                                          "grounds": d[f"tg_{p.pk}"]}
        return out


class HearingForm(forms.Form):
    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        for p in persons:
            self.fields[f"st_{p.pk}"] = forms.CharField(label=f"{p.name}：陈述和申辩", required=False,
                                                        widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"ap_{p.pk}"] = forms.BooleanField(label=f"{p.name}不服处理决定，提出申辩", required=False)

    def hearings(self, persons):
        d = self.cleaned_data
        return {p.pk: {"statement": d[f"st_{p.pk}"], "appealed": d[f"ap_{p.pk}"]} for p in persons}


class AppealForm(forms.Form):
    def __init__(self, *args, case, persons, **kwargs):
        super().__init__(*args, **kwargs)
        sanctions = choices(get_profile(case.jurisdiction), choice_keys(case)["sanctions"], blank=False)
        for p in persons:
            self.fields[f"o_{p.pk}"] = forms.ChoiceField(label=f"{p.name}的申辩（{p.statement}）", widget=forms.RadioSelect,
                                                         choices=[("rejected", "申辩不成立，维持处理"),
                                                                  ("upheld", "申辩成立，变更处理")])
            self.fields[f"n_{p.pk}"] = forms.CharField(label="复核意见", widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"s_{p.pk}"] = forms.MultipleChoiceField(label="变更后的处理方式（申辩成立时）", required=False,
                                                                 widget=forms.CheckboxSelectMultiple, choices=sanctions)

    def outcomes(self, persons):
        d = self.cleaned_data
        return {p.pk: {"outcome": d[f"o_{p.pk}"], "note": d[f"n_{p.pk}"], "sanctions": d[f"s_{p.pk}"]} for p in persons}


class AnswerForm(forms.Form):
    text = forms.CharField(label="答复内容（调查处理结果）", widget=forms.Textarea(attrs={"rows": 4}))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="复核结论", widget=forms.RadioSelect, choices=[
        ("confirm", "确认处理决定，办结"), ("reinvestigate", "事实不清或处理不当：责令重新组织调查、处理"),
        ("direct", "事实不清或处理不当：直接派员调查并作出处理决定")])
    reason = forms.CharField(label="理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    staff = PersonMultipleChoiceField(label="派出调查的人员（直接派员调查时选择）", queryset=None, required=False,
                                      widget=forms.CheckboxSelectMultiple)
    sent_on = forms.DateField(label="派员日期（直接派员调查时填写，默认今天）", required=False, widget=DATE)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        from .services import dispatchable_staff

        self.fields["staff"].queryset = dispatchable_staff(case) if case is not None else \
            get_user_model().objects.none()


class TakeOverForm(forms.Form):
    reason = forms.CharField(label="接办理由", widget=forms.Textarea(attrs={"rows": 3}))
