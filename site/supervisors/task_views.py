"""The supervisors' task screens (资格审查, 批准, 异议处理, 聘任, 解聘决定, 收回证件) on the engine's TaskView."""
from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from flows.task_views import TaskView
from rules.profiles import get_profile

from . import dismissals, services, terms
from .models import Application

QUALIFY_CHOICES = [("yes", "符合条件，列入拟聘名单"), ("no", "不符合条件或不予入选")]


class ReviewView(TaskView):
    """资格审查: the system's results with citations; confirm or override with a written reason."""

    template_name = "supervisors/tasks/review.html"

    def applications(self):
        return list(self.artifact.applications.order_by("pk"))

    def get_form(self, form_class=None):
        form = forms.Form(**self.get_form_kwargs())
        for app in self.applications():
            form.fields[f"q_{app.pk}"] = forms.ChoiceField(
                label=app.name, choices=QUALIFY_CHOICES, widget=forms.RadioSelect,
                initial="yes" if app.auto_passed else "no")
            form.fields[f"r_{app.pk}"] = forms.CharField(label="审查意见（改变系统结论时必填）", required=False,
                                                         widget=forms.Textarea(attrs={"rows": 2}))
        return form

    def get_context_data(self, **kwargs):
        from django.utils import timezone

        ctx = super().get_context_data(**kwargs)
        form = ctx["form"]
        ctx["rows"] = [(app, form[f"q_{app.pk}"], form[f"r_{app.pk}"]) for app in self.applications()]
        campaign = self.artifact
        if campaign.kind == campaign.RECRUITMENT and timezone.localdate() <= campaign.deadline:
            # said before the officer fills anything in (review_complete refuses it too)
            ctx["too_early"] = (f"报名截止日为{campaign.deadline.isoformat()}，截止后（"
                                f"{(campaign.deadline + dt.timedelta(days=1)).isoformat()}起）方可完成资格审查。"
                                f"目前已收到报名{len(ctx['rows'])}人。")
        return ctx

    def perform(self, form):
        decisions = {app.pk: (form.cleaned_data[f"q_{app.pk}"] == "yes", form.cleaned_data[f"r_{app.pk}"])
                     for app in self.applications()}
        qualified = services.review_complete(campaign=self.artifact, decisions=decisions, by=self.request.user)
        return f"资格审查已完成，{len(qualified)}人列入拟聘名单，已提交负责人审批。"


class ApproveForm(forms.Form):
    decision = forms.ChoiceField(label="审批意见", widget=forms.RadioSelect,
                                 choices=[("approve", "批准拟聘名单并发布公示"), ("return", "退回重新审查")])
    note = forms.CharField(label="意见说明（退回时必填）", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ApproveView(TaskView):
    template_name = "supervisors/tasks/approve.html"
    form_class = ApproveForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["shortlist"] = self.artifact.applications.filter(review_outcome=Application.QUALIFIED)
        ctx["window"] = ctx["profile"].period("publicity_period")
        return ctx

    def perform(self, form):
        approve = form.cleaned_data["decision"] == "approve"
        page = services.shortlist_decide(campaign=self.artifact, approve=approve, note=form.cleaned_data["note"],
                                         by=self.request.user)
        if not approve:
            return "拟聘名单已退回经办人重新审查。"
        return f"拟聘名单已批准，公示期{page.publicity_start}至{page.publicity_end}。"


class ResolveView(TaskView):
    """Each objection resolved in writing before anyone objected to can be appointed."""

    template_name = "supervisors/tasks/resolve.html"

    def objections(self):
        return list(services.open_objections(self.artifact).filter(status="pending").order_by("pk"))

    def get_form(self, form_class=None):
        from public_notices.models import PublicityCandidate

        form = forms.Form(**self.get_form_kwargs())
        candidates = PublicityCandidate.objects.filter(page_id=self.artifact.publicity_page_id).order_by("sort_order")
        for o in self.objections():
            # every objection is tied to the person it concerns before it is decided: typed names are
            # matched to the list where they match one person exactly, and the officer confirms
            typed = candidates.filter(name=o.person_concerned.strip())
            initial = o.candidate_id or (typed.first().pk if typed.count() == 1 else None)
            form.fields[f"c_{o.pk}"] = forms.ModelChoiceField(
                label="异议所涉拟聘人员", queryset=candidates, initial=initial, empty_label="请选择",
                error_messages={"required": f"请确定“{o.person_concerned}”的异议所涉的拟聘人员。"})
            form.fields[f"o_{o.pk}"] = forms.ChoiceField(label=f"关于{o.person_concerned}的异议", widget=forms.RadioSelect,
                                                         choices=[("rejected", "异议不成立"), ("upheld", "异议成立")])
            form.fields[f"n_{o.pk}"] = forms.CharField(label="核查情况和处理理由", widget=forms.Textarea(attrs={"rows": 2}))
        return form

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = ctx["form"]
        ctx["rows"] = [(o, form[f"c_{o.pk}"], form[f"o_{o.pk}"], form[f"n_{o.pk}"]) for o in self.objections()]
        ctx["resolved"] = services.open_objections(self.artifact).exclude(status="pending")
        return ctx

    def perform(self, form):
        items = self.objections()
        for o in items:
            services.campaign_objection_resolve(objection=o, upheld=form.cleaned_data[f"o_{o.pk}"] == "upheld",
                                                note=form.cleaned_data[f"n_{o.pk}"], by=self.request.user,
                                                candidate=form.cleaned_data[f"c_{o.pk}"])
        if services.open_objections(self.artifact).filter(status="pending").exists():
            raise ValidationError("仍有新收到的异议尚未处理，请刷新后一并处理。")
        return f"已处理公示异议{len(items)}件，请负责人对待定人员决定聘任。"


class AppointView(TaskView):
    template_name = "supervisors/tasks/appoint.html"

    def shortlist(self):
        """Those still to be decided (a later round decides only the people an objection held)."""
        return list(self.artifact.applications.filter(review_outcome=Application.QUALIFIED, term__isnull=True,
                                                      refusal="").order_by("pk"))

    def get_form(self, form_class=None):
        form = forms.Form(**self.get_form_kwargs())
        profile = get_profile(self.artifact.jurisdiction)
        need = profile.flag("volunteer_agreement_required")
        for app in self.shortlist():
            if need:  # 002 第九条: the volunteer service agreement is signed before appointment completes
                form.fields[f"a_{app.pk}"] = forms.DateField(
                    label=f"{app.name} 志愿服务协议签订日", required=False,
                    widget=forms.DateInput(attrs={"type": "date"}))
        form.fields["confirm"] = forms.BooleanField(label="确认按上述名单作出聘任决定", required=True)
        return form

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = [(app, services.objection_gate(app), ctx["form"].fields.get(f"a_{app.pk}") and
                        ctx["form"][f"a_{app.pk}"]) for app in self.shortlist()]
        ctx["confirm"] = ctx["form"]["confirm"]
        ctx["term_rule"] = ctx["profile"].period("term_length")
        return ctx

    def perform(self, form):
        agreements = {app.pk: form.cleaned_data.get(f"a_{app.pk}") for app in self.shortlist()}
        made = terms.campaign_appoint(campaign=self.artifact, agreements=agreements, by=self.request.user)
        waiting = services.waiting_applications(self.artifact)
        text = f"已聘任{len(made)}人：" + "、".join(f"{t.supervisor.name}（{t.certificate_no}）" for t in made)
        if waiting:
            text += "；" + "、".join(a.name for a in waiting) + "待公示异议处理后再决定。"
        return text


class DecideForm(forms.Form):
    decision = forms.ChoiceField(label="决定", widget=forms.RadioSelect,
                                 choices=[("approve", "同意解聘（辞任）"), ("reject", "不予解聘")])
    note = forms.CharField(label="决定意见（不予解聘时必填）", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecideView(TaskView):
    template_name = "supervisors/tasks/decide.html"
    form_class = DecideForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["documents"] = dismissals.documents_words(ctx["profile"])
        return ctx

    def perform(self, form):
        d = dismissals.dismissal_decide(dismissal=self.artifact, approve=form.cleaned_data["decision"] == "approve",
                                        note=form.cleaned_data["note"], by=self.request.user)
        return f"已作出决定：{d.get_status_display()}。"


class RecoverForm(forms.Form):
    recovered_on = forms.DateField(label="收回日期", widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label="收回情况", required=False)


class RecoverView(TaskView):
    template_name = "supervisors/tasks/decide.html"
    form_class = RecoverForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        figure = ctx["profile"].figure("recover_documents")
        ctx["documents"] = dismissals.documents_words(ctx["profile"])
        ctx["intro"] = f"登记收回{ctx['documents']}的情况（{figure.citation}）。"
        return ctx

    def perform(self, form):
        dismissals.documents_recover(dismissal=self.artifact, recovered_on=form.cleaned_data["recovered_on"],
                                     note=form.cleaned_data["note"], by=self.request.user)
        return f"已登记收回{dismissals.documents_words(get_profile(self.artifact.jurisdiction))}。"
