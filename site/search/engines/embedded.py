"""Embedded engine (default): an inverted index in ordinary tables, the same on SQLite and PostgreSQL.

Ranking (issue 15): an exact 发文字号/索引号 match first; then BM25 over the query's words (analysis.py),
each word scored by its bigrams, with the title and the metadata weighted above the body, synonyms at a
lower weight than the word typed, and a proximity bonus where the words stand together. A notice must
hold most of the words (analysis.minimum_should_match), not every bigram, so a question still finds its
answer. Recency only breaks ties.

A posting packs, for one term of one entry, its counts in the title, the metadata and the body and the
entry's title and body lengths (`pack`); Term.df holds each term's document frequency for the idf.
Candidates come from the rarest words only (enough of them to satisfy minimum-should-match); a common
term (more than FULL postings) is read best first (title matches, then the most frequent), its other
postings only looked up for candidates. Then the total is a lower bound (`more`, shown "N 条以上").
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from ..analysis import STOP_MESSAGE, Analysis, analyse, minimum_should_match, synonym_table
from ..documents import META_FIELDS, Document
from ..models import Posting, SearchEntry, Term
from ..tokenize import code_key, normalize, token_counts, tokens
from .base import Hit, SearchQuery, SearchResults, snippet

# BM25 and field weights (tuned on benchmarks/relevance_corpus.py; see benchmarks/relevance_bench.py)
K1, B, TITLE_B = 1.2, 0.75, 0.5
TITLE_BOOST = 3.0
META_BOOST = 1.0
PARTIAL = 0.3  # an alternative with only some of its bigrams: part of its score, but no match
PROXIMITY = 0.5  # the bigram across two adjacent query words
COORD = 1.0  # documents holding more of the query's words first: score x (words held / words) ** COORD
MASS = 0.5  # share of the query's idf weight a match must hold (besides minimum_should_match)
FULL = 500  # a term's postings read in full up to this many; beyond, the best FULL of them
COUNT_CAP = 10_000  # totals exact up to here (as Elasticsearch's track_total_hits)
FACET_LIMIT = 10_000  # staff facets count at most this many matches
PREFIX_TERMS = 30  # a one-character query: the most frequent bigrams starting with it
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
    """term -> packed weight of one document, and its title and body lengths in tokens."""
    title = token_counts(doc.get("title", ""))
    body = token_counts(doc.get("body", ""))
    meta: Counter = Counter()
    for name in META_FIELDS:
        meta.update(set(tokens(str(doc.get(name) or ""))))
    title_len, body_len = sum(title.values()), sum(body.values())
    weights = {}
    for term in set(title) | set(meta) | set(body):
        weights[term[:64]] = pack(title[term], meta[term], body[term], title_len, body_len)
    return weights, title_len, body_len


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


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _bigrams(word: str) -> list[str]:
    """The index terms a query word must all hit: its bigrams (a Latin word or number: itself)."""
    if len(word) < 2 or not ("\u3400" <= word[0]):
        return [word]
    return list(dict.fromkeys(word[i:i + 2] for i in range(len(word) - 1)))


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
            self._drop_postings([entry.pk])
            ids = term_ids(scope, weights, create=True)
            Posting.objects.bulk_create(
                [Posting(term_id=ids[t], entry=entry, weight=w, day=_day(entry.date)) for t, w in weights.items()],
                batch_size=1000)
            for chunk in _chunks(list(ids.values())):
                Term.objects.filter(id__in=chunk).update(df=F("df") + 1)
        self._forget_stats(scope)

    def _drop_postings(self, entry_ids: list[int]) -> None:
        """Delete the postings of these entries and take them out of their terms' document frequency."""
        old = Counter(Posting.objects.filter(entry_id__in=entry_ids).values_list("term_id", flat=True))
        if old:
            with connection.cursor() as cur:
                cur.executemany(f"UPDATE {Term._meta.db_table} SET df = df - %s WHERE id = %s",
                                [(count, term_id) for term_id, count in old.items()])
        Posting.objects.filter(entry_id__in=entry_ids).delete()

    def remove(self, scope: str, object_id: int) -> None:
        with transaction.atomic():
            ids = list(SearchEntry.objects.filter(scope=scope, object_id=object_id).values_list("id", flat=True))
            if ids:
                self._drop_postings(ids)
                SearchEntry.objects.filter(id__in=ids).delete()
        self._forget_stats(scope)

    def clear(self, scope: str) -> None:
        with transaction.atomic():
            terms = Term.objects.filter(scope=scope)
            Posting.objects.filter(term__in=terms).delete()
            terms.delete()
            SearchEntry.objects.filter(scope=scope).delete()
        self._forget_stats(scope)

    def rebuild(self, scope: str, docs, batch: int = 2000) -> int:
        """Reindex a scope in one transaction: readers see the old index until it commits."""
        with transaction.atomic():
            self.clear(scope)
            return self.bulk_index(scope, docs, batch=batch)

    def bulk_index(self, scope: str, docs, batch: int = 2000) -> int:
        """Insert many new documents fast (entries in bulk, postings by executemany); no upsert."""
        n = 0
        terms: dict[str, int] = {}
        df: Counter = Counter()
        chunk: list = []

        def flush():
            rows = [self._entry(scope, d) for d in chunk]
            entries = SearchEntry.objects.bulk_create([e for e, _ in rows], batch_size=500)
            missing = {t for _, w in rows for t in w if t not in terms}
            terms.update(term_ids(scope, missing, create=True))
            postings = []
            for e, (_, w) in zip(entries, rows, strict=True):
                day = _day(e.date)
                for t, wt in w.items():
                    postings.append((terms[t], e.pk, wt, day))
                    df[terms[t]] += 1
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
            with connection.cursor() as cur:
                cur.executemany(f"UPDATE {Term._meta.db_table} SET df = df + %s WHERE id = %s",
                                [(count, term_id) for term_id, count in df.items()])
        self._forget_stats(scope)
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
        weights, title_len, body_len = posting_weights(data)
        entry = SearchEntry(scope=scope, object_id=int(doc.meta.id), text=data.get("body") or "",
                            length=body_len, title_length=title_len,
                            data={k: v for k, v in data.items() if k != "body"}, **columns)
        return entry, weights

    # ---- collection statistics -----------------------------------------------------------------
    def _forget_stats(self, scope: str) -> None:
        cache.delete(f"search:stats:{scope}")

    def _stats(self, scope: str) -> tuple[int, float, float]:
        """Entries, average title length and average body length of a scope (cached a minute)."""
        key = f"search:stats:{scope}"
        stats = cache.get(key)
        if stats is None:
            row = SearchEntry.objects.filter(scope=scope).aggregate(n=Count("id"), t=Avg("title_length"),
                                                                    b=Avg("length"))
            stats = (row["n"] or 0, float(row["t"] or 1) or 1.0, float(row["b"] or 1) or 1.0)
            cache.set(key, stats, 60)
        return stats

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

    def _column_filtered(self, q: SearchQuery) -> bool:
        return q.scope != "notice" or any(q.filters.get(n) for n in ("kind", "jurisdiction", "process_kind",
                                                                      "agency", "outcome"))

    def _hidden_ids(self, q: SearchQuery) -> set[int]:
        """Notices not (or no longer) public: a handful at most, since unpublishing removes the entry."""
        hidden = SearchEntry.objects.filter(scope="notice", public=False).values_list("id", flat=True)
        expired = SearchEntry.objects.filter(scope="notice", expire_at__lte=timezone.now()).values_list(
            "id", flat=True)
        return set(hidden) | set(expired)

    def _visible(self, q: SearchQuery, ids: list[int]) -> set[int]:
        """Which of these entries the query may show (visibility and column filters)."""
        if not self._column_filtered(q):
            return set(ids) - self._hidden_ids(q)
        base = SearchEntry.objects.filter(self._filters(q))
        out: set[int] = set()
        for chunk in _chunks(ids):
            out.update(base.filter(id__in=chunk).values_list("id", flat=True))
        return out

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
        analysis = analyse(text, synonym_table())
        if analysis.stop_words_only and not exact_ids:
            words = "”“".join(dict.fromkeys(analysis.dropped))
            return SearchResults(q, [], 0, message=STOP_MESSAGE.format(text=text, words=words))
        # a 发文字号/索引号 found as typed: the other results must hold every part of it
        msm = len(analysis.clauses) if exact_ids else None
        ranked, more = self._rank(q, analysis, set(exact_ids), msm=msm) if analysis.clauses else ([], False)
        ids = exact_ids + ranked
        page_ids = ids[start:start + q.per_page]
        entries = SearchEntry.objects.in_bulk(page_ids)
        marks = highlight_query(analysis) or text
        hits = [self._hit(entries[i], marks, i in exact_ids) for i in page_ids if i in entries]
        facets = self._facets(q, SearchEntry.objects.filter(id__in=ids[:FACET_LIMIT])) if q.facets else {}
        res = SearchResults(q, hits, min(len(ids), COUNT_CAP), facets, more=more or len(ids) > COUNT_CAP)
        if not ids and analysis.clauses:
            res.suggestions, res.broader = self._suggest(q, analysis)
        return res

    def _rank(self, q: SearchQuery, a: Analysis, exclude: set[int], msm: int | None = None,
              title_only: bool = False) -> tuple[list[int], bool]:
        """Entry ids matching the analysed query, best first, and whether matches may be missing."""
        scope = q.scope
        # the terms: per clause, per alternative, its bigrams; a lone character: bigrams starting with it
        alts: list[list[tuple[float, list[str]]]] = []
        for c in a.clauses:
            if c.prefix:
                found = list(Term.objects.filter(scope=scope, text__gte=c.typed, text__lt=c.typed + "\U0010ffff")
                             .order_by("-df").values_list("text", flat=True)[:PREFIX_TERMS])
                alts.append([(1.0, [t]) for t in found])
            else:
                alts.append([(w, _bigrams(text)) for text, w in c.alternatives])
        wanted = {t for clause in alts for _, ts in clause for t in ts} | set(a.junctions)
        info: dict[str, tuple[int, int]] = {}
        for chunk in _chunks(list(wanted)):
            for text, tid, df in Term.objects.filter(scope=scope, text__in=chunk).values_list("text", "id", "df"):
                info[text] = (tid, df)
        n_docs, avg_title, avg_body = self._stats(scope)
        n = len(a.clauses)
        need = msm if msm is not None else minimum_should_match(n)

        # candidates: the postings of each alternative's rarest term (in full, or its best FULL)
        weights: dict[int, dict[int, int]] = defaultdict(dict)  # term id -> entry -> weight
        day: dict[int, int] = {}
        complete: set[int] = set()
        truncated = False
        cond_days = ""
        days_params: list = []
        if q.filters.get("year"):
            year = int(q.filters["year"])
            cond_days = " AND day BETWEEN %s AND %s"
            days_params = [dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()]
        table = connection.ops.quote_name(Posting._meta.db_table)
        # each clause's drivers: the rarest bigram of each of its alternatives. A document holding `need`
        # of the m clauses that occur at all holds one of any m - need + 1 of them: the rarest ones drive
        per_clause: list[list[tuple[int, int]]] = []
        for clause in alts:
            found = []
            for _, ts in clause:
                known = [info[t] for t in ts if t in info]
                if len(known) == len(ts):  # else a bigram occurs nowhere: this alternative cannot match
                    found.append(min(known, key=lambda x: x[1]))
            if found:
                per_clause.append(found)
        if len(per_clause) < need:
            return [], False
        per_clause.sort(key=lambda found: sum(df for _, df in found))
        drivers = {tid for found in per_clause[:len(per_clause) - need + 1] for tid, _ in found}
        with connection.cursor() as cur:
            # a lone character drives through many bigrams: fewer postings of each
            limit = FULL if len(drivers) <= 4 else max(50, FULL * 4 // len(drivers))
            for tid in drivers:
                cur.execute(f"SELECT entry_id, weight, day FROM {table} WHERE term_id = %s{cond_days} "
                            "ORDER BY weight DESC LIMIT %s", [tid] + days_params + [limit + 1])
                rows = cur.fetchall()
                if len(rows) <= limit:
                    complete.add(tid)
                else:
                    truncated = True
                got = weights[tid]
                for entry_id, w, d in rows[:limit]:
                    got[entry_id] = w
                    day[entry_id] = d
        candidates = [e for e in day if e not in exclude]
        if not candidates:
            return [], truncated
        candidates = sorted(self._visible(q, candidates))
        # the other terms, for the candidates only: in full when rare, by lookup when common
        df_of = dict(info.values())
        others = [info[t][0] for t in wanted if t in info and info[t][0] not in weights]
        with connection.cursor() as cur:
            for tid in others:
                if df_of[tid] <= min(FULL, len(candidates)):
                    cur.execute(f"SELECT entry_id, weight FROM {table} WHERE term_id = %s", [tid])
                    weights[tid] = dict(cur.fetchall())
                    complete.add(tid)
            lookup = [tid for tid in set(others) | (set(weights) - complete) if tid not in complete]
            if lookup:
                for chunk in _chunks(candidates, 400):
                    cur.execute(f"SELECT entry_id, term_id, weight FROM {table} WHERE entry_id IN "
                                f"({', '.join(['%s'] * len(chunk))}) AND term_id IN "
                                f"({', '.join(['%s'] * len(lookup))})", chunk + lookup)
                    for entry_id, tid, w in cur.fetchall():
                        weights[tid][entry_id] = w

        idf = {tid: math.log(1 + (n_docs - df + 0.5) / (df + 0.5)) for tid, df in info.values()}

        memo: dict[tuple[int, int], float] = {}

        def score(tid: int, w: int) -> float:
            got = memo.get((tid, w))
            if got is None:
                got = memo[(tid, w)] = _score(tid, w)
            return got

        def _score(tid: int, w: int) -> float:
            tt, mt, bt, tl, bl = unpack(w)
            s = 0.0
            if tt:
                s += TITLE_BOOST * tt * (K1 + 1) / (tt + K1 * (1 - TITLE_B + TITLE_B * tl / avg_title))
            if mt:
                s += META_BOOST * mt * (K1 + 1) / (mt + K1)
            if bt:
                s += bt * (K1 + 1) / (bt + K1 * (1 - B + B * bl / avg_body))
            return idf[tid] * s

        clause_ids = [[(w, [info[t][0] for t in ts if t in info], len(ts)) for w, ts in clause] for clause in alts]
        junction_ids = [info[t][0] for t in a.junctions if t in info]
        # what each word weighs (its idf, summed over its bigrams): a document must hold more than
        # MASS of the query's weight, so the common words of a question cannot match without the rare one
        mass = [0.0 if c.prefix else max([w * sum(idf[t] for t in tids) for w, tids, size in clause
                                          if len(tids) == size] or [0.0])
                for c, clause in zip(a.clauses, clause_ids, strict=True)]
        need_mass = MASS * sum(mass)
        scored: list[tuple[float, int, int]] = []
        for e in candidates:
            total, matched, held = 0.0, 0, 0.0
            for k, clause in enumerate(clause_ids):
                best, hit = 0.0, False
                for w, tids, size in clause:
                    present = [(tid, weights[tid].get(e)) for tid in tids]
                    present = [(tid, x) for tid, x in present if x is not None and (x >= TITLE_MIN or not title_only)]
                    if not present:
                        continue
                    s = w * sum(score(tid, x) for tid, x in present)
                    if len(present) == size:
                        hit = True
                    else:
                        s *= PARTIAL
                    best = max(best, s)
                total += best
                matched += hit
                held += mass[k] if hit else 0.0
            if matched < need or held < need_mass:
                continue
            for tid in junction_ids:
                x = weights[tid].get(e)
                if x is not None:
                    total += PROXIMITY * score(tid, x)
            total *= (matched / n) ** COORD
            scored.append((-total, -day.get(e, 0), -e))
        scored.sort()
        return [-e for _, _, e in scored], truncated

    def _suggest(self, q: SearchQuery, a: Analysis) -> tuple[list[Hit], list[str]]:
        """No result: the titles closest to the query (holding at least half of its words in the title),
        and the query's words that find something on their own."""
        n = len(a.clauses)
        ids, _ = self._rank(q, a, set(), msm=max(1, (n + 1) // 2), title_only=True)
        entries = SearchEntry.objects.in_bulk(ids[:3])
        hits = [self._hit(entries[i], "", False) for i in ids[:3] if i in entries]
        broader = []
        if n > 1:
            for c in a.clauses:
                one = Analysis([c], [], [])
                if self._rank(q, one, set())[0]:
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
