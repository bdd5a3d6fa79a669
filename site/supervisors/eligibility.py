"""Qualification checks (资格审查) of an application against a jurisdiction's rule profile.

Pure functions: they read the application's fields and the profile's figures and return one
result per check, each with its reason in Chinese and the article it applies. Nothing is saved.
Figures used: age_range (000 第五条第（四）项, 002 第五条第（一）项), education_min (000 第五条第（二）项),
excluded_occupations (000 第三条, 001 第二条), disqualifying_records (000 第五条第（五）项,
001 第七条第（一）项, 002 第五条第（二）项), consecutive_term_cap for renewals (000 第七条, 001 第五条).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from stdnum.cn import ric

from rules.profiles import FigureMissing, Profile

from .models import EDUCATION_LEVELS, EDUCATION_RANK


@dataclass(frozen=True)
class CheckResult:
    check: str  # machine code: id_number, age, education, occupation, records, term_cap, (not_)preferred
    label: str
    passed: bool
    reason: str
    citation: str  # e.g. 《万州区行政执法监督员管理办法》第五条第（四）项 ("" when no rule applies)

    def as_dict(self) -> dict:
        return asdict(self)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years (周岁) on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


ID_PATTERN = re.compile(r"[0-9]{17}[0-9X]")


@dataclass(frozen=True)
class IdNumber:
    number: str
    birth: dt.date
    warning: str  # "" or why the area code could not be confirmed (never a refusal)


def parse_id_number(raw: str, *, today: dt.date | None = None) -> IdNumber:
    """Validate an 18-digit resident ID number: format, birth date and check digit (GB 11643).

    The area code (first six digits) is NOT a refusal ground: stdnum's table lists the codes of
    today, so a genuine number issued under a code later renamed or merged (e.g. Wanzhou 500101 for
    someone born in 1985) is unknown to it. An unknown area code becomes a warning for the reviewer.
    Raises ValidationError with a Chinese message."""
    from django.core.exceptions import ValidationError

    number = (raw or "").strip().upper()
    if any(not ch.isascii() for ch in number):
        raise ValidationError("身份证号码只能由半角数字0-9和末位字母X组成，请勿使用全角字符、表情或其他符号。")
    if len(number) != 18:
        raise ValidationError("身份证号码应为18位。")
    if not ID_PATTERN.fullmatch(number):
        raise ValidationError("身份证号码格式不正确：前17位应为数字，末位为数字或字母X。")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError("身份证号码中的出生日期不存在，请核对。") from None
    if birth.year < 1900 or birth > (today or dt.date.today()):
        raise ValidationError("身份证号码中的出生日期不合理，请核对。")
    if ric.calc_check_digit(number) != number[-1]:
        raise ValidationError("身份证号码校验位不正确，请核对后重新填写。")
    warning = ""
    try:
        ric.get_birth_place(number)
    except Exception:  # stdnum's table knows today's codes only: a warning, never a refusal
        warning = f"行政区划代码{number[:6]}未能在现行代码表中核实（可能为已调整的旧代码），请人工核对。"
    return IdNumber(number, birth, warning)


def check_id_number(application) -> CheckResult:
    """The ID number must be a valid 18-digit resident ID whose birth date matches the declared one."""
    from django.core.exceptions import ValidationError

    try:
        parsed = parse_id_number(application.id_number)
    except ValidationError as exc:
        return CheckResult("id_number", "身份证号码", False, exc.messages[0], "")
    if parsed.birth != application.birth_date:
        return CheckResult("id_number", "身份证号码", False,
                           f"身份证号码中的出生日期（{parsed.birth.isoformat()}）与填报的出生日期不一致。", "")
    reason = "身份证号码有效，出生日期一致。" + (f"提示：{parsed.warning}" if parsed.warning else "")
    return CheckResult("id_number", "身份证号码", True, reason, "")


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


def check_preferences(application, profile: Profile) -> CheckResult | None:
    """What the rules prefer (001 第七条第（三）项) — marked for choosing among the qualified, never failed."""
    if not profile.has("preferred_qualifications") or not profile.choices("preferred_qualifications"):
        return None
    cite = str(profile.figure("preferred_qualifications").citation)
    preferred = {i["code"]: i["label"] for i in profile.choices("preferred_qualifications")}
    hits = [preferred[c] for c in application.preferences or [] if c in preferred]
    if hits:
        return CheckResult("preferred", "优先条件", True, f"申报{'、'.join(hits)}，择优提出拟聘人选时优先。", cite)
    return CheckResult("not_preferred", "优先条件", True,
                       f"未申报{'、'.join(preferred.values())}（不影响是否符合条件）。", cite)


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
    if (preference := check_preferences(application, profile)) is not None:
        results.append(preference)
    return results
