"""Screens of referrals and recovery (referrals.services): reached from the matter's panel, one form each,
the refusal of the wrong role in Chinese (403), a service's refusal on the form."""
from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from casework.models import Matter
from casework.selectors import can_view_matter
from casework.views import to_matter
from letters.views import handoff_screen, refused

from . import services
from .models import COOPERATION, SOURCES
from .selectors import balance

LOGIN = "wagtailadmin_login"


class ReferralForm(forms.Form):
    destination = forms.ChoiceField(label="移送去向", error_messages={"required": "请选择移送去向。"})
    to = forms.CharField(label="接收移送的机关", max_length=100, error_messages={"required": "请填写接收移送的机关。"})
    persons = forms.CharField(label="涉及人员", max_length=200, required=False)
    reasons = forms.CharField(label="移送的事实和理由", widget=forms.Textarea(attrs={"rows": 4}),
                              error_messages={"required": "请填写移送的事实和理由。"})

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].choices = [("", "请选择")] + [
            (i["code"], f"{i['label']}（{i['citation']}）") for i in items]


def _matter(request, pk: int) -> Matter:
    matter = get_object_or_404(Matter.objects.select_related("agency"), pk=pk)
    if not can_view_matter(request.user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    return matter


@login_required(login_url=LOGIN)
def refer_refusal(request, pk: int):
    """意见书 第十条 情节严重的，依法依规予以处理: the officer hands a serious refusal on (services.refer, source
    cooperation); the refusal's matter holds the 移送函."""
    from letters.models import CooperationRefusal

    refusal = get_object_or_404(CooperationRefusal.objects.select_related("matter__agency", "referral"), pk=pk)
    matter = refusal.matter
    if not can_view_matter(request.user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    if not services.may_refer(request.user, matter, COOPERATION):
        return refused(request, services.PERMS[COOPERATION][1])
    items = services.destinations(matter, COOPERATION)
    form = ReferralForm(request.POST or None, items=items, initial={
        "reasons": f"{refusal.occurred_on:%Y年%-m月%-d日}，{refusal.agency.name}{refusal.kind_label}（{refusal.article}）："
                   f"{refusal.facts.rstrip('。')}。情节严重：{refusal.serious_reason.rstrip('。')}。"})

    def act(data):
        done = services.refer(matter=matter, by=request.user, source=COOPERATION, refusal=refusal, **data)
        return to_matter(request, matter.pk, f"已决定{done.destination_label}，移送函{done.document.doc_number}已生成。")

    waiting = services.refusal_not_ready(refusal)
    return handoff_screen(request, matter=matter, form=form, act=act,
                          # the source's label has its own brackets: 不配合监督（情节严重）移送, not nested ones
                          title=f"{dict(SOURCES)[COOPERATION]}移送：{matter.number}",
                          note=waiting or "移送决定记入本案卷（不向被监督机关公开），移送函主送接收机关。依据："
                          + "；".join(f"{i['label']}（{i['citation']}）" for i in items))


@login_required(login_url=LOGIN)
def refer(request, pk: int, source: str):
    if source not in dict(SOURCES):
        raise Http404("没有这种移送来源。")
    matter = _matter(request, pk)
    if source not in services.sources_of(matter):
        raise Http404("本事项中没有该程序。")
    if not services.may_refer(request.user, matter, source):
        return refused(request, services.PERMS[source][1])
    items = services.destinations(matter, source)
    form = ReferralForm(request.POST or None, items=items)

    def act(data):
        done = services.refer(matter=matter, by=request.user, source=source, **data)
        return to_matter(request, matter.pk, f"已决定{done.destination_label}，移送函{done.document.doc_number}已生成。")

    waiting = services.step_not_ended(matter, source)
    return handoff_screen(request, matter=matter, form=form, act=act,
                          title=f"移送（{dict(SOURCES)[source]}）：{matter.number}",
                          note=waiting or "移送决定记入本案卷（不向被监督机关公开），移送函主送接收机关。依据："
                          + "；".join(f"{i['label']}（{i['citation']}）" for i in items))


def _refusal(user, case, message: str) -> str:
    from accountability.access import refusal

    return refusal(user, case, message)


class RecoveryForm(forms.Form):
    compensation = forms.CharField(label="已支付的行政赔偿金额（元）", max_length=20,  # read by casework.money.yuan
                                   error_messages={"required": "请填写已支付的行政赔偿金额。"})
    paid_on = forms.DateField(label="赔偿支付日期", widget=forms.DateInput(attrs={"type": "date"}),
                              error_messages={"required": "请填写赔偿支付日期。", "invalid": "赔偿支付日期格式不对。"})
    basis = forms.CharField(label="追偿理由（故意或者重大过失的事实）", widget=forms.Textarea(attrs={"rows": 3}),
                            error_messages={"required": "请填写追偿理由。"})

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = persons
        for p in persons:
            self.fields[f"share_{p.pk}"] = forms.CharField(label=f"{p.name}（{p.position or '行政执法人员'}）：追偿金额（元）",
                                                           required=False)

    def shares(self) -> dict:
        return {p.pk: self.cleaned_data.get(f"share_{p.pk}") or "0" for p in self.persons}


@login_required(login_url=LOGIN)
def recovery(request, pk: int):
    matter = _matter(request, pk)
    case = getattr(matter, "accountability_case", None)
    if case is None:
        raise Http404("本事项没有责任追究案件。")
    if not services.may_recover(request.user, case):  # who runs the case decides (过错 第五条、错案 第四条)
        return refused(request, _refusal(request.user, case, services.RECOVER[1]))
    persons = list(case.persons.filter(active=True))
    form = RecoveryForm(request.POST or None, persons=persons)

    def act(data):
        done = services.recovery_decide(case=case, by=request.user, compensation=data["compensation"],
                                        paid_on=data["paid_on"], basis=data["basis"], shares=form.shares())
        return to_matter(request, matter.pk, f"已决定追偿，追偿决定书{done.document.doc_number}已生成。")

    article, need = services.recovery_basis(case)
    return handoff_screen(request, matter=matter, form=form, act=act, title=f"行政赔偿追偿：{matter.number}",
                          note=f"导致行政赔偿的，向责任人追偿（{article}）；只能向处理决定中有{need}的责任人追偿，"
                               "各人金额合计不超过已支付的赔偿金额。")


class CollectForm(forms.Form):
    person = forms.ChoiceField(label="缴回人（责任人）", error_messages={"required": "请选择缴回追偿款的责任人。"})
    amount = forms.CharField(label="本次追回金额（元）", max_length=20,
                             error_messages={"required": "请填写本次追回的金额。"})
    paid_on = forms.DateField(label="追回日期", widget=forms.DateInput(attrs={"type": "date"}),
                              error_messages={"required": "请填写追回日期。", "invalid": "追回日期格式不对。"})
    receipt = forms.CharField(label="缴款凭证号", max_length=60, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "请选择")] + [
            (r["person"], f"{r['name']}（应追偿{r['share']}元，已追回{r['recovered']}元，尚欠{r['owed']}元）")
            for r in rows if r["owed"] > 0]


@login_required(login_url=LOGIN)
def collect(request, pk: int):
    """登记追回的追偿款 (referrals.services.recovery_collect), from the matter's 移送与追偿 panel."""
    matter = _matter(request, pk)
    case = getattr(matter, "accountability_case", None)
    recovery = getattr(case, "recovery", None) if case is not None else None
    if recovery is None:
        raise Http404("本事项尚未决定追偿。")
    if not services.may_recover(request.user, case, services.COLLECT):
        return refused(request, _refusal(request.user, case, services.COLLECT[1]))
    state = balance(recovery)
    form = CollectForm(request.POST or None, rows=state["rows"])

    def act(data):
        done = services.recovery_collect(recovery=recovery, by=request.user, **data)
        left = balance(recovery)["owed"]
        return to_matter(request, matter.pk, f"已登记追回{done.person.name}追偿款{done.amount}元，合计尚欠{left}元。")

    return handoff_screen(request, matter=matter, form=form, act=act, title=f"登记追回的追偿款：{matter.number}",
                          note=f"依追偿决定书{recovery.document.doc_number}（{recovery.article}）：应追偿合计{state['share']}元，"
                               f"已追回{state['recovered']}元，尚欠{state['owed']}元。每次追回登记金额、日期和凭证，"
                               "不超过该责任人尚欠的金额。")
