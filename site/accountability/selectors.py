"""Reads of accountability: the running clock of a matter, the ≥ 2 faults within a year count
(过错 第八条第（五）项) computed from the records, a person's own decisions."""
from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from casework.selectors import matter_clocks
from clocks.models import RUNNING, Clock
from decisions.models import DecisionRecord


def clock_of(matter, rule_key: str):
    found = matter_clocks(matter).filter(rule_key=rule_key, status=RUNNING).order_by("-pk").first()
    return Clock.objects.get(pk=found.pk) if found else None


def prior_fault_count(person, *, before: dt.date) -> int:
    """Earlier decided faults of the same person within one year before `before` (exempt ones, and those found
    without liability or excused by 容错 — no sanction — excluded):
    the same account, or for people without one the same name in the same agency."""
    from .models import Person

    qs = Person.objects.filter(active=True, case__decided_on__isnull=False, case__decided_on__lt=before,
                               case__decided_on__gte=before - relativedelta(years=1), exemption="") \
        .exclude(case=person.case).exclude(sanctions=[])
    if person.user_id:
        qs = qs.filter(user_id=person.user_id)
    else:
        qs = qs.filter(user__isnull=True, name=person.name, case__matter__agency=person.case.matter.agency)
    return qs.values("case").distinct().count()


def choice_keys(case) -> dict[str, str]:
    """The profile figures that apply to a case's kind."""
    if case.is_wrong_case:
        return {"shares": "wrong_case_shares", "aggravating": "wrong_case_aggravating",
                "mitigating": "wrong_case_mitigating", "sanctions": "wrong_case_sanctions"}
    return {"shares": "fault_shares", "aggravating": "fault_aggravating", "mitigating": "fault_mitigating",
            "sanctions": "fault_sanctions"}


def own_records(user):
    """The accountability decisions about `user` themselves (我的责任追究)."""
    if not user.is_authenticated:
        return DecisionRecord.objects.none()
    return DecisionRecord.objects.filter(process_kind="accountability", party_user=user).order_by("-decided_on", "-pk")


def open_cases(matter) -> list[str]:
    """casework.services.OPEN_WORK: an accountability case still running in the matter."""
    from .models import DONE, TRANSFERRED, Case

    case = Case.objects.filter(matter=matter).first()
    return [f"责任追究（{case.get_state_display()}）"] if case and case.state not in (DONE, TRANSFERRED) else []
