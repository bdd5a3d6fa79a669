"""The matter-screen panel for rectification matters (process "programme"): the task, its period set by the
notification, its clock, and — for the named agency's liaison — the form to report in writing."""
from __future__ import annotations

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from casework.panels import panel
from referrals.selectors import serious_state
from roles.access import agency_of

from .forms import IneffectiveForm, ReportForm, ReviewForm


@panel("programme")
def rectification_panel(request, matter) -> str:
    task = getattr(matter, "rectification", None)
    if task is None:
        return ""
    from .services import MANAGE, ineffective_article, waiting_step

    agency = agency_of(request.user)
    can_report = (agency is not None and agency.pk == task.agency_id and task.clock_id is not None
                  and task.reported_at is None)
    can_review = (agency is None and request.user.has_perm(MANAGE) and task.reported_at is not None
                  and task.accepted_at is None and waiting_step(task, "review") is not None)
    get_token(request)
    return render_to_string("programme/_task_panel.html", {
        "task": task, "form": ReportForm() if can_report else None,
        "review_form": ReviewForm() if can_review else None,
        "ineffective_form": IneffectiveForm() if can_review else None,
        "ineffective_article": ineffective_article(matter.jurisdiction) if task.ineffective_on else "",
        # 通报 第六条 整改落实不力、情节严重: the 审查 button for whoever may refer, or what was decided
        **serious_state(request.user, task)}, request=request)
