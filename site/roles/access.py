"""One access module: who someone is (bureau staff, agency liaison, supervisor), which agency a liaison
serves, and the permission check every service makes before it writes. Views and services import these;
no app keeps its own copy."""
from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied

from .definitions import LEADER, LIAISON, OFFICER, SUPERVISOR


def groups_of(user) -> set[str]:
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_role_groups", None)
    if cached is None:
        from .auth_cache import kept

        cached = kept(user, "groups", lambda: set(user.groups.values_list("name", flat=True)))
        user._role_groups = cached
    return cached


def is_bureau(user) -> bool:
    """Bureau staff (司法局经办人, 司法局负责人) or a superuser."""
    return bool(user is not None and user.is_authenticated and user.is_active
                and (user.is_superuser or groups_of(user) & {OFFICER, LEADER}))


def bureau_jurisdiction(user) -> str:
    """The one jurisdiction a bureau account works in (its StaffProfile's 辖区), or "" for every jurisdiction: a
    superuser, or staff of a city or province office whose profile names none. Casework, 待办, clocks and
    search show bureau staff only their own jurisdiction's matters; a liaison is bound by its agency instead."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return ""
    cached = getattr(user, "_bureau_jurisdiction", None)
    if cached is None:
        if "staff_profile" in user._state.fields_cache:  # the profile read already (agency_of), or found absent
            profile = user._state.fields_cache["staff_profile"]
            cached = (profile.jurisdiction or "") if profile is not None else ""
        else:  # asked on every casework screen: kept across requests as the role groups are (roles.auth_cache)
            from .auth_cache import kept
            from .models import StaffProfile

            cached = kept(user, "jurisdiction", lambda: StaffProfile.objects.filter(user=user).values_list(
                "jurisdiction", flat=True).first() or "")
        user._bureau_jurisdiction = cached
    return cached


def own_jurisdiction_only(qs, user, field: str = "jurisdiction"):
    """`qs` narrowed to the bureau account's own jurisdiction (`field` names the jurisdiction code on the rows,
    e.g. "matter__jurisdiction", "profile_code"); unchanged for an account that works in every jurisdiction."""
    own = bureau_jurisdiction(user)
    return qs.filter(**{field: own}) if own else qs


def outside_own_jurisdiction(user, code: str) -> bool:
    """Whether a record of jurisdiction `code` lies outside the bureau account's own jurisdiction."""
    own = bureau_jurisdiction(user)
    return bool(own) and own != code


OTHER_JURISDICTION = "该记录属于其他辖区，您只能查看、办理本辖区的记录。"


def require_own_jurisdiction(user, code: str, message: str | Callable[[], str] = OTHER_JURISDICTION) -> None:
    """Refuse (Chinese, shown to the person) a bureau account acting on another jurisdiction's record: the one
    rule, for every record (a matter's screen words it its own way: casework.visibility, `message` a callable
    then, asked only on a refusal)."""
    if outside_own_jurisdiction(user, code):
        raise PermissionDenied(message() if callable(message) else message)


def is_leader(user) -> bool:
    return bool(user is not None and user.is_authenticated and (user.is_superuser or LEADER in groups_of(user)))


def agency_of(user):
    """The casework.Agency a liaison account serves, or None."""
    profile = getattr(user, "staff_profile", None) if user is not None and user.is_authenticated else None
    return getattr(profile, "agency", None) if profile is not None else None


def agency_name_of(user) -> str:
    agency = agency_of(user)
    return agency.name if agency is not None else ""


def is_liaison(user) -> bool:
    return LIAISON in groups_of(user) and agency_of(user) is not None


def in_casework(user) -> bool:
    """Bureau staff or an agency's liaison: the people who work on supervision matters."""
    return is_bureau(user) or is_liaison(user)


def is_supervisor(user) -> bool:
    return SUPERVISOR in groups_of(user) and getattr(user, "supervisor", None) is not None


def require(user, perm: str, message: str) -> None:
    """Refuse with `message` (Chinese, shown to the person) unless `user` holds `perm`."""
    if user is None or not user.is_authenticated or not user.is_active or not user.has_perm(perm):
        raise PermissionDenied(message)
