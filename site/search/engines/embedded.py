"""Embedded engine (default): an inverted index in ordinary tables, the same on SQLite and PostgreSQL.

Ranking (issue 15): an exact 发文字号/索引号 match first; then BM25 over the query's words (analysis.py),
each word scored by its bigrams, with the title and the metadata weighted above the body, synonyms at a
lower weight than the word typed, and a proximity bonus where the words stand together. A notice must
hold most of the words (analysis.minimum_should_match), not every bigram, so a question still finds its
answer. Recency only breaks ties.

A posting packs, for one term of one entry, its counts in the title, the metadata and the body and the
entry's title and body lengths (`pack`). Storage (models.py, postings.py): each Term row holds its
postings as one blob (sorted entry ids, then weights), written by a rebuild or a bulk load in a few
large writes; a single update (publish, edit) writes Posting rows for the entry and lists it as
*retired* in IndexState, so its old postings in the blobs stop counting; `compact` folds those back
into the blobs. Each process keeps the entries' filter columns (kind, year, jurisdiction, visibility,
date) in memory (postings.DocTable), reloaded when IndexState.version moves.

A query reads the blobs of its terms whole and scores every document holding enough of its words with
numpy, so totals are exact and filters are an in-memory mask; candidates come from the rarest words
(enough of them to satisfy minimum-should-match), the other terms are looked up for those candidates.
"""
from __future__ import annotations

import datetime as dt
import itertools
import random
import threading
from collections import Counter

import numpy as np
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from ..analysis import STOP_MESSAGE, Analysis, analyse, minimum_should_match, synonym_table
from ..documents import META_FIELDS, Document
from ..models import IndexState, Posting, SearchEntry, Term
from ..tokenize import code_key, normalize, token_counts, tokens
from ..visibility import hidden_pages
from . import postings as pst
from .base import Hit, SearchQuery, SearchResults, snippet

# BM25 and field weights (tuned on the tuning half of the graded set: benchmarks/relevance_bench.py --tune)
K1, B, TITLE_B = 1.2, 0.75, 0.5
TITLE_BOOST = 3.0
META_BOOST = 1.0
PARTIAL = 0.3  # an alternative with only some of its bigrams: part of its score, but no match
PROXIMITY = 0.5  # the bigram across two adjacent query words
COORD = 1.0  # documents holding more of the query's words first: score x (words held / words) ** COORD
MASS = 0.5  # share of the query's idf weight a match must hold (besides minimum_should_match)
QUESTION_PRIOR = 0.2  # a question (怎么, 如何, …吗) asks what a rule says: regulations score this much more
LONG_QUERY = 3  # from this many words on, a word no notice holds is left out rather than finding nothing
FACET_LIMIT = 10_000  # staff facets count at most this many matches
PREFIX_TERMS = 30  # a one-character query: the most frequent bigrams starting with it
FILTER_COLUMNS = ("kind", "jurisdiction", "process_kind", "agency", "outcome")
ENTRY_COLUMNS = ("title", "url", "kind", "jurisdiction", "issuer", "year", "date", "doc_number",
                 "doc_number_key", "index_number", "index_number_key", "agency", "outcome", "process_kind",
                 "confidential", "party_user_id", "expire_at")


def pack(title_tf: int, meta_tf: int, body_tf: int, title_len: int, body_len: int) -> int:
    """One posting's weight: title count (0-9), metadata fields holding the term (0-9), body count
    (0-99), title length (0-99 tokens) and body length (0-999, in fours of tokens). Larger = better term
    occurrence first (title, then metadata, then body), so ORDER BY weight DESC reads the best postings."""
    return (min(title_tf, 9) * 100_000_000 + min(meta_tf, 9) * 10_000_000 + min(body_tf, 99) * 100_000
            + min(title_len, 99) * 1000 + min(-(-body_len // 4), 999))


def unpack(weight: int) -> tuple[int, int, int, int, int]:
    return (weight // 100_000_000, weight // 10_000_000 % 10, weight // 100_000 % 100, weight // 1000 % 100,
            weight % 1000 * 4)


TITLE_MIN = pack(1, 0, 0, 0, 0)  # weight >= this: the term is in the title


def posting_weights(doc: dict) -> tuple[dict[str, int], int, int]:
    """term -> packed weight of one document (as `pack`), and its title and body lengths in tokens."""
    title = token_counts(doc.get("title", ""))
    body = token_counts(doc.get("body", ""))
    meta: Counter = Counter()
    for name in META_FIELDS:
        value = doc.get(name)
        if value:
            meta.update(set(tokens(str(value))))
    title_len, body_len = sum(title.values()), sum(body.values())
    base = min(title_len, 99) * 1000 + min(-(-body_len // 4), 999)
    # pack() added up field by field: one pass per field instead of a lookup per field and term
    weights = {t: (c if c < 99 else 99) * 100_000 + base for t, c in body.items()}
    for counts, unit in ((meta, 10_000_000), (title, 100_000_000)):
        for t, c in counts.items():
            weights[t] = weights.get(t, base) + (c if c < 9 else 9) * unit
    if max(map(len, weights), default=0) > 64:  # Term.text holds 64 characters
        weights = {t[:64]: w for t, w in weights.items()}
    return weights, title_len, body_len


def _bm25_tables(table: pst.DocTable) -> tuple[np.ndarray, np.ndarray]:
    """BM25 of a posting as two lookups, built once per DocTable (its average lengths): `head` by
    (title count, metadata count, title length), `body` by (body count, body length in fours)."""
    got = table.cache.get("bm25")
    if got is None:
        tt, mt, tl = np.arange(10)[:, None, None], np.arange(10)[None, :, None], np.arange(100)[None, None, :]
        title = TITLE_BOOST * tt * (K1 + 1) / (tt + K1 * (1 - TITLE_B + TITLE_B * tl / table.avg_title))
        meta = META_BOOST * mt * (K1 + 1) / (mt + K1)
        bt, bl = np.arange(100)[:, None], np.arange(1000)[None, :] * 4
        body = bt * (K1 + 1) / (bt + K1 * (1 - B + B * bl / table.avg_body))
        # a count of 0 scores 0 (its formula is 0 too: the lengths never make a denominator 0)
        got = table.cache["bm25"] = ((title + meta).reshape(-1), body.reshape(-1))
    return got


def _bm25(w: np.ndarray, head: np.ndarray, body: np.ndarray) -> np.ndarray:
    """The BM25 score (before idf) of packed weights (`pack`): title and metadata, plus body."""
    k = w // 1000  # title count * 1e5 + metadata count * 1e4 + body count * 100 + title length
    return head[k // 10_000 * 100 + k % 100] + body[k // 100 % 100 * 1000 + w % 1000]


def term_ids(scope: str, texts, create: bool = False) -> dict[str, int]:
    texts = list(set(texts))
    found: dict[str, int] = {}
    for i in range(0, len(texts), 500):  # stay under SQLite's parameter limit
        chunk = texts[i:i + 500]
        if create:
            Term.objects.bulk_create([Term(scope=scope, text=t) for t in chunk], ignore_conflicts=True)
        found.update(Term.objects.filter(scope=scope, text__in=chunk).values_list("text", "id"))
    return found


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _bigrams(word: str) -> list[str]:
    """The index terms a query word must all hit: its bigrams (a Latin word or number: itself)."""
    if len(word) < 2 or not ("\u3400" <= word[0]):
        return [word]
    return list(dict.fromkeys(word[i:i + 2] for i in range(len(word) - 1)))


_ENTRY_FIELDS = [f for f in SearchEntry._meta.concrete_fields if f.attname != "id"]


def _prep(field):
    """How a column's value is adapted for a raw INSERT (dates, times, JSON); None: as it is."""
    if field.get_internal_type() in ("DateField", "DateTimeField", "JSONField"):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


_ENTRY_PREP = [(f.attname, _prep(f)) for f in _ENTRY_FIELDS]


def _table_name(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _fetch_blobs(cur, sql: str, params: list) -> list[tuple]:
    """Rows of a query reading posting blobs. On PostgreSQL in binary format: Django's client-side cursor
    receives bytea as hex text, twice the bytes to send and decode (measured: 6 blobs of 800 KB, 18 ms
    as text, 5.5 ms binary)."""
    if connection.vendor != "postgresql":
        cur.execute(sql, params)
        return cur.fetchall()
    import psycopg

    with psycopg.Cursor(connection.connection) as raw:  # the same connection and transaction
        raw.execute(sql, params, binary=True)
        return raw.fetchall()


# per process: scope -> DocTable of the version read last
_tables: dict[str, pst.DocTable] = {}
_tables_lock = threading.Lock()


def changed(scope: str, retire=(), reset: bool = False) -> None:
    """Record a change of a scope's index (in the caller's transaction): a new version, and entries
    whose postings in the term blobs no longer count (or none: the blobs were just written whole)."""
    state = IndexState.objects.select_for_update().filter(scope=scope).first()
    if state is None:
        state = IndexState.objects.create(scope=scope)
    ids = [] if reset else list(pst.unpack_ids(bytes(state.retired or b""))) + [int(i) for i in retire]
    state.retired = pst.pack_ids(ids) if ids else b""
    state.version = random.getrandbits(62)  # never a value another process could have cached
    state.save(update_fields=["retired", "version"])


def forget_deleted_entry(sender, instance, **kwargs) -> None:
    """An entry deleted outside the engine (post_delete): other processes must drop it too."""
    IndexState.objects.filter(scope=instance.scope).update(version=random.getrandbits(62))


class EmbeddedEngine:
    name = "embedded"
    # what only this engine does, for it knows its vocabulary (issue 27): wrong homophones corrected, a
    # question's word no notice holds left out, one word fewer when nothing matches, questions favouring
    # regulations. False: as the Elasticsearch rendering (benchmarks/relevance_bench.py --es-differences)
    index_aware = True

    def __init__(self, index_aware: bool = True):
        self.index_aware = index_aware

    # ---- writing -------------------------------------------------------------------------------
    def index(self, scope: str, doc: Document) -> None:
        """Add or replace one document (what the indexing task calls): its postings as rows."""
        fields, weights = self._entry(scope, doc)
        object_id = fields.pop("object_id")
        with transaction.atomic():
            entry, _ = SearchEntry.objects.update_or_create(scope=scope, object_id=object_id, defaults=fields)
            Posting.objects.filter(entry_id=entry.pk).delete()
            ids = term_ids(scope, weights, create=True)
            Posting.objects.bulk_create([Posting(term_id=ids[t], entry=entry, weight=w) for t, w in weights.items()],
                                        batch_size=1000)
            for chunk in _chunks(list(ids.values())):
                Term.objects.filter(id__in=chunk).update(df=F("df") + 1)
            changed(scope, retire=[entry.pk])

    def remove(self, scope: str, object_id: int) -> None:
        with transaction.atomic():
            ids = list(SearchEntry.objects.filter(scope=scope, object_id=object_id).values_list("id", flat=True))
            if ids:
                self._delete_entries(ids)
                changed(scope, retire=ids)

    def _delete_entries(self, ids: list[int]) -> None:
        with connection.cursor() as cur:
            for chunk in _chunks(ids):
                marks = ", ".join(["%s"] * len(chunk))
                cur.execute(f"DELETE FROM {_table_name(Posting)} WHERE entry_id IN ({marks})", chunk)
                cur.execute(f"DELETE FROM {_table_name(SearchEntry)} WHERE id IN ({marks})", chunk)

    def clear(self, scope: str) -> None:
        with transaction.atomic(), connection.cursor() as cur:
            entries, terms = _table_name(SearchEntry), _table_name(Term)
            cur.execute(f"DELETE FROM {_table_name(Posting)} WHERE entry_id IN "
                        f"(SELECT id FROM {entries} WHERE scope = %s)", [scope])
            cur.execute(f"DELETE FROM {terms} WHERE scope = %s", [scope])
            cur.execute(f"DELETE FROM {entries} WHERE scope = %s", [scope])
            changed(scope, reset=True)

    def rebuild(self, scope: str, docs, batch: int = 2000) -> int:
        """Reindex a scope in one transaction: readers see the old index until it commits."""
        with transaction.atomic():
            self.clear(scope)
            return self._load(scope, docs, batch, fresh=True)

    def bulk_index(self, scope: str, docs, batch: int = 2000) -> int:
        """Add or replace many documents: entries in bulk, postings merged into the term blobs."""
        with transaction.atomic():
            return self._load(scope, docs, batch, fresh=False)

    def compact(self, scope: str) -> int:
        """Fold the postings of single updates into the term blobs and drop the retired ones from them;
        returns the terms rewritten. Readers see the old blobs until it commits."""
        with transaction.atomic():
            state = IndexState.objects.select_for_update().filter(scope=scope).first()
            retired = pst.unpack_ids(bytes(state.retired or b"")) if state else pst.unpack_ids(b"")
            terms = Term.objects.filter(scope=scope)
            if not retired.size:  # only terms with rows need rewriting
                terms = terms.filter(id__in=Posting.objects.values("term_id"))
            rewritten = 0
            posting = _table_name(Posting)
            with connection.cursor() as cur:
                ids = list(terms.order_by("id").values_list("id", flat=True))
                for chunk in _chunks(ids):
                    merged = self._read_postings(cur, chunk, retired)
                    cur.executemany(f"UPDATE {_table_name(Term)} SET postings = %s, df = %s WHERE id = %s",
                                    [(pst.pack_postings(i, w), int(i.size), tid) for tid, (i, w) in merged.items()])
                    cur.execute(f"DELETE FROM {posting} WHERE term_id IN ({', '.join(['%s'] * len(chunk))})", chunk)
                    rewritten += len(chunk)
            changed(scope, reset=True)
        return rewritten

    def _load(self, scope: str, docs, batch: int, fresh: bool) -> int:
        """Insert the documents' entries in batches and their postings into the term blobs.

        Postings are gathered as flat arrays (term code, entry id, weight), then sorted by term once
        (stable: each term's entry ids stay ascending) and cut into one blob per term."""
        n = 0
        code_of: dict[str, int] = {}
        counter = itertools.count()  # one sequence for the whole load: a fresh number is never reused
        codes, entries, weights = [], [], []
        replaced: list[int] = []
        chunk: list = []

        def flush():
            rows = [self._entry(scope, d) for d in chunk]
            objects = [f["object_id"] for f, _ in rows]
            if not fresh:  # replace entries already indexed
                old = []
                for part in _chunks(objects):
                    old += SearchEntry.objects.filter(scope=scope, object_id__in=part).values_list("id", flat=True)
                if old:
                    self._delete_entries(old)
                    replaced.extend(old)
            pks = self._insert_entries(scope, [f for f, _ in rows])
            keys, values, owners = [], [], []
            for object_id, (_, w) in zip(objects, rows, strict=True):
                keys.extend(w)
                values.extend(w.values())
                owners.append((pks[object_id], len(w)))
            # a code per term: setdefault keeps a known term's code, takes a fresh number for a new one
            codes.append(np.fromiter(map(code_of.setdefault, keys, counter),
                                     np.int64, len(keys)))
            entries.append(np.repeat(np.array([pk for pk, _ in owners], np.int64),
                                     np.array([k for _, k in owners], np.int64)))
            weights.append(np.array(values, np.int32))

        for doc in docs:
            chunk.append(doc)
            n += 1
            if len(chunk) >= batch:
                flush()
                chunk = []
        if chunk:
            flush()
        acc: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if codes:
            code = np.concatenate(codes)
            order = np.argsort(code, kind="stable")
            code, ids, ws = code[order], np.concatenate(entries)[order], np.concatenate(weights)[order]
            del order
            cuts = np.flatnonzero(code[1:] != code[:-1]) + 1
            starts = np.concatenate(([0], cuts)).tolist()
            ends = np.concatenate((cuts, [code.size])).tolist()
            text_of = {c: t for t, c in code_of.items()}
            for c, a, b in zip(code[starts].tolist(), starts, ends, strict=True):
                acc[text_of[c]] = (ids[a:b], ws[a:b])
        self._write_terms(scope, acc, fresh, replaced)
        return n

    def _write_terms(self, scope: str, acc: dict, fresh: bool, replaced: list[int]) -> None:
        table = _table_name(Term)
        with connection.cursor() as cur:
            if not fresh:  # merge into the blobs of terms that exist (locked against a concurrent merge)
                state = IndexState.objects.select_for_update().filter(scope=scope).first()
                retired = np.union1d(pst.unpack_ids(bytes(state.retired or b"")) if state else [],
                                     np.asarray(replaced, np.int64)).astype(np.int64)
                for part in _chunks(list(acc)):
                    rows = list(Term.objects.select_for_update().filter(scope=scope, text__in=part)
                                .values_list("id", "text", "postings"))
                    updates = []
                    for tid, text, blob in rows:
                        ids, weights = acc.pop(text)
                        old_ids, old_w = pst.unpack_postings(bytes(blob or b""))
                        if retired.size and old_ids.size:
                            keep = ~pst.contains(retired, old_ids)
                            old_ids, old_w = old_ids[keep], old_w[keep]
                        i, w = pst.merge([(old_ids.astype(np.int64), old_w), (ids, weights)])
                        updates.append((pst.pack_postings(i, w), int(i.size), tid))
                    cur.executemany(f"UPDATE {table} SET postings = %s, df = %s WHERE id = %s", updates)
            rows = ((scope, text[:64], int(ids.size), pst.pack_postings(ids, weights))
                    for text, (ids, weights) in acc.items())
            if connection.vendor == "postgresql":
                with cur.cursor.copy(f"COPY {table} (scope, text, df, postings) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                sql = f"INSERT INTO {table} (scope, text, df, postings) VALUES (%s, %s, %s, %s)"
                while part := list(itertools.islice(rows, 5000)):
                    cur.executemany(sql, part)
        if not fresh and replaced:
            changed(scope, retire=replaced)
        else:
            changed(scope, reset=fresh)

    def _read_postings(self, cur, term_ids_: list[int], retired: np.ndarray) -> dict[int, tuple]:
        """term id -> (ids, weights): its blob without the retired entries, plus its rows."""
        marks = ", ".join(["%s"] * len(term_ids_))
        sql = f"SELECT id, postings FROM {_table_name(Term)} WHERE id IN ({marks})"
        base = {tid: pst.unpack_postings(bytes(blob or b"")) for tid, blob in _fetch_blobs(cur, sql, term_ids_)}
        cur.execute(f"SELECT term_id, entry_id, weight FROM {_table_name(Posting)} WHERE term_id IN ({marks}) "
                    "ORDER BY term_id, entry_id", term_ids_)
        rows: dict[int, list] = {}
        for tid, eid, w in cur.fetchall():
            rows.setdefault(tid, []).append((eid, w))
        out = {}
        for tid, (ids, weights) in base.items():
            if retired.size and ids.size:
                keep = ~pst.contains(retired, ids)
                ids, weights = ids[keep], weights[keep]
            extra = rows.get(tid)
            parts = [(ids.astype(np.int64), weights)]
            if extra:
                parts.append((np.array([e for e, _ in extra], np.int64), np.array([w for _, w in extra], np.int32)))
            out[tid] = pst.merge(parts)
        return out

    def _entry(self, scope: str, doc: Document) -> tuple[dict, dict[str, int]]:
        """An entry's column values (attname -> value, without id and indexed_at) and its postings."""
        data = doc.to_dict(skip_empty=False)
        columns = {name: data.get(name) for name in ENTRY_COLUMNS if name in data}
        for name in ("kind", "jurisdiction", "issuer", "doc_number", "doc_number_key", "index_number",
                     "index_number_key", "agency", "outcome", "process_kind", "url"):
            if name in columns and columns[name] is None:
                columns[name] = ""
        columns["confidential"] = bool(data.get("confidential"))
        columns["public"] = scope == "notice" and bool(data.get("live"))
        weights, title_len, body_len = posting_weights(data)
        fields = {name: SearchEntry._meta.get_field(name).get_default() for name in ENTRY_COLUMNS}
        fields.update(columns, scope=scope, object_id=int(doc.meta.id), text=data.get("body") or "",
                      length=body_len, title_length=title_len,
                      data={k: v for k, v in data.items() if k != "body"})
        return fields, weights

    def _insert_entries(self, scope: str, rows: list[dict]) -> dict[int, int]:
        """Insert entries (column values) in one executemany; returns object id -> entry id."""
        if not rows:
            return {}
        names = [f.attname for f in _ENTRY_FIELDS]
        now = timezone.now()
        values = []
        for row in rows:
            row["indexed_at"] = now
            values.append([prep(row[name]) if prep else row[name] for name, prep in _ENTRY_PREP])
        table = _table_name(SearchEntry)
        cols = ", ".join(connection.ops.quote_name(f.column) for f in _ENTRY_FIELDS)
        marks = ", ".join(["%s"] * len(names))
        pks: dict[int, int] = {}
        with connection.cursor() as cur:
            cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", values)
            for part in _chunks([row["object_id"] for row in rows]):
                cur.execute(f"SELECT object_id, id FROM {table} WHERE scope = %s AND object_id IN "
                            f"({', '.join(['%s'] * len(part))})", [scope, *part])
                pks.update(cur.fetchall())
        return pks

    # ---- the entries' columns, per process -----------------------------------------------------------
    def table(self, scope: str) -> pst.DocTable:
        """The scope's DocTable, reloaded when its IndexState version moved."""
        version = IndexState.objects.filter(scope=scope).values_list("version", flat=True).first()
        version = -1 if version is None else version
        table = _tables.get(scope)
        if table is not None and table.version == version:
            return table
        state = IndexState.objects.filter(scope=scope).values_list("version", "retired").first()
        if state is not None:
            version = state[0]
        retired = pst.unpack_ids(bytes(state[1] or b"")) if state else pst.unpack_ids(b"")
        rows = list(SearchEntry.objects.filter(scope=scope).order_by("id").values_list(
            "id", "date", "year", "public", "expire_at", "title_length", "length", *FILTER_COLUMNS))
        table = pst.DocTable.build(version, rows, FILTER_COLUMNS, retired.astype(np.int64))
        with _tables_lock:
            _tables[scope] = table
        return table

    # ---- reading -------------------------------------------------------------------------------
    def _filters(self, q: SearchQuery, prefix: str = "") -> Q:
        f = Q(**{prefix + "scope": q.scope})
        if q.scope == "notice":
            # public: live and not past its expiry, even before the scheduler unpublishes it
            f &= Q(**{prefix + "public": True})
            f &= Q(**{prefix + "expire_at__isnull": True}) | Q(**{prefix + "expire_at__gt": timezone.now()})
            hidden = hidden_pages()  # below a view restriction (search/visibility.py)
            if hidden is not None:
                f &= ~Q(**{prefix + "object_id__in": hidden})
        elif q.scope == "case":  # staff case search: casework.visibility, as index filters (cases.py)
            from ..cases import PARTY_KIND, scope_for

            spec = scope_for(q)
            if spec.everything:
                f &= ~Q(**{prefix + "kind": PARTY_KIND})
            else:
                f &= Q(**{prefix + "object_id__in": list(spec.object_ids)})
        else:
            from decisions.selectors import visible_records

            # the permission rule itself (decisions.selectors), as a subquery
            f &= Q(**{prefix + "object_id__in": visible_records(q.user).values("pk")})
        for name in FILTER_COLUMNS:
            if q.filters.get(name):
                f &= Q(**{prefix + name: q.filters[name]})
        if q.filters.get("year"):
            f &= Q(**{prefix + "year": int(q.filters["year"])})
        return f

    def _visible_dense(self, q: SearchQuery, table: pst.DocTable, lo: int, size: int) -> np.ndarray:
        """Entries the query may show (visibility and filters), over the dense id range from lo."""
        filters = {name: q.filters[name] for name in (*FILTER_COLUMNS, "year") if q.filters.get(name)}
        now = timezone.now().timestamp() if q.scope == "notice" else None
        out = np.zeros(size, bool)
        out[table.ids[table.mask(filters, now)] - lo] = True
        hidden = hidden_pages() if q.scope == "notice" else None  # below a view restriction
        if hidden is not None:
            ids = np.fromiter(SearchEntry.objects.filter(scope="notice", object_id__in=hidden)
                              .values_list("id", flat=True), np.int64)
            ids = ids[(ids >= lo) & (ids < lo + size)]
            out[ids - lo] = False
        return out

    def _permitted(self, q: SearchQuery, ids: np.ndarray) -> np.ndarray:
        base = SearchEntry.objects.filter(self._filters(q))
        ok: set[int] = set()
        for chunk in _chunks([int(i) for i in ids]):
            ok.update(base.filter(id__in=chunk).values_list("id", flat=True))
        return np.array(sorted(ok), np.int64)

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
        exact_ids = []
        if key:  # each key through its own index, then the visibility rules on the few found
            found = set()
            for name in ("doc_number_key", "index_number_key"):
                found.update(SearchEntry.objects.filter(scope=q.scope, **{name: key})
                             .values_list("id", flat=True)[:200])
            if found:
                exact_ids = list(base.filter(id__in=found).order_by("-date", "-id").values_list("id", flat=True)[:50])
        analysis = analyse(text, synonym_table(), vocabulary=self.vocabulary(q.scope) if self.index_aware else None)
        if analysis.stop_words_only and not exact_ids:
            words = "”“".join(dict.fromkeys(analysis.dropped))
            return SearchResults(q, [], 0, message=STOP_MESSAGE.format(text=text, words=words))
        # a 发文字号/索引号 found as typed: the other results must hold every part of it
        msm = len(analysis.clauses) if exact_ids else None
        limit = max(start + q.per_page, FACET_LIMIT if q.facets else 0)
        memo: dict = {}
        ranked, matched = (self._rank(q, analysis, set(exact_ids), msm=msm, limit=limit, memo=memo)
                           if analysis.clauses else ([], 0))
        if not ranked and not exact_ids and len(analysis.clauses) > 1 and self.index_aware:
            # nothing holds enough of the words: one word fewer, still most of the query's weight
            ranked, matched = self._rank(q, analysis, set(), limit=limit, memo=memo, relax=True)
        ids = exact_ids + ranked
        page_ids = ids[start:start + q.per_page]
        entries = SearchEntry.objects.in_bulk(page_ids)
        marks = highlight_query(analysis) or text
        hits = [self._hit(entries[i], marks, i in exact_ids) for i in page_ids if i in entries]
        facets = self._facets(q, SearchEntry.objects.filter(id__in=ids[:FACET_LIMIT])) if q.facets else {}
        res = SearchResults(q, hits, len(exact_ids) + matched, facets)
        if not ids and analysis.clauses:
            res.suggestions, res.broader = self._suggest(q, analysis, memo)
        return res

    def vocabulary(self, scope: str):
        """bigrams -> how many entries hold each (those the index holds), for correcting a wrong homophone."""
        def lookup(grams: list[str]) -> dict[str, int]:
            found: dict[str, int] = {}
            for chunk in _chunks(grams):
                found.update(Term.objects.filter(scope=scope, text__in=chunk, df__gt=0).values_list("text", "df"))
            return found

        return lookup

    def _rank(self, q: SearchQuery, a: Analysis, exclude: set[int], msm: int | None = None,
              *, memo: dict, title_only: bool = False, limit: int = 10, relax: bool = False) -> tuple[list[int], int]:
        """The best `limit` entry ids matching the analysed query, best first, and how many match.

        memo: what one search has read already (the DocTable, term ids, postings), shared by the ranks of
        one search (the results, then the suggestions of an empty result) so each blob is read once."""
        scope = q.scope
        # the terms: per clause, per alternative, its bigrams; a lone character: bigrams starting with it
        alts: list[list[tuple[float, list[str]]]] = []
        for c in a.clauses:
            if c.prefix:
                found = memo.get(("prefix", c.typed))
                if found is None:
                    found = memo[("prefix", c.typed)] = list(
                        Term.objects.filter(scope=scope, text__gte=c.typed, text__lt=c.typed + "\U0010ffff")
                        .order_by("-df").values_list("text", flat=True)[:PREFIX_TERMS])
                alts.append([(1.0, [t]) for t in found])
            else:
                alts.append([(w, _bigrams(text)) for text, w in c.alternatives])
        wanted = {t for clause in alts for _, ts in clause for t in ts} | set(a.junctions)
        if "table" not in memo:
            memo["table"], memo["tid_of"], memo["dense"] = self.table(scope), {}, {}
        table: pst.DocTable = memo["table"]
        tid_of: dict[str, int | None] = memo["tid_of"]  # None: no such term
        dense: dict[int, tuple[np.ndarray, np.ndarray]] = memo["dense"]  # postings as dense positions
        lo = int(table.ids[0]) if table.ids.size else 0
        size = int(table.ids[-1]) - lo + 1 if table.ids.size else 0
        missing = [t for t in wanted if t not in tid_of]
        for chunk in _chunks(missing):
            tid_of.update(Term.objects.filter(scope=scope, text__in=chunk).values_list("text", "id"))
        tid_of.update((t, None) for t in missing if t not in tid_of)
        unread = [tid_of[t] for t in wanted if tid_of[t] is not None and tid_of[t] not in dense]
        if unread:
            with connection.cursor() as cur:
                plist = self._read_postings(cur, unread, table.retired)
            for tid, (ids, weights) in plist.items():
                if ids.size and (ids[0] < lo or ids[-1] >= lo + size):
                    ok = (ids >= lo) & (ids < lo + size)
                    ids, weights = ids[ok], weights[ok]
                dense[tid] = (ids - lo, weights)
        info = {t: (tid_of[t], int(dense[tid_of[t]][0].size)) for t in wanted
                if tid_of[t] is not None and dense[tid_of[t]][0].size}
        n_docs = max(table.ids.size, 1)
        n = len(a.clauses)
        need = msm if msm is not None else minimum_should_match(n)

        # each clause's drivers: the rarest bigram of each of its alternatives. A document holding `need`
        # of the m clauses that occur at all holds one of any m - need + 1 of them: the rarest ones drive
        per_clause: list[list[tuple[int, int]]] = []
        words_known = words_all = 0
        for c, clause in zip(a.clauses, alts, strict=True):
            found = []
            for _, ts in clause:
                known = [info[t] for t in ts if t in info]
                if len(known) == len(ts):  # else a bigram occurs nowhere: this alternative cannot match
                    found.append(min(known, key=lambda x: x[1]))
            if found:
                per_clause.append(found)
            if len(c.typed) > 1:
                words_all += 1
                words_known += bool(found)
        if msm is None and self.index_aware and n >= LONG_QUERY and len(per_clause) < n and 2 * words_known >= words_all:
            # a question's word the index holds nowhere cannot be asked of any document: most of the
            # others are (one or two words typed: all of them, or nothing is found)
            need = minimum_should_match(len(per_clause))
        if relax:
            if n < LONG_QUERY or 2 * words_known <= words_all or need < 2:
                return [], 0
            need -= 1
        if len(per_clause) < need or need < 1:
            return [], 0
        per_clause.sort(key=lambda found: sum(df for _, df in found))
        drivers = {tid for found in per_clause[:len(per_clause) - need + 1] for tid, _ in found}
        cand = np.zeros(size, bool)
        for tid in drivers:
            cand[dense[tid][0]] = True
        cand &= self._visible_dense(q, table, lo, size)
        for e in exclude:
            if lo <= e < lo + size:
                cand[e - lo] = False
        if q.scope != "notice":  # decision records: the permission rule, in SQL
            allowed = self._permitted(q, np.flatnonzero(cand) + lo)
            cand[:] = False
            cand[allowed - lo] = True
        # everything below is computed over the candidates only: slot[position] = the candidate's index
        positions = np.flatnonzero(cand)
        m = positions.size
        if not m:
            return [], 0
        slot = np.full(size, -1, np.int32)
        slot[positions] = np.arange(m, dtype=np.int32)
        head, body = _bm25_tables(table)
        idf = {tid: float(np.log(1 + (n_docs - df + 0.5) / (df + 0.5))) for tid, df in info.values()}
        scores: dict[int, tuple[np.ndarray, np.ndarray]] = {}

        def scored(tid: int) -> tuple[np.ndarray, np.ndarray]:
            """The term's postings among the candidates (their slots) and its BM25 score at each."""
            got = scores.get(tid)
            if got is None:
                pos, w = dense[tid]
                at = slot[pos]
                keep = at >= 0
                if title_only:
                    keep &= w >= TITLE_MIN
                at, w = at[keep], w[keep]
                got = scores[tid] = (at, idf[tid] * _bm25(w, head, body))
            return got

        clause_ids = [[(w, [info[t][0] for t in ts if t in info], len(ts)) for w, ts in clause] for clause in alts]
        junction_ids = [info[t][0] for t in a.junctions if t in info]
        # what each word weighs (its idf, summed over its bigrams): a document must hold more than
        # MASS of the query's weight, so the common words of a question cannot match without the rare one
        mass = [0.0 if c.prefix else max([w * sum(idf[t] for t in tids) for w, tids, size_ in clause
                                          if len(tids) == size_] or [0.0])
                for c, clause in zip(a.clauses, clause_ids, strict=True)]
        need_mass = MASS * sum(mass)
        total = np.zeros(m)
        matched = np.zeros(m, np.int16)
        held = np.zeros(m)
        for k, clause in enumerate(clause_ids):
            best = np.zeros(m)
            hit = np.zeros(m, bool)
            for w, tids, size_ in clause:
                if not tids:
                    continue
                count = np.zeros(m, np.int16)
                s = np.zeros(m)
                for tid in tids:
                    at, sc = scored(tid)
                    count[at] += 1
                    s[at] += sc
                full = count == size_
                s *= w
                s[~full] *= PARTIAL
                np.maximum(best, s, out=best)
                hit |= full
            total += best
            matched += hit
            held[hit] += mass[k]
        keep = (matched >= need) & (held >= need_mass)
        for tid in junction_ids:
            at, sc = scored(tid)
            total[at] += PROXIMITY * sc
        kept = np.flatnonzero(keep)
        if not kept.size:
            return [], 0
        total = total[kept] * (matched[kept] / n) ** COORD
        ids = positions[kept] + lo
        if QUESTION_PRIOR and self.index_aware and a.asks and scope == "notice":
            code = table.codes.get("kind", {}).get("regulation")
            if code is not None:
                at = np.searchsorted(table.ids, ids)
                total = total * np.where(table.columns["kind"][at] == code, 1 + QUESTION_PRIOR, 1.0)
        # the best `limit` (with every tie at the boundary), then score, newest, highest id
        if ids.size > limit:
            kth = np.partition(-total, limit - 1)[limit - 1]
            top = -total <= kth
            ids, total = ids[top], total[top]
        days = table.days_of(ids)
        order = np.lexsort((-ids, -days, -total))[:limit]
        return [int(i) for i in ids[order]], int(kept.size)

    def _suggest(self, q: SearchQuery, a: Analysis, memo: dict) -> tuple[list[Hit], list[str]]:
        """No result: the titles closest to the query (holding at least half of its words in the title),
        and the query's words that find something on their own."""
        n = len(a.clauses)
        ids, _ = self._rank(q, a, set(), msm=max(1, (n + 1) // 2), title_only=True, memo=memo)
        entries = SearchEntry.objects.in_bulk(ids[:3])
        hits = [self._hit(entries[i], "", False) for i in ids[:3] if i in entries]
        broader = []
        if n > 1:
            for c in a.clauses:
                one = Analysis([c], [], [])
                if self._rank(q, one, set(), memo=memo)[0]:
                    broader.append(c.typed)
        return hits, broader[:3]

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


def highlight_query(a: Analysis) -> str:
    """What to mark in snippets: the words typed and their synonyms."""
    words = [text for c in a.clauses for text, _ in c.alternatives]
    return " ".join(dict.fromkeys(normalize(w) for w in words))
