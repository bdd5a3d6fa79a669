"""Embedded engine (default): an inverted index in ordinary tables, the same on SQLite and PostgreSQL.

Ranking, in this order: an exact 发文字号/索引号 match; then the sum of posting weights, where a term in
the title weighs TITLE (more than any body can add up to), in metadata META, in the body its count
capped at BODY_CAP — so every title match comes before a body-only match; then the newest first.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import connection, transaction
from django.db.models import Case, Count, Max, Q, Sum, Value, When
from django.utils import timezone

from ..documents import META_FIELDS, Document
from ..models import Posting, SearchEntry, Term
from ..tokenize import code_key, query_terms, token_counts
from .base import Hit, SearchQuery, SearchResults, snippet

TITLE = 1000
META = 30
BODY_CAP = 20
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

    def _matches(self, q: SearchQuery, exclude_ids):
        """Grouped postings query: entry_id + score for entries holding every query term."""
        terms = query_terms(q.text)
        if not terms:
            return None
        groups: list[list[int]] = []
        exact = term_ids(q.scope, [t.text for t in terms if not t.prefix])
        for t in terms:
            if t.prefix:  # one CJK char: any bigram that starts with it
                ids = list(Term.objects.filter(scope=q.scope, text__gte=t.text, text__lt=t.text + "\U0010ffff")
                           .values_list("id", flat=True)[:2000])
            else:
                ids = [exact[t.text]] if t.text in exact else []
            if not ids:
                return None  # a required term nobody contains
            groups.append(ids)
        all_ids = [i for ids in groups for i in ids]
        if len(all_ids) == len(groups):
            matched = Count("term_id")  # one posting per (term, entry): counting rows counts terms
        else:
            matched = Count(Case(*[When(term_id__in=ids, then=Value(n)) for n, ids in enumerate(groups)]),
                            distinct=True)
        postings = Posting.objects.filter(term_id__in=all_ids).exclude(entry_id__in=exclude_ids)
        if q.scope == "notice" and not any(q.filters.values()):
            # the common public query: postings alone (terms are per scope), minus the few entries that
            # are not public or have expired — no join with the entry table per posting
            hidden = SearchEntry.objects.filter(scope="notice").filter(
                Q(public=False) | Q(expire_at__lte=timezone.now())).values("id")
            postings = postings.exclude(entry_id__in=hidden)
        else:
            postings = postings.filter(self._filters(q, "entry__"))
        return (postings
                .values("entry_id").annotate(score=Sum("weight"), day=Max("day"), matched=matched)
                .filter(matched=len(groups)))

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
        matches = self._matches(q, exact_ids)
        total_matches = matches.count() if matches is not None else 0
        page_ids: list[int] = exact_ids[start:start + q.per_page]
        if len(page_ids) < q.per_page and matches is not None:
            offset = max(0, start - len(exact_ids))
            ranked = matches.order_by("-score", "-day", "-entry_id")
            page_ids += [r["entry_id"] for r in ranked[offset:offset + q.per_page - len(page_ids)]]
        entries = SearchEntry.objects.in_bulk(page_ids)
        hits = [self._hit(entries[i], text, i in exact_ids) for i in page_ids if i in entries]
        facets = {}
        if q.facets:
            ids = set(exact_ids)
            if matches is not None:
                ids.update(matches.values_list("entry_id", flat=True))
            facets = self._facets(q, SearchEntry.objects.filter(id__in=ids))
        return SearchResults(q, hits, len(exact_ids) + total_matches, facets)

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
