"""Reads on complaints: who sees which complaint, and whether they see the complainant.

Bureau staff handling complaints see them all and the complainant in full on the complaint screen
(masked in lists). The agency complained about never sees a Complaint (its liaison sees only the
matter, which carries no identity); nobody else sees anything."""
from __future__ import annotations

from django.db.models import QuerySet

from clocks.services import clocks_for
from roles.access import is_bureau

from .models import Complaint


def visible_complaints(user) -> QuerySet[Complaint]:
    qs = Complaint.objects.select_related("agency", "supervisor", "matter")
    if is_bureau(user) and user.has_perm("complaints.view_complaint"):
        return qs
    return qs.none()


def sees_complainant(user, complaint: Complaint) -> bool:
    return (is_bureau(user) and user.has_perm("complaints.view_complainant")
            and visible_complaints(user).filter(pk=complaint.pk).exists())


def complaint_clocks(complaint: Complaint) -> list:
    out = list(clocks_for(complaint).prefetch_related("extensions__approved_by"))
    if complaint.matter_id:
        out += list(clocks_for(complaint.matter).prefetch_related("extensions__approved_by"))
    return out
