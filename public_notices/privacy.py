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


def personal_data_in(text: str) -> list[str]:
    """What kinds of personal data `text` (plain or HTML) contains, in Chinese."""
    plain = strip_tags(text or "")
    found = []
    if any(ric.is_valid(m.group(0)) for m in ID_CANDIDATE.finditer(plain)):
        found.append("居民身份证号码")
    if MOBILE.search(plain):
        found.append("手机号码")
    return found


def refuse_personal_data(field: str, label: str, text: str) -> None:
    found = personal_data_in(text)
    if found:
        raise ValidationError({field: f"{label}中含有{'、'.join(found)}。公开发布的内容不得包含个人身份证号码、"
                                      "手机号码等个人信息，请删除后再保存。"})
