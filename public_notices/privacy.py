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
