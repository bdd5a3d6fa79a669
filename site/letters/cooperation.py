"""Cooperation in investigations (004 行政执法监督意见书制度 第六条、第十条): the agency must cooperate (为调查提供
便利，主动说明情况，提供相关资料); a refusal or obstruction is recorded in the matter where it happened and leads to a
correction order (责令限期纠正通知书) in the same file — the letter's flow then issues the 通报 when it is not
corrected in time (letters.flows escalate, profile final_measures). A serious case is recorded as needing
referral (情节严重的，依法依规予以处理); the referral itself is the referral process's."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casework.models import Matter
from casework.recusal import require_not_recused
from casework.services import log
from roles.access import require
from rules.profiles import get_profile

from .models import CooperationRefusal, Letter


def _article(item: dict) -> str:
    document = item["citation"].document
    return (f"《{document}》{item['article']}" if document else item["article"])[:100]


@transaction.atomic
def refusal_record(*, matter: Matter, by, kind: str, facts: str, occurred_on: dt.date | None, request: str,
                   serious: bool = False, serious_reason: str = "") -> CooperationRefusal:
    from .services import letter_start

    require(by, "letters.draft_letter", "只有司法局经办人可以登记不配合监督的情况。")
    matter = Matter.objects.select_for_update().select_related("agency").get(pk=matter.pk)
    require_not_recused(by, matter)
    profile = get_profile(matter.jurisdiction)
    if not profile.has("cooperation_refusals"):
        raise ValidationError(f"{profile.name}的规则中没有不配合监督的处理规定。")
    item = next((i for i in profile.choices("cooperation_refusals") if i["code"] == kind), None)
    if item is None:
        raise ValidationError("请选择不配合监督的情形。")
    if occurred_on is None:
        raise ValidationError("请填写发生日期。")
    if occurred_on > timezone.localdate():
        raise ValidationError("发生日期不能晚于今天。")
    if occurred_on < matter.opened_on:
        raise ValidationError(f"发生日期不能早于立案日期（{matter.opened_on:%Y-%m-%d}）。")
    if not (facts or "").strip():
        raise ValidationError("请写明不配合、妨碍监督的事实。")
    if serious and not (serious_reason or "").strip():
        raise ValidationError("认定情节严重的，请写明理由。")
    refusal = CooperationRefusal(matter=matter, agency=matter.agency, kind=kind, kind_label=item["label"][:100],
                                 article=_article(item),
                                 occurred_on=occurred_on, facts=facts.strip(), serious=bool(serious),
                                 serious_reason=(serious_reason or "").strip(), recorded_by=by)
    # the correction order in the same file; one per matter: a second refusal is recorded beside the first order
    existing = Letter.objects.filter(matter=matter, ground="obstruction").order_by("pk").first()
    if existing is None:
        if not (request or "").strip():
            raise ValidationError("请填写责令纠正的要求（如限期提供有关资料、说明情况）。")
        refusal.letter = letter_start(by=by, matter=matter, order=True, ground="obstruction", findings=facts,
                                      request=request,
                                      handoff=f"{matter.agency.name}{item['label']}（{refusal.article}），"
                                              "责令限期纠正。")
    else:
        refusal.letter = existing
    refusal.full_clean()
    refusal.save()
    log(matter, by, f"登记不配合监督：{item['label']}（{refusal.article}）。" +
        ("情节严重，需依法依规处理（移送）。" if serious else ""))
    return refusal


def refusals(matter) -> list[CooperationRefusal]:
    return list(CooperationRefusal.objects.filter(matter=matter).select_related("letter", "recorded_by"))


def referral_needed(jurisdiction: str | None = None):
    """Serious refusals awaiting referral (for the referral process and the assessment)."""
    qs = CooperationRefusal.objects.filter(serious=True).select_related("matter", "agency")
    return qs.filter(matter__jurisdiction=jurisdiction) if jurisdiction else qs
