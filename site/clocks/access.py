"""Who may see a clock: whoever may see what it runs for, by the check the subject's own app already uses.

clocks sits below the process apps, so their checks are imported when asked, never at module level."""
from __future__ import annotations

from collections.abc import Callable


def _matter(user, matter) -> bool:
    from casework.selectors import can_view_matter

    return can_view_matter(user, matter)


def _complaint(user, complaint) -> bool:
    from complaints.selectors import visible_complaints

    return visible_complaints(user).filter(pk=complaint.pk).exists()


def _opinion(user, opinion) -> bool:
    from activities.selectors import opinions_for_agency, opinions_for_bureau, opinions_for_supervisor

    return any(qs.filter(pk=opinion.pk).exists()
               for qs in (opinions_for_bureau(user), opinions_for_supervisor(user), opinions_for_agency(user)))


def _programme_staff(user) -> bool:
    from roles.access import is_bureau

    return is_bureau(user) and user.has_perm("programme.view_programmeyear")


def _programme_year(user, year) -> bool:
    return _programme_staff(user)


def _statistics_return(user, ret) -> bool:
    from roles.access import agency_of

    agency = agency_of(user)
    return _programme_staff(user) or (agency is not None and agency.pk == ret.agency_id)


# subject model ("app_label.model") -> its check (user, subject) -> bool
CHECKS: dict[str, Callable] = {
    "casework.matter": _matter,
    "complaints.complaint": _complaint,
    "activities.opinion": _opinion,
    "programme.programmeyear": _programme_year,
    "programme.statisticsreturn": _statistics_return,
}


def can_view_clock(user, clock) -> bool:
    """True when `user` may see the clock's subject. A subject kind with no check here is shown to
    superusers only, so a new kind of clock is never public to staff by accident."""
    if not user.is_authenticated:
        return False
    ct = clock.subject_type
    check = CHECKS.get(f"{ct.app_label}.{ct.model}")
    subject = clock.subject
    if subject is None:
        return user.is_superuser
    if check is None:
        return user.is_superuser
    if user.is_superuser:
        return True
    if check is _matter:  # a party (the agency's liaison) sees only the dates that bind it
        from casework.visibility import may_see_clock

        return may_see_clock(user, clock)
    return check(user, subject)
