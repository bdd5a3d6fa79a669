"""行政执法监督联系点 (Enshi 003 第十条第一款): the one door for the register of supervision contact points at
government service centres, grassroots stations, representative enterprises and industry associations, and
for what the public and the staff see of them. The kinds come from the profile
(`supervision_contact_points`); a jurisdiction whose rules have none keeps no register. A complaint passed
on by a contact point is entered with the channel 监督联系点转来 and the point (services.complaint_receive),
so the complaints each point brought are counted per year."""
from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from roles.access import is_bureau, require_own_jurisdiction
from rules.profiles import get_profile

from .models import ContactPoint

KEY = "supervision_contact_points"
MANAGE = "complaints.handle_complaint"
MANAGE_MSG = "只有司法局经办人可以登记和管理行政执法监督联系点。"
PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


def provided(jurisdiction: str) -> bool:
    profile = get_profile(jurisdiction)
    return profile.has(KEY) and bool(profile.choices(KEY))


def citation(jurisdiction: str) -> str:
    return str(get_profile(jurisdiction).figure(KEY).citation) if provided(jurisdiction) else ""


def kinds(jurisdiction: str) -> list[dict]:
    return get_profile(jurisdiction).choices(KEY) if provided(jurisdiction) else []


def public_points(jurisdiction: str):
    """What anyone may see: the running points' name, kind and address (never the contact person)."""
    if not provided(jurisdiction):
        return ContactPoint.objects.none()
    return ContactPoint.objects.filter(jurisdiction=jurisdiction, active=True).only(
        "name", "kind_label", "address").order_by("kind", "name")


def _check(jurisdiction: str, data: dict) -> dict:
    items = {k["code"]: k for k in kinds(jurisdiction)}
    if not items:
        raise ValidationError(f"{get_profile(jurisdiction).name}的规则中没有行政执法监督联系点。")
    errors: dict[str, list[str]] = {}
    clean = {f: (data.get(f) or "").strip() for f in ("name", "address", "contact_name", "contact_phone")}
    clean["contact_phone"] = clean["contact_phone"].replace(" ", "")
    for field, label in (("name", "联系点名称"), ("address", "地址"), ("contact_name", "联系人"),
                         ("contact_phone", "联系电话")):
        if not clean[field]:
            errors.setdefault(field, []).append(f"请填写{label}。")
    if clean["contact_phone"] and not PHONE.match(clean["contact_phone"]):
        errors.setdefault("contact_phone", []).append("请填写有效的手机号码或固定电话（如0718-8212345）。")
    kind = data.get("kind") or ""
    if kind not in items:
        errors.setdefault("kind", []).append(
            f"请选择联系点类别：{'、'.join(k['label'] for k in items.values())}（{citation(jurisdiction)}）。")
    established = data.get("established_on")
    if established is None:
        errors.setdefault("established_on", []).append("请填写设立日期。")
    elif established > timezone.localdate():
        errors.setdefault("established_on", []).append("设立日期不能晚于今天。")
    if errors:
        raise ValidationError(errors)
    return {**clean, "kind": kind, "kind_label": items[kind]["label"], "established_on": established}


@transaction.atomic
def contact_point_save(*, by, jurisdiction: str, data: dict, point: ContactPoint | None = None) -> ContactPoint:
    """Register a contact point, or correct one (`point`); all or nothing, refusals in Chinese by field."""
    if not by.has_perm(MANAGE) or not is_bureau(by):
        raise PermissionDenied(MANAGE_MSG)
    require_own_jurisdiction(by, jurisdiction if point is None else point.jurisdiction)
    values = _check(jurisdiction, data)
    if point is None:
        point = ContactPoint(jurisdiction=jurisdiction, created_by=by)
    else:
        point = ContactPoint.objects.select_for_update().get(pk=point.pk)
        if point.jurisdiction != jurisdiction:
            raise ValidationError("该联系点不属于本辖区。")
    for field, value in values.items():
        setattr(point, field, value)
    point.full_clean(exclude=["created_by"])
    point.save()
    return point


@transaction.atomic
def contact_point_close(*, by, point: ContactPoint, closed_on: dt.date | None) -> ContactPoint:
    """A point stops running (撤销): kept with its history; no new complaint can name it."""
    if not by.has_perm(MANAGE) or not is_bureau(by):
        raise PermissionDenied(MANAGE_MSG)
    require_own_jurisdiction(by, point.jurisdiction)
    point = ContactPoint.objects.select_for_update().get(pk=point.pk)
    if not point.active:
        raise ValidationError(f"监督联系点“{point.name}”已于{point.closed_on:%Y-%m-%d}撤销。")
    if closed_on is None:
        raise ValidationError("请填写撤销日期。")
    if closed_on < point.established_on or closed_on > timezone.localdate():
        raise ValidationError("撤销日期应在设立日期和今天之间。")
    point.active, point.closed_on = False, closed_on
    point.save(update_fields=["active", "closed_on"])
    return point


def require_usable(jurisdiction: str, point: ContactPoint | None) -> None:
    """A complaint passed on by a contact point names a running point of its jurisdiction."""
    if not provided(jurisdiction):
        raise ValidationError(f"{get_profile(jurisdiction).name}的规则中没有行政执法监督联系点。")
    if point is None:
        raise ValidationError(f"经监督联系点转来的，请选择转来的联系点（{citation(jurisdiction)}）。")
    if point.jurisdiction != jurisdiction or not point.active:
        raise ValidationError("所选监督联系点不属于本辖区或已撤销。")


RECENT = 50  # complaints shown on a point's screen (the counts cover all)


def passed_on(point: ContactPoint):
    """The complaints `point` passed on, newest first (one query with the agency they are about)."""
    return point.complaints.select_related("agency", "supervisor").order_by("-received_on", "-pk")


def register(jurisdiction: str, year: int):
    """Every point of the jurisdiction with the complaints it passed on in `year` and in all (one query)."""
    return ContactPoint.objects.filter(jurisdiction=jurisdiction).annotate(
        year_count=Count("complaints", filter=Q(complaints__received_on__year=year)),
        total_count=Count("complaints")).order_by("-active", "kind", "name")
