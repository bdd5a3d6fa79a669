"""What the Elasticsearch engine sends, captured at the transport and checked against the documented
Elasticsearch 8 request shapes (issue 16). No server: see es_capture_transport.py; the behaviour suite
runs against a real cluster when ELASTICSEARCH_URL is set."""
import datetime as dt
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from roles.definitions import OFFICER
from search.engines import get_engine
from search.engines.base import SearchQuery

pytestmark = pytest.mark.usefixtures("fresh_year_choices")


def searches(es):
    return [r.body for r in es.find("POST", r"/t-(notices|decisions)/_search")]


# ---- 1. highlight options at the top level; no title highlight, no body fetched; long bodies guarded ----
def test_highlight_options_are_top_level_as_elasticsearch_8_0_accepts(es):
    get_engine().search(SearchQuery(text="监督员"))
    body = searches(es)[-1]
    hl = body["highlight"]
    assert hl["encoder"] == "html" and hl["pre_tags"] == ["<mark>"] and hl["post_tags"] == ["</mark>"]
    assert hl["fields"] == {"body": {}}  # nothing inside a field (8.0–8.13: `unknown field [encoder]`), no title
    assert hl["max_analyzed_offset"] == 100000  # a body over index.highlight.max_analyzed_offset is no error
    assert body["_source"] == {"excludes": ["body"]}  # the snippet is the highlight; never the whole body


def test_snippet_comes_from_the_highlight_escaped_by_elasticsearch(es):
    es.on("POST", r"/t-notices/_search", body={
        "took": 1, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": None, "hits": [
            {"_index": "t-notices-v0", "_id": "7", "_score": 101.0, "sort": [101.0, 1767225600000, 7],
             "_source": {"title": "监督员管理办法", "kind": "regulation", "kind_label": "规范性文件/制度",
                         "date": "2026-01-01", "url": "/wulong/7/", "doc_number": "", "index_number": ""},
             "highlight": {"body": ["为规范&lt;行政执法&gt;<mark>监督员</mark>的选聘"]}}]}})
    res = get_engine().search(SearchQuery(text="监督员"))
    hit = res.hits[0]
    assert (hit.title, hit.url, hit.date, res.total) == ("监督员管理办法", "/wulong/7/", dt.date(2026, 1, 1), 1)
    assert str(hit.snippet) == "为规范&lt;行政执法&gt;<mark>监督员</mark>的选聘"


# ---- 2. unigrams + bigrams, and the embedded engine's minimum-should-match rule instead of operator:and ----
def test_index_keeps_single_characters_and_queries_use_minimum_should_match(es):
    call_command("search_setup")
    create = es.find("PUT", r"/t-notices-v0")[0].body
    analysis = create["settings"]["analysis"]
    assert analysis["filter"]["supervision_bigrams_unigrams"] == {"type": "cjk_bigram", "output_unigrams": True}
    assert analysis["analyzer"]["supervision_index"]["filter"][-1] == "supervision_bigrams_unigrams"
    assert analysis["analyzer"]["supervision_search"]["filter"][-1] == "supervision_bigrams"
    assert create["mappings"]["properties"]["title"]["analyzer"] == "supervision_index"
    assert create["mappings"]["properties"]["body"]["search_analyzer"] == "supervision_search"
    get_engine().search(SearchQuery(text="2021年 统计 年报"))
    query = searches(es)[-1]["query"]
    assert '"operator"' not in str(query).replace("'", '"')
    words = query["bool"]["should"][2]["bool"]["must"][0]["bool"]
    assert len(words["should"]) == 3 and words["minimum_should_match"] == 2  # three words: any two

# ---- 3. a missing analysis plugin is refused at start, naming the plugin ----
def test_missing_smartcn_plugin_is_refused_by_search_setup_naming_the_plugin(es, settings):
    settings.SEARCH_ES_ANALYZER = "smartcn"
    reason = "failed to find global tokenizer under [smartcn_tokenizer]"
    es.on("POST", r"/_analyze", status=400, body={
        "error": {"root_cause": [{"type": "illegal_argument_exception", "reason": reason}],
                  "type": "illegal_argument_exception", "reason": reason}, "status": 400})
    with pytest.raises(CommandError, match="analysis-smartcn"):
        call_command("search_setup")
    assert es.find("POST", r"/_analyze")[0].body == {"tokenizer": "smartcn_tokenizer", "text": "行政执法监督"}
    assert not es.find("PUT", r"/t-.*")  # no index half-created with an analyzer that does not exist


def test_ik_indexes_with_ik_max_word_and_queries_with_ik_smart(es, settings):
    settings.SEARCH_ES_ANALYZER = "ik_max_word"
    call_command("search_setup")
    assert [r.body["tokenizer"] for r in es.find("POST", r"/_analyze")] == ["ik_max_word", "ik_smart"]
    analyzers = es.find("PUT", r"/t-decisions-v0")[0].body["settings"]["analysis"]["analyzer"]
    assert analyzers["supervision_index"]["tokenizer"] == "ik_max_word"
    assert analyzers["supervision_search"]["tokenizer"] == "ik_smart"


# ---- 4. TLS and API key from the environment ----
def test_tls_and_api_key_settings_reach_the_client(es, settings):
    settings.ELASTICSEARCH_URL = "https://es.bureau.example:9200"
    settings.SEARCH_ES_API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="
    settings.SEARCH_ES_CA_CERTS = "/etc/elasticsearch/certs/http_ca.crt"
    settings.SEARCH_ES_FINGERPRINT = "E8:76:75:1A:9E:5B:2F:1C:8E:30:DE:DA:42:41:7F:2C:51:B6:7E:9D:3F:9A:5C:46:09:21:CC:63:8F:A7:11:9D"
    engine = get_engine()
    node = engine.client.transport.node_pool.all()[0].config
    assert (node.scheme, node.host, node.port) == ("https", "es.bureau.example", 9200)
    assert node.ca_certs == "/etc/elasticsearch/certs/http_ca.crt"
    assert node.ssl_assert_fingerprint.startswith("E8:76:75:1A")
    assert node.verify_certs is True
    engine.search(SearchQuery(text="监督"))
    assert es.requests[-1].headers["authorization"] == f"ApiKey {settings.SEARCH_ES_API_KEY}"
    settings.SEARCH_ES_VERIFY_CERTS = False
    assert get_engine().client.transport.node_pool.all()[0].config.verify_certs is False


def test_search_settings_are_read_from_the_environment():
    env = {**os.environ, "SEARCH_ES_API_KEY": "a2V5", "SEARCH_ES_CA_CERTS": "/ca.crt", "SEARCH_ES_FINGERPRINT": "AB:CD",
           "SEARCH_ES_VERIFY_CERTS": "0", "SEARCH_ES_REPLICAS": "2", "SEARCH_ES_TIMEOUT": "2.5"}
    code = ("import settings.base as s; print(s.SEARCH_ES_API_KEY, s.SEARCH_ES_CA_CERTS, s.SEARCH_ES_FINGERPRINT, "
            "s.SEARCH_ES_VERIFY_CERTS, s.SEARCH_ES_REPLICAS, s.SEARCH_ES_TIMEOUT)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["a2V5", "/ca.crt", "AB:CD", "False", "2", "2.5"]


# ---- 6. deep staff pages: a point in time walked with search_after, never from + size past the window ----
def test_staff_page_501_walks_in_a_point_in_time_and_the_next_page_continues_from_its_cursor(es, make_user,
                                                                                            client):
    from urllib.parse import parse_qs, urlsplit

    shards = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
    es.on("POST", r"/t-decisions/_pit", body={"id": "pit-1", "_shards": shards})
    # with a PIT, Elasticsearch appends the _shard_doc tiebreaker to every sort (the 4th value)
    hop = {"took": 3, "timed_out": False, "_shards": shards, "pit_id": "pit-2",
           "hits": {"hits": [{"sort": [0.0, 1767225600000, 20_000 - i, i]} for i in range(10_000)]}}
    page = {"took": 1, "timed_out": False, "_shards": shards, "pit_id": "pit-3",
            "hits": {"total": {"value": 15_000, "relation": "eq"}, "max_score": None, "hits": [
                {"_index": "t-decisions-v0", "_id": str(9_999 - i), "_score": 0.0,
                 "sort": [0.0, 1767225600000, 9_999 - i, 10_000 + i],
                 "_source": {"title": f"决定{i}", "kind": "letter", "date": "2026-01-01", "url": ""}}
                for i in range(20)]}}
    es.on("POST", r"/_search", responder=lambda r: (200, hop) if r.body.get("size") == 10_000 else (200, page))
    client.force_login(make_user("officer16", OFFICER))
    first = client.get("/admin/search/decisions/", {"page": 501})
    assert first.status_code == 200
    opened = es.find("POST", r"/t-decisions/_pit")
    assert len(opened) == 1 and opened[0].params["keep_alive"] == "2m"
    walk, shown = [r.body for r in es.find("POST", r"/_search")]  # inside the PIT: no index in the path
    assert all(b.get("from", 0) + b["size"] <= 10_000 for b in (walk, shown))
    assert walk["pit"] == {"id": "pit-1", "keep_alive": "2m"} and walk["size"] == 10_000
    assert walk["_source"] is False and "search_after" not in walk and "highlight" not in walk
    assert es.find("POST", r"/_search")[0].params["filter_path"] == "pit_id,hits.hits.sort"
    # the latest PIT id, the walk's last sort values exactly as returned
    assert shown["pit"]["id"] == "pit-2" and shown["search_after"] == [0.0, 1767225600000, 10_001, 9_999]
    assert shown["size"] == 20 and "from" not in shown and shown["track_total_hits"] is True
    assert shown["sort"] == [{"_score": {"order": "desc"}}, {"date": {"order": "desc", "missing": "_last"}},
                             {"object_id": {"order": "desc"}}]  # a unique last key of our own
    # the next page: one search in the same point in time, after this page's last hit; no walk, no new PIT
    next_href = first.context["next_href"]
    assert parse_qs(urlsplit(next_href).query)["page"] == ["502"]
    es.requests.clear()
    assert client.get("/admin/search/decisions/" + next_href).status_code == 200
    assert not es.find("POST", r"/t-decisions/_pit") and len(es.find("POST", r"/_search")) == 1
    again = es.find("POST", r"/_search")[0].body
    assert again["pit"]["id"] == "pit-3" and again["search_after"] == [0.0, 1767225600000, 9_980, 10_019]
    # a cursor made for another search (here: another query) is not used: a fresh walk
    es.requests.clear()
    other = parse_qs(urlsplit(next_href).query)
    assert client.get("/admin/search/decisions/", {"q": "监督", "page": 502, "after": other["after"][0]}).status_code == 200
    assert len(es.find("POST", r"/t-decisions/_pit")) == 1


def test_pages_within_the_window_keep_to_the_same_shard_copies_per_person(es, make_user, client):
    officer = make_user("officer16", OFFICER)
    client.force_login(officer)
    # 15,000 decisions: page 500 is within the results (a page past the last one is refused with a 400)
    es.on("POST", r"/t-decisions/_search", body={
        "took": 1, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 15_000, "relation": "eq"}, "max_score": None, "hits": []}})
    assert client.get("/admin/search/decisions/", {"page": 500}).status_code == 200
    shallow = es.find("POST", r"/t-decisions/_search")[-1]
    assert shallow.body["from"] == 9_980 and shallow.params["preference"] == f"user-{officer.pk}"
    assert not es.find("POST", r"/t-decisions/_pit")


# ---- 8. indices created once, with the alias as write index; writes never look up aliases ----
def test_setup_creates_each_index_once_with_is_write_index_and_writes_do_not_set_up(es, decision):
    call_command("search_setup")
    created = es.find("PUT", r"/t-(notices|decisions|cases)-v0")
    assert [r.path for r in created] == ["/t-notices-v0", "/t-decisions-v0", "/t-cases-v0"]
    assert created[0].body["aliases"] == {"t-notices": {"is_write_index": True}}
    assert created[0].body["settings"]["number_of_shards"] == 1
    es.on("HEAD", r"/_alias/t-(notices|decisions|cases)", status=200)
    es.requests.clear()
    call_command("search_setup")
    assert not es.find("PUT", r"/t-.*")
    es.requests.clear()
    rec = decision(title="监督意见书")
    # the record, and its entry in the staff case search (search/cases.py: pk and kind 5, decision)
    assert [(r.method, r.path) for r in es.requests] == [("PUT", f"/t-decisions/_doc/{rec.pk}"),
                                                         ("PUT", f"/t-cases/_doc/{rec.pk * 10 + 5}")]
    assert es.requests[0].params["require_alias"] == "true"  # never auto-create an index named like the alias


def test_replicas_come_from_the_setting(es, settings):
    settings.SEARCH_ES_REPLICAS = 2
    call_command("search_setup")
    assert es.find("PUT", r"/t-notices-v0")[0].body["settings"]["number_of_replicas"] == 2


# ---- 9. year choices from an aggregation; ranking in the embedded engine's tiers ----
def test_public_year_choices_come_from_an_aggregation(es, site_tree, client):
    from django.core.cache import cache

    cache.delete("search:notice-years")
    es.on("POST", r"/t-notices/_search", responder=lambda r: (200, {
        "took": 1, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 3, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {"years": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                                   "buckets": [{"key": 2026, "doc_count": 2}, {"key": 2025, "doc_count": 1}]}}}))
    html = client.get("/search/", {"q": "监督"}).content.decode()
    assert '<option value="2026"' in html and '<option value="2025"' in html
    agg = next(b for b in searches(es) if "aggs" in b)
    assert agg["size"] == 0 and agg["aggs"]["years"]["terms"]["field"] == "year"
    assert es.find("POST", r"/t-notices/_search")[0].params["request_cache"] == "true"


def test_document_number_first_then_bm25_with_newest_breaking_ties(es, make_user):
    get_engine().search(SearchQuery(text="武隆府办发〔2021〕62号", scope="decision", user=make_user("o16", OFFICER)))
    exact, body = searches(es)[-2:]  # is it a number some record carries? then the search itself
    assert exact["size"] == 0 and exact["query"]["bool"]["filter"][-1] == {"bool": {"should": [
        {"term": {"doc_number_key": "武隆府办发〔2021〕62号"}}, {"term": {"index_number_key": "武隆府办发〔2021〕62号"}}],
        "minimum_should_match": 1}}
    should = body["query"]["bool"]["should"]
    assert [c["constant_score"]["boost"] for c in should[:2]] == [10_000, 10_000]
    assert should[0]["constant_score"]["filter"] == {"term": {"doc_number_key": "武隆府办发〔2021〕62号"}}
    assert "constant_score" not in should[2]  # the words are scored (BM25), not tiers
    assert body["sort"][0] == {"_score": {"order": "desc"}}  # score, then newest, then id


# ---- 10. one client; `now` rounded for the caches; external versions ----
def test_one_client_is_shared_by_every_request(es):
    assert get_engine().client is get_engine().client


def test_expiry_filter_is_rounded_to_the_minute_so_caches_can_serve_it(es):
    with freeze_time("2026-11-27 02:15:07.123456"):
        get_engine().search(SearchQuery(text="监督"))
    with freeze_time("2026-11-27 02:15:48.9"):
        get_engine().search(SearchQuery(text="监督"))
    first, second = searches(es)[-2:]
    assert first == second
    assert "'gt': '2026-11-27T02:15:00+00:00'" in str(first["query"]["bool"]["filter"])


def test_writes_carry_an_external_version_from_the_read_and_a_stale_one_is_dropped(es, decision):
    with freeze_time("2026-11-27 02:15:07.000123"):
        rec = decision(title="监督意见书")
    put = es.find("PUT", rf"/t-decisions/_doc/{rec.pk}")[-1]
    assert put.params["version_type"] == "external" and put.params["version"] == "1795745707000123"
    assert put.body["object_id"] == rec.pk
    es.on("PUT", r"/t-decisions/_doc/\d+", status=409, body={
        "error": {"type": "version_conflict_engine_exception",
                  "reason": f"[{rec.pk}]: version conflict, current version [1795745799000000] is higher than "
                            "or equal to the one provided [1795745707000123]"}, "status": 409})
    from search.models import PendingIndexUpdate
    from search.tasks import sync_now

    assert sync_now("decision", rec.pk) == "indexed"  # a newer state is already there: nothing to do
    assert not PendingIndexUpdate.objects.exists()
