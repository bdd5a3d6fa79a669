"""Who may act on an accountability case (过错 第五条 / 错案 第四条): the bureau's roles on the cases the bureau
runs; on a case the agency runs itself, only that agency's legal unit (its liaison, `run_own_case`) — never
another agency's, and the bureau only after it has taken the case over (a recorded decision)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied

from roles.access import agency_of, is_bureau

from .models import OWN_CASE


def runs_for_agency(user):
    """The agency whose own cases `user` runs as its legal unit, or None."""
    if user is None or not user.is_authenticated or not user.is_active or is_bureau(user):
        return None
    return agency_of(user) if user.has_perm(OWN_CASE) else None


def may_act(user, case, perm: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if case.by_agency:
        agency = runs_for_agency(user)
        return agency is not None and agency.pk == case.matter.agency_id
    return user.has_perm(perm)


def refusal(user, case, message: str) -> str:
    """Why `user` may not act: the bureau is told the agency runs the case itself; anyone else `message`."""
    if case.by_agency and is_bureau(user):
        return (f"本案由{case.matter.agency.name}法制工作机构办理（过错 第五条、错案 第四条）；"
                "司法局可查看、监督，作出接办决定后方可办理。")
    return message


def require_actor(user, case, perm: str, message: str) -> None:
    if may_act(user, case, perm):
        return
    raise PermissionDenied(refusal(user, case, message))
