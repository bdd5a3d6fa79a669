"""The one door for the register of enforcement personnel (恩施 003 第八条、第十四条第（七）项): who may see it
(bureau staff every agency of their jurisdiction, a liaison only their own agency), who may write (the same),
the checks of a person's line, adding people (one by one or a whole sheet, all or none) and changing a
certificate's status with its reason. Which jurisdictions keep the register, and how early an expiring
certificate is flagged, come from the rule profile."""
from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from roles.access import agency_of, bureau_jurisdiction, is_bureau, is_liaison
from rules.profiles import FigureMissing, get_profile

from .models import STATUSES, VALID, EnforcementOfficer

KEY = "personnel_register"
WINDOW = "certificate_expiry_notice"
NUMBER = re.compile(r"[0-9A-Za-z\-]{6,40}")


def profile_of(code: str):
    """The jurisdiction's profile when its rules keep the register, else None."""
    try:
        profile = get_profile(code)
    except FigureMissing:
        return None
    return profile if profile.flag(KEY) else None


def register_jurisdictions() -> list[str]:
    """The codes of the jurisdictions whose rules keep the register: one query (the profiles themselves come from
    the request's memo, rules.profiles.get_profile). A screen that needs them for several reads (the workbench's
    证件到期提醒: the windows and the agencies) reads them once and passes them down (`jurisdictions=`)."""
    from rules.models import RuleProfile

    return [code for code in RuleProfile.objects.order_by("pk").values_list("code", flat=True) if profile_of(code)]


def visible_agencies(user, jurisdictions: list[str] | None = None):
    """The agencies whose register `user` may see: bureau staff every agency of their jurisdiction (all when
    none is set), a liaison their own; only jurisdictions whose rules keep the register (`jurisdictions`, when the
    caller has read them: register_jurisdictions)."""
    from casework.models import Agency

    if jurisdictions is None:
        jurisdictions = register_jurisdictions()
    agencies = Agency.objects.filter(jurisdiction__in=jurisdictions, active=True)
    if is_bureau(user):
        own = bureau_jurisdiction(user)
        return agencies.filter(jurisdiction=own) if own else agencies
    own = agency_of(user) if is_liaison(user) else None
    return agencies.filter(pk=own.pk) if own is not None else agencies.none()


def may_manage(user, agency) -> bool:
    if is_bureau(user):
        own = bureau_jurisdiction(user)
        return not own or own == agency.jurisdiction
    return is_liaison(user) and agency_of(user) is not None and agency_of(user).pk == agency.pk


def check(data: dict) -> dict[str, list[str]]:
    """Field → Chinese refusals for one person's line; empty when it may be stored."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    for field, label in (("name", "姓名"), ("post", "岗位"), ("certificate_number", "执法证号"),
                         ("issuing_body", "发证机关")):
        if not (data.get(field) or "").strip():
            add(field, f"请填写{label}。")
    number = (data.get("certificate_number") or "").strip()
    if number and not NUMBER.fullmatch(number):
        add("certificate_number", "执法证号应为6至40位数字、字母或连字符。")
    start, end = data.get("valid_from"), data.get("valid_to")
    if start is None:
        add("valid_from", "请填写有效期起始日期。")
    if end is None:
        add("valid_to", "请填写有效期截止日期。")
    if start and end and end < start:
        add("valid_to", "有效期截止日期不能早于起始日期。")
    if data.get("status", VALID) not in dict(STATUSES):
        add("status", "证件状态只能是：" + "、".join(label for _, label in STATUSES) + "。")
    return errors


def _clean(data: dict) -> dict:
    return {"name": data["name"].strip(), "post": data["post"].strip(),
            "certificate_number": data["certificate_number"].strip().upper(),
            "issuing_body": data["issuing_body"].strip(), "valid_from": data["valid_from"],
            "valid_to": data["valid_to"], "status": data.get("status") or VALID}


def row_problems(agency, rows: list[dict], *, lock: bool = False) -> dict[int, dict[str, list[str]]]:
    """{index of the row: {field: Chinese refusals}} for the rows that may not be stored: the line checks, a
    certificate number already on the jurisdiction's register, or twice in these rows (named by `_row`, the
    sheet row number, when the rows come from a sheet)."""
    numbers = [(r.get("certificate_number") or "").strip().upper() for r in rows]
    qs = EnforcementOfficer.objects.filter(jurisdiction=agency.jurisdiction,
                                           certificate_number__in=[n for n in numbers if n])
    taken = set((qs.select_for_update() if lock else qs).values_list("certificate_number", flat=True))
    problems: dict[int, dict[str, list[str]]] = {}
    seen: dict[str, int] = {}
    for i, (row, number) in enumerate(zip(rows, numbers, strict=True)):
        errors = check(row)
        if number and number in taken:
            errors.setdefault("certificate_number", []).append("该执法证号已在本辖区名册中，不能重复登记。")
        if number and number in seen:
            first = rows[seen[number]].get("_row", seen[number] + 1)
            errors.setdefault("certificate_number", []).append(f"与第{first}行重复。")
        seen.setdefault(number, i)
        if errors:
            problems[i] = errors
    return problems


@transaction.atomic
def add_officers(*, by, agency, rows: list[dict]) -> list[EnforcementOfficer]:
    """Store every person or none. ValidationError: the first bad row's {field: messages} (a form shows them
    by field; the import names every bad cell itself through row_problems before calling here)."""
    if not may_manage(by, agency):
        raise PermissionDenied("您只能登记本机关的行政执法人员。")
    if profile_of(agency.jurisdiction) is None:
        raise PermissionDenied("该辖区的规则中没有行政执法人员名册。")
    problems = row_problems(agency, rows, lock=True)
    if problems:
        raise ValidationError(problems[min(problems)])
    return [EnforcementOfficer.objects.create(jurisdiction=agency.jurisdiction, agency=agency, created_by=by,
                                              **_clean(r)) for r in rows]


@transaction.atomic
def change_status(*, by, officer_pk: int, status: str, reason: str) -> EnforcementOfficer:
    officer = EnforcementOfficer.objects.select_for_update().select_related("agency").get(pk=officer_pk)
    if not may_manage(by, officer.agency):
        raise PermissionDenied("您只能管理本机关的行政执法人员名册。")
    if status not in dict(STATUSES):
        raise ValidationError({"status": ["请选择证件状态。"]})
    if status == officer.status:
        raise ValidationError({"status": [f"证件状态已是“{officer.get_status_display()}”。"]})
    if not reason.strip():
        raise ValidationError({"reason": ["请填写状态变更的原因。"]})
    officer.status, officer.status_reason = status, reason.strip()[:200]
    officer.save(update_fields=["status", "status_reason"])
    return officer


def expiring(user, today: dt.date, jurisdictions: list[str] | None = None):
    """Valid certificates of the agencies `user` sees that expire within their profile's notice window (or
    have expired and are still marked valid), soonest first; and the windows {jurisdiction: PeriodRule}.
    `jurisdictions`: register_jurisdictions() when the caller has read them (else read here, once)."""
    if jurisdictions is None:
        jurisdictions = register_jurisdictions()
    windows = {}
    for code in jurisdictions:
        profile = profile_of(code)
        if profile.has(WINDOW):
            windows[code] = profile.period(WINDOW)
    cond = Q(pk__in=[])
    for code, rule in windows.items():
        cond |= Q(jurisdiction=code, valid_to__lte=rule.due(today).due if rule.unit != "calendar_days"
                  else today + dt.timedelta(days=rule.n))
    qs = (EnforcementOfficer.objects.filter(cond, status=VALID, agency__in=visible_agencies(user, jurisdictions))
          .select_related("agency").order_by("valid_to", "pk"))
    return qs, windows
