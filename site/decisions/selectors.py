"""Which decision records a user may open. Search and every list go through `visible_records`."""
from django.db.models import Q, QuerySet

from roles.access import agency_name_of
from roles.definitions import LEADER, LIAISON, OFFICER, SUPERVISOR

from .models import DecisionRecord


def visible_records(user) -> QuerySet[DecisionRecord]:
    qs = DecisionRecord.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    groups = set(user.groups.values_list("name", flat=True))
    if groups & {OFFICER, LEADER}:
        return qs
    allowed = Q(pk__in=[])
    if LIAISON in groups:
        agency = agency_name_of(user)
        if agency:
            allowed |= Q(agency=agency, confidential=False)
    if SUPERVISOR in groups:
        allowed |= Q(party_user=user)
    return qs.filter(allowed)
