"""Search benchmark (issues 5, 13): N generated Chinese notices in a throwaway database (SQLite, or
PostgreSQL with --pg URL: the database named there is dropped and created).

Prints, for the embedded engine and for Wagtail's stock database search on the same data: full rebuild
time, query latency p50/p95 unfiltered and filtered by kind, year, jurisdiction (and kind + year) over a
fixed query list, wall clock and this process's CPU time (the machine may be shared), and the totals of
common words (ranking quality: benchmarks/relevance_bench.py).

    .venv/bin/python -m benchmarks.search_bench                # 100k notices, SQLite
    .venv/bin/python -m benchmarks.search_bench --pg postgresql://postgres@127.0.0.1:5432/search_bench
    .venv/bin/python -m benchmarks.search_bench --n 20000 --stock-n 20000
Targets (issue 13): rebuild of 100k <= 120 s; p95 <= 50 ms unfiltered and filtered; totals exact.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# ---- generator: notices in the jurisdictions' voice, from parts (no text taken from any regulation) ----
PLACES = [("万州区", "万州司"), ("威海市", "威司"), ("武汉市", "武司"), ("恩施州", "恩施司"), ("武隆区", "武隆司")]
CODES = ["wanzhou", "weihai", "wuhan", "enshi", "wulong"]
AGENCIES = ["市场监督管理局", "交通运输局", "生态环境局", "城市管理局", "农业农村局", "文化和旅游委员会", "卫生健康委员会",
            "应急管理局", "住房和城乡建设委员会", "规划和自然资源局", "水利局", "商务委员会", "林业局", "人力资源和社会保障局",
            "教育委员会", "民政局", "消防救援支队", "税务局", "医疗保障局", "公安局交通巡逻警察支队"]
KINDS = [("recruitment", "选聘公告", "关于公开选聘第{n}批行政执法监督员的公告"),
         ("publicity", "拟聘人员公示", "第{n}批行政执法监督员拟聘人员名单公示"),
         ("appointment", "聘任公告", "关于聘任{name}等{k}名同志为行政执法监督员的公告"),
         ("dismissal", "解聘公告", "关于解聘{name}行政执法监督员职务的公告"),
         ("typical_case", "典型案例", "{agency}{topic}行政执法典型案例"),
         ("annual_report", "行政执法统计年报", "{year}年度行政执法数据统计年报"),
         ("notification", "行政执法监督情况通报", "关于{topic}专项行政执法监督情况的通报"),
         ("regulation", "规范性文件/制度", "{place}{topic}行政执法{rule}")]
TOPICS = ["安全生产", "食品药品", "道路运输", "扬尘治理", "校外培训", "燃气安全", "农资质量", "野生动物保护", "特种设备",
          "餐饮油烟", "违法建设", "河道采砂", "文化市场", "医疗卫生", "劳动保障", "消防安全", "烟花爆竹", "森林防火",
          "养老机构", "旅游市场", "网络交易", "价格监督", "计量器具", "广告发布", "成品油", "危险化学品"]
RULES = ["公示制度", "全过程记录制度", "重大执法决定法制审核办法", "裁量基准", "投诉举报处理办法", "监督检查办法",
         "案卷评查办法", "责任追究办法", "统计年报制度", "协调协作办法"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰春梅海波宏斌鑫雪琳晨阳辉"
SENTENCES = [
    "为进一步规范行政执法行为，{place}司法局组织开展{topic}领域行政执法监督工作。",
    "行政执法监督员应当按照规定参加执法检查、案卷评查和执法评议活动。",
    "{agency}在{topic}执法中存在执法程序不规范、文书制作不严谨等问题，已责令限期整改。",
    "本次共抽查行政执法案卷{k}卷，发现问题{m}个，已向相关执法机关反馈。",
    "联系电话：023-{tel}，联系人：{name}。",
    "报名人员应当具有良好的政治素质和道德品行，热心行政执法监督工作。",
    "对公示对象有异议的，可在公示期内以书面形式向{place}司法局反映，并提供必要的证明材料。",
    "{agency}已于{year}年{mon}月完成整改，并将整改情况书面报送司法局。",
    "经审核，{name}同志符合行政执法监督员聘任条件，现予以聘任，聘期{k}年。",
    "各执法机关要高度重视监督员提出的意见建议，及时研究办理并反馈办理结果。",
    "{year}年，全区共办理{topic}类行政处罚案件{m}件，行政许可事项{k}件。",
    "监督员在履职中发现的违法线索，应当及时移送司法局依法处理。",
    "本通报所列问题，请各单位对照检查，举一反三，切实提高依法行政水平。",
    "执法人员未出示执法证件即实施检查，违反行政执法公示制度的规定。",
    "对{agency}办理的{topic}案件开展跟踪回访，当事人对处理结果表示满意。",
    "{name}因个人原因申请辞去行政执法监督员职务，经研究同意解聘。",
    "本办法自印发之日起施行，由{place}司法局负责解释。",
    "请于{year}年{mon}月{day}日前将报名材料报送至司法局行政执法监督科。",
]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def generate(n: int, seed: int = 20261122):
    """Yield n notice dicts (the fields NoticeDocument holds), deterministic for a seed."""
    rng = random.Random(seed)
    for i in range(1, n + 1):
        p = rng.randrange(len(PLACES))
        place, abbr = PLACES[p]
        kind, label, title_tpl = rng.choice(KINDS)
        year = rng.randint(2016, 2026)
        slots = {"place": place, "agency": place + rng.choice(AGENCIES), "topic": rng.choice(TOPICS),
                 "rule": rng.choice(RULES), "name": person(rng), "n": rng.randint(1, 9), "k": rng.randint(2, 60),
                 "m": rng.randint(1, 300), "year": year, "mon": rng.randint(1, 12), "day": rng.randint(1, 28),
                 "tel": rng.randint(10000000, 99999999)}
        body = "".join(rng.choice(SENTENCES).format(**slots) for _ in range(rng.randint(6, 12)))
        date = dt.date(year, slots["mon"], slots["day"])
        yield {"id": i, "title": place + "司法局" + title_tpl.format(**slots), "body": body, "kind": kind,
               "kind_label": label, "jurisdiction": CODES[p], "issuer": place + "司法局", "year": year,
               "date": date, "published_on": date, "written_on": date,
               "doc_number": f"{abbr}发〔{year}〕{i % 997 + 1}号",
               "index_number": f"11500{p}01MB{i:07d}/{year}-{i:06d}", "url": f"/bench/{i}/", "live": True}


# fixed query list: common words, mid-frequency, rare names, multi-word, a single character, exact numbers
QUERIES = ["监督员", "行政执法", "行政执法监督员", "选聘", "拟聘人员公示", "典型案例", "燃气安全", "野生动物保护",
           "市场监督管理局", "整改", "案卷评查", "万州 监督员", "武隆 典型案例 食品药品", "统计年报", "投诉举报",
           "责任追究办法", "督", "消防 解聘", "河道采砂 通报", "不存在的词语组合", "异议 书面",
           "執法證件", "案卷评察", "怎么投诉执法人员"]  # issue 27: traditional, a wrong homophone, a question
# plus (added by exact_queries) two 发文字号 — one typed with [] — and an 索引号 of generated notices


def exact_queries(n: int) -> list[str]:
    wanted = {n // 3: "doc", n // 2: "doc[]", (2 * n) // 3: "index"}
    out = []
    for d in generate(max(wanted)):
        how = wanted.get(d["id"])
        if how == "doc":
            out.append(d["doc_number"])
        elif how == "doc[]":
            out.append(d["doc_number"].replace("〔", "[").replace("〕", "]"))
        elif how == "index":
            out.append(d["index_number"])
    return out


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def timed(fn, repeat: int) -> tuple[list[float], list[float]]:
    """Wall clock and CPU milliseconds of each query, over `repeat` passes of the query list."""
    wall, cpu = [], []
    for _ in range(repeat):
        for q in QUERIES:
            t0, c0 = time.perf_counter(), time.process_time()
            fn(q)
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def report(name: str, build_s: float, n: int, times: tuple[list[float], list[float]]):
    built = "build  (reused)" if build_s != build_s else f"build {build_s:7.1f} s"  # nan: --reuse kept it
    wall, cpu = times
    print(f"{name:<34} n={n:>7}  {built}  p50 {statistics.median(wall):6.1f} ms  "
          f"p95 {percentile(wall, 95):6.1f} ms  max {max(wall):6.1f} ms  (cpu p95 {percentile(cpu, 95):6.1f} ms)")


def setup_django(db_path: str, reuse: bool = False, pg: str = ""):
    if pg:
        if not reuse:
            fresh_pg_database(pg)
        os.environ["DATABASE_URL"] = pg
    else:
        if os.path.exists(db_path) and not reuse:
            os.remove(db_path)
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings
    from django.db import connection

    settings.DEBUG = False  # no query log: it would hold every INSERT of the build in memory

    if connection.vendor == "sqlite":
        with connection.cursor() as cur:  # a throwaway database: trade durability for build speed
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=OFF")
            cur.execute("PRAGMA cache_size=-1500000")  # 1.5 GB page cache for the bulk build


def fresh_pg_database(url: str) -> None:
    """Drop and create the database the URL names (a throwaway one: never point this at real data)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def documents(n: int):
    from search.documents import NoticeDocument

    for d in generate(n):
        pk = d.pop("id")
        yield NoticeDocument(meta={"id": pk}, doc_number_key=_key(d["doc_number"]),
                             index_number_key=_key(d["index_number"]), **d)


def _key(v):
    from search.tokenize import code_key

    return code_key(v)


def bench_embedded(n: int, repeat: int, reuse: bool = False):
    from django.db import connection

    from search.engines.base import SearchQuery
    from search.engines.embedded import EmbeddedEngine
    from search.models import SearchEntry

    engine = EmbeddedEngine()
    build = float("nan")
    if not (reuse and SearchEntry.objects.filter(scope="notice").count() == n):
        t0 = time.perf_counter()
        from progress import Progress

        with Progress("载入检索基准语料", n) as bar:
            engine.rebuild("notice", bar.iter(documents(n)))
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
        build = time.perf_counter() - t0
    from search.engines import warm_up

    warm_up()  # what a web process loads at start: jieba, the conversion and pinyin tables, the filter columns
    for q in QUERIES:  # what each query finds, and one cold timing
        t0 = time.perf_counter()
        r = engine.search(SearchQuery(text=q))
        ms = (time.perf_counter() - t0) * 1000
        total = f"{r.total}+" if r.more else str(r.total)
        print(f"    {q:<32} {ms:7.1f} ms  total {total:>6}  top: {r.hits[0].title if r.hits else '—'}")
    times = timed(lambda q: engine.search(SearchQuery(text=q)), repeat)
    report(f"embedded ({connection.vendor})", build, n, times)
    for label, filters in FILTERS:
        got = timed(lambda q, f=filters: engine.search(SearchQuery(text=q, filters=f)), repeat)
        report(f"embedded, {label}", build, n, got)
    for word in COMMON:
        r = engine.search(SearchQuery(text=word))
        f = engine.search(SearchQuery(text=word, filters=FILTERS[-1][1]))
        print(f"    total for {word}: {r.total}{'+' if r.more else ''} (exact count of notices holding it: "
              f"{holding(word)}); with {FILTERS[-1][0]}: {f.total}")
    return times


FILTERS = [("kind filter", {"kind": "typical_case"}), ("year filter", {"year": 2024}),
           ("jurisdiction filter", {"jurisdiction": "wulong"}),
           ("kind+year filter", {"kind": "typical_case", "year": 2024})]
COMMON = ["监督员", "行政执法"]


def holding(word: str) -> int:
    """Notices whose title or body contains the word, counted with SQL LIKE (not with the engine)."""
    from django.db.models import Q

    from search.models import SearchEntry

    return SearchEntry.objects.filter(scope="notice").filter(Q(title__contains=word) | Q(text__contains=word)).count()


def bench_stock(n: int, repeat: int):
    """Wagtail's stock database backend (SQLite FTS5, unicode61) over the same generated notices."""
    from wagtail.search import index
    from wagtail.search.backends import get_search_backend

    from search.models import SearchEntry

    class StockNotice(index.Indexed, SearchEntry):
        search_fields = [index.SearchField("title", boost=10), index.SearchField("text"),
                         index.FilterField("scope")]

        class Meta:
            proxy = True
            app_label = "search"

    backend = get_search_backend()
    objs = StockNotice.objects.filter(scope="notice").order_by("id")[:n]
    t0 = time.perf_counter()
    backend.add_bulk(StockNotice, list(objs))
    build = time.perf_counter() - t0
    qs = StockNotice.objects.filter(scope="notice")

    def run(q):
        results = backend.search(q, qs)
        list(results[:10])
        return results.count()

    for q in QUERIES[:6]:
        print(f"    {q:<32} total {run(q):>7}")
    times = timed(run, repeat)
    report("wagtail stock database", build, n, times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="notices to generate (default 100000)")
    ap.add_argument("--stock-n", type=int, default=None, help="notices for the stock backend (default: --n)")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the query list")
    ap.add_argument("--db", default="/tmp/search_bench.sqlite3")
    ap.add_argument("--skip-stock", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="keep --db and its index if it holds --n notices")
    ap.add_argument("--pg", default="", help="PostgreSQL URL of a throwaway database (dropped and created)")
    args = ap.parse_args(argv)
    setup_django(args.db, reuse=args.reuse, pg=args.pg)
    QUERIES.extend(exact_queries(args.n))
    print(f"== search benchmark: {args.n} generated notices, {len(QUERIES)} queries x {args.repeat} passes ==")
    bench_embedded(args.n, args.repeat, reuse=args.reuse)
    from django.db import connection

    if not args.skip_stock and connection.vendor != "sqlite":
        # this stock model is a proxy without the GenericRelation Wagtail's PostgreSQL backend joins through
        print("wagtail stock database: measured on SQLite only (run without --pg for its figures)")
    elif not args.skip_stock:
        bench_stock(args.stock_n or args.n, args.repeat)


if __name__ == "__main__":
    main()
