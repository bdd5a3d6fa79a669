"""A letter's hand-off into accountability in the same file (一案一档): 拒不执行行政执法监督决定 is one of the
behaviours for which the persons responsible are dealt with (003 第三十二条第一款第（五）项). Once the agency let
the 决定书's report period run out without reporting its execution (第二十八条第二款), the officers take the case
into the accountability process, which Enshi's profile drives (its behaviours, shares, sanctions, 容错)."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clocks.models import MET
from roles.access import require
from rules.profiles import get_profile

from .models import Letter

REFUSE_DECISION = "refuse_decision"  # the profile's fault_grounds item: 拒不执行行政执法监督决定


def refusal_ground(letter: Letter) -> dict | None:
    """The profile's 拒不执行行政执法监督决定 behaviour, where the jurisdiction's accountability lists it."""
    profile = get_profile(letter.jurisdiction)
    if not profile.has("fault_grounds"):
        return None
    return next((i for i in profile.choices("fault_grounds") if i["code"] == REFUSE_DECISION), None)


def may_hand_off(letter: Letter, today=None) -> bool:
    """The 决定书 was served and its report period ran out without the execution reported and accepted, and no
    accountability case is in the file yet."""
    from accountability.models import Case

    clock = letter.decision_clock if letter.decision_clock_id else None
    today = today or timezone.localdate()
    return (refusal_ground(letter) is not None and letter.decision_document_id is not None and clock is not None
            and clock.status != MET and clock.due_on < today
            and not Case.objects.filter(matter_id=letter.matter_id).exists())


@transaction.atomic
def letter_to_accountability(*, letter: Letter, by):
    from accountability.services import case_intake

    require(by, "accountability.handle_case", "只有司法局经办人可以受理责任追究线索。")
    letter = Letter.objects.select_for_update(of=("self",)).select_related("matter__agency", "decision_clock").get(
        pk=letter.pk)
    ground = refusal_ground(letter)
    if ground is None:
        raise ValidationError(f"{get_profile(letter.jurisdiction).name}的规则中没有“拒不执行行政执法监督决定”的责任追究情形。")
    if not may_hand_off(letter):
        clock = letter.decision_clock if letter.decision_clock_id else None
        if clock is not None and clock.status != MET and clock.due_on >= timezone.localdate():
            raise ValidationError(f"执行情况报告期限至{clock.due_on:%Y-%m-%d}（{clock.citation}），期限届满仍未报告的，"
                                  "方可转入责任追究。")
        raise ValidationError("本事项尚不具备转入责任追究的条件：监督决定书送达后执行情况报告期限届满仍未报告，"
                              "且尚未转入责任追究。")
    clock = letter.decision_clock
    return case_intake(by=by, matter=letter.matter, kind="fault", origin="letter", grounds=[REFUSE_DECISION],
                       handoff=f"被监督机关收到《{letter.decision_document.kind_label}》{letter.decision_document.doc_number}后，"
                               f"执行情况报告期限（至{clock.due_on:%Y-%m-%d}）届满仍未报告，"
                               f"依{ground['citation']}转入责任追究程序。")
