"""The matter-screen panel for rectification matters (process "programme"): the task, its period set by the
notification, its clock, and — for the named agency's liaison — the form to report in writing."""
from __future__ import annotations

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from casework.panels import panel
from roles.access import agency_of

from .forms import ReportForm


@panel("programme")
def rectification_panel(request, matter) -> str:
    task = getattr(matter, "rectification", None)
    if task is None:
        return ""
    agency = agency_of(request.user)
    can_report = (agency is not None and agency.pk == task.agency_id and task.clock_id is not None
                  and task.reported_at is None)
    get_token(request)
    return render_to_string("programme/_task_panel.html", {
        "task": task, "form": ReportForm() if can_report else None}, request=request)
