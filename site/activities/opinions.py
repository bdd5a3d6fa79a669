"""Writes on supervisors' opinions and leads (意见建议/违法线索):
submit (supervisor) → forward (bureau; starts the answer clock where the profile has one) →
answer (the agency's liaison) → outcome (bureau; writes the decision record the supervisor can read).

000 第十六条: the bureau forwards or investigates and feeds back; 001 第十二条: the agency answers within
30 days; 001 第十四条: the supervisor may ask for confidentiality; 001 第十五条: the bureau feeds back;
002 第十四条: the bureau forwards and presses, the agency investigates and feeds back."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casework.services import require_addressable
from clocks.models import RUNNING
from clocks.services import clock_start, clock_stop, clocks_for
from decisions.services import decision_record
from roles.access import require_own_jurisdiction
from rules.profiles import get_profile
from supervisors.models import SERVING

from .models import ANSWERED, CLOSED, FORWARDED, OPINION_KINDS, OUTCOMES, SUBMITTED, Opinion
from .selectors import agency_of
from .services import require

ANSWER_RULE = "opinion_answer_period"  # 001 第十二条: 30 days; absent elsewhere


def handling_citation(profile) -> str:
    for key in ("opinion_handling", ANSWER_RULE):
        if profile.has(key):
            return str(profile.figure(key).citation)
    return ""


@transaction.atomic
def opinion_submit(
    *, by, kind: str, agency, title: str, body: str, confidential: bool = False
) -> Opinion:
    require(by, "activities.submit_opinion", "只有监督员可以提交意见建议或违法线索。")
    supervisor = getattr(by, "supervisor", None)
    if supervisor is None or supervisor.status != SERVING:
        raise PermissionDenied("您的账号未关联在聘监督员，不能提交意见建议。")
    profile = get_profile(supervisor.jurisdiction)
    if confidential and not profile.flag("lead_confidentiality"):
        raise ValidationError(f"{profile.name}的办法未规定监督员可申请保密，不能选择保密。")
    if kind not in dict(OPINION_KINDS):
        raise ValidationError("请选择意见建议或违法线索。")
    if agency is None or agency.jurisdiction != supervisor.jurisdiction:
        raise ValidationError("请从本辖区执法机关名录中选择涉及的执法机关。")
    opinion = Opinion(
        jurisdiction=supervisor.jurisdiction,
        supervisor=supervisor,
        kind=kind,
        agency=agency,
        title=title.strip(),
        body=body.strip(),
        confidential=confidential,
    )
    opinion.full_clean()
    opinion.save()
    return opinion


@transaction.atomic
def opinion_forward(*, opinion: Opinion, by, forwarded_on: dt.date | None = None, note: str = ""):
    """Forward to the agency; returns (opinion, clock or None)."""
    require(by, "activities.forward_opinion", "只有司法局经办人可以转送意见建议。")
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    require_own_jurisdiction(by, opinion.jurisdiction)
    if opinion.status != SUBMITTED:
        raise ValidationError(f"该事项已是“{opinion.get_status_display()}”，不能再转送。")
    # an agency without a liaison could never answer, and its answer clock would never be met
    require_addressable(opinion.agency)
    forwarded_on = forwarded_on or timezone.localdate()
    opinion.status, opinion.forwarded_on, opinion.forwarded_by = FORWARDED, forwarded_on, by
    opinion.forward_note = note.strip()
    opinion.full_clean()
    opinion.save()
    profile = get_profile(opinion.jurisdiction)
    clock = None
    if profile.has(ANSWER_RULE):
        clock = clock_start(subject=opinion, profile=profile, rule_key=ANSWER_RULE, started_on=forwarded_on)
    return opinion, clock


def running_clock(opinion: Opinion):
    return clocks_for(opinion).filter(status=RUNNING).first()


@transaction.atomic
def opinion_answer(*, opinion: Opinion, by, answer: str, rectify_by: dt.date | None = None) -> Opinion:
    """The agency's answer; what it cannot correct at once it answers with a rectification deadline
    (000 第十六条第三款)."""
    require(by, "activities.answer_opinion", "只有执法机关联络员可以反馈转送事项。")
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    if agency_of(by) is None or agency_of(by).pk != opinion.agency_id:
        raise PermissionDenied("该事项未转送您所在的执法机关。")
    if opinion.status != FORWARDED:
        raise ValidationError(f"该事项当前为“{opinion.get_status_display()}”，不能反馈。")
    if not answer.strip():
        raise ValidationError("请填写研究办理情况。")
    if rectify_by is not None and rectify_by < timezone.localdate():
        raise ValidationError("整改期限不能早于今天。")
    opinion.status, opinion.answer, opinion.rectify_by = ANSWERED, answer.strip(), rectify_by
    opinion.answered_at, opinion.answered_by = timezone.now(), by
    opinion.full_clean()
    opinion.save()
    if clock := running_clock(opinion):
        clock_stop(clock=clock)
    return opinion


@transaction.atomic
def opinion_decide(*, opinion: Opinion, by, outcome: str, note: str) -> Opinion:
    """The bureau records the outcome and feeds it back (000 第十六条, 001 第十五条, 002 第十四条)."""
    require(by, "activities.decide_opinion", "只有司法局工作人员可以登记办理结果。")
    opinion = Opinion.objects.select_for_update(of=("self",)).select_related("supervisor").get(pk=opinion.pk)
    require_own_jurisdiction(by, opinion.jurisdiction)
    if opinion.status == CLOSED:
        raise ValidationError("该事项已办结。")
    if outcome not in dict(OUTCOMES):
        raise ValidationError("请选择办理结果。")
    if not note.strip():
        raise ValidationError("请填写结果说明。")
    today = timezone.localdate()
    profile = get_profile(opinion.jurisdiction)
    # the record names no supervisor: the party is linked by account only (001 第十四条 confidentiality)
    body = (
        f"{opinion.get_kind_display()}“{opinion.title}”（涉及{opinion.agency}）"
        f"办理结果：{dict(OUTCOMES)[outcome]}。\n{note.strip()}"
    )
    if opinion.answer:
        body += f"\n执法机关反馈：{opinion.answer}"
    if opinion.rectify_by:
        body += f"\n执法机关明确的整改期限：{opinion.rectify_by:%Y-%m-%d}"
    record = decision_record(
        kind="opinion",
        title=f"{opinion.get_kind_display()}办理结果：{opinion.title}",
        body=body,
        jurisdiction=opinion.jurisdiction,
        agency=opinion.agency.name,
        outcome=dict(OUTCOMES)[outcome],
        decided_on=today,
        article=handling_citation(profile),
        confidential=opinion.confidential,
        party_user=opinion.supervisor.user,
        subject=opinion,
    )
    if clock := running_clock(opinion):
        clock_stop(clock=clock, cancelled=opinion.status != ANSWERED)
    opinion.status, opinion.outcome, opinion.outcome_note = CLOSED, outcome, note.strip()
    opinion.decided_on, opinion.decided_by, opinion.decision = today, by, record
    opinion.full_clean()
    opinion.save()
    return opinion


@transaction.atomic
def opinion_rectification_report(*, opinion: Opinion, by, report: str) -> Opinion:
    """The agency that answered with a rectification deadline reports to the bureau how it adopted the opinion and
    what it rectified (000 第十六条第三款: 及时将意见建议采纳情况、问题整改情况报送). Once; a late report is
    still taken, and the screens show it was after the deadline."""
    require(by, "activities.answer_opinion", "只有执法机关联络员可以报送整改情况。")
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    if agency_of(by) is None or agency_of(by).pk != opinion.agency_id:
        raise PermissionDenied("该事项未转送您所在的执法机关。")
    if opinion.rectify_by is None:
        raise ValidationError("本机关反馈时未明确整改期限，无需另行报送整改情况。")
    if opinion.rectification_reported_on:
        raise ValidationError(f"整改情况已于{opinion.rectification_reported_on:%Y-%m-%d}报送。")
    if opinion.status not in (ANSWERED, CLOSED):
        raise ValidationError(f"该事项当前为“{opinion.get_status_display()}”，不能报送整改情况。")
    report = (report or "").strip()
    if not report:
        raise ValidationError("请填写意见建议采纳情况和问题整改情况。")
    opinion.rectification_report, opinion.rectification_reported_on = report, timezone.localdate()
    opinion.rectification_reported_by = by
    opinion.full_clean()
    opinion.save(update_fields=["rectification_report", "rectification_reported_on", "rectification_reported_by"])
    return opinion
