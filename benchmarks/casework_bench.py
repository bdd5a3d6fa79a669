"""Casework at province scale (issue 28): N supervision matters over the five jurisdictions and the four
casework processes (监督建议书/意见书, 投诉举报, 争议协调, 责任追究), with their events, documents, clocks and
viewflow process and task rows, then the staff screens and the scheduler timed with their query counts.

The generator starts from the demo content (`load_demo`: users, agencies with liaisons, one of each process
at each stage, walked through the real services) and copies those walked matters in bulk (bulk_create of
the project's own models and viewflow's Process/Task, in chunks of 2,000 matters per transaction), shifted
in time: about 85 % closed, the rest running, their clocks spread from overdue to due in two months. Each
matter gets about 10 events, 3 documents and 5 clocks; one open matter gets 200 events.

    .venv/bin/python -m benchmarks.casework_bench                       # 300 matters, SQLite (make bench)
    .venv/bin/python -m benchmarks.casework_bench --matters 10000 --runs 20
    .venv/bin/python -m benchmarks.casework_bench --matters 100000 --pg  # PostgreSQL database casework_bench
    .venv/bin/python -m benchmarks.casework_bench --pg URL --reuse --only 事项页面 --only 法定时限  # some screens
Targets (issue 28): staff screens p95 <= 150 ms with a query count independent of the rows shown;
the complaint POST and a receipt entry <= 20 queries; one scheduler round <= 10 s.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgresql://postgres@127.0.0.1:5432/casework_bench"
PROCESSES = ("letter", "complaint", "coordination", "accountability")
JURISDICTIONS = ("enshi", "wanzhou", "weihai", "wuhan", "wulong")
# measured on SQLite and PostgreSQL (table + indexes, ~10 events, 3 documents, 5 clocks, ~6 tasks a matter),
# with a margin: what the generator asks the disk for before it writes anything
BYTES_PER_MATTER = 24_000
CLOSED_SHARE = 0.85
CHUNK = 2_000


class Refused(SystemExit):
    pass


def check_size(n: int, where: str) -> None:
    """Refuse a size that cannot be generated, before anything is written."""
    if n < 1:
        raise Refused(f"监督事项数量须为正整数（收到 {n}）。")
    need = n * BYTES_PER_MATTER * 1.5  # the database grows past its final size while indexes are built
    free = shutil.disk_usage(where).free
    if need > free:
        raise Refused(f"磁盘空间不足：生成 {n:,} 件监督事项约需 {need / 1e9:.1f} GB，"
                      f"{where} 所在磁盘仅剩 {free / 1e9:.1f} GB。请减小 --matters 或清理磁盘后重试。")


# ------------------------------------------------------------------ database
def setup(pg: str | None, db: Path, reuse: bool = False) -> None:
    from django.apps import apps

    if pg and not reuse:
        import psycopg

        base, name = pg.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    if pg:
        _setup_pg(pg)
    elif apps.ready:  # `python -m benchmarks` already set Django up for another module
        from benchmarks.page_cache_bench import fresh_database

        fresh_database(db)
    else:
        from benchmarks.search_bench import setup_django

        setup_django(str(db))
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    queue_as_in_production()


def queue_as_in_production() -> None:
    """Background tasks (search indexing after a write) queued in the database as settings/production.py
    does, not run inside the timed request as the development settings do."""
    from django.test.utils import override_settings

    override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()


def _setup_pg(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def database_bytes() -> int:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_database_size(current_database())")
            return cur.fetchone()[0]
    path = Path(settings.DATABASES["default"]["NAME"])
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


# ------------------------------------------------------------------ generator
class Bundle:
    """One walked demo matter and everything hanging on it, to be copied."""

    def __init__(self, matter):
        from django.contrib.contenttypes.models import ContentType
        from viewflow.workflow.models import Process, Task

        from casework.models import Document, MatterEvent
        from clocks.models import Clock

        self.matter = matter
        self.documents = list(Document.objects.filter(matter=matter).order_by("pk"))
        self.events = list(MatterEvent.objects.filter(matter=matter).order_by("pk"))
        self.record = None
        for attr in ("letter", "complaint", "dispute", "accountability_case"):
            try:
                self.record = getattr(matter, attr)
            except Exception:  # noqa: BLE001 (the related object does not exist)
                continue
            if self.record is not None:  # Matter.letter reads None when the file holds no letter
                break
        ct = ContentType.objects.get_for_model
        self.clocks = list(Clock.objects.filter(subject_type=ct(matter), subject_id=str(matter.pk)))
        self.record_clocks = list(Clock.objects.filter(subject_type=ct(self.record), subject_id=str(self.record.pk))) \
            if self.record is not None else []
        self.processes = list(Process.objects.filter(artifact_content_type=ct(self.record),
                                                     artifact_object_id=self.record.pk)) if self.record else []
        self.tasks = {p.pk: list(Task.objects.filter(process=p).order_by("pk")) for p in self.processes}


    def plain(self) -> Bundle:
        """The same file without a process: an inspection matter (监督检查) with its events only."""
        plain = copy.copy(self)
        plain.matter = clone(self.matter, process="", source="inspection")
        plain.matter.opened_on = self.matter.opened_on
        plain.documents, plain.clocks, plain.record, plain.record_clocks, plain.processes = [], [], None, [], []
        return plain


def clone(obj, **changes):
    from django.db.models.base import ModelState

    new = copy.copy(obj)
    new._state = ModelState()
    new.pk = None
    if hasattr(new, "id"):
        new.id = None
    for k, v in changes.items():
        setattr(new, k, v)
    return new


def generate(n: int, today: dt.date, progress=print) -> dict:
    """N matters copied from the demo bundles in bulk; returns what the timing needs."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from viewflow.workflow.models import Process, Task

    from casework.models import Agency, Document, Matter, MatterEvent
    from clocks.models import MET, RUNNING, Clock
    from complaints.models import Complaint

    user = get_user_model()
    officer = user.objects.get(username="officer")
    agencies = {j: list(Agency.objects.filter(jurisdiction=j)) for j in JURISDICTIONS}
    for j in JURISDICTIONS:  # a province: about 30 agencies in each jurisdiction
        have = {a.name for a in agencies[j]}
        extra = [Agency(jurisdiction=j, name=f"{j}第{k}执法大队") for k in range(30 - len(have))]
        agencies[j] += Agency.objects.bulk_create(extra)
    bundles = {p: [Bundle(m) for m in Matter.objects.filter(process=p).order_by("pk")] for p in PROCESSES}
    bundles = {p: [b for b in bs if b.record is not None] for p, bs in bundles.items()}
    matter_ct = ContentType.objects.get_for_model(Matter)
    start = time.perf_counter()
    rows = {"matters": 0, "events": 0, "documents": 0, "clocks": 0, "processes": 0, "tasks": 0}
    for first in range(0, n, CHUNK):
        with transaction.atomic():
            _chunk(range(first, min(n, first + CHUNK)), today, bundles, agencies, officer, matter_ct, rows,
                   Matter, MatterEvent, Document, Clock, Complaint, Process, Task, MET, RUNNING)
        progress(f"  生成 {min(n, first + CHUNK):,}/{n:,} 件（{time.perf_counter() - start:.0f} 秒）")
    # one open matter with 200 events, for the matter screen
    big = Matter.objects.filter(number__startswith="BENCH", status="open").order_by("pk").first()
    MatterEvent.objects.bulk_create(MatterEvent(matter=big, by=officer, text=f"第{k}次办理记录：电话督办，已记录。")
                                    for k in range(200 - big.events.count()))
    rows["events"] += 200
    # 待办索引 (flows.task_index): the tasks were inserted in bulk (no signal): one set-wise refresh after the load
    from flows.task_index import refresh

    indexed = time.perf_counter()
    refresh()
    progress(f"  待办索引 {time.perf_counter() - indexed:.0f} 秒")
    rows["seconds"] = time.perf_counter() - start
    rows["big_matter"] = big.pk
    return rows


def _chunk(indexes, today, bundles, agencies, officer, matter_ct, rows,
           Matter, MatterEvent, Document, Clock, Complaint, Process, Task, MET, RUNNING):
    from django.contrib.contenttypes.models import ContentType

    plan = []
    for i in indexes:
        # four in five matters run a process, in the jurisdiction whose rule profile has it (as walked in the
        # demo); the fifth is a plain inspection matter (events, documents, clocks, no process) in any of five
        process = PROCESSES[i % 5] if i % 5 < 4 else "letter"
        closed = (i * 7919) % 100 < CLOSED_SHARE * 100
        pool = [b for b in bundles[process] if (b.matter.status == "closed") == closed] or bundles[process]
        bundle = pool[(i // 5) % len(pool)]
        if i % 5 == 4:
            bundle = bundle.plain()
        j = bundle.matter.jurisdiction if bundle.record is not None else JURISDICTIONS[(i // 5) % 5]
        opened = today - dt.timedelta(days=(i * 37) % 1800 + (0 if not closed else 60))
        shift = opened - bundle.matter.opened_on
        matter = clone(bundle.matter, number=f"BENCH-{j}-{i + 1:07d}", jurisdiction=j, opened_on=opened,
                       agency=agencies[j][i % len(agencies[j])], title=f"{bundle.matter.title}（第{i + 1}件）",
                       status="closed" if closed else "open", process=bundle.matter.process,
                       source=bundle.matter.source, closed_on=(opened + dt.timedelta(days=45)) if closed else None)
        plan.append((i, bundle, matter, shift, closed))
    Matter.objects.bulk_create([m for _, _, m, _, _ in plan])
    docs, events, clocks, records = [], [], [], []
    for i, bundle, matter, shift, closed in plan:
        ds = [clone(d, matter=matter, doc_number=f"BENCH{d.doc_number}-{i + 1}", issued_on=d.issued_on + shift,
                    received_on=(d.received_on + shift) if d.received_on else (None if not closed else matter.opened_on),
                    pdf="", docx="", signed_scan="") for d in bundle.documents]
        for k in range(len(ds), 3):
            ds.append(Document(matter=matter, kind="notice", kind_label="告知书", doc_number=f"BENCH-N-{i + 1}-{k}",
                               year=matter.opened_on.year, seq=k, title="告知书", addressee=matter.agency.name,
                               body="告知事项。", issued_on=matter.opened_on, issued_by=officer,
                               received_on=matter.opened_on + dt.timedelta(days=3)))
        docs.append((bundle, ds))
        ev = [clone(e, matter=matter) for e in bundle.events]
        ev += [MatterEvent(matter=matter, by=officer, text=f"办理记录：第{k}项") for k in range(len(ev), 10)]
        events += ev
        cs = []
        for c in bundle.clocks:
            running = c.status == RUNNING and not closed
            due = today + dt.timedelta(days=(i % 70) - 10) if running else c.due_on + shift
            cs.append(clone(c, subject_id="", started_on=c.started_on + shift, due_on=due,
                            status=RUNNING if running else (c.status if c.status != RUNNING else MET)))
        for _k in range(len(cs), 5):
            cs.append(Clock(subject_type=matter_ct, label="报送情况时限", profile_code=matter.jurisdiction,
                            rule_key="bench_report", source="004", article="第十条", started_on=matter.opened_on,
                            n=15, unit="workdays", due_on=matter.opened_on + dt.timedelta(days=21), status=MET))
        clocks.append((matter, cs))
        if bundle.record is None:
            continue
        rec = clone(bundle.record, matter=matter)
        for f in ("document", "decision_document", "rectify_clock", "decision_clock"):
            if hasattr(rec, f + "_id"):
                setattr(rec, f + "_id", None)
        if isinstance(rec, Complaint):
            rec.receipt_number = f"BENCH投-{i + 1}"
            rec.jurisdiction = matter.jurisdiction
            rec.agency = matter.agency
            rec.fingerprint = f"bench{i}"
        records.append((bundle, rec))
    Document.objects.bulk_create([d for _, ds in docs for d in ds])
    MatterEvent.objects.bulk_create(events)
    for matter, cs in clocks:
        for c in cs:
            c.subject_id = str(matter.pk)
    by_model = {}
    for _bundle, rec in records:
        by_model.setdefault(type(rec), []).append(rec)
    for model, recs in by_model.items():
        model.objects.bulk_create(recs)
    # clocks on the process record (a complaint's acceptance clock), then the letter's links to its copies
    clocks_of = {id(bundle_matter): cs for bundle_matter, cs in clocks}
    docs_of = {id(ds[0].matter): ds for _, ds in docs}
    for bundle, rec in records:
        matter = rec.matter
        cs = clocks_of[id(matter)]
        for c in bundle.record_clocks:
            cs.append(clone(c, subject_id=str(rec.pk), status=MET if matter.status == "closed" else c.status,
                            started_on=matter.opened_on, due_on=matter.opened_on + dt.timedelta(days=5)))
    Clock.objects.bulk_create([c for _, cs in clocks for c in cs])
    letters = []
    for bundle, rec in records:
        ds = docs_of[id(rec.matter)]
        tpl = bundle.record
        if hasattr(tpl, "document_id") and tpl.document_id:
            ids = [d.pk for d in bundle.documents]
            if tpl.document_id in ids:
                rec.document_id = ds[ids.index(tpl.document_id)].pk
                letters.append(rec)
    if letters:
        type(letters[0]).objects.bulk_update(letters, ["document"])
    # viewflow: the bundle's processes and tasks, the artifact pointing at the copy
    procs, task_plan = [], []
    for bundle, rec in records:
        ct = ContentType.objects.get_for_model(rec)
        for p in bundle.processes:
            new = clone(p, artifact_content_type=ct, artifact_object_id=rec.pk)
            procs.append(new)
            task_plan.append((new, bundle.tasks[p.pk], ct, rec.pk))
    Process.objects.bulk_create(procs)
    # each process in its matter, as CaseProcess.save writes it (bulk_create cannot write a child table)
    from django.db import connection

    from flows.models import CaseProcess

    with connection.cursor() as cur:
        cur.executemany(f"INSERT INTO {CaseProcess._meta.db_table} (process_ptr_id, matter_id, jurisdiction) "
                        "VALUES (%s, %s, %s)",
                        [(new.pk, rec.matter_id, rec.matter.jurisdiction) for (new, _t, _ct, _pk), (_b, rec) in
                         zip(task_plan, [(b, r) for b, r in records for _p in b.processes], strict=True)])
    tasks = []
    for new, tpl_tasks, ct, pk in task_plan:
        for t in tpl_tasks:
            tasks.append(clone(t, process=new, artifact_content_type=ct if t.artifact_object_id else None,
                               artifact_object_id=pk if t.artifact_object_id else None))
    Task.objects.bulk_create(tasks)
    rows["matters"] += len(plan)
    rows["events"] += len(events)
    rows["documents"] += sum(len(ds) for _, ds in docs)
    rows["clocks"] += sum(len(cs) for _, cs in clocks)
    rows["processes"] += len(procs)
    rows["tasks"] += len(tasks)


# ------------------------------------------------------------------ timing
def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def id_number(k: int) -> str:
    """A valid 18-digit ID number (GB 11643 check digit), different for each k."""
    body = f"500232{1960 + k % 40}{1 + k % 12:02d}{1 + k % 28:02d}{k % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(a) * w for a, w in zip(body, weights, strict=True)) % 11]


def measure(runs: int, info: dict, only: tuple[str, ...] = (), *, roles_only: bool = False) -> list[tuple]:
    import logging

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from casework.models import Agency, Document
    from clocks.scheduler import run_once

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the timed 400s are expected, not news
    officer = get_user_model().objects.get(username="officer")
    staff = Client()
    staff.force_login(officer)
    results = []

    def timed(label, fn, n=runs):
        if only and not any(word in label for word in only):  # --only: the screens asked for, the rest skipped
            return
        times, queries, status = [], 0, ""
        fn(n)  # one untimed call first: the first hit compiles templates and fills caches
        for k in range(n):
            connection.queries_log.clear()  # a full log (9,000 entries) would make every later count 0
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                status = fn(k)
                times.append((time.perf_counter() - t0) * 1000)
            queries = len(ctx.captured_queries)
        results.append((label, percentile(times, 50), percentile(times, 95), queries, status))
        print(f"  {label}: p50 {results[-1][1]:.1f} ms, p95 {results[-1][2]:.1f} ms, {queries} 次查询，{status}",
              flush=True)  # as it goes: a later failure keeps the figures already measured

    def get(url):
        return lambda k: staff.get(url).status_code

    if roles_only:  # --roles: each role's workbench and 我的待办 only
        roles_timed(timed)
        return results
    big = info["big_matter"]
    from casework.models import Matter

    last = max(1, -(-Matter.objects.count() // 50))
    timed("监督事项列表 第1页", get("/admin/casework/"))
    timed(f"监督事项列表 第{min(500, last)}页", get(f"/admin/casework/?page={min(500, last)}"))
    for key, value in (("jurisdiction", "wuhan"), ("process", "letter"), ("status", "open"), ("q", "第77件")):
        timed(f"监督事项列表 {key}={value}", get(f"/admin/casework/?{key}={value}"))
    timed("监督事项列表 page=10^9", get("/admin/casework/?page=1000000000"))
    timed("监督事项列表 status=坏值", get("/admin/casework/?status=%E5%9D%8F"))
    timed("事项页面（200条办理记录）", get(f"/admin/casework/{big}/"))
    timed("法定时限列表 第1页", get("/admin/clocks/"))
    timed("法定时限列表 第500页", get("/admin/clocks/?p=500"))
    timed("法定时限列表 计时中", get("/admin/clocks/?status=running"))
    from complaints.models import Complaint

    timed("投诉举报列表 第1页", get("/admin/complaints/"))
    timed("投诉举报列表 最后一页", get(f"/admin/complaints/?page={max(1, -(-Complaint.objects.count() // 50))}"))
    timed("投诉举报列表 已受理", get("/admin/complaints/?status=accepted"))
    # the yearly programme and its statistics (issue 28): the list of years, one year, the returns, the report
    from programme.models import ProgrammeYear

    timed("年度监督列表", get("/admin/programme/"))
    year = ProgrammeYear.objects.order_by("-year", "jurisdiction").first()
    if year is not None:
        base = f"/admin/programme/{year.jurisdiction}/{year.year}/"
        timed(f"年度监督 {year.year}年（{year.jurisdiction}）", get(base))
        timed("年度统计报告", get(base + "report/"))
        timed("清单统计", get(base + "checklist/"))
    def round_(k):
        with contextlib.redirect_stdout(io.StringIO()):  # workflow_timers prints its counts
            return "ok" if run_once() else ""

    timed("调度器一轮（run_once）", round_, n=max(3, runs // 4))

    roles_timed(timed)
    timed("决定检索 q=整改", get("/admin/search/decisions/?q=%E6%95%B4%E6%94%B9"))
    timed("案件检索 q=执法", get("/admin/search/cases/?q=%E6%89%A7%E6%B3%95"))
    timed("决定检索 page=10^9", get("/admin/search/decisions/?q=%E6%95%B4%E6%94%B9&page=1000000000"))

    from django.db import transaction

    from casework.documents import issue
    from casework.models import Matter as M

    open_matter = M.objects.filter(number__startswith="BENCH", status="open").order_by("-pk").first()
    issued = []

    def issue_one(k):
        with transaction.atomic():
            doc = issue(matter=open_matter, kind="referral", title="问题线索移送函", by=officer,
                        paragraphs=[f"经审查，现将第{k}项有关事项告知如下。", "请于收到本告知书之日起依法办理。"])
        issued.append(doc.pk)
        return "ok" if doc.pdf else "无PDF"

    timed("文书签发（编号、PDF、.docx）", issue_one, n=max(3, runs // 2))
    timed("文书PDF下载", lambda k: staff.get(f"/admin/casework/files/document/{issued[-1]}.pdf").status_code)

    wulong = Agency.objects.filter(jurisdiction="wulong", name="武隆区交通运输局").first()
    run = time.time_ns()  # a rerun on a kept database must not post a duplicate of an earlier run's complaint

    def complaint(k):
        # from another address each time (the per-address throttle would refuse the second post of the run);
        # the cache is kept, as on a server (rule profiles, calendar)
        public = Client(REMOTE_ADDR=f"10.{run % 200}.{k // 250}.{k % 250 + 1}")
        data = {"category": "enforcement", "name": "陈建国", "id_number": id_number(k), "address": "重庆市武隆区芙蓉路8号",
                "contact": "13812345678", "agency": str(wulong.pk), "officer_named": "执法证号500001",
                "ground": "rough", "request": "请求依法查处执法人员粗暴执法的行为。",
                "facts": f"第{run}-{k}次：执法人员在检查我的店铺时推搡并辱骂我，有视频为证。"}
        return public.post("/complaints/wulong/", data).status_code

    timed("公开投诉举报提交（POST）", complaint)
    unserved = list(Document.objects.filter(received_on__isnull=True, matter__status="open",
                                            matter__number__startswith="BENCH").order_by("pk")[:runs + 1])

    def receipt(k):
        if k >= len(unserved):
            return "无待送达文书"
        doc = unserved[k]
        received = max(doc.issued_on, dt.date.today() - dt.timedelta(days=1))
        return staff.post(f"/admin/casework/documents/{doc.pk}/service/", {
            "received_on": received.isoformat(), "method": "直接送达", "received_by_name": "李小红"}).status_code

    timed("送达回证登记（POST）", receipt, n=max(1, min(runs, len(unserved) - 1)))
    return results


# the districts whose bureau staff are timed bound to them (roles.access.bureau_jurisdiction): the generated data
# puts three quarters of the matters in 武隆 (its worst case) and a few thousand in 万州 (a district's share)
BOUND = ("wulong", "wanzhou")


def _bound_user(username: str, like: str, jurisdiction: str):
    """A bureau account with the groups of the demo's `like` and a StaffProfile naming `jurisdiction` (made once,
    kept): the demo's own accounts stay as they are for anyone else timing the same database."""
    from django.contrib.auth import get_user_model

    from roles.models import StaffProfile

    users = get_user_model().objects
    model = users.get(username=like)
    user, _ = users.get_or_create(username=username, defaults={"first_name": model.first_name})
    if set(user.groups.all()) != set(model.groups.all()):
        user.groups.set(model.groups.all())
    StaffProfile.objects.update_or_create(user=user, defaults={"jurisdiction": jurisdiction})
    return user


def bench_roles() -> list[tuple]:
    """Each role timed on its workbench and 我的待办: the demo's officer and leader (no 辖区: every jurisdiction, as
    a city or province account), the same roles bound to one district (each of BOUND), and the liaison."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    out = []
    for like, role in (("officer", "经办人"), ("leader", "负责人")):
        out.append((users.get(username=like), f"{role}，全省"))
        out += [(_bound_user(f"bench_{like}_{code}", like, code), f"{role}，{code}") for code in BOUND]
    return [*out, (users.get(username="liaison"), "联络员")]


def roles_timed(timed) -> None:
    """Each role's workbench (the admin home) and 我的待办, with the menu count kept (flows.badge)."""
    from django.test import Client

    for user, role in bench_roles():
        client = Client()
        client.force_login(user)
        timed(f"工作台（{role}）", lambda k, c=client: c.get("/admin/").status_code)
        timed(f"我的待办（{role}）", lambda k, c=client: c.get("/workflow/").status_code)
        timed(f"我的待办（{role}）第2页", lambda k, c=client: c.get("/workflow/?page=2").status_code)

        def after_a_write(k, c=client):  # someone's write made every kept list stale: the whole list is built
            from flows.badge import bump

            bump()
            return c.get("/workflow/").status_code

        timed(f"我的待办（{role}）写入后首次", after_a_write)

        def workbench_after_a_write(k, c=client):  # the admin home after someone's write: its kept panels are cold
            from flows.badge import bump

            bump()
            return c.get("/admin/").status_code

        timed(f"工作台（{role}）写入后首次", workbench_after_a_write)

        # a real write in another jurisdiction (a running clock saved: flows.badge bumps that jurisdiction's
        # generation and the "any" one): a bound account's kept list and panels stay warm, the others' are cold
        other = _other_jurisdiction_clock(user)

        def after_another_write(k, c=client, clock=other):
            clock.save(update_fields=["due_on"])
            return c.get("/workflow/").status_code

        def workbench_after_another_write(k, c=client, clock=other):
            clock.save(update_fields=["due_on"])
            return c.get("/admin/").status_code

        if other is not None:
            timed(f"我的待办（{role}）另一辖区写入后", after_another_write)
            timed(f"工作台（{role}）另一辖区写入后", workbench_after_another_write)


def _other_jurisdiction_clock(user):
    """A running clock of a jurisdiction other than the account's own (for an unbound account: other than 武隆)."""
    from clocks.models import RUNNING, Clock
    from roles.access import bureau_jurisdiction, is_bureau

    own = (bureau_jurisdiction(user) if is_bureau(user) else "") or "wulong"
    return Clock.objects.filter(status=RUNNING).exclude(profile_code=own).order_by("pk").first()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--matters", type=int, default=300, help="监督事项数量（默认 300；省级规模 100000）")
    parser.add_argument("--runs", type=int, default=10, help="每个页面的计时次数")
    parser.add_argument("--pg", nargs="?", const=PG_URL, default=None,
                        help=f"在 PostgreSQL 数据库中生成（默认 {PG_URL}，会删除重建）")
    parser.add_argument("--reuse", action="store_true",
                        help="PostgreSQL: keep the database generated by an earlier run (migrated again, not refilled)")
    parser.add_argument("--base", type=Path, help="SQLite: copy this migrated database with the demo content "
                                                     "instead of migrating and loading it again (saves minutes)")
    parser.add_argument("--only", action="append", default=[], metavar="WORD",
                        help="只计时名称含该词的页面/操作（可重复，如 --only 事项页面 --only 法定时限）")
    parser.add_argument("--roles", action="store_true",
                        help="只计时各角色的工作台和我的待办（含限于一个辖区的经办人、负责人）")
    args = parser.parse_args(argv)
    db = Path(tempfile.gettempdir()) / "casework_bench.sqlite3"
    check_size(args.matters, str(db.parent) if not args.pg else "/")
    if args.base and not args.pg:
        from benchmarks.search_bench import setup_django

        shutil.copyfile(args.base, db)
        setup_django(str(db), reuse=True)
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["*"]
        queue_as_in_production()
    else:
        setup(args.pg, db, reuse=args.reuse)
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from casework.models import Matter

    t0 = time.perf_counter()
    have = Matter.objects.filter(number__startswith="BENCH").count() if args.reuse else 0
    if have:
        big = Matter.objects.filter(number__startswith="BENCH", status="open").order_by("pk").first()
        info = {"matters": have, "big_matter": big.pk, "seconds": 0, **{k: 0 for k in (
            "events", "documents", "clocks", "processes", "tasks")}}
        print(f"casework_bench（{connection.vendor}）：沿用已生成的 {have:,} 件监督事项")
    else:
        if not args.base:
            call_command("load_demo", "--quiet-accounts", stdout=io.StringIO(), stderr=io.StringIO())
        print(f"casework_bench（{connection.vendor}）：演示数据 {time.perf_counter() - t0:.0f} 秒；"
              f"生成 {args.matters:,} 件监督事项")
        info = generate(args.matters, timezone.localdate())
    size = database_bytes()
    if info["seconds"]:
        print(f"  {info['matters']:,} 件事项、{info['events']:,} 条办理记录、{info['documents']:,} 份文书、"
              f"{info['clocks']:,} 个时限、{info['processes']:,} 个流程、{info['tasks']:,} 个任务，"
              f"用时 {info['seconds']:.0f} 秒；数据库 {size / 1e6:.0f} MB（每件约 {size / info['matters'] / 1e3:.1f} KB）")
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            # the tables as autovacuum leaves them in production after the bulk inserts (statistics, and the
            # visibility map that lets a count or a page's keys be read from an index alone): a server run with
            # autovacuum off would otherwise time every index-only scan reading the table too
            cur.execute("VACUUM (ANALYZE)")
    results = measure(args.runs, info, tuple(args.only), roles_only=args.roles)
    if not results:
        raise Refused(f"没有名称含 {'、'.join(args.only)} 的页面或操作。")
    width = max(len(r[0]) for r in results) + 2
    print(f"{'页面/操作':<{width}}{'p50 ms':>9}{'p95 ms':>9}{'查询数':>7}  状态")
    for label, p50, p95, queries, status in results:
        print(f"{label:<{width}}{p50:>9.1f}{p95:>9.1f}{queries:>7}  {status}")
    if not args.pg:
        from django.db import connections

        connections.close_all()
        for p in db.parent.glob(db.name + "*"):
            p.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
