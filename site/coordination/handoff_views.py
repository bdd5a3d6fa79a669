"""Screens after an unresolved coordination (coordination.handoffs): record the government's decision,
then order a non-executing agency to correct, one click each from the coordination panel."""
from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from casework.views import to_matter
from form_errors import submit
from letters.views import refused
from roles.access import is_bureau
from rules.profiles import get_profile

from . import handoffs
from .selectors import government_of
from .services import HANDLE
from .views import LOGIN, _dispute_for

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class DecisionForm(forms.Form):
    decided_by = forms.CharField(label="作出决定的机关", max_length=100)
    decided_on = forms.DateField(label="决定日期", widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label="调处决定内容", widget=TEXTAREA)
    file = forms.FileField(label="决定文件（扫描件）", required=False)


class OrderForm(forms.Form):
    agency = forms.ModelChoiceField(label="不执行决定的机关", queryset=None, empty_label="请选择")
    findings = forms.CharField(label="不执行决定的事实", widget=TEXTAREA)
    request = forms.CharField(label="责令纠正的具体内容", widget=TEXTAREA)

    def __init__(self, *args, dispute, **kwargs):
        super().__init__(*args, **kwargs)
        from casework.models import Agency

        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in dispute.all_agencies()])


def _render(request, form, title, note):
    return render(request, "coordination/handoff_form.html", {"form": form, "task_title": title, "note": note})


@login_required(login_url=LOGIN)
def decision(request, pk: int):
    if not (is_bureau(request.user) and request.user.has_perm(HANDLE)):
        return refused(request, "只有司法局经办人可以登记区政府的决定。")
    dispute = _dispute_for(request, pk)
    form = DecisionForm(request.POST or None, request.FILES or None,
                        initial={"decided_by": government_of(get_profile(dispute.jurisdiction))})

    def act(data):
        handoffs.government_decision_record(dispute=dispute, by=request.user, decided_by=data["decided_by"],
                                            decided_on=data["decided_on"], text=data["text"], upload=data["file"])
        return to_matter(request, dispute.matter_id, "已登记区政府的决定。")

    return submit(request, form, act) or _render(
        request, form, f"登记区政府的决定：{dispute.matter.number}",
        "经协调无法达成一致的，区司法局提出协调建议，报请区政府决定（《行政执法争议协调办法》第十八条第（二）项）。")


@login_required(login_url=LOGIN)
def order(request, pk: int):
    if not (is_bureau(request.user) and request.user.has_perm("letters.draft_letter")):
        return refused(request, "只有司法局经办人可以起草责令限期纠正通知书。")
    dispute = _dispute_for(request, pk)
    form = OrderForm(request.POST or None, dispute=dispute)

    def act(data):
        handoffs.correction_order(dispute=dispute, by=request.user, **data)
        return to_matter(request, dispute.matter_id, "已转入责令限期纠正，请在待办中起草并提交签发。")

    profile = get_profile(dispute.jurisdiction)
    cite = profile.figure("order_for_dispute_decision").citation if profile.has("order_for_dispute_decision") else ""
    return submit(request, form, act) or _render(
        request, form, f"不执行区政府决定，责令限期纠正：{dispute.matter.number}",
        f"不执行区政府及其有决定权的机构调处决定的，责令限期纠正；逾期不纠正的予以通报（{cite}）。")


class ExecutedForm(forms.Form):
    note = forms.CharField(label="执行情况", required=False, widget=TEXTAREA)


@login_required(login_url=LOGIN)
def executed(request, pk: int):
    if not (is_bureau(request.user) and request.user.has_perm(HANDLE)):
        return refused(request, "只有司法局经办人可以登记调处决定的执行情况。")
    dispute = _dispute_for(request, pk)
    form = ExecutedForm(request.POST or None)

    def act(data):
        handoffs.decision_executed(dispute=dispute, by=request.user, note=data["note"])
        return to_matter(request, dispute.matter_id, "已登记区政府的决定执行完毕。")

    return submit(request, form, act) or _render(
        request, form, f"区政府的决定已执行：{dispute.matter.number}", "区司法局对调处决定的执行情况进行监督（第十九条第二款、第二十条）。")
