"""The accountability panel on the matter screen: kind, grounds, persons with shares, circumstances,
sanctions, statements and appeals (each choice with its article), and the open tasks."""
from __future__ import annotations

from django.template.loader import render_to_string

from casework import visibility
from casework.panels import panel
from rules.profiles import get_profile

from .models import Case
from .selectors import choice_keys


def _labels(profile, key, codes) -> str:
    by_code = {i["code"]: i for i in profile.choices(key)}
    return "；".join(f"{by_code[c]['label']}（{by_code[c]['article']}）" for c in codes if c in by_code)


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
def accountability_panel(request, matter) -> str:
    case = Case.objects.filter(matter=matter).first()
    if case is None:
        return ""
    profile, keys = get_profile(matter.jurisdiction), choice_keys(case)
    rows = []
    for p in case.persons.filter(active=True).select_related("user"):
        circumstances = "；".join(x for x in (_labels(profile, keys["aggravating"], p.aggravating),
                                             _labels(profile, keys["mitigating"], p.mitigating)) if x)
        sanctions = _labels(profile, keys["sanctions"], p.sanctions)
        if p.exemption:
            sanctions = "免予追究：" + _labels(profile, "wrong_case_exemptions", [p.exemption])
        rows.append({"p": p, "share": _labels(profile, keys["shares"], [p.share]), "circumstances": circumstances,
                     "sanctions": sanctions})
    grounds = [i for i in profile.choices("fault_grounds") if i["code"] in case.grounds] if not case.is_wrong_case \
        else [i for i in profile.choices("wrong_case_grounds") if i["code"] == case.wrong_ground]
    origin = next((i for i in profile.choices("fault_sources") if i["code"] == case.origin), {})
    from .access import may_act
    from .models import DONE, TRANSFERRED

    user = request.user
    organs = ({i["code"]: i["label"] for i in profile.choices("accountability_handover_organs")}
              if profile.has("accountability_handover_organs") else {})
    ended = case.state in (DONE, TRANSFERRED)
    return render_to_string("accountability/panel.html", {
        "case": case, "profile": profile, "rows": rows, "grounds": grounds, "origin": origin,
        "tasks": _tasks(request, case),
        "party_view": visibility.is_party(user) and not visibility.runs_own_case(user, matter),
        "handovers": [(h, organs.get(h.organ, "")) for h in case.handovers.select_related("document")],
        "can_take_over": case.by_agency and not ended and user.has_perm("accountability.decide_case"),
        "can_hand_over": bool(case.decided_on) and profile.has("accountability_handover_organs")
        and may_act(user, case, "accountability.handle_case")}, request=request)
