"""Personal data that must never reach a public page, feed or API: ID numbers (居民身份证号码) and
mobile phone numbers. Notice text is checked before it is saved, so an editor's slip is refused
with a message rather than published."""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from stdnum.cn import ric

from masking import mask_address

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
_HAN = r"[\u4e00-\u9fa5]"
# A plain address, found by what identifies a home (…路12号, …小区3栋, …村3组12号, 3栋2单元, 2单元501室) and the
# further unit numbers after it; the place name before that mark is the run of Chinese characters before it, from
# which `address_spans` drops the words of the sentence (当事人住在…, 位于…, 前往…).
ADDRESS_LIKE = re.compile(
    rf"({_HAN}*)"
    r"((?<=[\u4e00-\u9fa5])(?:(?:路|街|大道|巷|弄|胡同)\d+(?:-\d+)?号|(?:小区|花园|家园|新村|公寓|大厦|苑)\d+(?:栋|幢|号楼|单元)"
    r"|(?:村|社区)\d+组\d+号)"
    r"|\d+(?:栋|幢|号楼)\d+单元|\d+单元\d+(?:室|号)|\d+(?:栋|幢)\d+(?:室|号))"
    r"(?:\d+(?:栋|幢|号楼|单元|室|号|楼))*")
# the words that lead to an address in a sentence: the address begins after the last of them in the run before it
_ADDRESS_LEAD = re.compile(r".*(?:住在|家住|居住在|居住于|居住|住址为|住址是|住址|地址为|地址是|地址|住所地|住所|现住|"
                           r"位于|坐落于|坐落在|地处|涉及|关于|前往|来到|赶到|到达|途经|经过|到|至|在|于)")


def address_spans(plain: str) -> list[tuple[int, int]]:
    """(start, end) of each plain address in `plain` (normalised text): exactly the address, from its first place
    name (重庆市武隆区芙蓉路15号, 白果小区3栋2单元501室) to its last number, without the words before it."""
    spans = []
    for m in ADDRESS_LIKE.finditer(plain):
        lead = _ADDRESS_LEAD.match(m.group(1))
        spans.append((m.start() + (lead.end() if lead else 0), m.end()))
    return spans


def mask_addresses(text: str) -> str:
    """Plain `text` with each plain address masked as a refusal names it ("当事人住在重庆市****"); the rest of
    the text as written (the addresses are found in its normalised form, then mapped back)."""
    import unicodedata

    text = text or ""
    plain, origin = [], []  # the normalised text, and for each of its characters the index it came from
    for i, ch in enumerate(text):
        for c in _JOINERS.sub("", unicodedata.normalize("NFKC", ch)):
            plain.append(c)
            origin.append(i)
    plain = "".join(plain)
    out, at = [], 0
    for start, end in address_spans(plain):
        out += [text[at:origin[start]], mask_address(plain[start:end])]
        at = origin[end - 1] + 1
    return "".join(out) + text[at:]


_JOINERS = re.compile(r"[\s\-－—–·]+")


def normalise(text: str) -> str:
    """Plain text, full-width characters folded (１２３ → 123), spaces and dashes removed."""
    import unicodedata

    return _JOINERS.sub("", unicodedata.normalize("NFKC", strip_tags(text or "")))


def _mask_name(value: str) -> str:
    return value[:1] + "*" * (len(value) - 1)


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

    stored_at: list[tuple[int, int]] = []  # where a stored address stands: not reported again as a plain one
    for role, data in persons:
        name = normalise(data.get("name", ""))
        if len(name) >= 2 and name in plain:
            hit(f"{role}的姓名", _mask_name(name))
        address = normalise(data.get("address", ""))
        if len(address) >= 4 and address in plain:
            hit(f"{role}的住址", mask_address(address))
            stored_at += [(m.start(), m.end()) for m in re.finditer(re.escape(address), plain)]
        for key in ("phone", "id_number"):
            value = data.get(key, "")
            forms = _phone_forms(value) if key == "phone" else [normalise(value).upper()] if value else []
            if any(f and re.search(rf"(?<![0-9A-Za-z]){re.escape(f)}(?![0-9A-Za-z])", plain.upper())
                   for f in forms):
                label = "联系电话" if key == "phone" else "身份证号码"
                hit(f"{role}的{label}", mask_contact_value(value) if key == "phone" else mask_id_value(value))
    for start, end in address_spans(plain):
        if not any(a <= start and end <= b for a, b in stored_at):
            hit("疑似住址", mask_address(plain[start:end]))
    return found


def mask_contact_value(value: str) -> str:
    from masking import mask_contact

    return mask_contact(normalise(value))


def mask_id_value(value: str) -> str:
    from masking import mask_id

    return mask_id(normalise(value))
