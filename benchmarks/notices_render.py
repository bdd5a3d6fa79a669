"""Notice rendering benchmark (issue 3): with N notices loaded in a throwaway SQLite database, render a
notice page, a publicity page and a paginated index page (first and a deep page) through the full
Django/Wagtail stack, and print p50/p95 beside the same figures for a plain Wagtail page (a section page).

    .venv/bin/python -m benchmarks.notices_render               # 10k notices
    .venv/bin/python -m benchmarks.notices_render --n 2000 --runs 50
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ["安全生产", "食品药品", "道路运输", "扬尘治理", "燃气安全", "农资质量", "特种设备", "违法建设", "文化市场", "消防安全"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load(n: int):
    """N typical cases under Enshi's index (pages added through Wagtail's tree API, live, dated)."""
    from django.db import transaction
    from django.utils import timezone

    from demo.site_tree import load_site_tree
    from public_notices.models import IndexSequence, TypicalCasePage
    from public_notices.services import index_for, publicity_list_publish
    from rules.profiles import get_profile

    load_site_tree()
    index = index_for(jurisdiction="enshi", kind="typical_case")
    profile = get_profile("enshi")
    org = profile.org_code
    start = timezone.now() - dt.timedelta(days=n // 5 + 1)
    body = "".join(f"<p>{'某县' + TOPICS[i % 10]}执法检查中发现的问题及整改情况说明，第{i}段。</p>" for i in range(6))
    t0 = time.perf_counter()
    from progress import Progress

    with transaction.atomic(), Progress("载入典型案例", n, unit="页") as bar:
        for i in bar.iter(range(n)):
            when = start + dt.timedelta(hours=i * 24 * (n // 5 + 1) / max(n, 1))
            page = TypicalCasePage(
                title=f"{TOPICS[i % 10]}领域行政执法典型案例（第{i + 1}号）", slug=f"case-{i + 1}",
                body=body, first_published_at=when, last_published_at=when, live=True,
                index_number=f"{org}/{when.year}-{i + 1:05d}", keywords="典型案例")
            page._rules_profile = profile  # the loader knows the section; skip the per-page lookup
            index.add_child(instance=page)
            if i % 1000 == 999:
                index.refresh_from_db()
        IndexSequence.objects.filter(org_code=org).delete()
    load_s = time.perf_counter() - t0
    publicity = publicity_list_publish(
        jurisdiction="wanzhou", title="拟聘行政执法监督员人选公示", body="现予公示。", start=timezone.localdate(),
        candidates=[{"name": f"候选人{i}", "gender": "男", "birth_month": "1980-01", "workplace": "某单位",
                     "post": "职员", "recommended_by": "单位推荐"} for i in range(20)])
    case = TypicalCasePage.objects.order_by("-pk").first()
    return load_s, index, case, publicity


def timed(client, url: str, runs: int) -> list[float]:
    client.get(url)  # warm caches (templates, site root paths)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args(argv)
    db = Path(tempfile.gettempdir()) / "notices_render_bench.sqlite3"
    from benchmarks.search_bench import setup_django

    setup_django(str(db))
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    from pages.models import JurisdictionPage

    load_s, index, case, publicity = load(args.n)
    print(f"notices_render: {args.n} notices loaded in {load_s:.1f} s; {args.runs} renders each (ms)")
    client = Client()
    rows = [("plain Wagtail page (section)", JurisdictionPage.objects.get(slug="wuhan").url),
            ("notice page (typical case)", case.url),
            ("publicity page (20 candidates)", publicity.url),
            ("index page, page 1", index.url),
            (f"index page, page {args.n // 20}", f"{index.url}?page={args.n // 20}"),
            ("archive, one jurisdiction+year", "/notices/archive/?jurisdiction=enshi"),
            ("RSS feed (30 items)", "/feeds/notices.xml")]
    for name, url in rows:
        times = timed(client, url, args.runs)
        print(f"  {name:<34} p50 {statistics.median(times):7.1f}  p95 {percentile(times, 95):7.1f}"
              f"  max {max(times):7.1f}")
    db.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
