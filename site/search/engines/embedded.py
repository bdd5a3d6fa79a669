"""Embedded engine (default): an inverted index in ordinary tables, the same on SQLite and PostgreSQL.

Ranking, in this order: an exact 发文字号/索引号 match; then entries with every query term in the title;
then the other matches; newest first inside each tier (see walk.py for how a page is found fast).
A posting's weight says where its term occurs: >= TITLE means in the title; metadata adds META, the body
its count capped at BODY_CAP (kept in the index for finer scoring).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from ..documents import META_FIELDS, Document
from ..models import Posting, SearchEntry, Term
from ..tokenize import code_key, query_terms, token_counts
from .base import Hit, SearchQuery, SearchResults, snippet
from .walk import COUNT_CAP, Walk

TITLE = 1000
META = 30
BODY_CAP = 20
FACET_LIMIT = 10_000  # staff facets count at most this many matches
ENTRY_COLUMNS = ("title", "url", "kind", "jurisdiction", "issuer", "year", "date", "doc_number",
                 "doc_number_key", "index_number", "index_number_key", "agency", "outcome", "process_kind",
                 "confidential", "party_user_id", "expire_at")


def posting_weights(doc: dict) -> dict[str, int]:
    """term -> weight of one document (title presence, metadata presence, capped body count)."""
    weights: Counter = Counter()
    for term in token_counts(doc.get("title", "")):
        weights[term] += TITLE
    meta_terms = set()
    for name in META_FIELDS:
        meta_terms.update(token_counts(str(doc.get(name) or "")))
    for term in meta_terms:
        weights[term] += META
    for term, n in token_counts(doc.get("body", "")).items():
        weights[term] += min(n, BODY_CAP)
    return {t[:64]: w for t, w in weights.items()}


def _day(value) -> int:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.toordinal() if value else 0


def term_ids(scope: str, texts, create: bool = False) -> dict[str, int]:
    texts = list(set(texts))
    found: dict[str, int] = {}
    for i in range(0, len(texts), 500):  # stay under SQLite's parameter limit
        chunk = texts[i:i + 500]
        if create:
            Term.objects.bulk_create([Term(scope=scope, text=t) for t in chunk], ignore_conflicts=True)
        found.update(Term.objects.filter(scope=scope, text__in=chunk).values_list("text", "id"))
    return found


class EmbeddedEngine:
    name = "embedded"

    # ---- writing -------------------------------------------------------------------------------
    def index(self, scope: str, doc: Document) -> None:
        """Add or replace one document (what the indexing task calls)."""
        entry, weights = self._entry(scope, doc)
        fields = {f.attname: getattr(entry, f.attname) for f in SearchEntry._meta.concrete_fields
                  if f.attname not in ("id", "scope", "object_id", "indexed_at")}
        with transaction.atomic():
            entry, _ = SearchEntry.objects.update_or_create(scope=scope, object_id=entry.object_id,
                                                            defaults=fields)
            Posting.objects.filter(entry=entry).delete()
            ids = term_ids(scope, weights, create=True)
            Posting.objects.bulk_create(
                [Posting(term_id=ids[t], entry=entry, weight=w, day=_day(entry.date)) for t, w in weights.items()],
                batch_size=1000)

    def remove(self, scope: str, object_id: int) -> None:
        with transaction.atomic():
            entries = SearchEntry.objects.filter(scope=scope, object_id=object_id)
            Posting.objects.filter(entry__in=entries).delete()
            entries.delete()

    def clear(self, scope: str) -> None:
        with transaction.atomic():
            Posting.objects.filter(entry__scope=scope).delete()
            SearchEntry.objects.filter(scope=scope).delete()

    def rebuild(self, scope: str, docs, batch: int = 2000) -> int:
        """Reindex a scope in one transaction: readers see the old index until it commits."""
        with transaction.atomic():
            self.clear(scope)
            return self.bulk_index(scope, docs, batch=batch)

    def bulk_index(self, scope: str, docs, batch: int = 2000) -> int:
        """Insert many new documents fast (entries in bulk, postings by executemany); no upsert."""
        n = 0
        terms: dict[str, int] = {}
        chunk: list = []

        def flush():
            rows = [self._entry(scope, d) for d in chunk]
            entries = SearchEntry.objects.bulk_create([e for e, _ in rows], batch_size=500)
            missing = {t for _, w in rows for t in w if t not in terms}
            terms.update(term_ids(scope, missing, create=True))
            postings = [(terms[t], e.pk, wt, _day(e.date)) for e, (_, w) in zip(entries, rows)
                        for t, wt in w.items()]
            with connection.cursor() as cur:
                cur.executemany(f"INSERT INTO {Posting._meta.db_table} (term_id, entry_id, weight, day) "
                                "VALUES (%s, %s, %s, %s)", postings)

        with transaction.atomic():
            for doc in docs:
                chunk.append(doc)
                n += 1
                if len(chunk) >= batch:
                    flush()
                    chunk = []
            if chunk:
                flush()
        return n

    def _entry(self, scope: str, doc: Document) -> tuple[SearchEntry, dict[str, int]]:
        data = doc.to_dict(skip_empty=False)
        columns = {name: data.get(name) for name in ENTRY_COLUMNS if name in data}
        for name in ("kind", "jurisdiction", "issuer", "doc_number", "doc_number_key", "index_number",
                     "index_number_key", "agency", "outcome", "process_kind", "url"):
            if name in columns and columns[name] is None:
                columns[name] = ""
        columns["confidential"] = bool(data.get("confidential"))
        columns["public"] = scope == "notice" and bool(data.get("live"))
        entry = SearchEntry(scope=scope, object_id=int(doc.meta.id), text=data.get("body") or "",
                            data={k: v for k, v in data.items() if k != "body"}, **columns)
        return entry, posting_weights(data)

    # ---- reading -------------------------------------------------------------------------------
    def _filters(self, q: SearchQuery, prefix: str = "") -> Q:
        f = Q(**{prefix + "scope": q.scope})
        if q.scope == "notice":
            # public: live and not past its expiry, even before the scheduler unpublishes it
            f &= Q(**{prefix + "public": True})
            f &= Q(**{prefix + "expire_at__isnull": True}) | Q(**{prefix + "expire_at__gt": timezone.now()})
        else:
            from decisions.selectors import visible_records

            # the permission rule itself (decisions.selectors), as a subquery
            f &= Q(**{prefix + "object_id__in": visible_records(q.user).values("pk")})
        for name in ("kind", "jurisdiction", "process_kind", "agency", "outcome"):
            if q.filters.get(name):
                f &= Q(**{prefix + name: q.filters[name]})
        if q.filters.get("year"):
            f &= Q(**{prefix + "year": int(q.filters["year"])})
        return f

    def _entry_sql(self, q: SearchQuery) -> tuple[str, list] | None:
        """The entry-row condition (alias `e`) checked per candidate: visibility and column filters.
        None for the plain public query, whose few hidden notices are left out by _hidden_sql instead."""
        parts, params = [], []
        if q.scope == "decision":
            from decisions.selectors import visible_records

            sql, p = visible_records(q.user).values("pk").query.sql_with_params()
            parts.append(f"e.object_id IN ({sql})")
            params += list(p)
        for name in ("kind", "jurisdiction", "process_kind", "agency", "outcome"):
            if q.filters.get(name):
                parts.append(f"e.{connection.ops.quote_name(name)} = %s")
                params.append(q.filters[name])
        if q.scope == "notice" and parts:
            parts.append("e.public = %s AND (e.expire_at IS NULL OR e.expire_at > %s)")
            params += [True, timezone.now()]
        return (" AND ".join(parts), params) if parts else None

    def _hidden_sql(self, q: SearchQuery) -> tuple[str, list] | None:
        # notices not (or no longer) public: a handful at most, since unpublishing removes the entry.
        # Two index lookups (scope+public, expire_at); an OR of both would scan the table.
        if q.scope != "notice":
            return None
        table = connection.ops.quote_name(SearchEntry._meta.db_table)
        return (f"SELECT id FROM {table} WHERE scope = %s AND public = %s "
                f"UNION ALL SELECT id FROM {table} WHERE expire_at <= %s", ["notice", False, timezone.now()])

    def _walk(self, q: SearchQuery, exclude_ids) -> Walk | None:
        """The query's terms as a Walk, or None when a required term occurs nowhere."""
        terms = query_terms(q.text)
        if not terms:
            return None
        groups: list[list[int]] = []
        exact = term_ids(q.scope, [t.text for t in terms if not t.prefix])
        for t in terms:
            if t.prefix:  # one CJK char: any bigram that starts with it
                ids = list(Term.objects.filter(scope=q.scope, text__gte=t.text, text__lt=t.text + "\U0010ffff")
                           .values_list("id", flat=True)[:500])
            else:
                ids = [exact[t.text]] if t.text in exact else []
            if not ids:
                return None
            groups.append(ids)
        days = None
        if q.filters.get("year"):
            year = int(q.filters["year"])
            days = (dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal())
        return Walk(groups, TITLE, self._entry_sql(q), list(exclude_ids), self._hidden_sql(q), days)

    def search(self, q: SearchQuery) -> SearchResults:
        base = SearchEntry.objects.filter(self._filters(q))
        start = (q.page - 1) * q.per_page
        text = q.text.strip()
        if not text:  # staff browsing: everything visible, newest first
            total = base.count()
            entries = list(base.order_by("-date", "-id")[start:start + q.per_page])
            return SearchResults(q, [self._hit(e, "", False) for e in entries], total,
                                 self._facets(q, base))
        key = code_key(text)
        exact_ids = list(base.filter(Q(doc_number_key=key) | Q(index_number_key=key))
                         .order_by("-date", "-id").values_list("id", flat=True)[:50]) if key else []
        walk = self._walk(q, exact_ids)
        page_ids: list[int] = exact_ids[start:start + q.per_page]
        counted = walk.count() if walk else 0
        if walk and len(page_ids) < q.per_page:
            offset = max(0, start - len(exact_ids))
            tier_a = walk.page("A", q.per_page - len(page_ids), offset)
            page_ids += tier_a
            if len(page_ids) < q.per_page:  # title matches used up: body matches follow
                in_a = offset + len(tier_a) if (tier_a or offset == 0) else walk.count("A")
                page_ids += walk.page("B", q.per_page - len(page_ids), max(0, offset - in_a))
        entries = SearchEntry.objects.in_bulk(page_ids)
        hits = [self._hit(entries[i], text, i in exact_ids) for i in page_ids if i in entries]
        facets = {}
        if q.facets:
            ids = set(exact_ids) | set(walk.page(None, FACET_LIMIT, 0) if walk else [])
            facets = self._facets(q, SearchEntry.objects.filter(id__in=ids))
        return SearchResults(q, hits, len(exact_ids) + min(counted, COUNT_CAP), facets,
                             more=counted > COUNT_CAP)

    def _facets(self, q: SearchQuery, entries) -> dict:
        out = {}
        for name in q.facets:
            rows = (entries.exclude(**{name: ""}) if name != "year" else entries.exclude(year=None))
            counts = rows.values(name).annotate(n=Count("id")).order_by("-n", name)
            out[name] = [(r[name], r["n"]) for r in counts[:30]]
        return out

    def _hit(self, e: SearchEntry, text: str, exact: bool) -> Hit:
        date = e.date if isinstance(e.date, dt.date) else None
        return Hit(object_id=e.object_id, title=e.title, url=e.url, kind=e.kind,
                   kind_label=e.data.get("kind_label") or e.kind, date=date, doc_number=e.doc_number,
                   index_number=e.index_number, jurisdiction=e.jurisdiction, issuer=e.issuer, agency=e.agency,
                   outcome=e.outcome, process_kind=e.process_kind,
                   snippet=snippet(e.text, text) if text else snippet(e.text[:120], ""), exact=exact)
