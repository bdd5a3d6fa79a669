"""Task screens of the letter flow. viewflow's wrapper has locked the process, checked the task's owner
and started the activation; each screen calls a service (which checks the permission again), then
completes the task and returns to the matter screen."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.views import generic

from casework import visibility
from casework.selectors import matter_clocks
from flows.task_views import PerformTaskMixin
from rules.profiles import get_profile

from . import forms, selectors, services
from .models import Letter, Objection


class LetterTaskView(PerformTaskMixin, generic.FormView):
    template_name = "letters/task.html"
    form_class = forms.ReportForm
    intro = ""

    @property
    def letter(self) -> Letter:
        obj = self.request.activation.process.artifact
        letter_id = obj.letter_id if isinstance(obj, Objection) else obj.pk
        return Letter.objects.select_related("matter__agency", "document", "decision_document").get(pk=letter_id)

    @property
    def profile(self):
        return get_profile(self.letter.jurisdiction)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.form_class in (forms.LetterContentForm, forms.DecisionDraftForm, forms.EscalateForm):
            kwargs["profile"] = self.profile
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        letter = self.letter
        activation = self.request.activation
        ctx.update(task=activation.task, letter=letter, matter=letter.matter, profile=self.profile,
                   task_title=activation.flow_task.task_title, intro=self.intro,
                   # the liaison's own tasks (报送整改情况) show only what is addressed to its agency
                   clocks=visibility.party_clocks(self.request.user, letter.matter, matter_clocks(letter.matter)),
                   documents=visibility.party_documents(self.request.user, letter.matter),
                   party_view=visibility.is_party(self.request.user),
                   report=selectors.pending_report(letter), objection=selectors.pending_objection(letter))
        return ctx

    def done_url(self) -> str:
        return reverse("casework:matter", args=[self.letter.matter_id])


class DraftView(LetterTaskView):
    form_class = forms.LetterContentForm
    intro = "核对并完善监督建议书（意见书）的内容，提交负责人签发。"

    def get_initial(self):
        letter = self.letter
        return {"ground": letter.ground, "findings": letter.findings, "request": letter.request}

    def perform(self, form):
        services.letter_draft(letter=self.letter, by=self.request.user, **form.cleaned_data)
        return "已提交负责人签发。"


class SignView(LetterTaskView):
    form_class = forms.SignForm
    template_name = "letters/sign.html"
    intro = "签发后系统生成正式文书（发文字号、PDF），送达后起算整改期限。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["paragraphs"] = services.letter_paragraphs(self.letter, self.profile)
        return ctx

    def perform(self, form):
        approve = form.cleaned_data["decision"] == "sign"
        letter = services.letter_sign(letter=self.letter, by=self.request.user, approve=approve,
                                      note=form.cleaned_data["note"])
        if not approve:
            return "已退回经办人修改。"
        return f"已签发《{letter.document.kind_label}》{letter.document.doc_number}，请登记送达。"


class RectifyView(LetterTaskView):
    form_class = forms.ReportForm
    intro = "按监督文书要求自行纠正后，在期限内报送整改落实情况。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["may_object"] = selectors.may_object(self.letter)
        return ctx

    def perform(self, form):
        services.report_submit(letter=self.letter, by=self.request.user, text=form.cleaned_data["text"])
        return "整改情况已报送，等待司法局审核。"


class ExecuteView(RectifyView):
    intro = "按监督决定书（责令纠正通知书）要求执行，并在期限内报告执行情况。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["may_object"] = None
        return ctx


class AcceptView(LetterTaskView):
    form_class = forms.AcceptForm
    intro = "审核被监督机关报送的整改（执行）情况。"

    def perform(self, form):
        report = selectors.pending_report(self.letter)
        if report is None:
            raise ValidationError("没有待审核的报告。")
        accepted = form.cleaned_data["decision"] == "accept"
        services.report_review(report=report, by=self.request.user, accepted=accepted, note=form.cleaned_data["note"])
        return "已审核通过，事项办结。" if accepted else "已退回被监督机关补充整改。"


class ReviewView(LetterTaskView):
    form_class = forms.ReviewForm
    intro = "对被监督机关的复查申请作出复查答复（决定）。"

    @property
    def objection(self) -> Objection:
        return Objection.objects.get(pk=self.request.activation.process.artifact_object_id)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["objection"] = self.objection
        return ctx

    def perform(self, form):
        o = services.objection_review(objection=self.objection, by=self.request.user,
                                      upheld=form.cleaned_data["decision"] == "upheld", answer=form.cleaned_data["answer"])
        return f"已作出复查答复（{o.answer_document.doc_number}）：{o.get_status_display()}。请登记送达。"


class DecisionDraftView(LetterTaskView):
    form_class = forms.DecisionDraftForm
    intro = "被监督机关逾期未自行纠正：起草逾期处理文书，提交负责人签发。"

    def perform(self, form):
        services.decision_draft(letter=self.letter, by=self.request.user, order=form.cleaned_data.get("order", ""),
                                text=form.cleaned_data["text"])
        return "已提交负责人签发。"


class DecisionSignView(LetterTaskView):
    form_class = forms.ConfirmForm
    intro = "签发逾期处理文书；送达后起算执行（纠正）情况报告期限。"

    def perform(self, form):
        letter = services.decision_sign(letter=self.letter, by=self.request.user)
        return f"已签发《{letter.decision_document.kind_label}》{letter.decision_document.doc_number}，请登记送达。"


class EscalateView(LetterTaskView):
    form_class = forms.EscalateForm
    intro = "被监督机关逾期仍未纠正：决定采取下列措施，系统生成相应文书并办结。"

    def perform(self, form):
        services.escalate(letter=self.letter, by=self.request.user, measures=form.cleaned_data)
        return "已作出处理并办结。"
