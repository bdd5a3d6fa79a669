"""Transport, meal and accident-insurance support per activity and participant (002 第四条第（五）项), with the
yearly sums. On where the profile's `activity_support` lists items; elsewhere refused with its note."""
from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from casework.money import summed as _yuan
from casework.money import yuan
from roles import access
from rules.profiles import get_profile

from .models import PRESENT, ActivitySupport, Invitation

PERM = "activities.record_support"


def support_on(jurisdiction: str) -> bool:
    profile = get_profile(jurisdiction)
    return profile.has("activity_support") and bool(profile.choices("activity_support"))


MAX_SUPPORT = "99999.99"  # the largest support per item and activity accepted


def _amount(value, label: str) -> Decimal:
    return yuan(value, label, maximum=MAX_SUPPORT)


@transaction.atomic
def support_record(*, invitation: Invitation, transport, meal, insured: bool, policy_no: str = "", by
                   ) -> ActivitySupport:
    """Record (or correct) one participant's support for one activity the bureau organised."""
    access.require(by, PERM, "您没有登记活动保障的权限。")
    invitation = Invitation.objects.select_for_update().select_related("activity", "supervisor").get(pk=invitation.pk)
    jurisdiction = invitation.activity.jurisdiction
    access.require_own_jurisdiction(by, jurisdiction)
    profile = get_profile(jurisdiction)
    if not support_on(jurisdiction):
        f = profile.figure("activity_support") if profile.has("activity_support") else None
        raise ValidationError(f"{profile.name}的办法未规定参加活动的交通、误餐、保险保障，不能登记"
                              + (f"（{f.citation}：{f.note}）" if f else "。"))
    if invitation.activity.organiser_id:
        raise ValidationError("只登记司法行政机关组织的监督活动的保障；执法机关组织的活动不在此列。")
    if invitation.status != PRESENT:
        raise ValidationError(f"{invitation.supervisor.name}未登记出席该活动，不能登记保障。")
    transport, meal = _amount(transport, "交通补助"), _amount(meal, "误餐补助")
    policy_no = (policy_no or "").strip()
    if insured and not policy_no:
        raise ValidationError("已投保意外伤害保险的，请填写保单号。")
    support = ActivitySupport.objects.filter(invitation=invitation).first() or ActivitySupport(invitation=invitation)
    support.jurisdiction, support.transport, support.meal = jurisdiction, transport, meal
    support.insured, support.policy_no = bool(insured), policy_no[:64] if insured else ""
    support.article = str(profile.figure("activity_support").citation)[:100]
    support.recorded_by, support.recorded_on = by, timezone.localdate()
    support.full_clean(exclude=["invitation"])
    support.save()
    return support


def yearly_sums(jurisdiction: str, year: int) -> list[dict]:
    """Per supervisor: activities supported, transport, meal, total, insured count — and a 合计 row."""
    rows = (ActivitySupport.objects.filter(jurisdiction=jurisdiction, invitation__activity__held_on__year=year)
            .values("invitation__supervisor__name", "invitation__supervisor_id")
            .annotate(n=Count("pk"), transport=Sum("transport"), meal=Sum("meal"),
                      insured=Count("pk", filter=Q(insured=True)))
            .order_by("invitation__supervisor__name"))
    out = [{"name": r["invitation__supervisor__name"], "supervisor_id": r["invitation__supervisor_id"],
            "n": r["n"], "transport": _yuan(r["transport"]), "meal": _yuan(r["meal"]),
            "total": _yuan(r["transport"]) + _yuan(r["meal"]), "insured": r["insured"]} for r in rows]
    if out:
        out.append({"name": "合计", "supervisor_id": None, "n": sum(r["n"] for r in out),
                    "transport": sum(r["transport"] for r in out), "meal": sum(r["meal"] for r in out),
                    "total": sum(r["total"] for r in out), "insured": sum(r["insured"] for r in out)})
    return out


def supervisor_year(supervisor, year: int) -> dict:
    agg = ActivitySupport.objects.filter(invitation__supervisor=supervisor, invitation__activity__held_on__year=year) \
        .aggregate(n=Count("pk"), transport=Sum("transport"), meal=Sum("meal"))
    transport, meal = _yuan(agg["transport"]), _yuan(agg["meal"])
    return {"year": year, "n": agg["n"], "transport": transport, "meal": meal, "total": transport + meal}
