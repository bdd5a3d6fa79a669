"""Elasticsearch 8.x engine (when ELASTICSEARCH_URL is set), through elasticsearch-dsl.

Chinese analysis: the built-in `cjk` analyzer (bigrams, works on a stock cluster); SEARCH_ES_ANALYZER =
"smartcn" or "ik_max_word" where that plugin is installed. Each scope lives in a versioned index
(`<prefix>-notices-v20261122031500`) behind an alias (`<prefix>-notices`): a rebuild fills a new index and
swaps the alias in one atomic call, so searches never see a half-built index.
"""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Index, Q, Search

from ..documents import DOCUMENTS, Document, index_alias
from ..permissions import decision_scope
from ..tokenize import code_key
from .base import Hit, SearchQuery, SearchResults, snippet

SCOPES = ("notice", "decision")
EXACT_BOOST = 10_000  # a 发文字号/索引号 match outranks any text match
TITLE_BOOST = 100  # every query word in the title outranks body-only matches


class ElasticEngine:
    name = "elastic"

    def __init__(self, url: str):
        self.client = Elasticsearch(url, request_timeout=30)

    def _refresh(self):
        return "true" if getattr(settings, "SEARCH_ES_REFRESH", False) else "false"

    # ---- index management -----------------------------------------------------------------------
    def _create_versioned(self, scope: str) -> str:
        name = f"{index_alias(scope)}-v{timezone.now():%Y%m%d%H%M%S%f}"
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=getattr(settings, "SEARCH_ES_REPLICAS", 0))
        index.document(DOCUMENTS[scope])
        index.create()
        return name

    def _current(self, scope: str) -> list[str]:
        try:
            return list(self.client.indices.get_alias(name=index_alias(scope)).keys())
        except NotFoundError:
            return []

    def setup(self) -> None:
        """Create each scope's first versioned index and alias if there is none."""
        for scope in SCOPES:
            if not self._current(scope):
                name = self._create_versioned(scope)
                self.client.indices.put_alias(index=name, name=index_alias(scope))

    def drop_all(self) -> None:
        for scope in SCOPES:
            for name in self._current(scope):
                self.client.indices.delete(index=name, ignore_unavailable=True)

    def rebuild(self, scope: str, docs, batch: int = 1000) -> int:
        """Bulk-load a fresh index, then swap the alias atomically and drop the old index (no downtime)."""
        old = self._current(scope)
        name = self._create_versioned(scope)
        actions = ({"_index": name, "_id": d.meta.id, "_source": d.to_dict()} for d in docs)
        n, _ = helpers.bulk(self.client, actions, chunk_size=batch, stats_only=True)
        self.client.indices.refresh(index=name)
        alias = index_alias(scope)
        self.client.indices.update_aliases(actions=[{"remove": {"index": o, "alias": alias}} for o in old]
                                           + [{"add": {"index": name, "alias": alias}}])
        for o in old:
            self.client.indices.delete(index=o, ignore_unavailable=True)
        return n

    # ---- documents ------------------------------------------------------------------------------
    def index(self, scope: str, doc: Document) -> None:
        self.setup()
        self.client.index(index=index_alias(scope), id=str(doc.meta.id), document=doc.to_dict(),
                          refresh=self._refresh())

    def remove(self, scope: str, object_id: int) -> None:
        try:
            self.client.delete(index=index_alias(scope), id=str(object_id), refresh=self._refresh())
        except NotFoundError:
            pass

    # ---- search ---------------------------------------------------------------------------------
    def _filters(self, q: SearchQuery) -> list:
        out = []
        if q.scope == "notice":
            out.append(Q("term", live=True))
            out.append(Q("bool", should=[Q("bool", must_not=Q("exists", field="expire_at")),
                                         Q("range", expire_at={"gt": timezone.now().isoformat()})]))
        else:
            spec = decision_scope(q.user)
            if not spec.everything:
                allowed = []
                if spec.agency:
                    allowed.append(Q("bool", filter=[Q("term", agency=spec.agency), Q("term", confidential=False)]))
                if spec.party_user_id:
                    allowed.append(Q("term", party_user_id=spec.party_user_id))
                out.append(Q("bool", should=allowed, minimum_should_match=1) if allowed else Q("match_none"))
        for name in ("kind", "jurisdiction", "process_kind", "agency", "outcome"):
            if q.filters.get(name):
                out.append(Q("term", **{name: q.filters[name]}))
        if q.filters.get("year"):
            out.append(Q("term", year=int(q.filters["year"])))
        return out

    def search(self, q: SearchQuery) -> SearchResults:
        s = Search(using=self.client, index=index_alias(q.scope)).extra(track_total_hits=True)
        text = q.text.strip()
        if text:
            key = code_key(text)
            fields = ["title^3", "keywords^2", "issuer", "subject_category", "kind_label", "body"]
            if q.scope == "decision":
                fields = ["title^3", "article^2", "kind_label", "body"]
            query = Q("bool", should=[
                Q("term", doc_number_key={"value": key, "boost": EXACT_BOOST}),
                Q("term", index_number_key={"value": key, "boost": EXACT_BOOST}),
                Q("match", title={"query": text, "operator": "and", "boost": TITLE_BOOST}),
                Q("multi_match", query=text, fields=fields, type="cross_fields", operator="and"),
            ], minimum_should_match=1, filter=self._filters(q))
            s = s.query(query).sort("_score", {"date": {"order": "desc", "missing": "_last"}})
            s = s.highlight("body", "title", fragment_size=120, number_of_fragments=1, pre_tags=["<mark>"],
                            post_tags=["</mark>"], encoder="html", no_match_size=120)
        else:
            s = s.query(Q("bool", filter=self._filters(q))).sort({"date": {"order": "desc", "missing": "_last"}})
        for name in q.facets:
            s.aggs.bucket(name, "terms", field=name, size=30)
        start = (q.page - 1) * q.per_page
        resp = s[start:start + q.per_page].execute()
        hits = [self._hit(h, text) for h in resp.hits]
        facets = {}
        for name in q.facets:
            buckets = getattr(resp.aggregations, name).buckets
            facets[name] = [(b.key, b.doc_count) for b in buckets if b.key not in ("", None)]
        return SearchResults(q, hits, resp.hits.total.value, facets)

    def _hit(self, h, text: str) -> Hit:
        hl = getattr(h.meta, "highlight", None)
        body_hl = list(getattr(hl, "body", []) or []) if hl else []
        date = h.date
        if isinstance(date, str):
            date = dt.date.fromisoformat(date[:10])
        elif isinstance(date, dt.datetime):
            date = date.date()
        key = code_key(text)
        return Hit(object_id=int(h.meta.id), title=h.title, url=getattr(h, "url", ""), kind=h.kind,
                   kind_label=getattr(h, "kind_label", h.kind), date=date,
                   doc_number=getattr(h, "doc_number", ""), index_number=getattr(h, "index_number", ""),
                   jurisdiction=getattr(h, "jurisdiction", ""), issuer=getattr(h, "issuer", ""),
                   agency=getattr(h, "agency", ""), outcome=getattr(h, "outcome", ""),
                   process_kind=getattr(h, "process_kind", ""),
                   snippet=mark_safe(body_hl[0]) if body_hl else snippet(getattr(h, "body", "") or "", text),
                   exact=bool(key) and key in (getattr(h, "doc_number_key", ""), getattr(h, "index_number_key", "")))
