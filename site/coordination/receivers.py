"""Receipt of a coordination document (送达回证) starts the clock that counts from it (第十二条、第十三条)."""
from __future__ import annotations

from django.dispatch import receiver

from casework.signals import document_served
from clocks.services import clock_start
from rules.profiles import get_profile


@receiver(document_served, dispatch_uid="coordination_document_served")
def start_clock_on_receipt(sender, document, by, **kwargs):
    from .models import SUPPLEMENT, Dispute

    if not document.kind.startswith("coordination_"):
        return
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
