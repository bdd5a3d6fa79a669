"""The 移送与追偿 panel on the matter screen (complaint and accountability files, 一案一档): the referrals and
the recovery made, with their documents, and the head's buttons once the step they follow has ended."""
from __future__ import annotations

from django.template.loader import render_to_string

from casework import visibility
from casework.panels import panel

from . import services
from .models import SOURCES, Recovery
from .selectors import balance


@panel("complaint")
@panel("accountability")
@panel("interference")  # the file an interference record's referral opened (干预插手规定 第九条)
def referrals_panel(request, matter) -> str:
    user = request.user
    if visibility.is_party(user) and not visibility.runs_own_case(user, matter):
        return ""  # the referrals and recovery are the bureau's (confidential records), or the legal unit's own case
    referrals = list(matter.referrals.select_related("document"))
    buttons = []
    for source in services.sources_of(matter):
        if (services.may_refer(user, matter, source) and services.destinations(matter, source)
                and not services.step_not_ended(matter, source)):
            buttons.append({"source": source, "label": f"移送（{dict(SOURCES)[source]}）"})
    case = getattr(matter, "accountability_case", None)
    recovery = Recovery.objects.filter(case=case).select_related("document").first() if case else None
    # who runs the case decides the recovery and records what is paid back (过错 第五条、错案 第四条)
    may_recover = (case is not None and recovery is None and case.decided_on is not None
                   and services.may_recover(user, case))
    if not (referrals or buttons or recovery or may_recover):
        return ""
    owed = balance(recovery) if recovery is not None else None
    may_collect = owed is not None and services.may_recover(user, case, services.COLLECT) and owed["owed"] > 0
    return render_to_string("referrals/panel.html", {
        "matter": matter, "referrals": referrals, "buttons": buttons, "recovery": recovery,
        "may_recover": may_recover, "balance": owed, "may_collect": may_collect}, request=request)
