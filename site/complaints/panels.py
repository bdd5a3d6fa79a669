"""The complaint's panel on the matter screen. The agency complained about (its liaison) sees the matter
but never the complainant: the panel shows who the complainant is only to the handling staff."""
from django.template.loader import render_to_string

from casework.panels import panel

from .selectors import sees_complainant


@panel("complaint")
def complaint_panel(request, matter) -> str:
    complaint = getattr(matter, "complaint", None)
    if complaint is None:
        return ""
    return render_to_string("complaints/matter_panel.html", {
        "complaint": complaint, "sees": sees_complainant(request.user, complaint)}, request=request)
