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
    # everyday words and common wrong words (issue 27); 复核/复查 are not mapped: the regulations use both,
    # for different procedures (an editor may add a rule where a jurisdiction's readers mix them up)
    ("开除", "解聘", False, "群众说“开除”，公告称“解聘”"),
    ("年审", "审验", False, "执法证件“年审”即年度审验"),
    ("亮证", "出示证件、出示执法证件", False, "“亮证执法”"),
    ("记录仪", "音像记录", False, "执法记录仪即音像记录设备"),
    ("工资", "报酬、补贴", False, ""),
    ("补助", "补贴", True, ""),
    ("强拆", "强制拆除", False, ""),
    ("法治", "法制", False, "常见错用：“法制审核”写成“法治审核”"),
    ("申述", "申诉", False, "常见错别字"),
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
