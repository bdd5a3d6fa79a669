"""Reads on complaints: who sees which complaint, and whether they see the complainant.

Bureau staff handling complaints see those of their own jurisdiction (all of them when their profile names none)
and the complainant in full on the complaint screen
(masked in lists). The agency complained about never sees a Complaint (its liaison sees only the
matter, which carries no identity); nobody else sees anything."""
from __future__ import annotations

from django.db.models import QuerySet

from clocks.services import clocks_for
from roles.access import is_bureau, own_jurisdiction_only

from .models import Complaint


def visible_complaints(user) -> QuerySet[Complaint]:
    """Bureau staff: every complaint of their own jurisdiction (every one when they work in all). An agency's
    legal unit (投诉 第三条): the complaints about its own agency that it handles (as the receiving body it sees
    the complainant), and the staff it named to investigate one; once the bureau took one over, no longer.
    Nobody else anything."""
    from .access import own_unit_of
    from .models import AGENCY_HANDLED

    qs = Complaint.objects.select_related("agency", "supervisor", "matter")
    if is_bureau(user) and user.has_perm("complaints.view_complaint"):
        return own_jurisdiction_only(qs, user)
    agency = own_unit_of(user)
    if agency is not None:
        return qs.filter(agency=agency, handled_by=AGENCY_HANDLED)
    return qs.none()


def sees_complainant(user, complaint: Complaint) -> bool:
    if complaint.by_agency and not is_bureau(user):  # the agency's legal unit is the receiving body (第三条)
        return visible_complaints(user).filter(pk=complaint.pk).exists()
    return (is_bureau(user) and user.has_perm("complaints.view_complainant")
            and visible_complaints(user).filter(pk=complaint.pk).exists())


def complaint_clocks(complaint: Complaint) -> list:
    out = list(clocks_for(complaint).prefetch_related("extensions__approved_by"))
    if complaint.matter_id:
        out += list(clocks_for(complaint.matter).prefetch_related("extensions__approved_by"))
    return out


def process_steps(complaint: Complaint) -> list[dict]:
    """The complaint's steps as its process recorded them (the people's tasks, oldest first): the step, who
    holds or did it, when it was done; a step still waiting has no date. One query."""
    from viewflow.workflow.models import Task

    from complaints.flows import ComplaintFlow
    from flows.services import process_for

    process = process_for(complaint, ComplaintFlow)
    if process is None:
        return []
    tasks = (Task.objects.filter(process=process, flow_task_type="HUMAN").exclude(status="CANCELED")
             .select_related("owner").order_by("created", "pk"))
    return [{"title": str(t.flow_task.task_title), "owner": t.owner, "finished": t.finished,
             "waiting": t.finished is None} for t in tasks]
