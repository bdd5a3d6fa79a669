"""Screens of the programme's hand-offs into accountability (programme.handoffs): from an inspection's follow-up
judged 追究责任 (检查 第十条) and from an agency's statistics return (统计 第六条)."""
from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from casework.views import to_matter
from letters.views import handoff_screen, refused
from roles.access import is_bureau
from rules.profiles import get_profile

from . import handoffs
from .models import FollowUp, StatisticsReturn

LOGIN = "wagtailadmin_login"
PERM = "accountability.handle_case"


def _intake_form(data, jurisdiction: str, *, keep_facts: bool, initial: dict):
    from accountability.forms import IntakeForm

    form = IntakeForm(data, jurisdiction=jurisdiction, initial=initial)
    for name in ("agency", "origin", "title", "intake_on", "reporter") + (() if keep_facts else ("facts",)):
        form.fields.pop(name, None)
    return form


def _denied(request, reason: str):
    if not (is_bureau(request.user) and request.user.has_perm(PERM)):
        return refused(request, reason)
    return None


@login_required(login_url=LOGIN)
def followup_accountability(request, pk: int):
    if denied := _denied(request, "只有司法局经办人可以将检查决定落实不力转入责任追究程序。"):
        return denied
    followup = get_object_or_404(FollowUp.objects.select_related("activity__year", "activity__agency",
                                                                 "activity__matter"), pk=pk)
    activity = followup.activity
    form = _intake_form(request.POST or None, activity.year.jurisdiction, keep_facts=True,
                        initial={"kind": "fault", "facts": followup.note})
    form.fields["facts"].label = "未按期落实或落实不力的事实"

    def act(data):
        case = handoffs.followup_to_accountability(followup=followup, by=request.user, **data)
        return to_matter(request, case.matter_id, f"已在{case.matter.number}中受理责任追究。")

    return handoff_screen(request, matter=activity.matter, form=form, act=act,
                          title=f"检查决定落实不力，追究责任：{activity.agency.name}",
                          note=f"{activity.get_kind_display()}“{activity.title}”：{followup.outcome_label}"
                               f"（{followup.decided_on:%Y-%m-%d}认定）。依{followup.article}，"
                               + ("在同一案卷中受理责任追究。" if activity.matter_id else
                                  "受理责任追究，该案卷同时作为本次检查的案卷。"))


def _breach_form(data, jurisdiction: str):
    """The accountability intake's fields after the breach's own (统计 第六条), one form, one submit."""
    profile = get_profile(jurisdiction)
    form = _intake_form(data, jurisdiction, keep_facts=True, initial={"kind": "fault"})
    figure = profile.figure("statistics_violations")
    violation = forms.ChoiceField(label=f"{figure.label}（{figure.citation}）", choices=[("", "请选择")] + [
        (c["code"], f"{c['label']}（{c['article']}）") for c in profile.choices("statistics_violations")])
    form.fields = {"violation": violation, **form.fields}
    form.fields["facts"].label = "违反统计年报制度的事实"
    return form


@login_required(login_url=LOGIN)
def statistics_accountability(request, pk: int):
    if denied := _denied(request, "只有司法局经办人可以将违反统计年报制度的情形转入责任追究程序。"):
        return denied
    ret = get_object_or_404(StatisticsReturn.objects.select_related("year", "agency"), pk=pk)
    jurisdiction = ret.year.jurisdiction
    profile = get_profile(jurisdiction)
    if not profile.has("statistics_violations"):
        return refused(request, f"{profile.name}的规则中没有违反统计年报制度追究责任的规定。")
    form = _breach_form(request.POST or None, jurisdiction)

    def act(data):
        row = handoffs.statistics_to_accountability(ret=ret, by=request.user, **data)
        return to_matter(request, row.case.matter_id, f"已在{row.case.matter.number}中受理责任追究。")

    figure = profile.figure("statistics_violations")
    return handoff_screen(request, matter=None, form=form, act=act,
                          title=f"违反统计年报制度，追究责任：{ret.agency.name} {ret.year.year}年度",
                          note=f"有{figure.citation}所列情形的，对负有直接责任的主管人员和其他直接责任人依法追究责任。")
