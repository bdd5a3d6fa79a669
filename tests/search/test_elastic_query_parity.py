"""Switching engine does not change what people find (issue 15, "both engines"): the Elasticsearch engine
renders the very `Analysis` the embedded engine ranks with. Checked here without a server: the exact
query bodies and mappings built for literal inputs (requests captured at the transport,
es_capture_transport.py); test_elastic_parity_cluster.py compares results on a real cluster."""
import json
import re

import pytest
from django.core.management import call_command

from roles.definitions import OFFICER
from search.engines import get_engine
from search.engines.base import SearchQuery
from search.models import SearchSynonym

pytestmark = pytest.mark.usefixtures("fresh_year_choices")


def searches(es, scope="notices"):
    return [r.body for r in es.find("POST", rf"/t-{scope}/_search")]


def words_of(query: dict) -> dict:
    """The part of the query that holds the words: {"should": [one clause per word], "minimum_should_match": n}."""
    return query["bool"]["should"][-1]["bool"]["must"][0]["bool"]


def typed(clause: dict) -> list[str]:
    """The texts one word clause matches (its alternatives), read from the title phrase of each."""
    return [alt["bool"]["should"][0]["match_phrase"]["title"]["query"] for alt in clause["dis_max"]["queries"]]


def phrase(field: str, text: str, boost: float) -> dict:
    return {"match_phrase": {field: {"query": text, "boost": boost}}}


# ---- a question: one clause per word, question words left out, the same minimum-should-match ----
def test_question_becomes_one_should_clause_per_word_without_the_question_word(es):
    get_engine().search(SearchQuery(text="如何投诉行政执法人员"))
    body = searches(es)[-1]
    words = words_of(body["query"])
    assert [typed(c) for c in words["should"]] == [["投诉"], ["行政"], ["执法人员"]]
    assert words["minimum_should_match"] == 2  # three words: any two (analysis.minimum_should_match)
    assert "如何" not in json.dumps(body["query"], ensure_ascii=False)
    assert words["should"][0] == {"dis_max": {"queries": [{"bool": {"should": [
        phrase("title", "投诉", 3.0), phrase("metadata", "投诉", 1.0), phrase("body", "投诉", 1.0)]}}]}}
    # words typed together: a bonus where they stand together (match_phrase with a slop)
    bonus = body["query"]["bool"]["should"][-1]["bool"]["should"]
    assert bonus == [
        {"match_phrase": {"title": {"query": "投诉行政", "slop": 1, "boost": 1.5}}},
        {"match_phrase": {"body": {"query": "投诉行政", "slop": 1, "boost": 0.5}}},
        {"match_phrase": {"title": {"query": "行政执法人员", "slop": 1, "boost": 1.5}}},
        {"match_phrase": {"body": {"query": "行政执法人员", "slop": 1, "boost": 0.5}}}]
    assert not es.find("POST", r"/t-notices/_search")[:-1]  # no digits: no 发文字号 look-up first


def test_four_and_six_words_need_three_and_four(es):
    get_engine().search(SearchQuery(text="领导过问案件要记录吗"))
    words = words_of(searches(es)[-1]["query"])
    assert [typed(c) for c in words["should"]] == [["领导"], ["过问"], ["案件"], ["记录"]]
    assert words["minimum_should_match"] == 3
    get_engine().search(SearchQuery(text="万州 武隆 威海 武汉 恩施 监督员"))
    assert words_of(searches(es)[-1]["query"])["minimum_should_match"] == 4


# ---- synonyms staff keep in the admin: extra alternatives, weighted below the word typed ----
def test_synonym_is_an_alternative_with_a_lower_boost(es):
    SearchSynonym.objects.create(word="协管员", synonyms="辅助人员")
    get_engine().search(SearchQuery(text="执法协管员"))
    words = words_of(searches(es)[-1]["query"])
    assert [typed(c) for c in words["should"]] == [["执法"], ["协管员", "辅助人员"]]
    assert words["should"][1] == {"dis_max": {"queries": [
        {"bool": {"should": [phrase("title", "协管员", 3.0), phrase("metadata", "协管员", 1.0),
                             phrase("body", "协管员", 1.0)]}},
        {"bool": {"should": [phrase("title", "辅助人员", 1.8), phrase("metadata", "辅助人员", 0.6),
                             phrase("body", "辅助人员", 0.6)]}}]}}
    # one-way: the word notices use is not expanded back
    get_engine().search(SearchQuery(text="辅助人员"))
    assert [typed(c) for c in words_of(searches(es)[-1]["query"])["should"]] == [["辅助"], ["人员"]]


# ---- 发文字号 however typed ----
@pytest.mark.parametrize("text", ["恩施监决[2026]1号", "恩施监决(2026)1号", "恩施监决［２０２６］１号", "恩施监决〔2026〕1号"])
def test_document_number_is_looked_up_normalised(es, text):
    get_engine().search(SearchQuery(text=text))
    check, body = searches(es)[-2:]
    assert check["query"]["bool"]["filter"][-1]["bool"]["should"][0] == {"term": {"doc_number_key": "恩施监决〔2026〕1号"}}
    assert body["query"]["bool"]["should"][:2] == [
        {"constant_score": {"filter": {"term": {"doc_number_key": "恩施监决〔2026〕1号"}}, "boost": 10_000}},
        {"constant_score": {"filter": {"term": {"index_number_key": "恩施监决〔2026〕1号"}}, "boost": 10_000}}]
    words = words_of(body["query"])
    assert [typed(c) for c in words["should"]] == [["恩施"], ["监决"], ["2026"], ["1"]]
    assert words["minimum_should_match"] == 3  # no record carries it (the check found none)


def test_when_a_record_carries_the_number_the_others_must_hold_every_part_of_it(es):
    # the embedded engine's rule: with an exact match, the other results hold every word of the number
    es.on("POST", r"/t-notices/_search", responder=lambda r: (200, {
        "took": 1, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 1 if r.body.get("size") == 0 else 0, "relation": "eq"}, "max_score": None,
                 "hits": []}}))
    get_engine().search(SearchQuery(text="威司发(2024)8号"))
    words = words_of(searches(es)[-1]["query"])
    assert [typed(c) for c in words["should"]] == [["威司"], ["司发"], ["2024"], ["8"]]
    assert words["minimum_should_match"] == 4


# ---- one character: the unigram subfields ----
def test_a_lone_character_matches_the_single_character_subfields(es):
    get_engine().search(SearchQuery(text="督"))
    words = words_of(searches(es)[-1]["query"])
    assert words == {"should": [{"dis_max": {"queries": [{"bool": {"should": [
        phrase("title.chars", "督", 3.0), phrase("metadata.chars", "督", 1.0), phrase("body.chars", "督", 1.0)]}}]}}],
        "minimum_should_match": 1}


# ---- question words alone: the same message, no request ----
def test_question_words_alone_get_the_embedded_engines_message_without_a_request(es):
    res = get_engine().search(SearchQuery(text="怎么办吗"))
    assert res.hits == [] and res.total == 0
    assert res.message.startswith("“怎么办吗”只含有“怎么办”“吗”等提问用语，没有可以检索的关键词。")
    assert not searches(es)


# ---- both engines read the query through the same analysis ----
def test_both_engines_get_the_same_analysed_query(es, monkeypatch, settings):
    from search import analysis
    from search.engines import elastic, embedded

    SearchSynonym.objects.create(word="举报", synonyms="投诉", two_way=True)
    seen = {}

    def spy(name):
        def analyse(text, synonyms=None, vocabulary=None):
            # the embedded engine also passes its vocabulary (wrong homophones corrected: spelling.py);
            # every word here is written right, so both engines get the same analysis
            seen[name] = (text, synonyms, analysis.analyse(text, synonyms, vocabulary))
            return seen[name][2]
        return analyse

    monkeypatch.setattr(embedded, "analyse", spy("embedded"))
    monkeypatch.setattr(elastic, "analyse", spy("elastic"))
    text = "举报执法人员不出示证件怎么办"
    get_engine("elastic").search(SearchQuery(text=text))
    settings.ELASTICSEARCH_URL = ""
    get_engine().search(SearchQuery(text=text))
    assert seen["embedded"] == seen["elastic"]
    _, synonyms, a = seen["elastic"]
    assert synonyms == {"举报": ["投诉"], "投诉": ["举报"]}
    assert [(c.typed, c.alternatives) for c in a.clauses] == [
        ("举报", [("举报", 1.0), ("投诉", 0.6)]), ("执法人员", [("执法人员", 1.0)]),
        ("不", [("员不", 1.0), ("不出", 1.0)]), ("出示证件", [("出示证件", 1.0)])]
    assert a.dropped == ["怎么办"] and a.phrases == ["举报执法人员"]
    words = words_of(searches(es)[-1]["query"])
    assert [typed(c) for c in words["should"]] == [["举报", "投诉"], ["执法人员"], ["员不", "不出"], ["出示证件"]]
    assert words["minimum_should_match"] == 3


# ---- staff decision search: the same words, inside the permission filter ----
def test_staff_decision_search_renders_the_same_words_inside_the_permission_filter(es, make_user, client):
    client.force_login(make_user("officer15", OFFICER))
    assert client.get("/admin/search/decisions/", {"q": "交通运输局执法程序问题怎么处理"}).status_code == 200
    body = searches(es, "decisions")[-1]
    words = words_of(body["query"])
    assert [typed(c) for c in words["should"]] == [["交通运输"], ["输局", "局执"], ["执法"], ["程序"], ["问题"], ["处理"]]
    assert words["minimum_should_match"] == 4
    # a character standing alone between words (局) matches with its neighbours, as in the embedded engine
    assert words["should"][1] == {"dis_max": {"queries": [
        {"bool": {"should": [phrase("title", "输局", 3.0), phrase("metadata", "输局", 1.0), phrase("body", "输局", 1.0)]}},
        {"bool": {"should": [phrase("title", "局执", 3.0), phrase("metadata", "局执", 1.0), phrase("body", "局执", 1.0)]}}]}}
    assert body["aggs"]["agency"] == {"terms": {"field": "agency", "size": 30}}


# ---- nothing found: suggestions, as the embedded engine gives them ----
def test_nothing_found_asks_for_closest_titles_and_shorter_queries_in_one_multi_search(es):
    es.on("POST", r"/t-notices/_msearch", body={"took": 1, "responses": [
        {"took": 1, "timed_out": False, "status": 200, "hits": {"total": {"value": 1, "relation": "eq"}, "hits": [
            {"_index": "t-notices-v0", "_id": "5", "_score": 2.0, "sort": [2.0, 1, 5],
             "_source": {"title": "武隆区行政执法投诉举报处理办法", "kind": "regulation", "url": "/wulong/5/",
                         "date": "2022-03-01"}}]}},
        {"took": 1, "timed_out": False, "status": 200, "hits": {"total": {"value": 2, "relation": "eq"}, "hits": []}},
        {"took": 1, "timed_out": False, "status": 200, "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}]})
    res = get_engine().search(SearchQuery(text="投诉 考勤"))
    assert res.total == 0 and [h.title for h in res.suggestions] == ["武隆区行政执法投诉举报处理办法"]
    assert res.broader == ["投诉"]
    lines = es.find("POST", r"/t-notices/_msearch")[0].body
    assert lines[0] == {} and lines[2] == {} and lines[4] == {}
    closest = lines[1]["query"]["bool"]["must"][0]["bool"]["must"][0]["bool"]
    assert closest["minimum_should_match"] == 1  # half of the two words, in the title only
    assert closest["should"][0] == {"dis_max": {"queries": [{"bool": {"should": [phrase("title", "投诉", 1.0)]}}]}}
    assert lines[1]["size"] == 3 and lines[3]["size"] == 0 and lines[5]["size"] == 0


# ---- the mapping: unigram subfields, metadata copied into one field, BM25 per field, a version ----
def test_mapping_has_unigram_subfields_metadata_and_its_version(es):
    call_command("search_setup")
    create = es.find("PUT", r"/t-notices-v0")[0].body
    chars = create["settings"]["analysis"]["analyzer"]["supervision_chars"]
    assert chars == {"type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase"]}
    props = create["mappings"]["properties"]
    for name in ("title", "metadata", "body"):
        assert props[name]["fields"]["chars"] == {"type": "text", "analyzer": "supervision_chars"}
    for name in ("issuer", "keywords", "subject_category", "doc_number", "index_number", "kind_label"):
        assert props[name]["copy_to"] == "metadata"
    assert props["doc_number_key"] == {"type": "keyword"}
    assert create["mappings"]["_meta"] == {"schema_version": 2}
    assert create["settings"]["similarity"]["supervision_title"] == {"type": "BM25", "k1": 1.2, "b": 0.5}
    assert props["title"]["similarity"] == "supervision_title"
    decisions = es.find("PUT", r"/t-decisions-v0")[0].body["mappings"]["properties"]
    assert decisions["agency"]["copy_to"] == "metadata" and decisions["article"]["copy_to"] == "metadata"


def test_an_index_made_with_an_older_mapping_is_rebuilt_by_the_task_search_setup_queues(es):
    """search_setup queues search.tasks.upgrade_index (test_elastic_ops_logic checks it is only queued); the
    in-process task backend of the tests, as of `make run`, runs it at once: this is what it sends."""
    es.on("HEAD", r"/_alias/t-(notices|decisions)", status=200)
    es.on("GET", r"/t-notices/_mapping", body={"t-notices-v0": {"mappings": {"properties": {"title": {"type": "text"}}}}})
    es.on("GET", r"/t-decisions/_mapping", body={"t-decisions-v20261120": {"mappings": {
        "_meta": {"schema_version": 2}, "properties": {}}}})
    es.on("GET", r"/_alias/t-notices", body={"t-notices-v0": {"aliases": {"t-notices": {"is_write_index": True}}}})
    call_command("search_setup")
    created = [r for r in es.requests if r.method == "PUT" and re.fullmatch(r"/t-(notices|decisions)-v\d+", r.path)]
    assert len(created) == 1 and created[0].path.startswith("/t-notices-v2")  # decisions are current
    assert created[0].body["mappings"]["_meta"] == {"schema_version": 2}
    swap = es.find("POST", r"/_aliases")[0].body["actions"]
    assert swap == [{"remove": {"index": "t-notices-v0", "alias": "t-notices"}},
                    {"add": {"index": created[0].path[1:], "alias": "t-notices", "is_write_index": True}}]
    assert es.find("DELETE", r"/t-notices-v0")


def test_deploy_check_warns_while_an_index_has_an_older_mapping(es):
    from search.checks import elasticsearch_ready

    es.on("GET", r"/t-notices/_mapping", body={"t-notices-v0": {"mappings": {"properties": {}}}})
    warnings = elasticsearch_ready()
    assert [w.id for w in warnings] == ["search.W002"]
    assert warnings[0].msg.startswith("Elasticsearch 索引（t-notices）的结构早于第 2 版")
    es.on("GET", r"/t-notices/_mapping", body={"t-notices-v1": {"mappings": {"_meta": {"schema_version": 2}}}})
    assert elasticsearch_ready() == []
