"""What the auxiliary-staff register leaves waiting on the agency that uses the staff (我的待办 provider,
flows.worklist.PROVIDERS). The agency manages its own staff (武隆《行政执法辅助人员管理办法》第四条、第十四条),
so these reach its liaison only:

- the periodic assessment (第十六条) due — from AHEAD days before the day it is due (the profile's cycle), with
  that day as the due date;
- a term of use that has ended with neither renewal nor departure recorded (续聘或期满离岗, 第十六条);
- the latest assessment unsatisfactory, the person still on the register: the dismissal it proposes (第十六条)
  is for the agency to decide.

One query, whatever the number of people."""
from __future__ import annotations

import datetime as dt

from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse

from roles.access import agency_of, is_bureau, is_liaison
from rules.profiles import FigureMissing, get_profile

from .models import CURRENT, Assessment, AuxiliaryStaff
from .services import assessment_due

PROCESS = "行政执法辅助人员管理"
AHEAD = dt.timedelta(days=30)  # a workbench horizon (the assessment shows this long before it is due), not a rule


def staff_to_manage(user, *, today: dt.date) -> list:
    from flows.worklist import Item

    if is_bureau(user) or not is_liaison(user):
        return []
    agency = agency_of(user)
    if agency is None:
        return []
    try:
        profile = get_profile(agency.jurisdiction)
    except FigureMissing:
        return []
    if not profile.has("auxiliary_assessment_grades"):
        return []
    cite = str(profile.figure("auxiliary_assessment_grades").citation)
    latest = Assessment.objects.filter(staff=OuterRef("pk")).order_by("-period_end", "-pk")
    people = (AuxiliaryStaff.objects.filter(agency=agency, status__in=CURRENT)
              .annotate(last_end=Max("assessments__period_end"),
                        last_effect=Subquery(latest.values("effect")[:1]),
                        last_grade=Subquery(latest.values("grade_label")[:1]))
              .order_by("name", "pk"))
    items = []
    for p in people:
        url = reverse("auxiliary:staff", args=[p.pk])
        who = f"{p.name}（{p.post}）"
        due = assessment_due(profile, p.last_end, p.start)
        if due is not None and today >= due[0] - AHEAD:
            items.append(Item(title="登记辅助人员定期考核", subject=who, process=PROCESS,
                              url=reverse("auxiliary:assess", args=[p.pk]), due=due[0], article=cite,
                              key=f"aux-assess:{p.pk}", note=due[1]))
        if p.end is not None and p.end < today:
            items.append(Item(title="登记续聘或期满离岗", subject=who, process=PROCESS, url=url, due=p.end,
                              article=cite, key=f"aux-term:{p.pk}",
                              note=f"使用期限已于{p.end.year}年{p.end.month}月{p.end.day}日届满"))
        if p.last_effect == "dismiss":
            items.append(Item(title="按考核结果决定是否解除劳动关系", subject=who, process=PROCESS, url=url,
                              article=cite, key=f"aux-dismiss:{p.pk}",
                              note=f"最近一次考核为{p.last_grade}，考核结果作为解除劳动关系的依据"))
    return items
