"""Elasticsearch 8.x engine (when ELASTICSEARCH_URL is set). Supported: Elasticsearch 8.0 and later 8.x
(request shapes valid since 8.0: highlight options at the top level). OpenSearch is not supported.

Matching and ranking as the embedded engine: the query is analysed once, in Python, by analysis.py (the
same `Analysis` the embedded engine ranks: question words dropped, staff synonyms at a lower weight,
minimum_should_match) and rendered as a bool query by es_query.py: BM25 per field (title ×3, metadata,
body), a bonus for words standing together, an exact 发文字号/索引号 first; equal scores newest first.
A query of question words alone gets the same message; no result gets the same kind of suggestions.
Index management (analysis, setup, rebuild, write targets) is in es_index.py; the client in es_client.py.
"""
from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from elasticsearch import ConflictError, NotFoundError

from ..analysis import Analysis, analyse, synonym_table
from ..cases import PARTY_KIND, scope_for
from ..documents import BODY, CHARS, TITLE, Document, index_alias
from ..permissions import decision_scope
from ..tokenize import code_key
from ..visibility import es_exclusions
from . import es_index, es_paging, es_query
from .base import Hit, SearchQuery, SearchResults
from .errors import SearchUnavailable
from .es_client import get_client, is_unavailable, search_timeout

SCOPES = es_index.SCOPES
EXACT_BOOST = es_query.EXACT_BOOST
BODY_CHARS = f"{BODY}.{CHARS}"
HIGHLIGHT_MAX_ANALYZED = 100_000  # highlight the first 100k characters of a very long body, never an error
SORT = [{"_score": {"order": "desc"}}, {"date": {"order": "desc", "missing": "_last"}},
        {"object_id": {"order": "desc"}}]
SUGGESTIONS = 3  # no result: the closest titles shown, and at most this many shorter queries


def highlight(a: Analysis | None) -> dict:
    """The body's best fragment, query words in <mark>. A lone character (督) matches on `body.chars`
    (es_query.clause) and a highlighter marks only what matched in the field it highlights, so that subfield
    is highlighted too: explicit fields, valid on every 8.x (`matched_fields` needs 8.15's unified highlighter).
    Options at the top level: 8.0–8.13 refuse `encoder` inside a field."""
    fields = {BODY: {}}
    if a is not None and any(c.prefix for c in a.clauses):
        fields[BODY_CHARS] = {}
    return {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "fragment_size": 120,
            "number_of_fragments": 1, "no_match_size": 120, "max_analyzed_offset": HIGHLIGHT_MAX_ANALYZED,
            "fields": fields}


def snippet_of(hit: dict) -> str:
    """The fragment with a mark (body, else body.chars), else the body's opening (no_match_size)."""
    highlighted = hit.get("highlight", {})
    fragments = [f for name in (BODY, BODY_CHARS) for f in highlighted.get(name, [])]
    return next((f for f in fragments if "<mark>" in f), fragments[0] if fragments else "")


def now_minute() -> str:
    """`now` rounded down to the minute: the same filter for a minute, so Elasticsearch's caches can
    serve it (a notice stays findable at most a minute past expire_at; publish_scheduled then removes it)."""
    return timezone.now().replace(second=0, microsecond=0).isoformat()


class ElasticEngine:
    name = "elastic"
    versioned = True  # remove() takes the version of the read that decided the removal

    def __init__(self, url: str | None = None):
        self.client = get_client()

    def _refresh(self):
        return "true" if getattr(settings, "SEARCH_ES_REFRESH", False) else "false"

    # ---- index management -----------------------------------------------------------------------
    def setup(self) -> list[str]:
        return es_index.setup(self.client)

    def check(self) -> None:
        es_index.check_analyzer(self.client)

    def drop_all(self) -> None:
        es_index.drop_all(self.client)

    def rebuild(self, scope: str, docs, batch: int = 500) -> int:
        return es_index.rebuild(self.client, scope, docs, batch=batch)

    # ---- documents ------------------------------------------------------------------------------
    def index(self, scope: str, doc: Document) -> None:
        version = getattr(doc.meta, "version", None) or time.time_ns() // 1000
        body = {**doc.to_dict(), "object_id": int(doc.meta.id)}
        alias = index_alias(scope)
        for target in es_index.write_targets(scope):
            try:
                # require_alias: never let auto-create make a concrete index named like the alias
                self.client.index(index=target, id=str(doc.meta.id), document=body, version=version,
                                  version_type="external", require_alias=target == alias,
                                  refresh=self._refresh())
            except ConflictError:  # a newer state of this object is already indexed
                pass

    def remove(self, scope: str, object_id: int, version: int | None = None) -> None:
        version = version or time.time_ns() // 1000
        for target in es_index.write_targets(scope):
            try:
                self.client.delete(index=target, id=str(object_id), version=version, version_type="external",
                                   refresh=self._refresh())
            except NotFoundError as exc:
                if "index_not_found" in str(exc.error):
                    raise
            except ConflictError:
                pass

    # ---- search ---------------------------------------------------------------------------------
    def _filters(self, q: SearchQuery) -> list:
        out = []
        if q.scope == "notice":
            out += self._public()
        elif q.scope == "case":  # staff case search: casework.visibility, as index filters (cases.py)
            spec = scope_for(q)
            if spec.everything:
                out.append({"bool": {"must_not": {"term": {"kind": PARTY_KIND}}}})
            else:
                out.append({"terms": {"object_id": list(spec.object_ids)}} if spec.object_ids
                           else {"match_none": {}})
        else:
            spec = decision_scope(q.user)
            if spec.jurisdiction:  # bureau staff bound to one jurisdiction (decisions.selectors)
                out.append({"term": {"jurisdiction": spec.jurisdiction}})
            if not spec.everything:
                allowed = []
                if spec.agency:
                    allowed.append({"bool": {"filter": [{"term": {"agency": spec.agency}},
                                                        {"term": {"confidential": False}}]}})
                if spec.party_user_id:
                    allowed.append({"term": {"party_user_id": spec.party_user_id}})
                if spec.record_ids:  # the cases its agency runs itself (decisions.selectors)
                    allowed.append({"terms": {"object_id": list(spec.record_ids)}})
                out.append({"bool": {"should": allowed, "minimum_should_match": 1}} if allowed
                           else {"match_none": {}})
        for name in ("kind", "jurisdiction", "process_kind", "agency", "outcome"):
            if q.filters.get(name):
                out.append({"term": {name: q.filters[name]}})
        if q.filters.get("year"):
            out.append({"term": {"year": int(q.filters["year"])}})
        return out

    def _public(self) -> list:
        # live, not expired, and not below a view restriction (search/visibility.py: the queue removes
        # such notices from the index; this leaves them out until it has)
        return [{"term": {"live": True}},
                {"bool": {"should": [{"bool": {"must_not": {"exists": {"field": "expire_at"}}}},
                                     {"range": {"expire_at": {"gt": now_minute()}}}],
                          "minimum_should_match": 1}},
                *es_exclusions()]

    def _query(self, q: SearchQuery, analysis: Analysis | None = None, need: int | None = None) -> dict:
        text = q.text.strip()
        if not text:
            return {"bool": {"filter": self._filters(q)}}
        # the very call the embedded engine makes: one analysis (analysis.py), two renderings
        a = analysis if analysis is not None else analyse(text, synonym_table())
        return es_query.render(a, code_key(text), a.need if need is None else need, self._filters(q))

    def build_body(self, q: SearchQuery, analysis: Analysis | None = None, need: int | None = None) -> dict:
        text = q.text.strip()
        if analysis is None and text:
            analysis = analyse(text, synonym_table())
        body = {"query": self._query(q, analysis, need), "sort": SORT, "track_total_hits": True,
                "_source": {"excludes": ["body"]}}  # the snippet comes from the highlight
        if text:
            body["highlight"] = highlight(analysis)
        if q.facets:
            body["aggs"] = {name: {"terms": {"field": name, "size": 30}} for name in q.facets}
        return body

    def _has_exact(self, index: str, q: SearchQuery, key: str) -> bool:
        """Whether the query is a 发文字号/索引号 some visible document carries (then, as in the embedded
        engine, the other results must hold every word of it)."""
        if not es_query.may_be_number(key):
            return False
        body = {"size": 0, "track_total_hits": 1,
                "query": {"bool": {"filter": [*self._filters(q), es_query.exact_filter(key)]}}}
        return self._search(index, body)["hits"]["total"]["value"] > 0

    def _timed_client(self):
        return self.client.options(request_timeout=search_timeout())

    def _open_pit(self, index: str, keep_alive: str) -> str:
        try:
            return self._timed_client().open_point_in_time(index=index, keep_alive=keep_alive).body["id"]
        except Exception as exc:
            if is_unavailable(exc):
                raise SearchUnavailable(str(exc)) from exc
            raise

    def _search(self, index: str | None, body: dict, **kw) -> dict:
        """A search; index None for one inside a point in time (the PIT names the index)."""
        try:
            target = {"index": index} if index else {}
            return self._timed_client().search(**target, **body, **kw).body
        except Exception as exc:
            if is_unavailable(exc):
                raise SearchUnavailable(str(exc)) from exc
            raise

    def search(self, q: SearchQuery) -> SearchResults:
        index = index_alias(q.scope)
        text = q.text.strip()
        analysis, need = None, None
        if text:
            analysis = analyse(text, synonym_table())
            exact = self._has_exact(index, q, code_key(text))
            if analysis.stop_words_only and not exact:
                return SearchResults(q, [], 0, message=analysis.stop_message(text))
            need = len(analysis.clauses) if exact else analysis.need
        body = self.build_body(q, analysis, need)
        cursor = ""
        if not es_paging.is_deep(q):  # the same shard copies for one person's pages (es_paging.py)
            resp = self._search(index, {**body, "from": (q.page - 1) * q.per_page, "size": q.per_page},
                                preference=es_paging.preference(q))
        else:  # beyond index.max_result_window: a point in time walked with search_after, or the cursor
            resp, cursor = es_paging.deep_page(self._open_pit, lambda b, **kw: self._search(None, b, **kw),
                                               index, body, q)
        hits = [self._hit(h, q.text) for h in resp["hits"]["hits"]]
        facets = {}
        for name in q.facets:
            buckets = resp.get("aggregations", {}).get(name, {}).get("buckets", [])
            facets[name] = [(b["key"], b["doc_count"]) for b in buckets if b["key"] not in ("", None)]
        res = SearchResults(q, hits, resp["hits"]["total"]["value"], facets, cursor=cursor)
        if not res.total and analysis is not None and analysis.clauses:
            res.suggestions, res.broader = self._suggest(index, q, analysis)
        return res

    def _suggest(self, index: str, q: SearchQuery, a: Analysis) -> tuple[list[Hit], list[str]]:
        """No result (as the embedded engine): the titles holding at least half of the query's words,
        and the query's words that find something on their own — in one multi-search."""
        n = len(a.clauses)
        filters = self._filters(q)
        searches = [{}, {"query": {"bool": {"must": [es_query.text_query(a, max(1, (n + 1) // 2),
                                                                          {TITLE: 1.0})],
                                            "filter": filters}},
                         "sort": SORT, "size": SUGGESTIONS, "_source": {"excludes": ["body"]}}]
        words = a.clauses if n > 1 else []
        for c in words:
            one = Analysis([c], [], [])
            searches += [{}, {"query": {"bool": {"must": [es_query.text_query(one, 1)], "filter": filters}},
                              "size": 0, "track_total_hits": 1}]
        try:
            client = self.client.options(request_timeout=search_timeout())
            responses = client.msearch(index=index, searches=searches).body.get("responses", [])
        except Exception as exc:
            if is_unavailable(exc):
                raise SearchUnavailable(str(exc)) from exc
            raise
        if len(responses) != 1 + len(words) or any("error" in r for r in responses):
            return [], []  # suggestions are a courtesy: a failed one leaves the plain "nothing found"
        hits = [self._hit(h, "") for h in responses[0]["hits"]["hits"]]
        broader = [c.typed for c, r in zip(words, responses[1:], strict=True) if r["hits"]["total"]["value"]]
        return hits, broader[:SUGGESTIONS]

    def notice_years(self) -> list[int]:
        """Years of the public notices, newest first (an aggregation; size 0: the request cache serves it)."""
        body = {"size": 0, "query": {"bool": {"filter": self._public()}},
                "aggs": {"years": {"terms": {"field": "year", "size": 200, "order": {"_key": "desc"}}}}}
        resp = self._search(index_alias("notice"), body, request_cache=True)
        return [int(b["key"]) for b in resp.get("aggregations", {}).get("years", {}).get("buckets", [])]

    def _hit(self, h: dict, text: str) -> Hit:
        src = h.get("_source", {})
        fragment = snippet_of(h)
        date = src.get("date")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date[:10])
        key = code_key(text)
        return Hit(object_id=int(h["_id"]), title=src.get("title", ""), url=src.get("url", ""),
                   kind=src.get("kind", ""), kind_label=src.get("kind_label", src.get("kind", "")), date=date,
                   doc_number=src.get("doc_number", ""), index_number=src.get("index_number", ""),
                   jurisdiction=src.get("jurisdiction", ""), issuer=src.get("issuer", ""),
                   agency=src.get("agency", ""), outcome=src.get("outcome", ""),
                   process_kind=src.get("process_kind", ""),
                   snippet=mark_safe(fragment),  # encoder html: escaped by Elasticsearch
                   exact=bool(key) and key in (src.get("doc_number_key"), src.get("index_number_key")))
