"""The load test's HTTP side: timed requests from a simulated visitor (own cookies, own source address),
the figures per request kind, and filling in a form as a browser would."""
from __future__ import annotations

import threading
import time
from collections import defaultdict
from typing import TYPE_CHECKING

import requests
from bs4 import BeautifulSoup
from requests.adapters import HTTPAdapter

if TYPE_CHECKING:
    from deploy.stack import Stack


class Failure(Exception):
    pass


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.failures: list[str] = []  # failed checks (stale page, missing refusal ...)
        self.slowest: list[tuple[float, str]] = []

    def add(self, kind: str, seconds: float, error: str | None = None, what: str = "") -> None:
        with self.lock:
            self.times[kind].append(seconds)
            self.slowest = sorted([*self.slowest, (seconds, what)], reverse=True)[:5]
            if error:
                self.errors.append(f"{kind}: {error}")

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)
        log(f"CHECK FAILED: {message}")

    def report(self, wall: float) -> str:
        def pct(values, p):
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]

        total = sum(len(v) for v in self.times.values())
        lines = [f"{'kind':<28}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"]
        for kind in sorted(self.times):
            v = self.times[kind]
            lines.append(f"{kind:<28}{len(v):>6}{pct(v, 50) * 1000:>9.1f}{pct(v, 95) * 1000:>9.1f}"
                         f"{pct(v, 99) * 1000:>9.1f}{max(v) * 1000:>9.1f}")
        every = [t for v in self.times.values() for t in v]
        lines.append(f"{'ALL':<28}{total:>6}{pct(every, 50) * 1000:>9.1f}{pct(every, 95) * 1000:>9.1f}"
                     f"{pct(every, 99) * 1000:>9.1f}{max(every) * 1000:>9.1f}")
        lines.append(f"requests: {total} in {wall:.1f} s = {total / wall:.1f} requests/s; "
                     f"errors: {len(self.errors)}; failed checks: {len(self.failures)}")
        lines.append("slowest: " + "; ".join(f"{what} {t * 1000:.0f} ms" for t, what in self.slowest))
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- client
class SourceAddressAdapter(HTTPAdapter):
    """Connect from a given loopback address: nginx sees it as the visitor's address (X-Real-IP)."""

    def __init__(self, source: str, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class Client:
    """One simulated visitor: its own cookies and source address; every request timed into Stats."""

    def __init__(self, stack: Stack, source: str = "127.0.0.1", base: str | None = None):
        self.stack, self.stats = stack, stack.stats
        self.base = base or stack.nginx_url
        self.session = requests.Session()
        self.session.trust_env = False  # no proxy, and REQUESTS_CA_BUNDLE would override verify
        self.session.verify = str(stack.cert)  # the certificate nginx was given for this run
        adapter = SourceAddressAdapter(source, pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        if not self.base.startswith("https://"):
            # straight to a web process, as nginx would forward it: the same Host and scheme, so the
            # page cache key is the one nginx's requests use and the secure cookies are sent
            self.session.headers.update({"X-Forwarded-Proto": "https", "Host": stack.public_host})
        self.direct = not self.base.startswith("https://")

    def request(self, kind: str, method: str, path: str, expect=(200,), **kwargs) -> requests.Response | None:
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        headers = kwargs.setdefault("headers", {})
        if method == "POST":
            headers.setdefault("Referer", f"https://{self.stack.public_host}{path}")
        if self.direct and self.session.cookies:  # secure cookies, sent as nginx would pass them on
            headers["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        start = time.perf_counter()
        try:
            response = self.session.request(method, self.base + path, **kwargs)
        except requests.RequestException as exc:
            self.stats.add(kind, time.perf_counter() - start, f"{method} {path}: {exc}", f"{method} {path}")
            return None
        elapsed = time.perf_counter() - start
        error = None if response.status_code in expect else f"{method} {path}: HTTP {response.status_code}"
        if error and "html" in response.headers.get("Content-Type", ""):
            soup = BeautifulSoup(response.text, "html.parser")
            said = [e.get_text(" ", strip=True) for e in soup.select(".errorlist, .error-message, .help-critical, [role=alert]")]
            error += f" {said[:4]}" if said else f" {response.text[:200]!r}"
        self.stats.add(kind, elapsed, error, f"{method} {path}")
        return response if error is None else None


def form_data(html: str, must_have: str) -> tuple[list[tuple[str, str]], str]:
    """What a browser would send for the form holding the field `must_have`: (fields, action)."""
    soup = BeautifulSoup(html, "html.parser")
    field = soup.find(attrs={"name": must_have})
    form = field.find_parent("form") if field else None
    if form is None:
        raise Failure(f"no form with the field {must_have!r}")
    data = []
    for el in form.find_all(["input", "select", "textarea"]):
        name = el.get("name")
        if not name or el.has_attr("disabled"):
            continue
        if el.name == "input":
            kind = (el.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and not el.has_attr("checked"):
                continue
            data.append((name, el.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif el.name == "select":
            chosen = el.find_all("option", selected=True) or ([] if el.has_attr("multiple") else el.find_all("option")[:1])
            data += [(name, o.get("value", o.text)) for o in chosen]
        else:
            data.append((name, el.text.removeprefix("\n")))
    return data, form.get("action") or ""


def replace(data: list[tuple[str, str]], **values) -> list[tuple[str, str]]:
    names = {k.replace("__", "-") for k in values}
    out = [(k, v) for k, v in data if k not in names]
    return out + [(k.replace("__", "-"), v) for k, v in values.items()]
