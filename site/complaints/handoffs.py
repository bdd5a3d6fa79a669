"""Hand-offs from a complaint into the next process, in the complaint's own file (一案一档, 004 监督意见书制度
第十一条). 004 投诉举报制度 第十一条: a substantiated complaint → 责令限期改正 (the letter process) and the
responsible staff's accountability, and a suspected crime is referred to the judicial organs (移送, a
confidential decision record and the 移送函, through referrals.services.refer); 004 监督意见书制度 第十条: an
agency obstructing the investigation is ordered to correct. Each locks the complaint, checks that its step
has ended, then calls the one service that starts the next process (letters.services.letter_start, accountability.services.case_intake)."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from roles.access import require
from rules.profiles import get_profile

from .models import ACCEPTED, ANSWERED, ENFORCEMENT, PARTLY, REVIEWED, SUBSTANTIATED, Complaint

HANDOFF_ARTICLE = "《行政执法投诉举报制度》第十一条"


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update(of=("self",)).select_related("matter__agency").get(pk=complaint.pk)


def substantiated(complaint: Complaint) -> bool:
    return (complaint.category == ENFORCEMENT and complaint.matter_id is not None
            and complaint.status in (REVIEWED, ANSWERED) and complaint.outcome in (SUBSTANTIATED, PARTLY))


def _require_substantiated(complaint: Complaint, what: str) -> None:
    if not substantiated(complaint):
        raise ValidationError(f"投诉举报尚未经领导集体讨论审定为查证属实（或部分属实），不能转入{what}"
                              f"（{HANDOFF_ARTICLE}）。")


def _summary(complaint: Complaint) -> str:
    # what the bureau found, never the complainant's identity (the file is read by the agency's liaison)
    return f"投诉举报{complaint.receipt_number}经集体审定{complaint.get_outcome_display()}：{complaint.review_decision}"


@transaction.atomic
def complaint_to_letter(*, complaint: Complaint, by, ground: str, findings: str, request: str):
    """第十一条 责令限期改正: the letter (监督意见书/建议书) in the complaint's file."""
    from letters.services import letter_start

    require(by, "letters.draft_letter", "只有司法局经办人可以起草监督意见书。")
    complaint = _locked(complaint)
    _require_substantiated(complaint, "监督意见书程序")
    if complaint.matter.letters.exclude(ground="obstruction").exists():
        raise ValidationError("本投诉举报已转入监督意见书程序，不能重复转入。")
    return letter_start(by=by, matter=complaint.matter, ground=ground, findings=findings, request=request,
                        handoff=f"{_summary(complaint)}。依{HANDOFF_ARTICLE}转入监督意见书程序，责令限期改正。")


@transaction.atomic
def complaint_to_accountability(*, complaint: Complaint, by, kind: str, grounds=(), wrong_ground: str = "",
                                aux_acts=()):
    """第十一条 追究责任人的责任: an accountability case in the complaint's file."""
    from accountability.services import case_intake

    require(by, "accountability.handle_case", "只有司法局经办人可以受理责任追究线索。")
    complaint = _locked(complaint)
    _require_substantiated(complaint, "责任追究程序")
    return case_intake(by=by, matter=complaint.matter, kind=kind, origin="complaint", grounds=grounds,
                       wrong_ground=wrong_ground, aux_acts=aux_acts,
                       handoff=f"{_summary(complaint)}。依{HANDOFF_ARTICLE}转入责任追究程序。")


@transaction.atomic
def obstruction_order(*, complaint: Complaint, by, findings: str, request: str):
    """004 监督意见书制度 第十条: the agency does not cooperate with the investigation → 责令限期纠正, in the
    complaint's file, while the investigation goes on."""
    from letters.services import letter_start

    require(by, "letters.draft_letter", "只有司法局经办人可以起草责令限期纠正通知书。")
    complaint = _locked(complaint)
    if complaint.status != ACCEPTED or complaint.matter_id is None:
        raise ValidationError("只有受理后调查中的投诉举报可以登记妨碍调查并责令纠正。")
    profile = get_profile(complaint.jurisdiction)
    if not profile.has("order_for_obstruction"):
        raise ValidationError(f"{profile.name}的规则中没有妨碍调查责令限期纠正的规定。")
    cite = profile.figure("order_for_obstruction").citation
    if not (findings or "").strip():
        raise ValidationError("请写明被投诉举报机关不配合调查、妨碍监督的事实。")
    return letter_start(by=by, matter=complaint.matter, order=True, ground="obstruction", findings=findings,
                        request=request,
                        handoff=f"调查投诉举报{complaint.receipt_number}时，被投诉举报机关不配合调查：{findings.strip()}"
                                f"依{cite}责令限期纠正。")


@transaction.atomic
def complaint_referral(*, complaint: Complaint, by, to: str, reasons: str, persons: str = ""):
    """第十一条 涉嫌构成犯罪的，依法移送司法机关处理: decided by the head through the one referral door
    (referrals.services.refer: the 移送函 to the judicial organ, a confidential record in the complaint's file)."""
    from referrals.services import refer

    require(by, "complaints.decide_complaint", "只有司法局负责人可以决定移送司法机关。")
    complaint = _locked(complaint)
    _require_substantiated(complaint, "移送司法机关")
    return refer(matter=complaint.matter, by=by, source="complaint", destination="judicial", to=to,
                 reasons=f"{_summary(complaint)}。涉嫌犯罪的事实：{(reasons or '').strip()}" if (reasons or "").strip()
                 else "", persons=persons or complaint.officer_named)
