"""Reads: who sees which activities, invitations, conflicts and opinions.

Bureau staff (officers, leaders) see every jurisdiction's records, as with decision records;
a supervisor sees only their own; a liaison sees only forwarded items of their own agency."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from roles import access

from .models import FORWARDED, SUBMITTED, Activity, ConflictDeclaration, Invitation, Opinion

# who is who: one implementation in roles.access
groups_of, is_bureau, is_liaison, is_supervisor = (access.groups_of, access.is_bureau, access.is_liaison,
                                                   access.is_supervisor)
agency_of = access.agency_of  # the liaison's casework.Agency (or None)


def conflicts_for(*, supervisor, agency, case_ref: str = "") -> QuerySet[ConflictDeclaration]:
    """Conflicts on record that keep `supervisor` off an activity on `agency` (and `case_ref`)."""
    if agency is None:
        return ConflictDeclaration.objects.none()
    return ConflictDeclaration.objects.filter(supervisor=supervisor, agency=agency).filter(
        Q(case_ref="") | Q(case_ref=case_ref) if case_ref else Q(case_ref="")
    )


def activities_for(user) -> QuerySet[Activity]:
    if is_bureau(user):
        return access.own_jurisdiction_only(Activity.objects.all(), user)
    if is_supervisor(user):
        return Activity.objects.filter(invitations__supervisor__user=user).distinct()
    agency = agency_of(user) if is_liaison(user) else None
    if agency is not None:  # the activities its own agency organises (000 第九条第（四）项)
        return Activity.objects.filter(organiser=agency)
    return Activity.objects.none()


def agency_invitation_kinds(user) -> list[dict]:
    """The activities the liaison's agency may organise and invite supervisors to, per its jurisdiction's
    rules (the profile's `agency_invitation_kinds`); [] for anyone else or where the rules say nothing."""
    from rules.profiles import get_profile

    agency = agency_of(user) if is_liaison(user) else None
    if agency is None or not agency.active:
        return []
    profile = get_profile(agency.jurisdiction)
    return profile.choices("agency_invitation_kinds") if profile.has("agency_invitation_kinds") else []


def may_organise(user) -> bool:
    return bool(agency_invitation_kinds(user))


def invitations_for_supervisor(user) -> QuerySet[Invitation]:
    if not is_supervisor(user):
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(supervisor__user=user)
        .select_related("activity")
        .order_by("-activity__held_on")
    )


def opinions_for_bureau(user) -> QuerySet[Opinion]:
    if not is_bureau(user):
        return Opinion.objects.none()
    return access.own_jurisdiction_only(Opinion.objects.select_related("supervisor"), user)


def opinions_for_supervisor(user) -> QuerySet[Opinion]:
    if not is_supervisor(user):
        return Opinion.objects.none()
    return Opinion.objects.filter(supervisor__user=user)


def opinions_for_agency(user) -> QuerySet[Opinion]:
    """Only items forwarded to the liaison's own agency; never drafts, never another agency's."""
    if not is_liaison(user):
        return Opinion.objects.none()
    return (
        Opinion.objects.filter(agency=agency_of(user)).exclude(status=SUBMITTED).select_related("supervisor")
    )


def open_for_agency(user) -> QuerySet[Opinion]:
    return opinions_for_agency(user).filter(status=FORWARDED)


def with_clocks(opinions) -> list[tuple[Opinion, object]]:
    """(opinion, its latest answer clock or None) for a list screen, in two queries."""
    from django.contrib.contenttypes.models import ContentType

    from clocks.models import Clock

    opinions = list(opinions)
    clocks = Clock.objects.filter(
        subject_type=ContentType.objects.get_for_model(Opinion), subject_id__in=[str(o.pk) for o in opinions]
    ).order_by("pk")
    latest = {c.subject_id: c for c in clocks}
    return [(o, latest.get(str(o.pk))) for o in opinions]
