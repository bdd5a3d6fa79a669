"""Hand-offs from the yearly programme into accountability (责任追究), each a recorded step that takes the case in
through the one door, accountability.services.case_intake:

- 004 监督检查制度 第十条: an inspection's decision or recommendation not implemented on time or implemented poorly,
  judged "追究责任" (FollowUp), → an accountability case in the activity's file (一案一档; the case opens the file
  where the activity has none yet, and the activity keeps it);
- 004 统计年报制度 第六条: a return published late or not at all, wrong data with serious effect, falsified data or
  another breach → the directly responsible staff's accountability; the breach is recorded on the return with its
  article and the case it opened.

Each locks what it hands off, checks the actor and that the step before it has ended."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import require
from rules.profiles import get_profile

from .models import Activity, FollowUp, StatisticsBreach, StatisticsReturn

HANDLE = "accountability.handle_case"
HANDLE_MSG = "只有司法局经办人可以受理责任追究线索。"
ACCOUNTABILITY = "accountability"  # the inspection_followup_outcomes code for 追究责任
STATS_DUTIES = 3  # the first three duties of programme.duties.duties: to the bureau, published, to the superior


@transaction.atomic
def followup_to_accountability(*, followup: FollowUp, by, kind: str, grounds=(), wrong_ground: str = "",
                               aux_acts=(), facts: str = ""):
    """检查 第十条 追究责任: the follow-up judged so opens the accountability case in the activity's file."""
    from accountability.services import case_intake

    require(by, HANDLE, HANDLE_MSG)
    followup = FollowUp.objects.select_for_update(of=("self",)).get(pk=followup.pk)
    activity = Activity.objects.select_for_update(of=("self",)).select_related("year", "agency", "matter").get(
        pk=followup.activity_id)
    if followup.outcome != ACCOUNTABILITY:
        raise ValidationError(f"该落实情况认定为“{followup.outcome_label}”，不是“追究责任”，不能转入责任追究"
                              f"（{followup.article}）。")
    if followup.case_id:
        raise ValidationError("该落实情况已转入责任追究，不能重复转入。")
    text = (facts or "").strip() or followup.note
    what = (f"{activity.get_kind_display()}“{activity.title}”（{activity.held_on:%Y-%m-%d}）作出的决定或建议，"
            f"{activity.agency.name}{followup.outcome_label}（{followup.decided_on:%Y-%m-%d}认定）")
    if activity.matter_id:
        case = case_intake(by=by, matter=activity.matter, kind=kind, origin="inspection", grounds=grounds,
                           wrong_ground=wrong_ground, aux_acts=aux_acts,
                           handoff=f"{what}：{text}。依{followup.article}转入责任追究程序。")
    else:
        case = case_intake(by=by, agency=activity.agency, kind=kind, origin="inspection", grounds=grounds,
                           wrong_ground=wrong_ground, aux_acts=aux_acts,
                           title=f"检查决定落实不力追究责任：{activity.title}"[:200],
                           facts=f"{what}：{text}。（{followup.article}）")
        activity.matter = case.matter
        activity.save(update_fields=["matter"])
    followup.case = case
    followup.save(update_fields=["case"])
    return case


def late_duties(ret: StatisticsReturn, today) -> list[str]:
    """统计 第三条 duties of the return done after, or still not done past, the date (第六条第（一）项)."""
    from .duties import duties

    return [d.label for d in duties(ret)[:STATS_DUTIES] if d.late_days(today)]


@transaction.atomic
def statistics_to_accountability(*, ret: StatisticsReturn, by, violation: str, facts: str, kind: str, grounds=(),
                                 wrong_ground: str = "", aux_acts=()):
    """统计 第六条: the breach recorded on the return, and the accountability case for the directly responsible
    staff of its agency taken in. A late publication must be late by the return's own dates; wrong or
    falsified data need figures reported."""
    from accountability.services import case_intake

    require(by, HANDLE, HANDLE_MSG)
    ret = StatisticsReturn.objects.select_for_update(of=("self",)).select_related("year", "agency").get(pk=ret.pk)
    profile = get_profile(ret.year.jurisdiction)
    if not profile.has("statistics_violations"):
        raise ValidationError(f"{profile.name}的规则中没有违反统计年报制度追究责任的规定。")
    items = {c["code"]: c for c in profile.choices("statistics_violations")}
    if violation not in items:
        raise ValidationError(f"请选择违反统计年报制度的情形（{profile.figure('statistics_violations').citation}）。")
    item, today = items[violation], timezone.localdate()
    cite = str(item["citation"])
    if ret.breaches.filter(violation=violation).exists():
        raise ValidationError(f"该统计年报已就“{item['label']}”转入责任追究，不能重复转入。")
    late = late_duties(ret, today)
    if violation == "late" and not late:
        raise ValidationError(f"{ret.agency.name}的{ret.year.year}年度统计年报没有逾期的事项（截至"
                              f"{today:%Y-%m-%d}），不能按{cite}追究责任。")
    if violation in ("wrong", "falsified") and not ret.submitted:
        raise ValidationError("该机关尚未报送统计数据，不能认定数据错误或篡改、虚构。")
    facts = (facts or "").strip()
    if not facts:
        raise ValidationError("请写明违反统计年报制度的事实。")
    if violation == "late":
        facts = f"{facts}（逾期事项：{'、'.join(late)}）"
    case = case_intake(by=by, agency=ret.agency, kind=kind, origin="other", grounds=grounds,
                       wrong_ground=wrong_ground, aux_acts=aux_acts, intake_on=today,
                       title=f"{ret.year.year}年度行政执法统计年报：{item['label']}"[:200],
                       facts=f"{facts}。依{cite}，对负有直接责任的主管人员和其他直接责任人追究责任。")
    row = StatisticsBreach(ret=ret, violation=violation, violation_label=item["label"][:100], article=cite[:100],
                           facts=facts, found_on=today, recorded_by=by, case=case)
    row.full_clean(exclude=["case"])
    row.save()
    return row


__all__ = ["followup_to_accountability", "late_duties", "statistics_to_accountability"]
