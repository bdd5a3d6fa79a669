"""The accountability panel on the matter screen: kind, grounds, persons with shares, circumstances,
sanctions, statements and appeals (each choice with its article), and the open tasks."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from casework import visibility
from casework.panels import panel
from rules.profiles import get_profile

from .models import FAULT_WAIVER, Case
from .selectors import choice_keys
from .spans import span_text


def _labels(profile, key, codes, decided_on=None) -> str:
    """Each choice with its article; a sanction with a span with its end (accountability.spans)."""
    by_code = {i["code"]: i for i in profile.choices(key)}

    def end(c):
        try:
            return span_text(profile, c, decided_on) if decided_on else ""
        except ValidationError as exc:  # a screen shows the refusal instead of an end it cannot know
            return "（" + "；".join(exc.messages) + "）"

    return "；".join(f"{by_code[c]['label']}（{by_code[c]['article']}）{end(c)}" for c in codes if c in by_code)


def _tasks(request, case):
    from accountability.flows import AccountabilityFlow
    from flows.services import open_tasks, process_for, task_execute_url

    process = process_for(case, AccountabilityFlow)
    if process is None:
        return []
    return [{"title": str(t.flow_task.task_title), "claim": t.owner_id != request.user.pk,
             "url": task_execute_url(t) if t.owner_id == request.user.pk else "/workflow/"}
            for t in open_tasks(request.user).filter(process=process)]


@panel("accountability")
@panel("complaint")  # a substantiated complaint handed off in its own file (004 投诉举报制度 第十一条)
@panel("letter")  # a 决定书 not executed, handed off in its file (003 第三十二条第一款第（五）项)
def accountability_panel(request, matter) -> str:
    case = Case.objects.filter(matter=matter).first()
    if case is None:
        return ""
    if visibility.is_party(request.user) and not visibility.runs_own_case(request.user, matter) \
            and case.decided_on is None:  # a case against the agency's staff: hidden until decided (visibility.py)
        return ""
    profile, keys = get_profile(matter.jurisdiction), choice_keys(case)
    rows = []
    for p in case.persons.filter(active=True).select_related("user"):
        circumstances = "；".join(x for x in (_labels(profile, keys["aggravating"], p.aggravating),
                                             _labels(profile, keys["mitigating"], p.mitigating)) if x)
        sanctions = _labels(profile, keys["sanctions"], p.sanctions, decided_on=case.decided_on)
        if p.culpability and p.harm:  # 过错 第二条
            circumstances = "；".join(x for x in (_labels(profile, "fault_culpability", [p.culpability]),
                                                 _labels(profile, "fault_harm", [p.harm]), circumstances) if x)
        elif not case.is_wrong_case and profile.has("fault_culpability") and case.decided_on and not p.sanctions:
            sanctions = f"不承担过错责任（未认定故意或者重大过失造成损害，{profile.figure('fault_culpability').citation}）"
        if p.tolerated:  # 恩施 第三十二条第二款, per person
            causes = _labels(profile, "fault_tolerance_causes", p.tolerance_causes)
            circumstances = ""
            sanctions = f"予以容错，不予处理（原因：{causes}；事实和理由：{p.tolerance_grounds}）"
        if case.is_wrong_case and case.decided_on and p.share == "dissent_exempt" and not (p.sanctions or p.exemption):
            sanctions = "不负错案责任"  # 错案 第八条第（三）项 (the share, with its article, is beside it)
        if p.exemption == FAULT_WAIVER and not case.is_wrong_case:  # 过错 第九条
            sanctions = f"{profile.figure('fault_waiver').label}（{profile.figure('fault_waiver').citation.article}）"
        elif p.exemption:
            sanctions = "免予追究：" + _labels(profile, "wrong_case_exemptions", [p.exemption])
        rows.append({"p": p, "share": _labels(profile, keys["shares"], [p.share]), "circumstances": circumstances,
                     "sanctions": sanctions})
    grounds = [i for i in profile.choices("fault_grounds") if i["code"] in case.grounds] if not case.is_wrong_case \
        else [i for i in profile.choices("wrong_case_grounds") if i["code"] == case.wrong_ground]
    origin = next((i for i in profile.choices("fault_sources") if i["code"] == case.origin), {})
    from .models import DONE, TRANSFERRED

    user = request.user
    ended = case.state in (DONE, TRANSFERRED)
    from auxiliary.selectors import cite_prohibited_acts

    tolerance = ""
    if case.tolerated_on:  # 恩施 第三十二条第二款
        causes = _labels(profile, "fault_tolerance_causes", case.tolerance_causes)
        who = case.tolerated_by.get_full_name() or case.tolerated_by.username if case.tolerated_by else ""
        tolerance = f"{case.tolerated_on:%Y-%m-%d}，全部责任人予以容错，原因：{causes}；决定人：{who}"
    respondent = ""
    if case.matter.bureau_staff:  # 投诉 第十五条: the bureau's own staff, with the finding's article
        found = getattr(case, "complaint_misconduct", None)
        respondent = case.matter.respondent_name + (f"（{found.article}：受理机关工作人员）" if found else "")
    # 过错 第十条第（三）项 直接派员: each sending counts as a re-investigation, so no query without one
    dispatches = list(case.dispatches.prefetch_related("staff")) if case.reinvestigations else []
    return render_to_string("accountability/panel.html", {
        "respondent": respondent, "dispatches": dispatches,
        "orders": case.reinvestigations - len(dispatches),  # 责令重新调查 only: a 直接派员 is shown as one, not counted
        "case": case, "profile": profile, "rows": rows, "grounds": grounds, "origin": origin,
        "aux_acts": cite_prohibited_acts(case.jurisdiction, case.aux_acts), "tolerance": tolerance,
        "tasks": _tasks(request, case),
        "party_view": visibility.is_party(user) and not visibility.runs_own_case(user, matter),
        "can_take_over": case.by_agency and not ended and user.has_perm("accountability.decide_case")}, request=request)
