"""The one door for putting a person on an agency's auxiliary-staff register: who may (bureau staff for every
agency, a liaison only for their own), and the hiring conditions (第七条) and barring grounds (第八条) of
Wulong's 《行政执法辅助人员管理办法》 checked with their article. Every bound is read from the rule profile."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from stdnum.cn import ric

from roles.access import agency_of, is_bureau, is_liaison
from rules.profiles import Profile
from rules.sources import Citation

from .models import AuxiliaryStaff

JUNIOR = ("junior", "初中及以下")


def education_levels(profile: Profile) -> list[tuple[str, str]]:
    """Every level a person may state, lowest first: below the accepted ones, then the profile's accepted."""
    return [JUNIOR] + [(i["code"], i["label"]) for i in profile.choices("auxiliary_education_accepted")]


def may_manage(user, agency) -> bool:
    if is_bureau(user):
        return True
    return is_liaison(user) and agency_of(user) is not None and agency_of(user).pk == agency.pk


def visible_agencies(user, agencies):
    """The agencies whose roster `user` may see: all for bureau staff, a liaison's own, none otherwise."""
    if is_bureau(user):
        return agencies
    own = agency_of(user) if is_liaison(user) else None
    return agencies.filter(pk=own.pk) if own is not None else agencies.none()


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _cite(profile: Profile, key: str, article: str | None = None) -> str:
    c = profile.figure(key).citation
    return str(Citation(c.source, article or c.article, c.document))


def check_hiring(profile: Profile, data: dict) -> dict[str, list[str]]:
    """Field → Chinese refusals, each naming its article; empty when the person may be hired."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if profile.flag("auxiliary_dispatch_only"):
        for field, label in (("dispatch_unit", "劳务派遣单位"), ("dispatch_agreement", "劳务派遣协议编号")):
            if not (data.get(field) or "").strip():
                add(field, f"新使用行政执法辅助人员一律采取劳务派遣方式，请填写{label}"
                           f"（{_cite(profile, 'auxiliary_dispatch_only')}）。")
    reason = (data.get("special_reason") or "").strip()
    adjusted = data.get("post_age_min") not in (None, "") or bool(data.get("post_education"))
    if adjusted and not reason:
        add("special_reason", "特殊行政执法辅助岗位调整招聘条件的，应当注明原因"
                              f"（{_cite(profile, 'auxiliary_special_post')}）。")
    special = adjusted and bool(reason) and profile.flag("auxiliary_special_post")

    number = (data.get("id_number") or "").strip().upper()
    birth = None
    try:
        ric.validate(number)
        birth = ric.get_birth_date(number)
    except Exception:  # noqa: BLE001 - stdnum raises several ValidationError kinds; all mean "not an ID number"
        add("id_number", "身份证号不正确，请核对18位公民身份号码（含校验位）。")
    start = data.get("start")
    if birth is not None and start is not None:
        low, high = profile.range("auxiliary_age_min")
        if special and data.get("post_age_min") not in (None, ""):
            low = int(data["post_age_min"])
        age = age_on(birth, start)
        where = "特殊岗位注明的条件" if special and data.get("post_age_min") not in (None, "") else \
            _cite(profile, "auxiliary_age_min")
        if low is not None and age < low:
            add("id_number", f"按身份证号，该人员于{start.year}年{start.month}月{start.day}日（使用起始日期）"
                             f"为{age}周岁，未满{low}周岁，不符合招聘条件（{where}）。")
        if high is not None and age > high:
            add("id_number", f"按身份证号，该人员于使用起始日期为{age}周岁，超过{high}周岁（{where}）。")

    levels = [code for code, _ in education_levels(profile)]
    labels = dict(education_levels(profile))
    education = data.get("education") or ""
    if education not in levels:
        add("education", "请选择学历。")
    elif special and data.get("post_education"):
        need = data["post_education"]
        if levels.index(education) < levels.index(need):
            add("education", f"学历为{labels[education]}，低于本特殊岗位注明的学历要求（{labels[need]}）。")
    elif education not in {i["code"] for i in profile.choices("auxiliary_education_accepted")}:
        add("education", f"学历为{labels[education]}，不符合“{profile.text('auxiliary_education_min')}”的招聘条件"
                         f"（{_cite(profile, 'auxiliary_education_min')}）。")

    confirmed = set(data.get("conditions") or [])
    for item in profile.choices("auxiliary_conditions"):
        if item["code"] not in confirmed:
            add("conditions", f"未确认“{item['label']}”，不符合招聘条件（{item['citation']}）。")
    for item in profile.choices("auxiliary_barring_grounds"):
        if item["code"] in set(data.get("barring") or []):
            add("barring", f"属于不得招聘为行政执法辅助人员的情形：{item['label']}（{item['citation']}）。")

    codes = {i["code"] for i in profile.choices("auxiliary_duties")}
    duties = list(data.get("duties") or [])
    if not duties:
        add("duties", f"请至少选择一项岗位职责（{_cite(profile, 'auxiliary_duties')}）。")
    elif set(duties) - codes:
        add("duties", "岗位职责只能从规则配置列明的职责中选择。")
    end = data.get("end")
    if start and end and end < start:
        add("end", "使用截止日期不能早于使用起始日期。")
    return errors


@transaction.atomic
def add_staff(*, by, agency, profile: Profile, data: dict) -> AuxiliaryStaff:
    if not may_manage(by, agency):
        raise PermissionDenied("您只能登记本机关的行政执法辅助人员。")
    errors = check_hiring(profile, data)
    number = (data.get("id_number") or "").strip().upper()
    if not errors and AuxiliaryStaff.objects.filter(agency=agency, id_number=number, status="active").exists():
        errors["id_number"] = ["该身份证号的人员已在本机关辅助人员名册中（在岗），不能重复登记。"]
    if errors:
        raise ValidationError(errors)
    return AuxiliaryStaff.objects.create(
        jurisdiction=profile.code, agency=agency, name=data["name"].strip(), id_number=number,
        birth_date=ric.get_birth_date(number), education=data["education"], veteran=bool(data.get("veteran")),
        dispatch_unit=data["dispatch_unit"].strip(), dispatch_agreement=data["dispatch_agreement"].strip(),
        post=data["post"].strip(), special_reason=(data.get("special_reason") or "").strip(),
        post_age_min=data.get("post_age_min") or None, post_education=data.get("post_education") or "",
        duties=list(data["duties"]), supervising_officer=data["supervising_officer"].strip(),
        officer_certificate=data["officer_certificate"].strip(), start=data["start"], end=data.get("end"),
        created_by=by)
