"""Bulk import benchmark (issue 13): `manage.py import_notices` of N notices from an old site's JSON Lines
export into a throwaway database holding the demo site tree, timed end to end (pages in the tree, revisions,
index numbers, search index). Then the result is checked: the tree is clean (treebeard's find_problems),
every notice is live with a revision, index numbers are unique, and the search finds an imported title.

The file mixes the eight kinds (about 1 % publicity lists with past windows and their candidates) over the
five jurisdictions and eleven years; a third of the lines carry the old site's own index number.

    .venv/bin/python -m benchmarks.import_notices_bench                       # 10k, SQLite (+ PostgreSQL if up)
    .venv/bin/python -m benchmarks.import_notices_bench --n 2000 --no-pg
    .venv/bin/python -m benchmarks.import_notices_bench --database-url postgresql://postgres@127.0.0.1:5432/h_importspeed_bench
Target: 10,000 notices <= 60 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgresql://postgres@127.0.0.1:5432/h_importspeed_bench"
TOPICS = ["安全生产", "食品药品", "道路运输", "扬尘治理", "燃气安全", "农资质量", "特种设备", "违法建设", "文化市场", "消防安全"]
KINDS = ["typical_case", "notification", "regulation", "recruitment", "appointment", "dismissal", "annual_report"]
JURISDICTIONS = ["wanzhou", "weihai", "wuhan", "enshi", "wulong"]


def records(n: int):
    """N old-site notices (deterministic)."""
    for i in range(n):
        j = JURISDICTIONS[i % 5]
        day = dt.date(2015, 1, 5) + dt.timedelta(days=(i * 7) % 4000)
        topic = TOPICS[i % 10]
        body = "\n".join(f"{j}某县{topic}执法检查中发现的问题及整改情况说明，第{i}号第{p}段。" for p in range(6))
        record = {"kind": KINDS[i % 7], "title": f"{topic}领域行政执法公告（第{i + 1}号）", "body": body,
                  "jurisdiction": j, "issuer": "", "published_at": f"{day.isoformat()}T09:30:00+08:00",
                  "written_on": (day - dt.timedelta(days=2)).isoformat()}
        if i % 3 == 0:
            record["index_number"] = f"OLD-{j.upper()}/{day.year}-{i + 1:06d}"
        if i % 4 == 0:
            record["doc_number"] = f"{j}司发〔{day.year}〕{i % 97 + 1}号"
        if i % 100 == 50:
            record.update(kind="publicity", title=f"{day.year}年拟聘行政执法监督员人选公示（第{i + 1}号）",
                          publicity_start=day.isoformat(),
                          candidates=[{"name": f"候选人{i}-{c}", "gender": "男", "birth_month": "1980-01",
                                       "workplace": "某单位", "post": "职员", "recommended_by": "单位推荐"}
                                      for c in range(5)])
        yield record


def setup(database_url: str | None, db: Path) -> None:
    if database_url:
        import psycopg

        base, name = database_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = database_url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
        os.environ["ELASTICSEARCH_URL"] = ""
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    else:
        from benchmarks.page_cache_bench import fresh_database

        fresh_database(db)
        from django.db import connection

        with connection.cursor() as cur:  # SQLite's defaults, as a real site runs (no benchmark shortcuts)
            cur.execute("PRAGMA journal_mode=DELETE")
            cur.execute("PRAGMA synchronous=FULL")
    from django.conf import settings

    settings.DEBUG = False


def check(n: int) -> list[str]:
    """What an editor would see: a clean tree, live notices with revisions, unique numbers, search hits."""
    from wagtail.models import Page

    from public_notices.models import NoticePage
    from search.engines import get_engine
    from search.engines.base import SearchQuery

    problems = [name for name, found in zip(("bad alpha", "bad path", "orphans", "bad depth", "bad numchild"),
                                            Page.find_problems(), strict=True) if found]
    notices = NoticePage.objects.all()
    if notices.count() != n:
        problems.append(f"{notices.count()} notices, expected {n}")
    if notices.filter(live=False).exists() or notices.filter(latest_revision__isnull=True).exists():
        problems.append("a notice not live or without a revision")
    if notices.values("index_number").distinct().count() != n:
        problems.append("index numbers not unique")
    hits = get_engine().search(SearchQuery(text="消防安全领域行政执法公告", scope="notice"))
    if not hits.total:
        problems.append("search finds no imported notice")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--database-url", help="a PostgreSQL database to (re)create and use")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    db = Path(tempfile.gettempdir()) / "import_notices_bench.sqlite3"
    setup(args.database_url, db)
    from django.core.management import call_command
    from django.db import connection

    from demo.site_tree import load_site_tree

    load_site_tree()
    path = Path(tempfile.gettempdir()) / f"import_notices_bench_{os.getpid()}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for record in records(args.n):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    out = open(os.devnull, "w")  # noqa: SIM115 (the command prints one line per notice)
    t0, c0 = time.perf_counter(), time.process_time()
    call_command("import_notices", str(path), stdout=out)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    out.close()
    problems = check(args.n)
    engine = connection.vendor
    print(f"import_notices ({engine}): {args.n} notices in {seconds:.1f} s "
          f"({seconds / args.n * 1000:.2f} ms each, this process's CPU {cpu:.1f} s; target 10,000 <= 60 s); "
          f"check: {'; '.join(problems) or 'tree clean, all live with revisions, numbers unique, searchable'}")
    path.unlink(missing_ok=True)
    if args.database_url is None:
        db.unlink(missing_ok=True)
        if not args.no_pg and pg_answers():
            subprocess.run([sys.executable, "-m", "benchmarks.import_notices_bench", "--n", str(args.n),
                            "--database-url", PG_URL], cwd=ROOT, check=False)


def pg_answers() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres", connect_timeout=2).close()
    except Exception:
        return False
    return True


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
