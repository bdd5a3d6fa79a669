"""Sanctions that last for a span (004 错案责任倒查问责制度 第十二条第（三）项 取消当年评先资格和晋升资格): where the
profile's `sanction_spans` gives a sanction a span, its end is computed from the decision's date and stated
beside it — on the case screen, in the 责任追究决定书 and in the person's own record (我的责任追究).

"当年" is the calendar year of the sanction decision; the bar ends on 31 December of that year (RULES.md,
the profile's note). A span needs the decision's date: without one there is no end to state, and that is
refused in Chinese rather than guessed."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from casework.pdf import chinese_date

SPANS = "sanction_spans"


def _spanned(profile, code: str) -> dict | None:
    if not profile.has(SPANS):
        return None
    return next((i for i in profile.choices(SPANS) if i["code"] == code), None)


def sanction_end(profile, code: str, decided_on: dt.date | None) -> dt.date | None:
    """The last day of sanction `code` decided on `decided_on`; None for a sanction without a span."""
    item = _spanned(profile, code)
    if item is None:
        return None
    if decided_on is None:
        raise ValidationError(f"“{item['label']}”的期限自处理决定之日起算，该处理决定没有决定日期，"
                              f"无法确定期限至何日（{item['citation']}），请先登记处理决定日期。")
    if item.get("span") == "year_end":
        return dt.date(decided_on.year, 12, 31)
    raise ValidationError(f"“{item['label']}”的期限规则无法识别，请在规则配置中核对（{item['citation']}）。")


def span_text(profile, code: str, decided_on: dt.date | None) -> str:
    """"，至2026年12月31日止" for a spanned sanction, "" otherwise (the caller puts it after the label)."""
    end = sanction_end(profile, code, decided_on)
    return f"，至{chinese_date(end)}止" if end else ""
