"""Reads of dispute coordination: a matter's running clock by rule, the open disputes, the stand-still."""
from __future__ import annotations

from clocks.models import RUNNING
from clocks.services import clocks_for

from .models import Dispute


def clock_of(matter, rule_keys, *, agency=None):
    """The running clock of `matter` under one of `rule_keys` (for an agency's answer: the one naming it)."""
    keys = (rule_keys,) if isinstance(rule_keys, str) else tuple(rule_keys)
    qs = clocks_for(matter).filter(rule_key__in=keys, status=RUNNING).order_by("-pk")
    if agency is not None:
        qs = qs.filter(label__contains=agency.name)
    return qs.first()


def government_of(profile) -> str:
    """第六条: the district government the bureau reports to."""
    return f"{profile.name}人民政府"


def dispute_of(matter):
    return Dispute.objects.filter(matter=matter).select_related("matter__agency").first()


def open_disputes(jurisdiction: str | None = None):
    """Disputes still before the opinion or the proposal (第十六条's stand-still may apply): not refused,
    withdrawn or concluded, read from the recorded facts."""
    qs = (Dispute.objects.filter(refusal_ground="", withdrawn_on__isnull=True, agreed__isnull=True,
                                 matter__status="open").select_related("matter__agency"))
    return qs.filter(matter__jurisdiction=jurisdiction) if jurisdiction else qs


def processes_of(dispute):
    from .models import DisputeProcess

    return DisputeProcess.objects.filter(flow_class="coordination/flows.CoordinationFlow",
                                         artifact_object_id=dispute.pk,
                                         artifact_content_type__app_label="coordination",
                                         artifact_content_type__model="dispute")


def open_task(dispute, node_name: str):
    """The dispute's task waiting at `node_name` (not yet done), or None."""
    from viewflow.workflow.models import Task

    from flows.stage import ACTIVE as OPEN

    return (Task.objects.filter(process__in=processes_of(dispute), status__in=OPEN,
                                flow_task=f"coordination/flows.CoordinationFlow.{node_name}")
            .select_related("process").order_by("pk").first())


def stand_still_text(dispute) -> str:
    """第十六条, shown on every screen of the matter while the coordination runs."""
    if dispute is None or not dispute.stand_still:
        return ""
    names = "、".join(a.name for a in dispute.all_agencies())
    return (f"争议协调进行中（{dispute.matter.number}）：在协调意见或区政府决定作出前，{names}不得单方面就争议事项"
            "作出行政执法行为；关系公共安全或公民人身安全的除外，特殊或紧急情况需立即执法的应报区政府决定；"
            "不及时处置可能造成难以挽回损失的，应依法及时采取临时性处置措施。"
            "（行政执法争议协调办法第十六条）")


def party_disputes(agency):
    """Coordinations `agency` takes part in, as applicant or as another party, newest first."""
    from django.db.models import Q

    return (Dispute.objects.filter(Q(matter__agency=agency) | Q(parties=agency)).distinct()
            .select_related("matter__agency").order_by("-received_on", "-pk"))
