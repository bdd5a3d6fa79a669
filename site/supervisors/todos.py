"""What the supervisors' daily management leaves waiting (我的待办 provider, flows.worklist.PROVIDERS): for
leaders, each consent request to decide before the day it is for (000 第十一条; 002 第十一条第（五）项); for a
supervisor, each commissioned research report still to submit, due on the date the bureau set (000 第八条
第（二）项; 001 第八条第（五）项). One query each."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from roles.access import is_leader, own_jurisdiction_only

from .models import ConsentRequest, ResearchAssignment


def duties_waiting(user, *, today: dt.date) -> list:
    from flows.worklist import Item

    items = []
    if is_leader(user) and user.has_perm("supervisors.decide_consent"):
        pending = own_jurisdiction_only(ConsentRequest.objects.filter(status=ConsentRequest.PENDING), user,
                                        "supervisor__jurisdiction")
        for req in pending.select_related("supervisor"):
            items.append(Item(title=f"决定是否同意{req.get_kind_display()}", subject=f"{req.supervisor.name}：{req.title}",
                              process="监督员事前同意", url=reverse("supervisor_duties:consents"), due=req.planned_on,
                              article=req.article, key=f"consent:{req.pk}", note=f"{req.requested_on:%Y-%m-%d}申请"))
    for item in ResearchAssignment.objects.filter(supervisor__user=user, submitted_on__isnull=True) \
            if user.is_authenticated else []:
        research = item.kind == "research"
        items.append(Item(title="提交专题调研报告" if research else "报告交办事项办理情况", subject=item.topic,
                          process="受委托专题调研" if research else "交办事项",
                          url=reverse("supervisor_duties:mine"), due=item.due_on, article=item.article,
                          key=f"research:{item.pk}", note=f"{item.assigned_on:%Y-%m-%d}委托"))
    return items
