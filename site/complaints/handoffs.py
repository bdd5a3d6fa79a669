"""Hand-offs from a complaint into the next process, in the complaint's own file (一案一档, 004 监督意见书制度
第十一条). 004 投诉举报制度 第十一条: a substantiated complaint → 责令限期改正 (the letter process) and the
responsible staff's accountability, and a suspected crime is referred to the judicial organs (移送, a
confidential decision record and the 移送函, through referrals.services.refer); 004 监督意见书制度 第十条: an
agency obstructing the investigation is ordered to correct. Each locks the complaint, checks that its step
has ended, then calls the one service that starts the next process (letters.services.letter_start, accountability.services.case_intake)."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import require, require_own_jurisdiction
from rules.profiles import get_profile

from .models import (
    ACCEPTED,
    ANSWERED,
    ENFORCEMENT,
    PARTLY,
    REVIEWED,
    SUBSTANTIATED,
    Complaint,
    ComplaintMisconduct,
)

HANDOFF_ARTICLE = "《行政执法投诉举报制度》第十一条"


def _require(by, complaint: Complaint, perm: str, message: str) -> None:
    """The handoff's permission, on a complaint of the actor's own jurisdiction."""
    require(by, perm, message)
    require_own_jurisdiction(by, complaint.jurisdiction)


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

    _require(by, complaint, "letters.draft_letter", "只有司法局经办人可以起草监督意见书。")
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

    _require(by, complaint, "accountability.handle_case", "只有司法局经办人可以受理责任追究线索。")
    complaint = _locked(complaint)
    _require_substantiated(complaint, "责任追究程序")
    return case_intake(by=by, matter=complaint.matter, kind=kind, origin="complaint", grounds=grounds,
                       wrong_ground=wrong_ground, aux_acts=aux_acts,
                       handoff=f"{_summary(complaint)}。依{HANDOFF_ARTICLE}转入责任追究程序。")


# the 第十五条 finding (profile complaint_misconduct): the persons concerned are the bureau's own staff who handled
# the complaint, not the complained-about agency's
HANDLER = "handler"


def misconduct_rule(jurisdiction: str) -> tuple[list[dict], str]:
    """(kinds, citation) of the findings 投诉 第十三条、第十五条 hand into accountability; ([], "") elsewhere."""
    profile = get_profile(jurisdiction)
    if not profile.has("complaint_misconduct"):
        return [], ""
    return profile.choices("complaint_misconduct"), str(profile.figure("complaint_misconduct").citation)


@transaction.atomic
def misconduct_to_accountability(*, complaint: Complaint, by, misconduct: str, facts: str, kind: str, grounds=(),
                                 wrong_ground: str = "", aux_acts=()) -> ComplaintMisconduct:
    """投诉 第十三条 (the complained party or another party obstructed the handling or retaliated against the
    complainant) / 第十五条 (the receiving organ's staff abused power, favoured, took bribes, neglected duty…):
    the finding recorded on the complaint, and the accountability case taken in — in the complaint's file, or,
    where that file already has its case, in a file of its own with the step logged in the complaint's."""
    from accountability.models import Case
    from accountability.services import case_intake
    from casework.services import log

    _require(by, complaint, "accountability.handle_case", "只有司法局经办人可以受理责任追究线索。")
    complaint = _locked(complaint)
    kinds, cite = misconduct_rule(complaint.jurisdiction)
    if not kinds:
        raise ValidationError("本辖区的规则中没有投诉举报办理中打击报复、工作人员违法追究责任的规定。")
    items = {c["code"]: c for c in kinds}
    if misconduct not in items:
        raise ValidationError(f"请选择应追究责任的情形（{cite}）。")
    if complaint.matter_id is None and misconduct != HANDLER:
        raise ValidationError("投诉举报尚未受理立卷，不能在其案卷中转入责任追究。")
    item = items[misconduct]
    article = str(item["citation"])
    if complaint.misconduct.filter(kind=misconduct).exists():
        raise ValidationError(f"该投诉举报已就“{item['label']}”转入责任追究，不能重复转入。")
    facts = (facts or "").strip()
    if not facts:
        raise ValidationError("请写明认定的事实。")
    what = f"投诉举报{complaint.receipt_number}办理中认定：{item['label']}。{facts}。依{article}追究责任。"
    if misconduct == HANDLER:  # 第十五条: the bureau's own staff, in a file of their own that no agency reads
        case = case_intake(by=by, bureau_staff_of=complaint.jurisdiction, kind=kind, origin="complaint",
                           grounds=grounds, wrong_ground=wrong_ground, aux_acts=aux_acts,
                           title=f"投诉举报{complaint.receipt_number}：受理机关工作人员违法"[:200], facts=what)
        if complaint.matter_id is not None:
            log(complaint.matter, by, f"{what}已在{case.matter.number}中对本机关工作人员受理责任追究。")
    elif Case.objects.filter(matter=complaint.matter).exists():  # the file's own case: this one in a file of its own
        case = case_intake(by=by, agency=complaint.matter.agency, kind=kind, origin="complaint", grounds=grounds,
                           wrong_ground=wrong_ground, aux_acts=aux_acts,
                           title=f"投诉举报{complaint.receipt_number}：{item['label']}"[:200], facts=what)
        log(complaint.matter, by, f"{what}已在{case.matter.number}中受理责任追究。")
    else:
        case = case_intake(by=by, matter=complaint.matter, kind=kind, origin="complaint", grounds=grounds,
                           wrong_ground=wrong_ground, aux_acts=aux_acts, handoff=f"{what}转入责任追究程序。")
    row = ComplaintMisconduct(complaint=complaint, kind=misconduct, kind_label=item["label"][:200],
                              article=article[:100], facts=facts, found_on=timezone.localdate(), recorded_by=by,
                              case=case)
    row.full_clean(exclude=["case", "complaint"])
    row.save()
    return row


@transaction.atomic
def obstruction_order(*, complaint: Complaint, by, findings: str, request: str):
    """004 监督意见书制度 第十条: the agency does not cooperate with the investigation → 责令限期纠正, in the
    complaint's file, while the investigation goes on."""
    from letters.services import letter_start

    _require(by, complaint, "letters.draft_letter", "只有司法局经办人可以起草责令限期纠正通知书。")
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

    _require(by, complaint, "complaints.decide_complaint", "只有司法局负责人可以决定移送司法机关。")
    complaint = _locked(complaint)
    _require_substantiated(complaint, "移送司法机关")
    return refer(matter=complaint.matter, by=by, source="complaint", destination="judicial", to=to,
                 reasons=f"{_summary(complaint)}。涉嫌犯罪的事实：{(reasons or '').strip()}" if (reasons or "").strip()
                 else "", persons=persons or complaint.officer_named)
