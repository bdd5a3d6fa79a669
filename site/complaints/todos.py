"""What a complaint leaves waiting (我的待办 provider, flows.worklist.PROVIDERS), read from the complaint's
record while its steps are done on the complaint screen: 受理审核 and 告知 for officers, 调查 for the named
investigators, 集体审定 for leaders, and — when the 办结期限 is within the warning horizon or past and can
still be extended — the leader's approval of an extension (004 行政执法投诉举报制度 第十条)."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from .models import ACCEPTED, RECEIVED, REVIEWED, Complaint, Investigator
from .services import DECIDE, HANDLE, list_clocks

PROCESS = "投诉举报办理"


def complaint_steps(user, *, today: dt.date) -> list:
    from flows.worklist import SOON_WORKING_DAYS, Item, clock_fields
    from rules.calendar import WorkCalendar, working_days_left
    from rules.periods import UNITS
    from rules.profiles import get_profile

    handle, decide = user.has_perm(HANDLE), user.has_perm(DECIDE)
    investigating = set(Investigator.objects.filter(user=user, recused=False).values_list("complaint_id", flat=True))
    if not (handle or decide or investigating):
        return []
    items, calendar = [], None
    waiting = list(Complaint.objects.filter(status__in=(RECEIVED, ACCEPTED, REVIEWED))
                   .select_related("agency", "supervisor").order_by("received_on", "pk"))
    accept_clocks, finish_clocks = list_clocks(waiting)  # two queries for all, never two a complaint
    staffed = set(Investigator.objects.filter(complaint__in=[c for c in waiting if c.status == ACCEPTED],
                                              recused=False).values_list("complaint_id", flat=True))
    for c in waiting:
        url = reverse("complaints:detail", args=[c.pk])

        def item(title, clock, key, note="", c=c, url=url):
            return Item(title=title, subject=f"{c.receipt_number} {c.respondent}", process=PROCESS, url=url,
                        key=f"complaint:{c.pk}:{key}", matter_id=c.matter_id, note=note, **clock_fields(clock))

        if c.status == RECEIVED:
            if handle:
                items.append(item("受理审核（受理、不予受理或转送）", accept_clocks.get(c.pk), "accept"))
            continue
        finish = finish_clocks.get(c.pk)
        if c.status == ACCEPTED:
            if c.opinion:
                if decide:
                    items.append(item("主持领导集体讨论审定", finish, "review"))
            elif c.pk in investigating:
                items.append(item("调查并提出初步处理意见", finish, "opinion"))
            elif handle and c.pk not in staffed:
                items.append(item("确定调查人员", finish, "investigators"))
        if c.status == REVIEWED and handle:
            items.append(item("告知投诉举报人处理结果", finish, "reply"))
        if decide and finish is not None and finish.status == "running":
            calendar = calendar or WorkCalendar.load()
            profile = get_profile(c.jurisdiction)
            cap = profile.period("complaint_extension_max") if profile.has("complaint_extension_max") else None
            if (cap is not None and finish.extension_total < cap.n
                    and working_days_left(calendar, today, finish.due_on) <= SOON_WORKING_DAYS):
                cap_text = f"{cap.n}{UNITS.get(cap.unit, '')}（{cap.citation}）"
                items.append(item("审批延长办理期限", finish, "extension",
                                  note=f"情况复杂不能按期办结的，经负责人批准可延长，最多{cap_text}"))
    return items
