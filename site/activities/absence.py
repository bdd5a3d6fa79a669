"""The absence rule (无故缺席解聘规则), driven by the profile figure `absence_rule`
({"n": 2, "mode": "within_year" | "consecutive"}).

Decisions written down here because the regulations leave them open:

- within_year (000 第十八条第（三）项 "一年内…两次"): n unexcused absences fire when they all fall
  inside one year counted from the first of them, the way a term of office is counted
  (`rules.periods.term_end(first, 1)`: 2025-03-10 → 2026-03-09 inclusive). Activity dates count,
  not the day attendance was entered. Two absences 13 months apart never fire.
- consecutive (001 第十六条第（六）项, 002 第十五条第（二）项 "连续两次"): the supervisor's invitations in
  activity-date order; a present or excused one breaks the run. An invitation still awaiting its
  attendance also breaks it for now (never dismiss on an incomplete record; recording it re-evaluates).
  A recusal (回避) is neither attendance nor absence — the supervisor was kept off — so it is skipped.
- Once per triggering set: an absence already in a finding never counts towards another, and in
  consecutive mode a run that has fired does not fire again as it grows. The database backs this with a
  unique (supervisor, absence_key) constraint.
"""

from __future__ import annotations

from django.db import transaction

from rules.periods import term_end
from rules.profiles import FigureMissing, get_profile
from supervisors.models import SERVING, Supervisor

from .models import EXCUSED, INVITED, PRESENT, RECUSED, UNEXCUSED, AbsenceFinding, Invitation
from .signals import absence_threshold_reached

WITHIN_YEAR, CONSECUTIVE = "within_year", "consecutive"


def _triggering_sets(
    invitations: list[Invitation], used: set[int], n: int, mode: str
) -> list[list[Invitation]]:
    sets: list[list[Invitation]] = []
    if mode == CONSECUTIVE:
        run: list[Invitation] = []
        fired = False
        for inv in invitations:
            if inv.status == RECUSED:
                continue
            if inv.status in (PRESENT, EXCUSED, INVITED):
                run, fired = [], False
                continue
            run.append(inv)
            if inv.pk in used:
                fired = True  # this run already produced a finding
            if not fired and len(run) >= n:
                sets.append(run[-n:])
                fired = True
        return sets
    if mode == WITHIN_YEAR:
        pending: list[Invitation] = []
        for inv in invitations:
            if inv.status != UNEXCUSED or inv.pk in used:
                continue
            pending.append(inv)
            # keep only absences whose one-year span (from that absence) still covers this one
            pending = [p for p in pending if term_end(p.activity.held_on, 1) >= inv.activity.held_on]
            if len(pending) >= n:
                sets.append(pending[-n:])
                pending = []
        return sets
    raise FigureMissing(f"无故缺席规则的计算方式“{mode}”无法识别。")


def _explain(absences: list[Invitation], mode: str, figure) -> str:
    lines = [
        f"{i.activity.held_on:%Y-%m-%d} {i.activity.get_kind_display()}“{i.activity.title}”：无故缺席"
        for i in absences
    ]
    if mode == WITHIN_YEAR:
        first = absences[0].activity.held_on
        lines.append(
            f"以上缺席均在自第一次缺席之日起一年内（{first:%Y-%m-%d} 至 {term_end(first, 1):%Y-%m-%d}）。"
        )
    else:
        lines.append("以上缺席在该监督员受邀参加的活动中依时间顺序连续发生，其间没有出席或请假。")
    lines.append(f"依据{figure.citation}：{figure.note or figure.label}。")
    return "\n".join(lines)


def evaluate_absences(supervisor: Supervisor) -> list[AbsenceFinding]:
    """Create the findings the supervisor's attendance now triggers and send the signal for each.

    Runs inside the caller's transaction; the supervisor row is locked so two officers recording
    attendance at once cannot both create the same finding (on PostgreSQL; SQLite serialises writes)."""
    with transaction.atomic():
        supervisor = Supervisor.objects.select_for_update().get(pk=supervisor.pk)
        if supervisor.status != SERVING:
            return []
        try:
            profile = get_profile(supervisor.jurisdiction)
        except FigureMissing:
            return []
        if not profile.has("absence_rule"):
            return []
        figure = profile.figure("absence_rule")
        n, mode = int(figure.value["n"]), figure.value.get("mode", CONSECUTIVE)
        invitations = list(
            supervisor.invitations.select_related("activity").order_by("activity__held_on", "activity_id")
        )
        used = set(
            AbsenceFinding.objects.filter(supervisor=supervisor).values_list("absences__pk", flat=True)
        )
        created = []
        for absences in _triggering_sets(invitations, used, n, mode):
            key = ",".join(str(pk) for pk in sorted(i.pk for i in absences))
            finding = AbsenceFinding(
                supervisor=supervisor,
                jurisdiction=supervisor.jurisdiction,
                absence_key=key,
                mode=mode,
                threshold=n,
                rule_text=figure.note or figure.label,
                article=str(figure.citation),
                explanation=_explain(absences, mode, figure),
            )
            finding.full_clean()
            finding.save()
            finding.absences.set(absences)
            created.append(finding)
        for finding in created:
            # inside the transaction: the finding and what receivers start stand or fall together
            absence_threshold_reached.send(sender=AbsenceFinding, supervisor=supervisor, finding=finding)
        return created
