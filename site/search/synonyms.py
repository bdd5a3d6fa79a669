"""Synonyms staff keep in the admin (检索同义词), and the short default list the demo loads.

Both engines apply them at query time (analysis.synonym_table): the word typed scores fully, a synonym
at analysis.SYNONYM_WEIGHT. A one-way rule (协管员 → 辅助人员) expands only the word on the left; a two-way
rule (举报 ↔ 投诉) expands every word of the group into the others."""
from __future__ import annotations

# (word, synonyms, two-way, note): everyday words for the words notices use
DEFAULT_SYNONYMS = [
    ("协管员", "辅助人员", False, "群众常说的“协管员”，文件称“辅助人员”"),
    ("协警", "辅助人员", False, ""),
    ("举报", "投诉", True, ""),
    ("反映", "投诉、举报", False, "“反映问题”即投诉、举报"),
    ("聘期", "任期", True, ""),
    ("招聘", "选聘、招募", False, "监督员是“选聘”，不是“招聘”"),
    ("罢免", "解聘", False, ""),
    ("辞退", "解聘", False, ""),
    ("年报", "年度报告", True, ""),
    ("执法证", "执法证件", False, ""),
    ("城管", "城市管理", False, ""),
]


def load_defaults() -> int:
    """Add the default synonyms that are not there yet (never overwrites a rule staff changed)."""
    from .models import SearchSynonym

    made = 0
    for word, synonyms, two_way, note in DEFAULT_SYNONYMS:
        _, created = SearchSynonym.objects.get_or_create(
            word=word, defaults={"synonyms": synonyms, "two_way": two_way, "note": note})
        made += created
    return made
