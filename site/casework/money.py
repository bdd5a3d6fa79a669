"""The one reading of an amount of money (元, to the fen) typed by a person: recovery shares and payments
(referrals), activity support (activities). Blank counts as 0; the thousands separators and a trailing 元 that
people type are accepted; anything that is not a finite amount with at most two decimals is refused in Chinese
— never rounded silently, never a NaN or an exponent let through."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

FEN = Decimal("0.01")
_WIDE = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


def yuan(value, label: str, *, maximum: Decimal | str | None = None) -> Decimal:
    """`value` (text, number or None) as a non-negative Decimal of yuan with two decimals; `label` names the
    amount in the error ("交通补助须为金额（元）……"); `maximum` is the largest amount accepted."""
    text = "" if value is None else str(value).strip().translate(_WIDE)
    text = text.removesuffix("元").replace(",", "").replace("，", "").strip()
    example = f"{label}须为金额（元），例如 8000 或 8000.50。"
    if not text:
        return Decimal("0.00")
    if any(c not in "0123456789.-" for c in text):
        raise ValidationError(example)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(example) from None
    if not amount.is_finite():
        raise ValidationError(example)
    if amount < 0:
        raise ValidationError(f"{label}不能为负数。")
    if amount != amount.quantize(FEN):
        raise ValidationError(f"{label}最多精确到分（两位小数）。")
    if maximum is not None and amount > Decimal(str(maximum)):
        raise ValidationError(f"{label}不能超过{Decimal(str(maximum)):.2f}元。")
    return amount.quantize(FEN)


def summed(value) -> Decimal:
    """A database sum in yuan to the fen (None for no rows; SQLite's SUM drops the trailing zeros)."""
    return Decimal(str(value or 0)).quantize(FEN)
