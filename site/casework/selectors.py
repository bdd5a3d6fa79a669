"""Who sees which matters, files and documents. Bureau staff see every file; a liaison only the files of
their own agency; anyone else (the public, supervisors) none — a matter reaches the public only as a
published typical case."""
from __future__ import annotations

from django.db.models import BooleanField, QuerySet, Value

from clocks.models import Clock
from decisions.models import DecisionRecord

from . import visibility
from .models import Agency, Matter


def visible_matters(user) -> QuerySet[Matter]:
    """Decided in one place for parties: casework.visibility."""
    return visibility.visible_matters(user)


def can_view_matter(user, matter: Matter) -> bool:
    return visibility.may_see_matter(user, matter)


def addressable_agencies(jurisdiction: str | None = None) -> QuerySet[Agency]:
    """Agencies a process may address: in the register and with at least one active liaison."""
    from roles.definitions import LIAISON

    # each row read here has a liaison: it says so (Agency.has_liaison), a service's check asks no second time
    qs = Agency.objects.filter(active=True, staff_profiles__user__is_active=True,
                               staff_profiles__user__groups__name=LIAISON).annotate(
        liaison_known=Value(True, output_field=BooleanField())).distinct()
    if jurisdiction:
        qs = qs.filter(jurisdiction=jurisdiction)
    return qs.order_by("jurisdiction", "name")


def matter_clocks(matter: Matter) -> QuerySet[Clock]:
    """The matter's clocks with their pauses and extensions, for display (the clock services re-read a
    clock themselves before changing it)."""
    from clocks.services import clocks_for

    return clocks_for(matter).prefetch_related("pauses", "extensions")


def matter_records(matter: Matter, user) -> QuerySet[DecisionRecord]:
    from django.contrib.contenttypes.models import ContentType

    from decisions.selectors import visible_records

    records = DecisionRecord.objects.filter(subject_type=ContentType.objects.get_for_model(Matter),
                                            subject_id=str(matter.pk))
    # the bureau, or the agency's legal unit running its own case (过错 第五条、错案 第四条), sees the whole file:
    # every record of it, the confidential ones (its own 追责决定、追偿决定、移送) too; anyone else what their scope allows
    if visibility.sees_whole(user, matter):
        return records
    return records & visible_records(user)
