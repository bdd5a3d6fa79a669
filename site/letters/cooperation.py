"""Cooperation in investigations (004 行政执法监督意见书制度 第六条、第十条; 003 第二十五条): the agency must cooperate
(为调查提供便利，主动说明情况，提供相关资料); a refusal or obstruction is recorded in the matter where it happened.
Enshi (the profile's `cooperation_accountability`): it goes to the directly responsible staff's accountability
(第三十二条第一款第（四）项) through accountability.services.case_intake. Wulong: it leads to a
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

# 投诉 第十五条: a file about the bureau's own staff has no agency under supervision, so nobody to refuse it
NO_AGENCY = "该案卷追究本机关工作人员的责任，没有被监督机关，不能登记不配合监督。"


def _article(item: dict) -> str:
    return str(item["citation"])[:100]  # 《document》article, or the measures' own title (003)


@transaction.atomic
def refusal_record(*, matter: Matter, by, kind: str, facts: str, occurred_on: dt.date | None, request: str,
                   serious: bool = False, serious_reason: str = "") -> CooperationRefusal:
    from .services import letter_start

    require(by, "letters.draft_letter", "只有司法局经办人可以登记不配合监督的情况。")
    matter = Matter.objects.select_for_update(of=("self",)).select_related("agency").get(pk=matter.pk)
    require_not_recused(by, matter)
    if matter.agency_id is None:
        raise ValidationError(NO_AGENCY)
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
    if profile.has("cooperation_accountability"):  # 003 第二十五条 → 第三十二条第一款第（四）项
        refusal.serious, refusal.serious_reason = False, ""
        refusal.case = _refusal_case(matter=matter, by=by, profile=profile, item=item, article=refusal.article,
                                     facts=facts.strip(), occurred_on=occurred_on)
        refusal.full_clean()
        refusal.save()
        rule = profile.figure("cooperation_accountability")
        log(matter, by, f"登记不配合监督：{item['label']}（{refusal.article}），依{rule.citation}转入责任追究"
                        f"（{refusal.case.matter.number}）。")
        return refusal
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


def _refusal_case(*, matter: Matter, by, profile, item: dict, article: str, facts: str, occurred_on: dt.date):
    """The accountability case a refusal goes to (the profile's `cooperation_accountability`: its fault ground
    and source), through the one intake door: the case an earlier refusal of this matter opened; else in this
    file (一案一档); else, the file having a case of its own already, a file of its own."""
    from accountability.models import Case
    from accountability.services import case_intake

    earlier = CooperationRefusal.objects.filter(matter=matter, case__isnull=False).order_by("pk").first()
    if earlier is not None:
        return earlier.case
    rule = profile.figure("cooperation_accountability")
    what = (f"{matter.agency.name}{occurred_on:%Y年%-m月%-d日}{item['label']}（{article}）：{facts}。"
            f"依{rule.citation}，对直接负责的主管人员和其他直接责任人员依纪依法处理。")
    common = {"by": by, "kind": "fault", "origin": rule.value["origin"], "grounds": [rule.value["ground"]]}
    if Case.objects.filter(matter=matter).exists():
        return case_intake(agency=matter.agency, title=f"不配合行政执法监督：{matter.title}"[:200], facts=what,
                           **common)
    return case_intake(matter=matter, handoff=f"{what}转入责任追究程序。", **common)


def refusals(matter) -> list[CooperationRefusal]:
    return list(CooperationRefusal.objects.filter(matter=matter).select_related("letter", "recorded_by", "case__matter",
                                                                           "referral__document"))


def referral_needed(jurisdiction: str | None = None):
    """Serious refusals awaiting referral (意见书 第十条; the officers' 我的待办, referrals.todos)."""
    qs = CooperationRefusal.objects.filter(serious=True, referral__isnull=True).select_related("matter", "agency")
    return qs.filter(matter__jurisdiction=jurisdiction) if jurisdiction else qs
