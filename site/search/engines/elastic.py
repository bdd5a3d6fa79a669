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
from ..documents import TITLE, Document, index_alias
from ..permissions import decision_scope
from ..tokenize import code_key
from ..visibility import es_exclusions
from . import es_index, es_query
from .base import Hit, SearchQuery, SearchResults
from .errors import SearchUnavailable
from .es_client import get_client, is_unavailable, search_timeout

SCOPES = es_index.SCOPES
EXACT_BOOST = es_query.EXACT_BOOST
HIGHLIGHT_MAX_ANALYZED = 100_000  # highlight the first 100k characters of a very long body, never an error
SORT = [{"_score": {"order": "desc"}}, {"date": {"order": "desc", "missing": "_last"}},
        {"object_id": {"order": "desc"}}]
SUGGESTIONS = 3  # no result: the closest titles shown, and at most this many shorter queries


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
        else:
            spec = decision_scope(q.user)
            if not spec.everything:
                allowed = []
                if spec.agency:
                    allowed.append({"bool": {"filter": [{"term": {"agency": spec.agency}},
                                                        {"term": {"confidential": False}}]}})
                if spec.party_user_id:
                    allowed.append({"term": {"party_user_id": spec.party_user_id}})
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
        body = {"query": self._query(q, analysis, need), "sort": SORT, "track_total_hits": True,
                "_source": {"excludes": ["body"]}}  # the snippet comes from the highlight
        if q.text.strip():
            body["highlight"] = {  # options at the top level: 8.0–8.13 refuse `encoder` inside a field
                "encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "fragment_size": 120,
                "number_of_fragments": 1, "no_match_size": 120, "max_analyzed_offset": HIGHLIGHT_MAX_ANALYZED,
                "fields": {"body": {}}}
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

    def _search(self, index: str, body: dict, **kw) -> dict:
        try:
            client = self.client.options(request_timeout=search_timeout())
            return client.search(index=index, **body, **kw).body
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
        start = (q.page - 1) * q.per_page
        if start + q.per_page <= es_index.MAX_RESULT_WINDOW:
            resp = self._search(index, {**body, "from": start, "size": q.per_page})
        else:  # deep page: walk to it with search_after (from + size may not pass index.max_result_window)
            after = self._cursor_at(index, body, start)
            if after is None:
                resp = self._search(index, {**body, "size": 0})
                resp["hits"]["hits"] = []
            else:
                resp = self._search(index, {**body, "size": q.per_page, "search_after": after})
        hits = [self._hit(h, q.text) for h in resp["hits"]["hits"]]
        facets = {}
        for name in q.facets:
            buckets = resp.get("aggregations", {}).get(name, {}).get("buckets", [])
            facets[name] = [(b["key"], b["doc_count"]) for b in buckets if b["key"] not in ("", None)]
        res = SearchResults(q, hits, resp["hits"]["total"]["value"], facets)
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

    def _cursor_at(self, index: str, body: dict, skip: int):
        """The sort values of the hit just before position `skip`, fetched in hops of at most 10 000
        sort values (no sources); None when there are fewer hits than that."""
        walk = {"query": body["query"], "sort": body["sort"], "_source": False, "track_total_hits": False}
        after, done = None, 0
        while done < skip:
            n = min(skip - done, es_index.MAX_RESULT_WINDOW)
            hop = {**walk, "size": n, **({"search_after": after} if after else {})}
            hits = self._search(index, hop, filter_path="hits.hits.sort").get("hits", {}).get("hits", [])
            if len(hits) < n:
                return None
            after, done = hits[-1]["sort"], done + n
        return after

    def notice_years(self) -> list[int]:
        """Years of the public notices, newest first (an aggregation; size 0: the request cache serves it)."""
        body = {"size": 0, "query": {"bool": {"filter": self._public()}},
                "aggs": {"years": {"terms": {"field": "year", "size": 200, "order": {"_key": "desc"}}}}}
        resp = self._search(index_alias("notice"), body, request_cache=True)
        return [int(b["key"]) for b in resp.get("aggregations", {}).get("years", {}).get("buckets", [])]

    def _hit(self, h: dict, text: str) -> Hit:
        src = h.get("_source", {})
        body_hl = h.get("highlight", {}).get("body", [])
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
                   snippet=mark_safe(body_hl[0]) if body_hl else mark_safe(""),  # encoder html: escaped by ES
                   exact=bool(key) and key in (src.get("doc_number_key"), src.get("index_number_key")))
