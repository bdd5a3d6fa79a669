"""After an unresolved coordination (004 争议协调办法 第十八条第（二）项): the district government's decision
is recorded in the same file, and an agency that does not execute it is ordered to correct (第二十条:
责令限期纠正; 逾期不纠正的予以通报) — the letter process started at its correction order, same matter."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casework.recusal import require_not_recused
from casework.services import attachment_add, matter_close, matter_handoff
from roles.access import require

from .models import DECIDED, PROPOSED, Dispute
from .services import APPROVE, DOC, HANDLE, _lock, _record

ARTICLE = f"{DOC}第二十条"


@transaction.atomic
def government_decision_record(*, dispute: Dispute, by, decided_by: str, decided_on: dt.date, text: str,
                               upload=None) -> Dispute:
    """第十八条第（二）项: the government decides on the proposal; the bureau records who decided, when, what,
    with the decision's file, and supervises its execution (第二十条)."""
    require(by, HANDLE, "只有司法局经办人可以登记区政府的决定。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state == DECIDED:
        raise ValidationError("区政府的决定已经登记，不能重复登记。")
    if dispute.state != PROPOSED:
        raise ValidationError("争议协调尚未以“未达成一致、报请区政府决定”结束，不能登记区政府的决定。")
    if not (decided_by or "").strip() or not (text or "").strip():
        raise ValidationError("请填写作出决定的机关和决定内容。")
    proposal = dispute.matter.documents.filter(kind="coordination_proposal").order_by("-pk").first()
    if decided_on is None or decided_on > timezone.localdate() or (proposal and decided_on < proposal.issued_on):
        raise ValidationError("请填写区政府作出决定的日期（报请之后、不晚于今天）。")
    matter = matter_handoff(matter=dispute.matter, by=by,
                            text=f"登记{decided_by.strip()}对争议协调建议的决定（{decided_on:%Y-%m-%d}）：{text.strip()}")
    dispute.matter = matter
    if upload is not None:
        dispute.decision_attachment = attachment_add(matter=matter, upload=upload, by=by,
                                                     description=f"{decided_by.strip()}调处决定")
    dispute.decided_by, dispute.decided_on, dispute.decision_text = decided_by.strip()[:100], decided_on, text.strip()
    dispute.decision_recorded_by = by
    dispute.save()
    _record(dispute, title=f"区政府调处决定：{matter.title}", body=dispute.decision_text, outcome="区政府已作出决定",
            article=f"{DOC}第十八条第（二）项", decided_on=decided_on)
    return dispute


@transaction.atomic
def correction_order(*, dispute: Dispute, by, agency, findings: str, request: str):
    """第二十条: an agency that does not execute the government's decision is ordered to correct."""
    from letters.services import letter_start

    require(by, "letters.draft_letter", "只有司法局经办人可以起草责令限期纠正通知书。")
    dispute = _lock(dispute)
    if dispute.state != DECIDED:
        raise ValidationError("尚未登记区政府对争议的决定，不能责令限期纠正（第二十条）。")
    if agency is None or agency.pk not in {a.pk for a in dispute.all_agencies()}:
        raise ValidationError("只能选择本争议的相关机关。")
    return letter_start(by=by, matter=dispute.matter, agency=agency, order=True, ground="dispute_decision",
                        findings=findings, request=request,
                        handoff=f"{agency.name}不执行{dispute.decided_by}{dispute.decided_on:%Y年%m月%d日}的调处决定，"
                                f"依{ARTICLE}转入责令限期纠正。")


@transaction.atomic
def decision_executed(*, dispute: Dispute, by, note: str = "") -> Dispute:
    """第二十条: the bureau finds the government's decision executed; the coordination ends (the file closes
    once no correction order in it still runs)."""
    require(by, HANDLE, "只有司法局经办人可以登记调处决定的执行情况。")
    dispute = _lock(dispute)
    if dispute.state != DECIDED:
        raise ValidationError("尚未登记区政府对争议的决定，不能登记执行完毕。")
    dispute.finished_on = timezone.localdate()
    dispute.save()
    note = (note or "").strip()
    matter_close(matter=dispute.matter, by=by, outcome=f"{dispute.decided_by}的调处决定已执行" + (f"：{note}" if note else ""))
    return dispute


__all__ = ["APPROVE", "correction_order", "decision_executed", "government_decision_record"]
