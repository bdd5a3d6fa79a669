"""Who handles a complaint (投诉 第三条: 区司法局和行政执法机关法制机构…具体负责行政执法投诉举报的受理、处理和监督):
the bureau's roles on the complaints it handles; on a complaint about an agency that the agency's legal unit
handles, that unit (its liaison, `handle_own_complaint`) and the agency's staff it names as investigators —
never another agency; the bureau sees it and may take it over (a recorded decision), then handles it."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied

from roles.access import agency_of, is_bureau, outside_own_jurisdiction, require_own_jurisdiction

from .models import OWN_COMPLAINT


def own_unit_of(user):
    """The agency whose complaints `user` handles as its legal unit, or None."""
    if user is None or not user.is_authenticated or not user.is_active or is_bureau(user):
        return None
    return agency_of(user) if user.has_perm(OWN_COMPLAINT) else None


def may_handle(user, complaint, perm: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if outside_own_jurisdiction(user, complaint.jurisdiction):
        return False
    if complaint.by_agency:
        agency = own_unit_of(user)
        return agency is not None and agency.pk == complaint.agency_id
    return user.has_perm(perm)


def require_handler(user, complaint, perm: str, message: str) -> None:
    if may_handle(user, complaint, perm):
        return
    require_own_jurisdiction(user, complaint.jurisdiction)
    if complaint.by_agency and is_bureau(user):
        raise PermissionDenied(f"该投诉举报由{complaint.agency.name}法制机构受理、处理（投诉 第三条）；司法局可查看、"
                               "监督，作出接办决定后方可办理。")
    raise PermissionDenied(message)
