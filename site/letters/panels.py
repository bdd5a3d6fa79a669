"""The letter panel on the matter screen (casework.panels)."""
from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from viewflow.workflow.status import STATUS

from casework import visibility
from casework.panels import panel
from roles.access import agency_of, is_bureau
from rules.profiles import get_profile

from . import selectors
from .models import CLOSED, DECISION_SERVING, EXECUTING, TERMINATED, Letter
from .typical import typical_case_page

WHO = {"letters.draft_letter": "司法局经办人", "letters.accept_report": "司法局经办人",
       "letters.sign_letter": "司法局负责人", "letters.review_objection": "司法局负责人",
       "letters.answer_letter": "被监督机关联络员"}


@panel("*")
def letters_panel(request, matter) -> str:
    """Every letter in the file (a complaint's file may hold its letter and a correction order), and on a
    finding's matter with no letter yet the way to draft one in the same file."""
    letters = Letter.objects.filter(matter=matter).select_related(
        "agency", "matter__agency", "document", "decision_document", "rectify_clock", "decision_clock").order_by("pk")
    out = [letter_panel(request, matter, letter) for letter in letters]
    user = request.user
    if (not out and matter.process == "letter" and matter.status == "open" and is_bureau(user)
            and user.has_perm("letters.draft_letter")):
        out.append(render_to_string("letters/start_here.html", {"matter": matter}, request=request))
    return mark_safe("".join(out))  # each part is a rendered (escaped) template


def letter_panel(request, matter, letter) -> str:
    user = request.user
    profile = get_profile(letter.jurisdiction)
    tasks = list(selectors.open_tasks_of(letter))
    actionable = {t.pk for t in tasks if (t.owner_id == user.pk and t.status in (STATUS.ASSIGNED, STATUS.STARTED))
                  or (t.owner_id is None and t.flow_task.can_assign(user, t))}
    own = agency_of(user) is not None and agency_of(user).pk == letter.addressee.pk and not is_bureau(user)
    may, note = selectors.may_object(letter)
    restarts = profile.flag("letter_rectify_restarts_after_review")
    page = typical_case_page(letter)
    late = any(c.is_overdue for c in (letter.rectify_clock, letter.decision_clock) if c is not None)
    interview = (profile.has("interview_after_decision") and profile.flag("interview_after_decision")
                 and letter.decision_document_id and letter.state in (DECISION_SERVING, EXECUTING)
                 and is_bureau(user) and user.has_perm("letters.sign_letter"))
    from .handoffs import may_hand_off, refusal_ground

    hand_off = is_bureau(user) and user.has_perm("accountability.handle_case") and may_hand_off(letter)
    from referrals.selectors import serious_state

    return render_to_string("letters/panel.html", {
        "letter": letter,
        # 争议协调 第二十条 / 通报 第六条 情节严重 after the order ran out or the 通报: the 审查 button, or what was decided
        **serious_state(user, letter),
        "can_hand_off": hand_off, "hand_off_article": refusal_ground(letter)["citation"] if hand_off else "",
        "doc_name": profile.value("overdue_document" if letter.is_direct_order else "letter_document")["text"],
        "can_interview": interview,
        "interview_article": profile.figure("interview_after_decision").citation if interview else "",
        # a party sees only its own tasks, never the bureau's (drafting, signing) nor who holds them
        "tasks": [(t, WHO.get(t.owner_permission, "")) for t in tasks
                  if not visibility.is_party(user) or t.pk in actionable or t.owner_id == user.pk],
        "actionable": actionable, "window": selectors.objection_window(letter), "late": late,
        "objections": letter.objections.select_related("clock", "answer_document"),
        "reports": letter.reports.all(),
        "restarts_note": (f"申请复查后，原整改期限不再计算；异议不成立的，自收到复查答复之日起重新计算"
                          f"（{profile.figure('letter_rectify_restarts_after_review').citation}）。") if restarts else "",
        "not_suspended_note": (f"复查期间不停止执行，整改期限照常计算（{profile.figure('letter_suspended_during_review').citation}）。"
                               if profile.has("letter_suspended_during_review")
                               and not profile.flag("letter_suspended_during_review") else ""),
        "can_object": own and may and user.has_perm("letters.answer_letter"), "object_note": note,
        "can_typical": (letter.state in (CLOSED, TERMINATED) and page is None and is_bureau(user)
                        and user.has_perm("letters.draft_letter")),
        "typical_article": profile.figure("typical_cases_published").citation if profile.has("typical_cases_published")
        else "", "typical_page": page if is_bureau(user) else None,
    }, request=request)


@panel("*")
def interview_panel(request, matter) -> str:
    """约谈 (003 第二十九条第二款) from any matter of a jurisdiction whose profile has it: the record of each
    and, for the leader, the way to record one."""
    from .models import Interview
    from .services import interview_bases

    user = request.user
    if not is_bureau(user):
        return ""
    bases = interview_bases(matter)
    rows = list(Interview.objects.filter(matter=matter).select_related("agency", "document", "recorded_by"))
    if not bases and not rows:
        return ""
    return render_to_string("letters/_interviews.html", {
        "matter": matter, "rows": rows, "articles": list(dict.fromkeys(a for _b, _l, a in bases)),
        "can_record": bool(bases) and user.has_perm("letters.sign_letter"),
    }, request=request)


@panel("*")
def cooperation_panel(request, matter) -> str:
    """不配合监督 (004 意见书 第六条、第十条): the refusals recorded in this matter, the correction order each led to,
    and for the officers the way to record one."""
    from .cooperation import refusals

    user = request.user
    if not is_bureau(user) or matter.agency_id is None:  # the bureau's own staff (投诉 第十五条): no agency
        return ""
    profile = get_profile(matter.jurisdiction)
    rows = refusals(matter)
    can = profile.has("cooperation_refusals") and matter.status == "open" and user.has_perm("letters.draft_letter")
    if not rows and not can:
        return ""
    rule = profile.figure("cooperation_accountability") if profile.has("cooperation_accountability") else None
    return render_to_string("letters/_cooperation.html", {"matter": matter, "rows": rows, "can_record": can,
                                                          "basis": str(profile.figure("cooperation_refusals"))
                                                          if profile.has("cooperation_refusals") else "",
                                                          "accountability_rule": rule,
                                                          "can_refer": user.has_perm("letters.draft_letter")},
                            request=request)


@panel("*")
def measures_panel(request, matter) -> str:
    """监督措施 (003 第二十三条) taken in this matter, and for the officers the way to record one."""
    from .measures import KEY, measure_choices, measures

    user = request.user
    if not is_bureau(user):
        return ""
    rows = measures(matter)
    can = bool(measure_choices(matter.jurisdiction)) and matter.status == "open" and user.has_perm("letters.draft_letter")
    if not rows and not can:
        return ""
    profile = get_profile(matter.jurisdiction)
    return render_to_string("letters/_measures.html", {
        "matter": matter, "rows": rows, "can_record": can,
        "basis": str(profile.figure(KEY).citation) if profile.has(KEY) else ""}, request=request)
