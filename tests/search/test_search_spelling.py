"""Spelling and script (issue 27): traditional characters find simplified notices (OpenCC t2s); a wrong
homophone that matches nothing is corrected against the index (pypinyin), a real word never is; common
wrong words that are real words too go through the synonym table editors keep (申述 → 申诉)."""
import datetime as dt

import pytest
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from search.analysis import analyse
from search.spelling import correct_word, homophones, to_simplified


@pytest.fixture
def notices(site_tree, django_capture_on_commit_callbacks):
    from public_notices.services import notice_publish

    def publish(title, body="现予公告。", kind="regulation", **kw):
        with django_capture_on_commit_callbacks(execute=True):
            return notice_publish(kind=kind, jurisdiction="wulong", title=title, body=body, **kw)

    publish("武隆区行政执法案卷评查办法", body="区司法局每年组织开展行政执法案卷评查。", written_on=dt.date(2023, 2, 14))
    publish("武隆区行政执法人员执法证件管理办法", body="执法人员检查时应当出示执法证件。", written_on=dt.date(2021, 6, 30))
    publish("关于选聘武隆区行政执法监督员的公告", kind="recruitment", body="现选聘行政执法监督员15名。",
            written_on=dt.date(2026, 4, 10))
    publish("武隆区行政执法申诉处理办法", body="当事人对处理结果不服的，可以提出申诉。", written_on=dt.date(2022, 3, 1))


def test_traditional_characters_find_the_simplified_notice(engine, notices):
    assert titles(engine, "執法證件") == ["武隆区行政执法人员执法证件管理办法"]
    assert titles(engine, "案卷評查") == ["武隆区行政执法案卷评查办法"]


def test_a_wrong_homophone_is_corrected_where_nothing_matches(notices, settings):
    from search.engines import get_engine

    settings.ELASTICSEARCH_URL = ""
    embedded = get_engine("embedded")
    assert titles(embedded, "案卷评察") == ["武隆区行政执法案卷评查办法"]  # 察 for 查 (chá)
    assert titles(embedded, "监督原选聘") == ["关于选聘武隆区行政执法监督员的公告"]  # 原 for 员 (yuán)
    assert titles(embedded, "执法正件") == ["武隆区行政执法人员执法证件管理办法"]  # 正 for 证 (zhèng)


def test_common_wrong_words_go_through_the_default_synonyms(engine, notices):
    from search.synonyms import load_defaults

    load_defaults()
    assert titles(engine, "申述") == ["武隆区行政执法申诉处理办法"]  # 申述 → 申诉, a rule editors may change


def test_conversion_and_homophone_tables():
    assert to_simplified("行政執法監督員管理辦法") == "行政执法监督员管理办法"
    assert to_simplified("监督员选聘公告") == "监督员选聘公告"  # simplified text is left as it is
    assert to_simplified("乾坤") == "乾坤"  # phrase-aware: not 干坤
    exact, near = homophones("察")
    assert "查" in exact and "察" not in exact
    assert "诉" in homophones("述")[1]  # shù / sù: a near sound (sh/s)


def test_a_word_is_corrected_only_into_words_the_index_holds():
    vocabulary = {"评查": 3, "案卷": 5, "监督": 9, "督员": 7}
    lookup = lambda grams: {g: vocabulary[g] for g in grams if g in vocabulary}  # noqa: E731
    assert correct_word("评察", lookup, {}) == "评查"
    assert correct_word("评查", lookup, {"评查": 3}) is None  # nothing missing: never changed
    assert correct_word("量子", lookup, {}) is None  # no homophone the index holds


def test_a_dictionary_word_the_notices_lack_is_left_as_typed():
    # 量执 is in the index (质量执法), 量子 is not: a real word is not a typo, so it stays and matches nothing
    a = analyse("量子", vocabulary=lambda grams: {g: 1 for g in grams if g == "量执"})
    assert [c.typed for c in a.clauses] == ["量子"]
    fixed = analyse("监督原", vocabulary=lambda grams: {g: 4 for g in grams if g in ("监督", "督员")})
    assert [c.typed for c in fixed.clauses] == ["监督员"]
