"""Switching engine does not change what people find (issues 15, 27): the graded relevance corpus
(benchmarks/relevance_queries.all_docs) indexed in both engines, the same queries, the same top results.
The embedded engine is compared as the Elasticsearch rendering works (index_aware=False): the steps only
the embedded engine can take, knowing its vocabulary, are listed by relevance_bench --es-differences.
Against a real Elasticsearch 8.x cluster only (ELASTICSEARCH_URL set; skipped with the reason otherwise —
never a fake server). The query bodies themselves are checked without a server in
test_elastic_query_parity.py."""
import os

import pytest

from search.engines.base import SearchQuery
from search.engines.embedded import EmbeddedEngine

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [pytest.mark.elasticsearch,
              pytest.mark.skipif(not ES_URL, reason="ELASTICSEARCH_URL 未设置：无 Elasticsearch 8.x 服务器，跳过两引擎"
                                                    "结果一致性测试（查询体由 test_elastic_query_parity 检查）")]

# a sample of the graded queries, one or more of each kind, with the notices (grade 3) one of which comes first
TOP = {
    "争议协调": {"r03", "wl01"},  # keywords
    "错案追究": {"r06"},
    "辅助人员 管理": {"r10", "wl05"},  # two words
    "领导干部 干预": {"r04", "wl03"},
    "执法机关之间职责有争议找谁": {"r03", "wl01"},  # questions
    "领导过问案件要记录吗": {"r04", "wl03"},
    "辅助人员能不能独立执法": {"r10", "wl05"},
    "执法协管员": {"r10", "wl05"},  # a synonym staff keep (协管员 → 辅助人员)
    "武隆 统计": {"y03", "wl13"},  # place + topic
    "威司发(2024)8号": {"r13"},  # a 发文字号 with ASCII brackets
    "武隆府发［２０２２］３号": {"r02"},  # full-width brackets and digits
    "投訴舉報": {"r02", "wz01", "wh02"},  # traditional characters (converted in analysis: both engines)
}
NOTHING = ["量子计算 人才补贴", "房产证 办理流程"]  # not on the site: no result in either engine


@pytest.fixture
def both(es_cluster):
    from benchmarks.relevance_bench import corpus_documents
    from search.synonyms import load_defaults

    load_defaults()
    keys, docs = corpus_documents()
    EmbeddedEngine().rebuild("notice", docs)
    es_cluster.rebuild("notice", docs)
    return keys, EmbeddedEngine(index_aware=False), es_cluster


def ranked(engine, keys, text):
    return [keys[h.object_id] for h in engine.search(SearchQuery(text=text)).hits]


@pytest.mark.parametrize("text", list(TOP))
def test_the_same_notice_comes_first_in_both_engines(both, text):
    keys, embedded, elastic = both
    mine, theirs = ranked(embedded, keys, text), ranked(elastic, keys, text)
    assert mine[:1] and mine[0] in TOP[text]
    assert theirs[:1] and theirs[0] in TOP[text]


def test_the_top_three_agree_on_the_sample(both):
    keys, embedded, elastic = both
    agree = [text for text in TOP if set(ranked(embedded, keys, text)[:3]) == set(ranked(elastic, keys, text)[:3])]
    assert len(agree) >= 9, f"only {len(agree)} of {len(TOP)} queries have the same top three: {agree}"


@pytest.mark.parametrize("text", NOTHING)
def test_what_the_site_does_not_hold_finds_nothing_in_either_engine(both, text):
    keys, embedded, elastic = both
    assert ranked(embedded, keys, text) == []
    assert ranked(elastic, keys, text) == []


def test_question_words_alone_get_the_same_message(both):
    _, embedded, elastic = both
    assert elastic.search(SearchQuery(text="怎么办吗")).message == embedded.search(SearchQuery(text="怎么办吗")).message
