"""The coordination panel on the matter screen: state, stand-still banner (第十六条), parties, answers,
pauses and the extension, the open tasks and the side actions."""
from __future__ import annotations

from types import SimpleNamespace

from django.template.loader import render_to_string

from casework import visibility
from casework.panels import panel
from casework.selectors import matter_clocks
from clocks.models import RUNNING
from rules.periods import UNITS
from rules.profiles import get_profile

from .models import ACCEPTED, AGREED
from .selectors import dispute_of, stand_still_text

PARTY_PAUSE = "依规不计入期限"


def _article(profile, key: str) -> str:
    return str(profile.figure(key).citation) if profile.has(key) else ""


def _tasks(request, dispute):
    from flows.services import open_tasks, task_execute_url

    from .selectors import processes_of

    out = []
    for task in open_tasks(request.user).filter(process__in=processes_of(dispute)):
        url = task_execute_url(task) if task.owner_id == request.user.pk else "/workflow/"
        out.append({"title": str(task.flow_task.task_title), "url": url, "claim": task.owner_id != request.user.pk})
    return out


@panel("coordination")
def coordination_panel(request, matter) -> str:
    dispute = dispute_of(matter)
    if dispute is None:
        return ""
    profile = get_profile(matter.jurisdiction)
    finish = matter_clocks(matter).filter(rule_key="dispute_finish_period").order_by("-pk").first()
    category = next((c for c in profile.choices("dispute_categories") if c["code"] == dispute.category), {})
    party = visibility.party_agency(request.user)
    pauses = list(finish.pauses.all()) if finish else []
    if party is not None:  # a party sees the dates a pause took, never the reason the bureau wrote
        pauses = [SimpleNamespace(start=p.start, end=p.end, reason=PARTY_PAUSE) for p in pauses]
    refusal = next((c for c in profile.choices("dispute_exclusions") if c["code"] == dispute.refusal_ground), None)
    return render_to_string("coordination/panel.html", {
        "dispute": dispute, "profile": profile, "category": category, "refusal": refusal, "finish": finish,
        "agencies": dispute.all_agencies(), "stand_still": stand_still_text(dispute),
        "pauses": pauses, "extensions": list(finish.extensions.all()) if finish and party is None else [],
        "answers": dispute.answers.filter(agency=party) if party is not None else dispute.answers.all(),
        "open_pause": finish is not None and finish.pauses.filter(end__isnull=True).exists(),
        "running": dispute.state in (ACCEPTED, AGREED) and finish is not None and finish.status == RUNNING,
        "can_handle": request.user.has_perm("coordination.handle_dispute"),
        "can_extend": request.user.has_perm("coordination.approve_dispute"),
        "letters": dispute.letter_matters.all(), "tasks": _tasks(request, dispute),
        "proceedings": dispute.proceedings.all() if party is None else [],
        "emergencies": dispute.emergencies.select_related("agency") if party is None
        else dispute.emergencies.filter(agency=party).select_related("agency"),
        "statutory_text": f"{dispute.statutory_n}{UNITS.get(dispute.statutory_unit, '')}",
        "statutory_article": _article(profile, "dispute_statutory_limit"),
        "proceeding_article": _article(profile, "dispute_proceeding_kinds"),
        "emergency_article": _article(profile, "dispute_emergency_kinds"),
        "order_article": profile.figure("order_for_dispute_decision").citation
        if profile.has("order_for_dispute_decision") else ""}, request=request)
