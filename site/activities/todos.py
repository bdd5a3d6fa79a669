"""What the activities leave waiting on an agency's liaison (我的待办 provider, flows.worklist.PROVIDERS): the
attendance to record at the major-case discussions, hearings and 论证会 its own agency organised and invited
supervisors to (000 第九条第（四）项), from the day the activity is held. The rules set no time for recording
it, so the item has no due date. One query."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse

from .models import INVITED, Activity
from .selectors import agency_invitation_kinds, agency_of, is_liaison


def attendance_to_record(user, *, today: dt.date) -> list:
    from flows.worklist import Item
    from rules.profiles import get_profile

    if not is_liaison(user) or not agency_invitation_kinds(user):
        return []
    agency = agency_of(user)
    article = str(get_profile(agency.jurisdiction).figure("agency_invitation_kinds").citation)
    activities = (
        Activity.objects.filter(organiser=agency, held_on__lte=today)
        .annotate(waiting=Count("invitations", filter=Q(invitations__status=INVITED)))
        .filter(waiting__gt=0)
        .order_by("held_on", "pk")
    )
    return [
        Item(
            title="登记监督员出席情况",
            subject=str(a),
            process="执法机关邀请监督员参加的活动",
            url=reverse("activities_admin:activity", args=[a.pk]),
            article=article,
            key=f"attendance:{a.pk}",
            note=f"{a.waiting}名监督员待登记",
        )
        for a in activities
    ]
