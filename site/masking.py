"""Masking personal data for staff lists (ID numbers, phones, e-mail, addresses): one implementation for every app.
Lists never show the whole value; detail screens for roles that need it show it in full."""
from __future__ import annotations

import re


def mask_id(value: str) -> str:
    """110105198005010011 -> 110105********0011."""
    value = (value or "").strip()
    return value[:6] + "*" * (len(value) - 10) + value[-4:] if len(value) > 10 else "*" * len(value)


def mask_contact(value: str) -> str:
    """13812345678 -> 138****5678; someone@example.cn -> s***@example.cn."""
    value = (value or "").strip()
    if "@" in value:
        user, _, domain = value.partition("@")
        return f"{user[:1]}***@{domain}"
    if len(value) >= 7:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    return "*" * len(value)


def mask_address(value: str) -> str:
    """At most the first 3 characters and never a digit of the house number: 桐梓路15号 -> 桐梓路****,
    白马村3组12号 -> 白马村****, 3栋2单元 -> ****."""
    value = (value or "").strip()
    if len(value) <= 4:
        return "*" * len(value)
    return re.match(r"\D{0,3}", value).group(0) + "****"
