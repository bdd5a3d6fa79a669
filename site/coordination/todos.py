"""What a dispute leaves waiting on an agency (我的待办 provider, flows.worklist.PROVIDERS): once the notice is
served, each party agency's liaison owes its answer (答复意见 / 情况说明) by the clock that receipt started
(004 争议协调办法 第十二条第（一）项、第十三条); the applicant owes the materials it was asked to supplement
(第十二条第（二）项). The bureau's own steps are viewflow tasks."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from roles.access import agency_of, is_bureau

from .models import Dispute

PROCESS = "争议协调"
ANSWER_RULES = ("dispute_answer_period", "dispute_bureau_report_period")


def agency_answers(user, *, today: dt.date) -> list:
    from flows.worklist import Item, clock_fields, running_clocks

    agency = None if is_bureau(user) else agency_of(user)
    if agency is None:
        return []
    items = []
    # the agency's disputes: those naming it a party, and those it applied for (its matter's agency), as one UNION
    # of two index reads — not one OR across the parties and the matters (a scan of every dispute joined to every
    # open matter: 113 ms for a liaison with none, at 100,000 matters; issue 28)
    theirs = (Dispute.parties.through.objects.filter(agency=agency).values("dispute_id")
              .union(Dispute.objects.filter(matter__agency=agency).values("pk")))
    disputes = Dispute.objects.filter(pk__in=theirs, matter__status="open").order_by("pk")
    for dispute in disputes.select_related("matter"):
        clocks = running_clocks(dispute.matter)
        answer = clocks.filter(rule_key__in=ANSWER_RULES, label__startswith=agency.name).first()
        if answer is not None and not dispute.answers.filter(agency=agency).exists():
            items.append(Item(title="报送答复意见", subject=dispute.matter.title, process=PROCESS,
                              url=reverse("dispute:answer_online", args=[dispute.pk]), key=f"answer:{dispute.pk}",
                              matter_id=dispute.matter_id, **clock_fields(answer)))
        supplement = clocks.filter(rule_key="dispute_supplement_period").first()
        if supplement is not None and dispute.matter.agency_id == agency.pk:
            items.append(Item(title="补正争议协调申请材料", subject=dispute.matter.title, process=PROCESS,
                              url=dispute.matter.admin_url(), key=f"supplement:{dispute.pk}",
                              matter_id=dispute.matter_id, note="补正材料送交区司法局", **clock_fields(supplement)))
    return items
