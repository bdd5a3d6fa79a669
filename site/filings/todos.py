"""What the filings leave waiting (我的待办 provider, flows.worklist.PROVIDERS): for the bureau's officers,
each filed major decision still to be reviewed for legality and propriety, with its review clock
(003 第二十二条; the period is the profile's `filing_review_period`). Two queries for any number of filings."""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from roles.access import groups_of, is_bureau
from roles.definitions import OFFICER

from .models import PENDING, Filing

PROCESS = "重大执法决定备案审查"


def filings_to_review(user, *, today: dt.date) -> list:
    from casework.models import Matter
    from clocks.models import Clock
    from flows.worklist import Item, clock_fields

    if not (is_bureau(user) and OFFICER in groups_of(user)):
        return []
    pending = list(Filing.objects.filter(outcome=PENDING).select_related("agency").order_by("filed_on", "pk"))
    if not pending:
        return []
    clocks = {}
    for clock in Clock.objects.filter(subject_type=ContentType.objects.get_for_model(Matter),
                                      subject_id__in=[str(f.matter_id) for f in pending],
                                      rule_key="filing_review_period").order_by("due_on", "pk"):
        clocks.setdefault(int(clock.subject_id), clock)
    return [Item(title="审查重大执法决定备案（合法性、适当性）", subject=f"{f.agency.name}《{f.title}》{f.decision_number}",
                 process=PROCESS, url=reverse("filings:detail", args=[f.pk]), key=f"filing:{f.pk}",
                 matter_id=f.matter_id, note=f"{f.filed_on:%Y-%m-%d}报备" + ("（逾期报备）" if f.late else ""),
                 **clock_fields(clocks.get(f.matter_id)))
            for f in pending]
