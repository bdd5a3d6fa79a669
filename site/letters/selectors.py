"""Reads of the letter process: the liaison a task goes to, pending reports and objections, windows,
open tasks of a letter, letters whose clocks ran out."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone

from clocks.models import RUNNING
from rules.profiles import get_profile

from .models import EXECUTING, PENDING, RECTIFYING, Letter, Objection, Report


def liaison_for(agency):
    """The agency's liaison who receives its tasks (the first active one; casework.require_addressable
    guarantees there is one when the matter is opened)."""
    return agency.liaisons.order_by("pk").first()


def pending_report(letter: Letter) -> Report | None:
    return letter.reports.filter(accepted__isnull=True).order_by("-pk").first()


def pending_objection(letter: Letter) -> Objection | None:
    return letter.objections.filter(status=PENDING).first()


def objection_window(letter: Letter):
    """The last day the agency may ask for a review (Enshi 10 days, Wulong 10 WD of receipt), as a DueDate
    with its rule; None before the letter is served."""
    if letter.document is None or letter.document.received_on is None:
        return None
    rule = get_profile(letter.jurisdiction).period("letter_objection_period")
    return rule, rule.due(letter.document.received_on)


def may_object(letter: Letter, today: dt.date | None = None) -> tuple[bool, str]:
    today = today or timezone.localdate()
    window = objection_window(letter)
    if window is None:
        return False, "监督文书尚未送达。"
    rule, due = window
    if letter.state != RECTIFYING:
        return False, "当前环节不能申请复查。"
    if letter.objections.exists():
        return False, "已申请过复查，不能重复申请。"
    if today > due.due:
        return False, f"申请复查期限已于{due.due:%Y-%m-%d}届满（{rule}）。"
    return True, f"可在{due.due:%Y-%m-%d}前申请复查（{rule}）。"


def overdue_letters(today: dt.date | None = None):
    """Letters whose rectification (or execution) clock ran out with no report pending."""
    today = today or timezone.localdate()
    late = []
    for letter in Letter.objects.filter(state=RECTIFYING, rectify_clock__status=RUNNING,
                                        rectify_clock__due_on__lt=today).select_related("rectify_clock"):
        if pending_report(letter) is None:
            late.append(letter)
    for letter in Letter.objects.filter(state=EXECUTING, decision_clock__status=RUNNING,
                                        decision_clock__due_on__lt=today).select_related("decision_clock"):
        if pending_report(letter) is None:
            late.append(letter)
    return late


def process_of(letter: Letter):
    from flows.services import process_for
    from letters.flows import LetterFlow

    return process_for(letter, LetterFlow)


def open_tasks_of(letter: Letter):
    """Open human tasks of the letter's process and of its review processes."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Task
    from viewflow.workflow.status import STATUS

    from letters.flows import LetterFlow

    letter_ct = ContentType.objects.get_for_model(Letter)
    objection_ct = ContentType.objects.get_for_model(Objection)
    objection_ids = list(letter.objections.values_list("pk", flat=True))
    tasks = Task.objects.filter(process__flow_class=LetterFlow, flow_task_type="HUMAN",
                                status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED])
    from django.db.models import Q

    return (tasks.filter(Q(process__artifact_content_type=letter_ct, process__artifact_object_id=letter.pk)
                         | Q(process__artifact_content_type=objection_ct,
                             process__artifact_object_id__in=objection_ids))
            .select_related("owner", "process").order_by("created"))
