"""The load test's staff mix: the bureau's officer and leader and an agency's liaison (the demo accounts, made by
`load_demo`) working their 待办 through nginx beside the public mix, each thread carrying Wulong 监督意见书
(004 第八条—第十条) from start to close over HTTP, as tests/letters do with the test client:

    officer  workbench (/admin/) · 我的待办 (/workflow/) · 立案并起草 (POST /admin/letters/new/) · 起草 task
    leader   我的待办 · the matter · 签发 task (the document takes its number)
    service  the liaison signs for receipt online (POST …/documents/<pk>/service/), or the officer enters the
             receipt date from the return slip — alternately; a second receipt for the same document is refused
    liaison  报送整改情况 task · officer 审核整改情况 task (accepted: the matter closes)

Checks (deploy/loadtest.py runs them after the load): every matter started is in the database with its own
number, every document signed has a distinct 发文字号, every receipt entered is recorded on its document and
logged once, every matter accepted is closed with its decision record."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from threading import Lock
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from deploy.load_client import Client, Failure, form_data, replace

JURISDICTION, AGENCY = "wulong", "武隆区市场监督管理局"  # the demo liaison liaison_wl belongs to this agency
OFFICER, LEADER, LIAISON = ("officer", "demo-officer-2026"), ("leader", "demo-leader-2026"), \
    ("liaison_wl", "demo-liaison-2026")
DRAFT, SIGN, RECTIFY, ACCEPT = "起草监督建议书（意见书）", "签发监督建议书（意见书）", "报送整改情况", "审核整改情况"


@dataclass
class Done:
    """What the staff clients were told succeeded (redirected after the POST), to be found in the database."""

    lock: Lock = field(default_factory=Lock)
    started: list[int] = field(default_factory=list)  # matter pks
    signed: list[int] = field(default_factory=list)  # document pks
    served: dict[int, str] = field(default_factory=dict)  # document pk -> "liaison" | "officer"
    refused_twice: int = 0  # second receipts refused
    reported: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)

    def add(self, what: str, value, how: str = "") -> None:
        with self.lock:
            if what == "served":
                self.served[value] = how
            elif what == "refused_twice":
                self.refused_twice += 1
            else:
                getattr(self, what).append(value)


def login(stack, username: str, password: str) -> Client:
    client = Client(stack)
    page = client.request("staff:login", "GET", "/admin/login/")
    if page is None:
        raise Failure("the admin login page did not answer")
    data, _ = form_data(page.text, "password")
    if client.request("staff:login", "POST", "/admin/login/", data=replace(data, username=username, password=password),
                      expect=(302,)) is None:
        raise Failure(f"{username} could not log in to the admin")
    return client


def csrf(html: str, action: str) -> list[tuple[str, str]]:
    form = BeautifulSoup(html, "html.parser").find("form", action=action)
    if form is None:
        raise Failure(f"no form posting to {action}")
    return [(i["name"], i.get("value", "")) for i in form.find_all("input") if i.get("name")]


def do_task(client: Client, role: str, matter: int, title: str, kind: str, **values) -> bool:
    """Claim the task `title` from the matter screen's panel, open it and send it (tests/letters/letters_http)."""
    page = client.request(f"staff:{role}:matter", "GET", f"/admin/casework/{matter}/")
    if page is None:
        return False
    action = None
    for at in (m.start() for m in re.finditer(re.escape(title), page.text)):
        found = re.search(r'action="(/workflow/tasks/\d+/claim/)"', page.text[at:at + 1500])
        if found:
            action = found.group(1)
            break
    if action is None:
        client.stats.fail(f"{role}: matter {matter} offers no task {title}")
        return False
    claimed = client.request(f"staff:{role}:claim", "POST", action, data=csrf(page.text, action), expect=(302,))
    if claimed is None:
        return False
    url = urlsplit(claimed.headers["Location"]).path
    form = client.request(f"staff:{role}:{kind}-form", "GET", url)
    if form is None:
        return False
    data, _ = form_data(form.text, next(iter(values)))
    sent = client.request(f"staff:{role}:{kind}", "POST", url, data=replace(data, **values), expect=(302,))
    if sent is not None and urlsplit(sent.headers["Location"]).path != f"/admin/casework/{matter}/":
        client.stats.fail(f"{role}: {title} on matter {matter} went to {sent.headers['Location']}")
        return False
    return sent is not None


def start_letter(officer: Client, title: str) -> int | None:
    path = f"/admin/letters/new/?jurisdiction={JURISDICTION}"
    page = officer.request("staff:officer:letter-form", "GET", path)
    if page is None:
        return None
    data, _ = form_data(page.text, "title")
    soup = BeautifulSoup(page.text, "html.parser")
    agency = [o.get("value") for o in soup.find(attrs={"name": "agency"}).find_all("option") if o.text.strip() == AGENCY]
    if not agency:
        raise Failure(f"{AGENCY} is not offered on {path}")
    data = replace(data, agency=agency[0], source="casefile_review", title=title, ground="procedure",
                   facts="压测：案卷评查发现，行政处罚决定作出前未告知当事人陈述、申辩的权利。",
                   findings="压测：行政处罚未履行告知程序。", request="压测：重新履行告知程序。")
    r = officer.request("staff:officer:start-letter", "POST", path, data=data, expect=(302,))
    found = re.fullmatch(r"/admin/casework/(\d+)/", urlsplit(r.headers["Location"]).path) if r is not None else None
    return int(found.group(1)) if found else None


def serve(client: Client, role: str, document: int, done: Done) -> None:
    path = f"/admin/casework/documents/{document}/service/"
    page = client.request(f"staff:{role}:service-form", "GET", path)
    if page is None:
        return
    if role == "liaison":  # the addressee's own liaison: one button, dated today
        data, _ = form_data(page.text, "csrfmiddlewaretoken")
    else:  # the return slip's date; the server's day is Shanghai's (settings.TIME_ZONE)
        data, _ = form_data(page.text, "received_on")
        data = replace(data, received_on=dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat(),
                       method="直接送达", received_by_name="尤联络员")
    kind = "sign-receipt" if role == "liaison" else "enter-receipt"
    if client.request(f"staff:{role}:{kind}", "POST", path, data=data, expect=(302,)) is None:
        return
    done.add("served", document, role)


def casework(stack, n: int, letters: int, done: Done, mark: str) -> None:
    """One thread: `letters` letters carried from start to close by the officer, the leader and the liaison."""
    officer, leader, liaison = (login(stack, *who) for who in (OFFICER, LEADER, LIAISON))
    for i in range(letters):
        officer.request("staff:officer:workbench", "GET", "/admin/")
        officer.request("staff:officer:worklist", "GET", "/workflow/")
        matter = start_letter(officer, f"{mark}监督意见书{n}-{i}")
        if matter is None:
            continue
        done.add("started", matter)
        if not do_task(officer, "officer", matter, DRAFT, "draft", ground="procedure",
                       findings=f"{mark}：行政处罚未履行告知程序（{n}-{i}）。", request="重新履行告知程序。"):
            continue
        leader.request("staff:leader:worklist", "GET", "/workflow/")
        if not do_task(leader, "leader", matter, SIGN, "sign", decision="sign", note=""):
            continue
        page = officer.request("staff:officer:matter", "GET", f"/admin/casework/{matter}/")
        numbers = sorted(set(re.findall(r"/admin/casework/documents/(\d+)/service/", page.text if page else "")))
        if len(numbers) != 1:
            stack.stats.fail(f"matter {matter}: signed, but {len(numbers)} documents offered for service")
            continue
        document = int(numbers[0])
        done.add("signed", document)
        liaison.request("staff:liaison:worklist", "GET", "/workflow/")
        if i % 2 == 0:
            serve(liaison, "liaison", document, done)
            if i == 0:
                serve_again(stack, officer, document, done)
        else:
            serve(officer, "officer", document, done)
        if document not in done.served:
            continue
        if not do_task(liaison, "liaison", matter, RECTIFY, "report", text=f"{mark}：已撤销原处罚决定并重新告知。"):
            continue
        done.add("reported", matter)
        officer.request("staff:officer:worklist", "GET", "/workflow/")
        if do_task(officer, "officer", matter, ACCEPT, "accept", decision="accept", note="整改到位。"):
            done.add("closed", matter)


def serve_again(stack, officer: Client, document: int, done: Done) -> None:
    """The return slip entered for a document its liaison has already signed for: refused, nothing written."""
    path = f"/admin/casework/documents/{document}/service/"
    page = officer.request("staff:officer:service-form", "GET", path)
    if page is None:
        return
    data, _ = form_data(page.text, "received_on")
    data = replace(data, received_on=dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat(),
                   method="邮寄送达", received_by_name="重复登记")
    r = officer.request("staff:officer:receipt-again", "POST", path, data=data, expect=(200,))
    if r is None or "不能重复登记" not in r.text:
        stack.stats.fail(f"a second receipt for document {document} was not refused")
    else:
        done.add("refused_twice", document)


def casework_checks(stack, done: Done, mark: str) -> list[str]:
    """Every write the staff clients were told succeeded is in the database, once."""
    out = []
    like = f"{mark}%"
    matters = stack.sql("SELECT id, number, status FROM casework_matter WHERE title LIKE %s", like)
    ids = {m[0] for m in matters}
    out.append(f"casework matters: {len(matters)} stored for {len(done.started)} started, "
               f"{len({m[1] for m in matters})} distinct numbers")
    if ids != set(done.started) or len({m[1] for m in matters}) != len(matters):
        stack.stats.fail(f"casework matters: stored {sorted(ids)}, started {sorted(done.started)}")
    docs = stack.sql("SELECT d.id, d.doc_number, d.received_on, d.received_by_name FROM casework_document d "
                     "JOIN casework_matter m ON m.id = d.matter_id WHERE m.title LIKE %s AND d.kind = 'opinion_letter'",
                     like)
    numbers = {d[1] for d in docs}
    out.append(f"documents: {len(docs)} signed stored for {len(done.signed)} signed, {len(numbers)} distinct 发文字号")
    if {d[0] for d in docs} != set(done.signed) or len(numbers) != len(docs):
        stack.stats.fail(f"documents: stored {sorted(d[:2] for d in docs)}, signed {sorted(done.signed)}")
    dup = stack.sql("SELECT doc_number, COUNT(*) FROM casework_document GROUP BY 1 HAVING COUNT(*) > 1")
    if dup:
        stack.stats.fail(f"duplicate document numbers: {dup[:3]}")
    received = {d[0] for d in docs if d[2] is not None}
    logged = dict(stack.sql("SELECT e.matter_id, COUNT(*) FROM casework_matterevent e JOIN casework_matter m "
                            "ON m.id = e.matter_id WHERE m.title LIKE %s AND e.text LIKE %s GROUP BY 1",
                            like, "%已送达，签收日期%"))
    twice = [d[1] for d in docs if d[3] == "重复登记"]
    by = {"liaison": sum(v == "liaison" for v in done.served.values()),
          "officer": sum(v == "officer" for v in done.served.values())}
    out.append(f"receipts: {len(received)} recorded for {len(done.served)} entered (liaison signed {by['liaison']}, "
               f"officer entered {by['officer']}); logged once each: {sum(c == 1 for c in logged.values())}; "
               f"second receipts refused {done.refused_twice}, written {len(twice)}")
    if received != set(done.served) or len(logged) != len(received) or any(c != 1 for c in logged.values()) or twice:
        stack.stats.fail(f"receipts: recorded {sorted(received)}, entered {sorted(done.served)}, logged {logged}")
    closed = {m[0] for m in matters if m[2] == "closed"}
    records = stack.sql("SELECT COUNT(DISTINCT subject_id) FROM decisions_decisionrecord WHERE subject_id = ANY(%s) "
                        "AND outcome = %s", [str(pk) for pk in done.closed], "整改到位，办结")[0][0]
    out.append(f"rectification: {len(done.reported)} reports; {len(closed)} matters closed for {len(done.closed)} "
               f"accepted, {records} with their decision record")
    if closed != set(done.closed) or records != len(done.closed):
        stack.stats.fail(f"closed matters: stored {sorted(closed)}, accepted {sorted(done.closed)}, records {records}")
    return out
