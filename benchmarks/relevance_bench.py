"""Search relevance (issues 15, 27): nDCG@10 and top-1 of the embedded engine on the graded set
(158 notices: relevance_corpus.py + relevance_notices.py; queries: relevance_queries.py), beside two plain
Okapi BM25 references over the same notices (title + body): jieba words (what a word-based engine gives)
and CJK bigrams (what Elasticsearch's `cjk` analyzer gives).

The queries are split once (relevance_queries.split, a fixed seed) into a tuning half and a test half.
By default (make bench) only the TEST half is reported: queries no ranking change was tuned on.

    .venv/bin/python -m benchmarks.relevance_bench            # the test half: the figures that count
    .venv/bin/python -m benchmarks.relevance_bench --tune -v  # the tuning half, every query's top results
                                                              # (-v is refused for the test half)

With ELASTICSEARCH_URL set, the Elasticsearch engine answers the same queries on the same corpus (in
throwaway indices) and gets its own row: switching engine should not change the figures.

nDCG@10 uses gains 2^grade - 1 against the ideal order of the judgements. A query about something the
site does not hold scores 1 (and its top-1 counts as right) only when nothing at all is returned.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import time
from collections import Counter

from .relevance_queries import all_docs, split

K1, B = 1.5, 0.75  # rank-bm25's BM25Okapi defaults


def ndcg10(ranked: list[str], grades: dict[str, int]) -> float:
    if not grades:
        return 1.0 if not ranked else 0.0
    dcg = sum((2 ** grades.get(k, 0) - 1) / math.log2(i + 2) for i, k in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg


def top1(ranked: list[str], grades: dict[str, int]) -> bool:
    if not grades:
        return not ranked
    return bool(ranked) and grades.get(ranked[0], 0) == 3


class OkapiBM25:
    """Plain Okapi BM25 (k1 1.5, b 0.75, Lucene's non-negative idf) over a tokeniser; no field weights,
    no synonyms, OR of the query's tokens, returns every document that holds any of them."""

    def __init__(self, docs: list[tuple[str, str]], tokenize):
        self.tokenize = tokenize
        self.keys = [k for k, _ in docs]
        self.tf = [Counter(tokenize(text)) for _, text in docs]
        self.len = [sum(c.values()) for c in self.tf]
        self.avg = sum(self.len) / len(self.len)
        df = Counter(t for c in self.tf for t in c)
        n = len(docs)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def search(self, query: str, k: int = 10) -> list[str]:
        terms = [t for t in self.tokenize(query) if t in self.idf]
        scores = []
        for i, tf in enumerate(self.tf):
            s = 0.0
            for t in terms:
                f = tf.get(t, 0)
                if f:
                    s += self.idf[t] * f * (K1 + 1) / (f + K1 * (1 - B + B * self.len[i] / self.avg))
            if s > 0:
                scores.append((-s, i))
        return [self.keys[i] for _, i in sorted(scores)[:k]]


_WORD = re.compile(r"\w")


def jieba_words(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(text.lower()) if _WORD.search(w)]


def cjk_bigrams(text: str) -> list[str]:
    out = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[0-9a-z]+", text.lower()):
        if "\u4e00" <= run[0] and len(run) > 1:
            out += [run[i:i + 2] for i in range(len(run) - 1)]
        else:
            out.append(run)
    return out


def corpus_documents() -> tuple[dict[int, str], list]:
    """The graded corpus as index documents (what either engine indexes), and object id -> notice key."""
    from public_notices.kinds import KIND_LABELS
    from search.documents import NoticeDocument
    from search.tokenize import code_key

    docs = []
    keys = {}
    for pk, (key, kind, juris, day, number, title, body) in enumerate(all_docs(), start=1):
        keys[pk] = key
        date = dt.date.fromisoformat(day)
        docs.append(NoticeDocument(
            meta={"id": pk}, title=title, body=body, kind=kind, kind_label=KIND_LABELS[kind],
            jurisdiction=juris, issuer=_issuer(title), year=date.year, date=date, published_on=date,
            written_on=date, doc_number=number, doc_number_key=code_key(number), index_number="",
            index_number_key="", live=True, url=f"/bench/{key}/"))
    return keys, docs


def index_corpus(engine=None) -> dict[int, str]:
    """Index the corpus (embedded engine unless another is given) with the demo's default synonyms."""
    from search.engines.embedded import EmbeddedEngine
    from search.synonyms import load_defaults

    load_defaults()
    keys, docs = corpus_documents()
    (engine or EmbeddedEngine()).rebuild("notice", docs)
    return keys


def _issuer(title: str) -> str:
    for place in ("万州区", "武隆区", "威海市", "武汉市", "恩施州"):
        if place in title:
            return place + "司法局"
    return ""


def elastic_engine(url: str):
    """The Elasticsearch engine on throwaway indices (a unique prefix), for a cluster at `url`."""
    import uuid

    from django.conf import settings

    from search.engines import get_engine

    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = f"relevance-bench-{uuid.uuid4().hex[:8]}"
    engine = get_engine("elastic")
    engine.setup()
    return engine


def es_differences() -> dict[str, list[str]]:
    """The graded queries whose top ten the Elasticsearch engine would give differently, as far as the
    rendering is concerned: the embedded engine with and without what only it does (index_aware: homophone
    correction, leaving out a word no notice holds, one word fewer when nothing matches, the question prior).
    Per half: the queries that differ."""
    from search.engines.base import SearchQuery
    from search.engines.embedded import EmbeddedEngine

    index_corpus()
    full, plain = EmbeddedEngine(), EmbeddedEngine(index_aware=False)
    out = {}
    for half, queries in zip(("tuning", "test"), split(), strict=True):
        out[half] = [q for q in queries
                     if [h.object_id for h in full.search(SearchQuery(text=q)).hits]
                     != [h.object_id for h in plain.search(SearchQuery(text=q)).hits]]
    return out


def run(verbose: bool = False, es_url: str = "", half: str = "test") -> dict:
    from search.engines.base import SearchQuery
    from search.engines.embedded import EmbeddedEngine

    keys = index_corpus()
    engine, plain = EmbeddedEngine(), EmbeddedEngine(index_aware=False)
    texts = [(key, f"{title} {body}") for key, _, _, _, _, title, body in all_docs()]
    systems = {
        "ours (embedded engine)": lambda q: [keys[h.object_id] for h in engine.search(SearchQuery(text=q)).hits],
        # what the Elasticsearch rendering does (no index-aware steps), on the embedded engine's scoring
        "ours, as rendered for ES": lambda q: [keys[h.object_id] for h in plain.search(SearchQuery(text=q)).hits],
        "Okapi BM25, jieba words": OkapiBM25(texts, jieba_words).search,
        "Okapi BM25, CJK bigrams": OkapiBM25(texts, cjk_bigrams).search,
    }
    es = None
    if es_url:  # the same queries through the Elasticsearch engine (ELASTICSEARCH_URL set)
        es = elastic_engine(es_url)
        index_corpus(es)
        systems["ours (Elasticsearch)"] = lambda q: [keys[h.object_id] for h in es.search(SearchQuery(text=q)).hits]
    tuning, test = split()
    queries = tuning if half == "tuning" else test
    try:
        return _measure(systems, queries, half, verbose)
    finally:
        if es is not None:
            es.drop_all()


def _measure(systems: dict, queries: dict, half: str, verbose: bool) -> dict:
    out = {}
    answerable = [q for q, g in queries.items() if g]
    for name, search in systems.items():
        rows, times = {}, []
        for q in queries:
            t0 = time.perf_counter()
            rows[q] = search(q)
            times.append((time.perf_counter() - t0) * 1000)
        nd = {q: ndcg10(rows[q], g) for q, g in queries.items()}
        t1 = {q: top1(rows[q], g) for q, g in queries.items()}
        out[name] = {"rows": rows, "ndcg": sum(nd.values()) / len(nd), "top1": sum(t1.values()),
                     "ndcg_answerable": sum(nd[q] for q in answerable) / len(answerable),
                     "top1_answerable": sum(t1[q] for q in answerable),
                     "empty": sum(1 for q in answerable if not rows[q]), "nd": nd, "ms": max(times)}
    print(f"== search relevance, {half.upper()} half: {len(all_docs())} notices, {len(queries)} graded queries "
          f"({len(answerable)} with an answer, {len(queries) - len(answerable)} without) ==")
    print(f"{'engine, same corpus':<26} {'nDCG@10':>8} {'top-1 right':>12}   {'answerable only':>16}"
          f" {'top-1':>8} {'empty':>6}")
    for name, r in out.items():
        print(f"{name:<26} {r['ndcg']:8.3f} {r['top1']:>7} / {len(queries):<3}  {r['ndcg_answerable']:16.3f}"
              f" {r['top1_answerable']:>4} / {len(answerable):<3} {r['empty']:>4}")
    ours = out["ours (embedded engine)"]
    best = max((r for n, r in out.items() if not n.startswith("ours")), key=lambda r: r["ndcg"])
    print(f"ours / better reference: nDCG@10 {ours['ndcg'] / best['ndcg']:.2f}x "
          f"(answerable only {ours['ndcg_answerable'] / best['ndcg_answerable']:.2f}x)")
    if verbose:
        ref = out["Okapi BM25, jieba words"]
        for q, grades in queries.items():
            mine, theirs = ours["rows"][q], ref["rows"][q]
            print(f"  {ours['nd'][q]:.2f} {ref['nd'][q]:.2f}  {q:<18} ours {mine[:5]}  bm25 {theirs[:5]}  "
                  f"want {sorted(grades, key=grades.get, reverse=True)[:3]}")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/relevance_bench.sqlite3")
    ap.add_argument("-v", "--verbose", action="store_true", help="every query's top results (tuning half only)")
    ap.add_argument("--tune", action="store_true", help="report the tuning half instead of the test half")
    ap.add_argument("--es-differences", action="store_true",
                    help="list the queries whose results the Elasticsearch rendering would change (both halves)")
    args = ap.parse_args(argv)
    if args.verbose and not args.tune:
        ap.error("-v lists queries one by one: only with --tune (the test half is never tuned on)")
    import os

    from .search_bench import setup_django

    es_url = os.environ.get("ELASTICSEARCH_URL", "")  # setup_django clears it for the embedded run
    setup_django(args.db)
    if args.es_differences:
        for half, queries in es_differences().items():
            print(f"{half}: {len(queries)} queries differ without the index-aware steps: {'、'.join(queries)}")
        return
    run(verbose=args.verbose, es_url=es_url, half="tuning" if args.tune else "test")


if __name__ == "__main__":
    main()
