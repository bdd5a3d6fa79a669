"""Receipt of a coordination document (送达回证) starts the clock that counts from it (第十二条、第十三条).
casework.dispatch sends here the receipt of every kind the coordination process issues (`connect`)."""
from __future__ import annotations

from clocks.services import clock_start
from rules.profiles import get_profile

KINDS = ("coordination_acceptance", "coordination_supplement", "coordination_refusal", "coordination_notice",
         "coordination_opinion", "coordination_proposal")


def connect() -> None:
    from casework.dispatch import on_served

    on_served(process="coordination", kinds=KINDS, handler=start_clock_on_receipt)


def start_clock_on_receipt(*, document, by):
    from .models import SUPPLEMENT, Dispute

    dispute = Dispute.objects.filter(matter_id=document.matter_id).first()
    if dispute is None:
        return
    profile = get_profile(dispute.jurisdiction)
    if document.kind == "coordination_supplement" and dispute.state == SUPPLEMENT:
        clock_start(subject=dispute.matter, profile=profile, rule_key="dispute_supplement_period",
                    started_on=document.received_on, label="申请机关补正材料")
    elif document.kind == "coordination_notice":
        key = "dispute_bureau_report_period" if dispute.bureau_opened else "dispute_answer_period"
        what = "报送争议情况说明" if dispute.bureau_opened else "报送答复意见"
        clock_start(subject=dispute.matter, profile=profile, rule_key=key, started_on=document.received_on,
                    label=f"{document.addressee}{what}")
