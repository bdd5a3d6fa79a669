"""`make loadtest`: the production topology on this machine, under a bounded load, with its checks.

Topology (every process started from the files in deploy/, placeholders filled into a temp copy):

    client threads (each simulated visitor from its own 127.x.y.z source address)
        │ https
    nginx (Debian's, unprivileged, deploy/nginx-site.conf)  ── /static/ from collectstatic output
        │ round robin                               X-Real-IP = visitor → THROTTLE_CLIENT_IP_HEADER
    web@A, web@B (waitress, deploy/web@.service)   ── also read directly by the stale-page checks
        │                      │
    PostgreSQL (a fresh database)   Redis (db 3, own key prefix: page cache, throttles, duplicates)
        │
    worker (db_worker, deploy/worker.service) · scheduler (run_scheduler, deploy/scheduler.service)

Load: anonymous readers (home, sections, notice indexes, notices, archive, feed, search, a static file),
objections on an open 公示 and supervisor applications within the throttles (plus one duplicate of each, and one
client over the objection limit, both of which must be refused), staff logging in to the Wagtail admin,
editing and publishing notices and creating new ones; beside them the staff mix (deploy/load_casework.py):
officers, leaders and liaisons working their 待办 — letters started, drafted, signed (numbered), served (the
liaison signing for receipt or the officer entering the return slip), reported on and accepted.
Checks: no unexpected status (errors = 0); after each publish through one web process the other process and
nginx show the new text (the anonymous page cache in Redis is invalidated across processes); no duplicate
objection, application or index number in the database; every matter, document, receipt and closing the staff
were told was done is in the database once (no lost write, no duplicate 发文字号, a second receipt refused); every
task enqueued has finished successfully. Exit status 1 on any failure.
Everything (processes, database, Redis keys, temp folder) is removed at the end, also on failure.

    .venv/bin/python -m deploy.loadtest [--readers 16] [--reads 3000] [--objectors 12] [--applicants 12]
        [--casework 2] [--letters 3]

The stack is deploy/stack.py, the HTTP client and figures deploy/load_client.py, the files deploy/topology.py.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import secrets
import sys
import time
import traceback
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import requests
import urllib3
from bs4 import BeautifulSoup

from deploy.load_casework import Done, casework, casework_checks
from deploy.load_client import Client, Failure, form_data, log, replace
from deploy.stack import NGINX, REDIS_DB, REDIS_PORT, Stack

MARK = "压测"  # in every text the load test writes, so the SQL checks count only its own rows
SEARCH_TERMS = ["监督员", "公示", "行政执法", "选聘", "典型案例", "行政处罚", "年报", "监督", "执法监督", "司法局"]
STAFF = [("editor", "demo-editor-2026"), ("admin", "demo-admin-2026")]


def id_number(n: int) -> tuple[str, dt.date]:
    """A valid 18-digit resident ID number (GB 11643 check digit), Wanzhou area code, born 1970-1990."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=(n * 37) % 7300)
    body = f"500101{birth:%Y%m%d}{n % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    return body + check, birth


# ---------------------------------------------------------------------------------------------- stack
class Site:
    """What the demo site holds, found through the public API and pages (as a crawler would)."""

    def __init__(self, client: Client):
        self.pages: list[dict] = []
        offset = 0
        while True:
            r = client.request("discover", "GET", f"/api/v2/pages/?limit=20&offset={offset}")
            if r is None:
                raise Failure("the pages API did not answer")
            items = r.json()["items"]
            self.pages += items
            offset += 20
            if offset >= r.json()["meta"]["total_count"]:
                break

        def paths(*types):
            return [urlsplit(p["meta"]["html_url"]).path for p in self.pages if p["meta"]["type"] in types]

        self.by_type = defaultdict(list)
        for p in self.pages:
            self.by_type[p["meta"]["type"]].append(p)
        notice_types = [t for t in self.by_type if t.startswith("public_notices.") and not t.endswith("IndexPage")]
        self.home = "/"
        self.indexes = paths("public_notices.NoticeIndexPage")
        self.notices = paths(*notice_types)
        self.sections = [p for p in paths(*[t for t in self.by_type if t.startswith("pages.")]) if p != "/"]
        self.jurisdictions = sorted({p.strip("/").split("/")[0] for p in self.sections if p.strip("/")})
        self.open_publicity = []
        for path in paths("public_notices.PublicityPage"):
            r = client.request("discover", "GET", path + "objection/")
            if r is not None and 'name="facts"' in r.text:
                self.open_publicity.append(path)
        self.campaigns = []
        for j in self.jurisdictions:
            r = client.request("discover", "GET", f"/supervisors/{j}/", expect=(200, 404))
            for pk in sorted(set(re.findall(rf"/supervisors/{j}/campaigns/(\d+)/apply/", r.text if r else ""))):
                if client.request("discover", "GET", f"/supervisors/{j}/campaigns/{pk}/apply/", expect=(200, 410)):
                    self.campaigns.append((j, int(pk)))
        static = re.findall(r'href="(/static/[^"]+\.css)"', client.request("discover", "GET", "/").text)
        self.static = static[:1]
        self.editable = [p for p in self.by_type.get("public_notices.TypicalCasePage", [])
                         + self.by_type.get("public_notices.SupervisionNotificationPage", [])]
        self.case_indexes = [p for p in self.by_type.get("public_notices.NoticeIndexPage", [])]

    def summary(self) -> str:
        return (f"{len(self.pages)} pages: {len(self.sections)} sections, {len(self.indexes)} notice indexes, "
                f"{len(self.notices)} notices; open 公示 {len(self.open_publicity)}; open campaigns "
                f"{self.campaigns}; jurisdictions {self.jurisdictions}")


def reader(stack: Stack, site: Site, n: int, count: int) -> None:
    client = Client(stack, source=f"127.0.1.{2 + n % 250}")
    rnd = random.Random(n)
    plan = (["home"] * 2 + ["section"] * 2 + ["index"] * 2 + ["notice"] * 6 + ["archive", "feed", "static"]
            + ["search"] * 3)
    for _ in range(count):
        kind = rnd.choice(plan)
        if kind == "home":
            path = "/"
        elif kind == "section":
            path = rnd.choice(site.sections)
        elif kind == "index":
            path = rnd.choice(site.indexes)
        elif kind == "notice":
            path = rnd.choice(site.notices)
        elif kind == "archive":
            path = "/notices/archive/" + rnd.choice(["", "?year=2025", "?page=2"])
        elif kind == "feed":
            path = "/feeds/notices.xml"
        elif kind == "static":
            path = site.static[0]
        else:
            path = "/search/?q=" + rnd.choice(SEARCH_TERMS) + rnd.choice(["", "&page=2"])
        client.request(f"read:{kind}", "GET", path)


def objector(stack: Stack, site: Site, n: int, posts: int, accepted: list) -> None:
    """One visitor sending `posts` different objections (within the limit of 10 per 10 minutes)."""
    client = Client(stack, source=f"127.0.2.{2 + n}")
    path = site.open_publicity[n % len(site.open_publicity)] + "objection/"
    for i in range(posts):
        if post_objection(client, path, f"市民{n}号", f"{MARK}：第{n}位市民的第{i}条异议，所涉人员曾受过行政处分，请核实。"):
            accepted.append((n, i))


def post_objection(client: Client, path: str, name: str, facts: str, expect=(302,), kind="post:objection"):
    form = client.request("form:objection", "GET", path)
    if form is None:
        return None
    data, _ = form_data(form.text, "facts")
    data = replace(data, objector_name=name, contact="13800138000", facts=facts, person_concerned="张某某")
    return client.request(kind, "POST", path, data=data, expect=expect)


def applicant(stack: Stack, site: Site, n: int, accepted: list, *, duplicate: bool = False) -> None:
    client = Client(stack, source=f"127.0.3.{2 + n}")
    jurisdiction, pk = site.campaigns[n % len(site.campaigns)]
    path = f"/supervisors/{jurisdiction}/campaigns/{pk}/apply/"
    number, birth = id_number(n)
    for attempt in range(2 if duplicate else 1):
        form = client.request("form:application", "GET", path)
        if form is None:
            return
        data, _ = form_data(form.text, "statement")
        soup = BeautifulSoup(form.text, "html.parser")
        intake = [i.get("value") for i in soup.find_all("input", attrs={"name": "intake"})]
        data = replace(data, name=f"{MARK}报名人{n}", gender=data_choice(soup, "gender"), birth_date=birth.isoformat(),
                       id_number=number, phone="13900139000", workplace="某街道办事处", post="干部",
                       education=data_choice(soup, "education", prefer="bachelor"),
                       source=data_choice(soup, "source"), intake="self" if "self" in intake else intake[0],
                       recommending_unit="某街道办事处", statement=f"{MARK}：热心公益，愿意履行监督职责。",
                       materials_true="on")
        if attempt == 0:
            if client.request("post:application", "POST", path, data=data, expect=(302,)) is not None:
                accepted.append(n)
        else:
            r = client.request("post:application-duplicate", "POST", path, data=data, expect=(200,))
            if r is None or "已报名本次选聘" not in r.text:
                client.stats.fail("a second application with the same ID number was not refused")


def data_choice(soup, name: str, prefer: str = "") -> str:
    el = soup.find(attrs={"name": name})
    values = [o.get("value") for o in el.find_all("option") if o.get("value")] if el.name == "select" else [
        i.get("value") for i in soup.find_all("input", attrs={"name": name})]
    return prefer if prefer in values else values[0]


def refusals(stack: Stack, site: Site) -> None:
    """A duplicate objection is refused (409); the 11th objection of one visitor in 10 minutes is refused
    (429) although nginx spread the ten before it over both web processes."""
    path = site.open_publicity[0] + "objection/"
    client = Client(stack, source="127.0.4.2")
    facts = f"{MARK}：重复提交检查，所涉人员在任职期间存在违纪行为，请核实。"
    if post_objection(client, path, "重复者", facts) is None:
        return
    if post_objection(client, path, "重复者", facts, expect=(409,), kind="post:objection-duplicate") is None:
        stack.stats.fail("a duplicate objection was not refused with 409")
    window = 600
    if window - time.time() % window < 90:  # the throttle counts in fixed windows: start a fresh one
        time.sleep(window - time.time() % window + 1)
    client = Client(stack, source="127.0.4.3")
    for i in range(10):
        post_objection(client, path, "频繁者", f"{MARK}：限流检查第{i}条，所涉人员存在违规兼职情况。")
    r = post_objection(client, path, "频繁者", f"{MARK}：限流检查第10条，应被拒绝。", expect=(429,),
                       kind="post:objection-over-limit")
    if r is None or "提交过于频繁" not in r.text:
        stack.stats.fail("the 11th objection from one client within 10 minutes was not refused (shared throttle)")


class Staff:
    """A staff member in the Wagtail admin, logged in through one way in (nginx or one web process)."""

    def __init__(self, stack: Stack, username: str, password: str, base: str):
        self.stack, self.client = stack, Client(stack, base=base)
        self.username = username
        page = self.client.request("admin:login", "GET", "/admin/login/")
        if page is None:
            raise Failure("the admin login page did not answer")
        data, _ = form_data(page.text, "password")
        data = replace(data, username=username, password=password)
        if self.client.request("admin:login", "POST", "/admin/login/", data=data, expect=(302,)) is None:
            raise Failure(f"{username} could not log in to the admin")

    def publish(self, form_path: str, **values) -> bool:
        page = self.client.request("admin:edit-form", "GET", form_path)
        if page is None:
            return False
        data, _ = form_data(page.text, "title")
        data = replace(data, **values) + [("action-publish", "action-publish")]
        r = self.client.request("admin:publish", "POST", form_path, data=data, expect=(302,))
        if r is None:
            self.stack.stats.fail(f"{self.username}: publishing through {form_path} was refused")
            if os.environ.get("LOADTEST_DEBUG"):
                (self.stack.tmp / f"publish-{secrets.token_hex(2)}.json").write_text(json.dumps(data, ensure_ascii=False))
        return r is not None


def body_json(text: str) -> str:
    return json.dumps({"blocks": [{"key": secrets.token_hex(3)[:5], "text": text, "type": "unstyled", "depth": 0,
                                   "inlineStyleRanges": [], "entityRanges": [], "data": {}}], "entityMap": {}},
                      ensure_ascii=False)


def fresh_everywhere(stack: Stack, path: str, text: str, where: str) -> None:
    """Anonymous reads of `path` on web A, web B and nginx all show `text` (not a stale cached page)."""
    for base in [f"http://127.0.0.1:{p}" for p in stack.web_ports] + [stack.nginx_url]:
        r = Client(stack, base=base).request("check:read-after-publish", "GET", path)
        if r is None or text not in r.text:
            stack.stats.fail(f"stale page: {path} through {base} does not show {text!r} after {where}")


def warm(stack: Stack, path: str) -> None:
    """Cache the page through web B, then read it through web A: a hit proves the cache is shared.
    (Tried three times: the other staff member publishing in between rightly empties the cache.)"""
    a, b = (f"http://127.0.0.1:{p}" for p in stack.web_ports)
    said = None
    for _ in range(3):
        Client(stack, base=b).request("check:warm-cache", "GET", path)
        r = Client(stack, base=a).request("check:warm-cache", "GET", path)
        said = r.headers.get("X-Page-Cache") if r is not None else None
        if said == "hit":
            return
    stack.stats.fail(f"{path} cached by web B was not a cache hit on web A ({said})")


def staff_work(stack: Stack, site: Site, n: int, edits: int, creates: int, published: list,
               created: list) -> None:
    username, password = STAFF[n % len(STAFF)]
    ways = [f"http://127.0.0.1:{stack.web_ports[0]}", f"http://127.0.0.1:{stack.web_ports[1]}", stack.nginx_url]
    staff = {way: Staff(stack, username, password, way) for way in ways}
    mine = site.editable[n::len(STAFF)]
    for i in range(edits):
        page = mine[i % len(mine)]
        way = ways[i % len(ways)]
        path = urlsplit(page["meta"]["html_url"]).path
        warm(stack, path)
        title = f"{page['title'].split('（' + MARK)[0]}（{MARK}修订{n}-{i}）"
        if staff[way].publish(f"/admin/pages/{page['id']}/edit/", title=title):
            published.append(page["id"])
            fresh_everywhere(stack, path, title, f"an edit published through {way}")
    indexes = [p for p in site.case_indexes if "典型案例" in p["title"]] or site.case_indexes
    for i in range(creates):
        parent = indexes[(n + i) % len(indexes)]
        index_path = urlsplit(parent["meta"]["html_url"]).path
        warm(stack, index_path)
        way = ways[(i + n) % len(ways)]
        title = f"{MARK}新增典型案例{n}-{i}"
        kind = "typicalcasepage" if "典型案例" in parent["title"] else None
        if kind is None:
            return
        slug = f"loadtest-{n}-{i}-{secrets.token_hex(2)}"
        if staff[way].publish(f"/admin/pages/add/public_notices/{kind}/{parent['id']}/", title=title, slug=slug,
                              body=body_json(f"{MARK}：某执法机关未依法履行职责，经监督纠正的典型案例。")):
            published.append(slug)
            created.append(title)
            fresh_everywhere(stack, index_path, title, f"a new notice published through {way}")
            fresh_everywhere(stack, f"{index_path}{slug}/", title, f"a new notice published through {way}")


# ---------------------------------------------------------------------------------------------- checks
def database_checks(stack: Stack, objections: int, applications: int, published: int) -> list[str]:
    out = []
    dup = stack.sql("SELECT page_id, objector_name, facts, COUNT(*) FROM public_notices_objection "
                    "GROUP BY 1, 2, 3 HAVING COUNT(*) > 1")
    stored = stack.sql("SELECT COUNT(*) FROM public_notices_objection WHERE facts LIKE %s", f"{MARK}%")[0][0]
    out.append(f"objections: {stored} stored for {objections} accepted posts; duplicates: {len(dup)}")
    if dup or stored != objections:
        stack.stats.fail(f"objections: {stored} stored, {objections} accepted, duplicates {dup[:3]}")
    apps = stack.sql("SELECT COUNT(*) FROM supervisors_application WHERE name LIKE %s", f"{MARK}%")[0][0]
    dup_apps = stack.sql("SELECT campaign_id, id_number_hash, COUNT(*) FROM supervisors_application "
                         "GROUP BY 1, 2 HAVING COUNT(*) > 1")
    out.append(f"applications: {apps} stored for {applications} accepted posts; duplicates: {len(dup_apps)}")
    if dup_apps or apps != applications:
        stack.stats.fail(f"applications: {apps} stored, {applications} accepted, duplicates {dup_apps[:3]}")
    numbers = stack.sql("SELECT COUNT(*), COUNT(DISTINCT index_number) FROM public_notices_noticepage "
                        "WHERE index_number IS NOT NULL")[0]
    out.append(f"index numbers: {numbers[0]} notices, {numbers[1]} distinct")
    if numbers[0] != numbers[1]:
        stack.stats.fail(f"duplicate index numbers: {numbers}")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        waiting = stack.sql("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')")
        if waiting[0][0] == 0:
            break
        time.sleep(1)
    rows = dict(stack.sql("SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY 1"))
    syncs = stack.sql("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL' "
                      "AND task_path = 'search.tasks.sync_object'")[0][0]
    out.append(f"tasks: {sum(rows.values())} enqueued, by status {rows}; search indexing (sync_object) "
               f"{syncs} done for {published} publishes")
    if set(rows) - {"SUCCESSFUL"} or syncs < published:
        stack.stats.fail(f"tasks not all finished successfully: {rows}, sync_object {syncs}")
    lease = stack.sql("SELECT name, last_round_at FROM clocks_schedulerlease")
    out.append(f"scheduler: lease {[(n, str(t)) for n, t in lease]}")
    if not lease or any(t is None for _, t in lease):
        stack.stats.fail("the scheduler ran no round")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=16, help="concurrent anonymous readers")
    parser.add_argument("--reads", type=int, default=3000, help="anonymous page reads in all")
    parser.add_argument("--objectors", type=int, default=12, help="visitors sending objections (5 each)")
    parser.add_argument("--applicants", type=int, default=12, help="visitors applying as supervisors")
    parser.add_argument("--edits", type=int, default=4, help="edits published by each of the two staff members")
    parser.add_argument("--creates", type=int, default=2, help="new notices published by each staff member")
    parser.add_argument("--casework", type=int, default=2, help="staff threads (an officer, a leader, a liaison each)")
    parser.add_argument("--letters", type=int, default=3, help="letters each staff thread carries from start to close")
    parser.add_argument("--keep", action="store_true", help="(developing this script) keep the database and folder")
    parser.add_argument("--reuse", type=Path, help="(developing this script) a folder kept by --keep")
    args = parser.parse_args(argv)
    urllib3.disable_warnings()
    stack = Stack(args.reuse)
    code = 1
    try:
        log(f"temp folder {stack.tmp}; database {stack.db}; Redis db {REDIS_DB} prefix {stack.prefix}")
        stack.start()
        anon = Client(stack)
        site = Site(anon)
        log(site.summary())
        if not (site.open_publicity and site.campaigns and site.editable and site.static):
            raise Failure("the demo site has no open 公示, open campaign, editable notice or static file")
        redirect = requests.get(f"http://127.0.0.1:{stack.http_port}/", allow_redirects=False, timeout=10)
        if redirect.status_code != 301 or not redirect.headers["Location"].startswith("https://"):
            stack.stats.fail(f"plain http is not redirected to https: {redirect.status_code}")
        secret = Path(stack.env["PRIVATE_MEDIA_ROOT"]) / "casework" / "loadtest-secret.txt"
        secret.parent.mkdir(parents=True, exist_ok=True)
        secret.write_text("个人信息", encoding="utf-8")
        for private in ("/private/", "/media/documents/", "/media/private/x.pdf", "/.env",
                        "/protected/casework/loadtest-secret.txt", "/static/../private/casework/loadtest-secret.txt"):
            if anon.request("check:no-private", "GET", private, expect=(404,)) is None:
                stack.stats.fail(f"{private} answered through nginx")
        objections, applications, published, created = [], [], [], []
        log(f"load: {args.readers} readers x {args.reads // args.readers} reads, {args.objectors} objectors x 5, "
            f"{args.applicants} applicants, {len(STAFF)} staff x ({args.edits} edits + {args.creates} new notices), "
            f"{args.casework} casework threads x {args.letters} letters")
        done = Done()
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.readers + args.objectors + args.applicants + len(STAFF) + args.casework
                                + 1) as pool:
            jobs = [pool.submit(reader, stack, site, n, args.reads // args.readers) for n in range(args.readers)]
            jobs += [pool.submit(objector, stack, site, n, 5, objections) for n in range(args.objectors)]
            jobs += [pool.submit(applicant, stack, site, n, applications, duplicate=n == 0)
                     for n in range(args.applicants)]
            jobs += [pool.submit(staff_work, stack, site, n, args.edits, args.creates, published, created)
                     for n in range(len(STAFF))]
            jobs += [pool.submit(casework, stack, n, args.letters, done, MARK) for n in range(args.casework)]
            jobs.append(pool.submit(refusals, stack, site))
            for job in jobs:
                try:
                    job.result()
                except Exception as exc:  # a crashed client is a failure, not a silent gap in the figures
                    stack.stats.fail(f"client crashed: {exc!r}\n{traceback.format_exc()}")
        wall = time.perf_counter() - start
        figures = stack.stats.report(wall)  # the load phase; the checks below are not in the figures
        objections_accepted = len(objections) + 1 + 10  # the duplicate check's first post, the ten before the 11th
        lines = database_checks(stack, objections_accepted, len(applications), len(published))
        lines += casework_checks(stack, done, MARK)
        # the worker indexed every new notice: the public search finds each one by its title
        found = 0
        for title in created:
            r = anon.request("check:search-new-notice", "GET", "/search/?q=" + title)
            found += r is not None and title in r.text
        lines.append(f"search: {found} of {len(created)} new notices found by their titles")
        if found != len(created):
            stack.stats.fail(f"the search does not find {len(created) - found} of the new notices")
        print()
        print(f"TOPOLOGY: nginx {NGINX} (https 127.0.0.1:{stack.https_port}, deploy/nginx-site.conf) -> waitress "
              f"web@{stack.web_ports[0]} + web@{stack.web_ports[1]} (deploy/web@.service), db_worker "
              f"(deploy/worker.service), run_scheduler (deploy/scheduler.service); PostgreSQL 127.0.0.1:5432/"
              f"{stack.db}; Redis 127.0.0.1:{REDIS_PORT}/{REDIS_DB}; settings.production")
        print(figures)
        for line in lines:
            print("CHECK " + line)
        for error in stack.stats.errors[:20]:
            print("ERROR " + error)
        for failure in stack.stats.failures[:20]:
            print("FAILED " + failure)
        for name in stack.processes:
            if stack.processes[name].poll() is not None:
                stack.stats.fail(f"{name} exited during the run:\n{stack.tail(name)}")
        code = 0 if not stack.stats.errors and not stack.stats.failures else 1
        print("RESULT: " + ("PASS" if code == 0 else "FAIL"))
    except Exception as exc:
        print(f"RESULT: FAIL ({exc})", file=sys.stderr)
        traceback.print_exc()
        for error in stack.stats.errors[:20]:
            print("ERROR " + error, file=sys.stderr)
        for name in stack.processes:
            tail = stack.tail(name, 15)
            if tail:
                print(f"--- {name} (last lines)\n{tail}", file=sys.stderr)
    finally:
        stack.close(keep=args.keep)
    return code


if __name__ == "__main__":
    sys.exit(main())
