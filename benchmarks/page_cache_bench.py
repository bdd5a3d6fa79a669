"""Anonymous page cache benchmark (issue 13): every public page an anonymous reader sees, rendered through
the full middleware stack with the page cache off (a first hit: what the site costs after each publish)
and on (hits), beside a stock Wagtail page (a plain `wagtailcore.Page` with Wagtail's own template, no
cache, as stock Wagtail serves it), all measured in the same run, interleaved so machine load hits each
column alike. Throwaway SQLite database with N typical cases (default 2,000: a few minutes on a loaded
2-core machine; `--n 10000` for the issue 3 size).

    .venv/bin/python -m benchmarks.page_cache_bench
    .venv/bin/python -m benchmarks.page_cache_bench --n 10000 --runs 100
Targets: cached p95 <= 1.0x stock p95; uncached index and archive p95 <= 1.5x a plain page (the section).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fresh_database(db: Path) -> None:
    """A new throwaway database, also when `python -m benchmarks` already set Django up for another module."""
    from django.apps import apps

    from benchmarks.search_bench import setup_django

    if not apps.ready:
        setup_django(str(db))
        return
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    db.unlink(missing_ok=True)
    connections["default"].settings_dict["NAME"] = str(db)
    call_command("migrate", verbosity=0)
    with connections["default"].cursor() as cur:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=OFF")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args(argv)
    db = Path(tempfile.gettempdir()) / "page_cache_bench.sqlite3"
    fresh_database(db)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from benchmarks.notices_render import load, percentile
    from pages.cache import bump
    from pages.models import HomePage, JurisdictionPage

    settings.ALLOWED_HOSTS = ["*"]
    load_s, index, case, publicity = load(args.n)
    stock = HomePage.objects.get().add_child(instance=Page(title="Stock Wagtail page", slug="stock-wagtail"))
    rows = [("stock Wagtail page (reference)", stock.url),
            ("plain page (section)", JurisdictionPage.objects.get(slug="wuhan").url),
            ("home (portal)", "/"),
            ("notice page (typical case)", case.url),
            ("publicity page (20 candidates)", publicity.url),
            ("index page, page 1", index.url),
            (f"index page, page {args.n // 20}", f"{index.url}?page={args.n // 20}"),
            ("index page, one year", f"{index.url}?year={case.published_on.year}"),
            ("archive, all", "/notices/archive/"),
            ("archive, one jurisdiction", "/notices/archive/?jurisdiction=enshi"),
            ("RSS feed (30 items)", "/feeds/notices.xml"),
            ("RSS feed, one jurisdiction", "/feeds/enshi/notices.xml"),
            ("sitemap.xml", "/sitemap.xml")]
    client = Client()

    def once(url: str, cached: bool) -> float:
        settings.PAGE_CACHE_ENABLED = cached
        if not cached:
            bump()  # a true first hit after a publish: the generation-keyed menu cache is cold too
        t0 = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - t0) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if cached:
            assert response.headers.get("X-Page-Cache") == "hit", url
        return elapsed

    queries = {}
    for _, url in rows:  # warm templates and the cache; count the queries of a first hit after a publish
        once(url, False)
        settings.PAGE_CACHE_ENABLED = True
        client.get(url)
        settings.PAGE_CACHE_ENABLED = False
        bump()
        with CaptureQueriesContext(connection) as q:
            client.get(url)
        queries[url] = len(q.captured_queries)
    times = {url: {False: [], True: []} for _, url in rows}
    for _ in range(args.runs):  # each round: every first hit, then the pages cached again, then every hit
        for _, url in rows:
            times[url][False].append(once(url, False))
        settings.PAGE_CACHE_ENABLED = True
        for _, url in rows[1:]:
            client.get(url)
        for _, url in rows[1:]:
            times[url][True].append(once(url, True))
    settings.PAGE_CACHE_ENABLED = True

    stock_p95 = percentile(times[stock.url][False], 95)
    plain_p95 = percentile(times[rows[1][1]][False], 95)
    print(f"page_cache: {args.n} notices loaded in {load_s:.1f} s; {args.runs} requests per cell, ms, "
          "anonymous GET through every middleware")
    print(f"  {'page':<32} {'queries':>7} | {'uncached p50':>12} {'p95':>6} {'x plain':>7} | "
          f"{'cached p50':>10} {'p95':>6} {'x stock':>7}")
    for name, url in rows:
        off, on = times[url][False], times[url][True]
        off95 = percentile(off, 95)
        line = (f"  {name:<32} {queries[url]:>7} | {statistics.median(off):12.2f} {off95:6.2f} "
                f"{off95 / plain_p95:7.2f} | ")
        if on:
            on95 = percentile(on, 95)
            line += f"{statistics.median(on):10.2f} {on95:6.2f} {on95 / stock_p95:7.2f}"
        else:
            line += f"{'(stock Wagtail: no cache)':>25}"
        print(line)
    worst = max(percentile(times[u][True], 95) for _, u in rows if times[u][True])
    print(f"  worst cached p95 {worst:.2f} ms = {worst / stock_p95:.2f}x stock Wagtail p95 "
          f"{stock_p95:.2f} ms (target <= 1.0x)")
    db.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
