"""What the yearly programme leaves waiting outside a flow (我的待办 provider, flows.worklist.PROVIDERS): for an
agency's liaison, its statistics return not yet submitted (统计年报); for the bureau's officers, the year's own
deadlines (publishing the statistics, the yearly 通报) while they run. The rectification after a notification
(限时整改) is a flow (programme/flows.py): its steps reach 我的待办 as the flow's tasks."""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from roles.access import agency_of, groups_of, is_bureau
from roles.definitions import OFFICER

from .models import ProgrammeYear, StatisticsReturn

PROCESS = "年度执法监督"


def returns_and_rectification(user, *, today: dt.date) -> list:
    from clocks.models import RUNNING, Clock
    from flows.worklist import Item, clock_fields, running_clocks

    items = []
    agency = None if is_bureau(user) else agency_of(user)
    if agency is not None:
        for ret in StatisticsReturn.objects.filter(agency=agency, submitted_at__isnull=True).select_related("year"):
            clock = running_clocks(ret).first() or running_clocks(ret.year).filter(
                rule_key="annual_statistics_due").first()
            items.append(Item(title=f"报送{ret.year.year}年度行政执法统计年报", subject=agency.name, process=PROCESS,
                              url=reverse("programme:return", args=[ret.pk]), key=f"return:{ret.pk}",
                              **clock_fields(clock)))
    if OFFICER in groups_of(user) and user.has_perm("programme.manage_programme"):
        years = {py.pk: py for py in ProgrammeYear.objects.all()}
        clocks = Clock.objects.filter(subject_type=ContentType.objects.get_for_model(ProgrammeYear), status=RUNNING)
        for clock in clocks.order_by("due_on", "pk"):
            py = years.get(int(clock.subject_id))
            if py is None:
                continue
            items.append(Item(title=clock.label, subject=f"{py.year}年度", process=PROCESS,
                              url=reverse("programme:year", args=[py.jurisdiction, py.year]),
                              key=f"programme-clock:{clock.pk}", **clock_fields(clock)))
    return items
