"""Personal data that must never reach a public page, feed or API: ID numbers (居民身份证号码) and
mobile phone numbers. Notice text is checked before it is saved, so an editor's slip is refused
with a message rather than published."""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from stdnum.cn import ric

ID_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# for redaction: any 18-character ID-like run (valid or not), any phone-like run, any e-mail address
ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{15}(?:\d{2}[\dXx])?(?![0-9A-Za-z])")
PHONE_LIKE = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1\d{10})(?!\d)")
EMAIL = re.compile(r"[^@\s，。；;,()（）]+@[^@\s，。；;,()（）]+\.[A-Za-z]{2,}")


def personal_data_in(text: str) -> list[str]:
    """What kinds of personal data `text` (plain or HTML) contains, in Chinese."""
    plain = strip_tags(text or "")
    found = []
    if any(ric.is_valid(m.group(0)) for m in ID_CANDIDATE.finditer(plain)):
        found.append("居民身份证号码")
    if MOBILE.search(plain):
        found.append("手机号码")
    return found


def redact(text: str) -> str:
    """`text` with ID numbers, phone numbers and e-mail addresses masked (for summaries staff copy on)."""
    from masking import mask_contact, mask_id

    text = ID_LIKE.sub(lambda m: mask_id(m.group(0)), text or "")
    text = PHONE_LIKE.sub(lambda m: mask_contact(m.group(0)), text)
    return EMAIL.sub(lambda m: mask_contact(m.group(0)), text)


def refuse_personal_data(field: str, label: str, text: str) -> None:
    found = personal_data_in(text)
    if found:
        raise ValidationError({field: f"{label}中含有{'、'.join(found)}。公开发布的内容不得包含个人身份证号码、"
                                      "手机号码等个人信息，请删除后再保存。"})


# ------------------------------------------------------------------ stored personal data and plain addresses
# A text may name a person of the case without any number in it: the values stored on the case (name, address,
# phone, ID number) are compared with the text after both are normalised (full-width to half-width, no spaces
# or dashes), and a plain-address pattern (…路12号, …小区3栋2单元501室) is a second net for what was not stored.
# No address library is used: the Chinese ones on the package index recognise provinces, cities and districts
# (which every 通报 names on purpose), not the street and house numbers that identify a home.
ADDRESS_LIKE = re.compile(
    r"[\u4e00-\u9fa5]{1,6}(?:路|街|大道|巷|弄|胡同)\d+(?:-\d+)?号"
    r"|[\u4e00-\u9fa5]{1,6}(?:小区|花园|家园|新村|公寓|大厦|苑)\d+(?:栋|幢|号楼|单元)"
    r"|\d+(?:栋|幢|号楼)\d+单元|\d+单元\d+(?:室|号)|\d+(?:栋|幢)\d+(?:室|号)"
    r"|[\u4e00-\u9fa5]{1,8}(?:村|社区)\d+组\d+号")
_JOINERS = re.compile(r"[\s\-－—–·]+")


def normalise(text: str) -> str:
    """Plain text, full-width characters folded (１２３ → 123), spaces and dashes removed."""
    import unicodedata

    return _JOINERS.sub("", unicodedata.normalize("NFKC", strip_tags(text or "")))


def _mask_name(value: str) -> str:
    return value[:1] + "*" * (len(value) - 1)


def _mask_address(value: str) -> str:
    return value[:4] + "****" if len(value) > 4 else "*" * len(value)


def _phone_forms(value: str) -> list[str]:
    """A stored phone as it may be written: whole, and a landline without its area code (023-77712345)."""
    digits = re.sub(r"\D", "", normalise(value))
    if len(digits) < 7:
        return []
    forms = [digits]
    if digits.startswith("0") and len(digits) >= 10:
        forms.append(digits[-8:] if len(digits) in (11, 12) else digits[-7:])
    return forms


def stored_data_in(text: str, persons: list[tuple[str, dict]]) -> list[str]:
    """Which stored personal data of `persons` ([(role, {"name", "address", "phone", "id_number"})]) appear
    in `text`, each as a masked Chinese phrase ("投诉举报人的姓名（张*）")."""
    plain = normalise(text)
    found: list[str] = []

    def hit(label: str, masked: str):
        if (phrase := f"{label}（{masked}）") not in found:
            found.append(phrase)

    for role, data in persons:
        name = normalise(data.get("name", ""))
        if len(name) >= 2 and name in plain:
            hit(f"{role}的姓名", _mask_name(name))
        address = normalise(data.get("address", ""))
        if len(address) >= 4 and address in plain:
            hit(f"{role}的住址", _mask_address(address))
        for key in ("phone", "id_number"):
            value = data.get(key, "")
            forms = _phone_forms(value) if key == "phone" else [normalise(value).upper()] if value else []
            if any(f and re.search(rf"(?<![0-9A-Za-z]){re.escape(f)}(?![0-9A-Za-z])", plain.upper())
                   for f in forms):
                label = "联系电话" if key == "phone" else "身份证号码"
                hit(f"{role}的{label}", mask_contact_value(value) if key == "phone" else mask_id_value(value))
    for m in ADDRESS_LIKE.finditer(plain):
        hit("疑似住址", _mask_address(m.group(0)))
    return found


def mask_contact_value(value: str) -> str:
    from masking import mask_contact

    return mask_contact(normalise(value))


def mask_id_value(value: str) -> str:
    from masking import mask_id

    return mask_id(normalise(value))
