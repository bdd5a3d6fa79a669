"""Screens of referrals and recovery (referrals.services): reached from the matter's panel, one form each,
the refusal of the wrong role in Chinese (403), a service's refusal on the form."""
from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

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


REFER, NOT_SERIOUS = "refer", "not_serious"


def cited_bases(items) -> str:
    """The destinations with their articles: an article shared by several is cited once before them
    (《…》第九条第一款：…；…。《…》第九条第二款：…；…。), not after each; all different, each after its own."""
    by: dict[str, list[str]] = {}
    for i in items:
        by.setdefault(i["citation"], []).append(i["label"])
    if len(by) == len(items) > 1:
        return "；".join(f"{i['label']}（{i['citation']}）" for i in items)
    return "".join(f"{citation}：" + "；".join(labels) + "。" for citation, labels in by.items())


class SeriousForm(ReferralForm):
    """After a correction order ran out or a 通报 (争议协调 第二十条; 通报 第六条) the officer judges the case: hand it
    on (services.refer) or find it not serious (services.not_serious); the services check what each needs."""

    decision = forms.ChoiceField(label="审查结论", choices=[(REFER, "情节严重，移送相关职能部门"),
                                                        (NOT_SERIOUS, "不属情节严重，不予移送")],
                                 initial=REFER, widget=forms.RadioSelect, required=False)
    field_order = ["decision", "destination", "to", "persons", "reasons"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].required = self.fields["to"].required = False
        self.fields["reasons"].label = "移送（或不予移送）的事实和理由"
        self.order_fields(self.field_order)


def _subject(kind: str, pk: int):
    """The row a 情节严重 referral follows: a refusal, a letter (its order ran out or it was 通报), a rectification."""
    from letters.models import CooperationRefusal, Letter
    from programme.models import RectificationTask

    if kind == "refusal":
        return get_object_or_404(CooperationRefusal.objects.select_related("matter__agency", "referral", "agency"),
                                 pk=pk)
    if kind == "letter":
        return get_object_or_404(Letter.objects.select_related("matter__agency", "agency", "referral",
                                                                  "decision_document"), pk=pk)
    if kind == "rectification":
        return get_object_or_404(RectificationTask.objects.select_related(
            "matter__agency", "agency", "referral", "notification", "clock"), pk=pk)
    raise Http404("没有这种移送来源。")


def _facts(subject) -> str:
    """The facts the form starts from (the officer edits them)."""
    if hasattr(subject, "kind_label"):  # a refusal
        return (f"{subject.occurred_on:%Y年%-m月%-d日}，{subject.agency.name}{subject.kind_label}（{subject.article}）："
                f"{subject.facts.rstrip('。')}。情节严重：{subject.serious_reason.rstrip('。')}。")
    if hasattr(subject, "ground"):  # a letter: one sentence, the officer's findings quoted (they may hold colons)
        circular = services.circular_of(subject)
        then = f"逾期仍未纠正，已予以通报（{circular.doc_number}）" if circular else "逾期仍未纠正"
        order = subject.decision_document
        ordered = f"经责令限期纠正（{order.doc_number}）" if order is not None else "经责令限期纠正"
        findings = "；".join(line.strip().rstrip("。；;") for line in subject.findings.splitlines() if line.strip())
        return f"{subject.addressee.name}存在“{findings}”的问题（{subject.ground_label}），{ordered}，{then}。"
    late = (f"该局{services.report_state(subject)}，{subject.overdue_on:%Y-%m-%d}记为整改落实不力。"
            if subject.overdue_on else "")
    if subject.ineffective_on:  # 通报 第六条: found on review of the written report
        late += (f"经审核书面报告，于{subject.ineffective_on:%Y-%m-%d}认定整改落实不力："
                 f"{subject.ineffective_findings.rstrip('。')}。")
    return f"{subject.agency.name}被《{subject.notification.title}》通报，须限期整改：{subject.problems.rstrip('。')}。{late}"


@login_required(login_url=LOGIN)
def refer_subject(request, pk: int, kind: str = "refusal"):
    """情节严重的 handling of another process's step, by the officer: a serious refusal to cooperate (意见书 第十条);
    a dispute decision not executed after the correction order (争议协调 第二十条); an agency 被通报 or whose
    rectification ran out (通报 第六条). services.refer (source of the row), or for the last two
    services.not_serious; the row's matter holds the 移送函."""
    subject = _subject(kind, pk)
    matter = subject.matter
    if not can_view_matter(request.user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    source = services.subject_source(subject)
    if not services.may_refer(request.user, matter, source):
        return refused(request, services.PERMS[source][1])
    items = services.destinations(matter, source)
    judged = source != COOPERATION  # a refusal was found serious when recorded; the others are judged here
    form = (SeriousForm if judged else ReferralForm)(request.POST or None, items=items,
                                                     initial={"reasons": _facts(subject)})

    def act(data):
        if data.pop("decision", None) == NOT_SERIOUS:
            services.not_serious(subject=subject, by=request.user, reasons=data["reasons"])
            return to_matter(request, matter.pk, "已登记：经审查不属情节严重，不予移送。")
        done = services.refer(matter=matter, by=request.user, source=source, subject=subject, **data)
        return to_matter(request, matter.pk, f"已决定{done.destination_label}，移送函{done.document.doc_number}已生成。")

    waiting = services.serious_not_ready(subject)
    if waiting:  # nothing to decide yet (or any more): the reason, not a form that can only be refused
        return render(request, "letters/form.html", {"form": None, "matter": matter, "note": waiting,
                                                     "task_title": f"{dict(SOURCES)[source]}移送：{matter.number}"})
    article = services.subject_article(subject)
    return handoff_screen(request, matter=matter, form=form, act=act,
                          # the source label has its own brackets: 不配合监督（情节严重）移送, not nested ones
                          title=f"{dict(SOURCES)[source]}移送：{matter.number}",
                          note=("情节严重的，移送相关职能部门依法依规处理；经审查不属情节严重的，登记理由，不予移送"
                                f"（{article}）。" if judged else "")
                          + "移送决定记入本案卷（不向被监督机关公开），移送函主送接收机关。依据：" + cited_bases(items))


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
                          + cited_bases(items))


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
