"""Qualification checks (资格审查) of an application against a jurisdiction's rule profile.

Pure functions: they read the application's fields and the profile's figures and return one
result per check, each with its reason in Chinese and the article it applies. Nothing is saved.
Figures used: age_range (000 第五条第（四）项, 002 第五条第（一）项), education_min (000 第五条第（二）项),
excluded_occupations (000 第三条, 001 第二条), disqualifying_records (000 第五条第（五）项,
001 第七条第（一）项, 002 第五条第（二）项), consecutive_term_cap for renewals (000 第七条, 001 第五条).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from stdnum.cn import ric

from rules.profiles import FigureMissing, Profile

from .models import EDUCATION_LEVELS, EDUCATION_RANK


@dataclass(frozen=True)
class CheckResult:
    check: str  # machine code: id_number, age, education, occupation, records, term_cap
    label: str
    passed: bool
    reason: str
    citation: str  # e.g. 《万州区行政执法监督员管理办法》第五条第（四）项 ("" when no rule applies)

    def as_dict(self) -> dict:
        return asdict(self)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years (周岁) on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check_id_number(application) -> CheckResult:
    """The ID number must be a valid 18-digit resident ID whose birth date matches the declared one."""
    number = (application.id_number or "").strip().upper()
    try:
        ric.validate(number)
        birth = ric.get_birth_date(number)
    except Exception:  # stdnum raises several ValidationError subclasses; all mean "not valid"
        return CheckResult("id_number", "身份证号码", False, "身份证号码格式或校验位不正确。", "")
    if birth != application.birth_date:
        return CheckResult("id_number", "身份证号码", False,
                           f"身份证号码中的出生日期（{birth.isoformat()}）与填报的出生日期不一致。", "")
    return CheckResult("id_number", "身份证号码", True, "身份证号码有效，出生日期一致。", "")


def check_age(application, profile: Profile) -> CheckResult:
    figure = profile.figure("age_range")
    lo, hi = profile.range("age_range")
    cite = str(figure.citation)
    if lo is None and hi is None:
        return CheckResult("age", "年龄", True, "本辖区办法未规定年龄条件。", cite)
    age = age_on(application.birth_date, application.applied_on)
    if lo is not None and age < lo:
        return CheckResult("age", "年龄", False, f"报名之日年满{age}周岁，未达到{lo}周岁。", cite)
    if hi is not None and age > hi:
        return CheckResult("age", "年龄", False, f"报名之日已满{age}周岁，超过{hi}周岁。", cite)
    bounds = f"{lo if lo is not None else '不限'}至{hi if hi is not None else '不限'}周岁"
    return CheckResult("age", "年龄", True, f"报名之日{age}周岁，符合{bounds}的条件。", cite)


def check_education(application, profile: Profile) -> CheckResult:
    figure = profile.figure("education_min")
    items = profile.choices("education_min")
    cite = str(figure.citation)
    if not items:
        return CheckResult("education", "学历", True, figure.note or "本辖区办法不设学历门槛。", cite)
    minimum = items[0]
    have = dict(EDUCATION_LEVELS).get(application.education, "未填报")
    if EDUCATION_RANK.get(application.education, -1) < EDUCATION_RANK.get(minimum["code"], 0):
        return CheckResult("education", "学历", False, f"学历为{have}，不符合“{minimum['label']}”的条件。", cite)
    return CheckResult("education", "学历", True, f"学历为{have}，符合“{minimum['label']}”的条件。", cite)


def check_occupation(application, profile: Profile) -> CheckResult:
    figure = profile.figure("excluded_occupations")
    excluded = {i["code"]: i for i in profile.choices("excluded_occupations")}
    cite = str(figure.citation)
    hits = [excluded[c]["label"] for c in application.occupations or [] if c in excluded]
    if hits:
        return CheckResult("occupation", "职业", False, f"申报为{'、'.join(hits)}，依规不得聘为监督员。", cite)
    if not excluded:
        return CheckResult("occupation", "职业", True, figure.note or "本辖区办法未排除任何职业。", cite)
    names = "、".join(i["label"] for i in excluded.values())
    return CheckResult("occupation", "职业", True, f"不属于{names}。", cite)


def check_records(application, profile: Profile) -> CheckResult:
    figure = profile.figure("disqualifying_records")
    barred = {i["code"]: i for i in profile.choices("disqualifying_records")}
    cite = str(figure.citation)
    hits = [barred[c]["label"] for c in application.records or [] if c in barred]
    if hits:
        return CheckResult("records", "不良记录", False, f"申报有{'、'.join(hits)}记录，不符合任职条件。", cite)
    return CheckResult("records", "不良记录", True,
                       f"未申报{'、'.join(i['label'] for i in barred.values()) or '不良'}记录。", cite)


def check_term_cap(application, profile: Profile, consecutive_terms: int) -> CheckResult:
    """A renewal would start term `consecutive_terms + 1`; refused where the profile caps it."""
    try:
        figure = profile.figure("consecutive_term_cap")
    except FigureMissing:
        return CheckResult("term_cap", "连续任职届数", True, "本辖区未规定届数上限。", "")
    cap = profile.count("consecutive_term_cap")
    cite = str(figure.citation)
    if cap is None:
        return CheckResult("term_cap", "连续任职届数", True,
                           f"已连续任职{consecutive_terms}届；{figure.note or '未设届数上限'}。", cite)
    if consecutive_terms + 1 > cap:
        words = "原则上" if not figure.value.get("strict") else ""
        return CheckResult("term_cap", "连续任职届数", False,
                           f"已连续任职{consecutive_terms}届，续聘将为第{consecutive_terms + 1}届，"
                           f"超过{words}连续任职不得超过{cap}届的规定。", cite)
    return CheckResult("term_cap", "连续任职届数", True,
                       f"已连续任职{consecutive_terms}届，续聘后为第{consecutive_terms + 1}届，未超过{cap}届。", cite)


def check_application(application, profile: Profile, *, consecutive_terms: int | None = None) -> list[CheckResult]:
    """Every check the profile requires, in the order a reviewer reads them."""
    results = [check_id_number(application), check_age(application, profile),
               check_education(application, profile), check_occupation(application, profile),
               check_records(application, profile)]
    if consecutive_terms is not None:
        results.append(check_term_cap(application, profile, consecutive_terms))
    return results
