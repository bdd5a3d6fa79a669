"""Whether the search cluster is known to be unreachable, so that index updates stop trying it for a while
(a circuit breaker in front of the outage queue, pending.py).

Once an index update, the retry job or the demo loader finds the cluster unreachable — connection refused
or reset, a timeout, TLS failure, 429/502/503/504 — the outage is recorded with a back-off
(SEARCH_ES_BACKOFF_SECONDS, doubling at each failed probe up to SEARCH_ES_BACKOFF_MAX_SECONDS). Until it
expires, updates go straight to the database queue without a request. The first update after it is the
probe: success ends the outage, failure doubles the back-off. Commands an operator runs on purpose
(`search_setup`, `search_rebuild`, `search_pending --retry`) always try, and end the outage when they succeed.

The record lives in Django's cache, keyed by the cluster's URL: with REDIS_URL (production) one record
for every process on every machine, so one failed request puts them all on hold; without it (`make run`)
each process learns of the outage by itself, at the cost of one failed request per process and back-off.
If the cache itself fails, a record in this process's memory stands in. The database queue stays the one
durable list of what the cluster is owed; this record only saves requests that would fail."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TlsError
from elasticsearch import ApiError

log = logging.getLogger("search")
UNREACHABLE_STATUSES = (429, 502, 503, 504)
_LOCAL: dict = {}  # stands in for the cache when the cache itself fails
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Outage:
    until: dt.datetime  # no request before this moment
    trips: int  # failed probes in a row (the back-off doubles with each)
    reason: str  # in Chinese, for the log and the queue

    def seconds_left(self, now: dt.datetime | None = None) -> int:
        return max(0, int((self.until - (now or timezone.now())).total_seconds()))


def is_unreachable(exc: BaseException) -> bool:
    """The cluster cannot be reached or refuses work (not: an index missing, a bad request)."""
    if isinstance(exc, TransportConnectionError | ConnectionTimeout):  # TlsError is a ConnectionError
        return True
    return isinstance(exc, ApiError) and exc.meta.status in UNREACHABLE_STATUSES


def cluster_address() -> str:
    """host:port of the configured cluster, never its credentials."""
    parts = urlsplit(getattr(settings, "ELASTICSEARCH_URL", "") or "")
    if not parts.hostname:
        return "（未配置）"
    return f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname


def describe(exc: BaseException) -> str:
    """One Chinese phrase for why the cluster did not take a request (no library traceback)."""
    where = cluster_address()
    if isinstance(exc, ConnectionTimeout):
        return f"{where} 连接超时"
    if isinstance(exc, TlsError):
        return f"{where} TLS 握手失败（检查 SEARCH_ES_CA_CERTS / SEARCH_ES_FINGERPRINT）"
    if isinstance(exc, TransportConnectionError):
        text = str(exc).lower()
        if "refused" in text:
            return f"{where} 拒绝连接（服务未启动或端口不对）"
        if "name or service not known" in text or "nodename nor servname" in text:
            return f"{where} 主机名无法解析"
        return f"{where} 无法连接"
    if isinstance(exc, ApiError):
        if exc.meta.status == 429:
            return f"{where} 集群繁忙（HTTP 429）"
        return f"{where} 集群暂不可用（HTTP {exc.meta.status}）"
    return f"{where} {type(exc).__name__}"


def backoff(trips: int) -> dt.timedelta:
    """30 s, 1 min, 2 min … doubling up to SEARCH_ES_BACKOFF_MAX_SECONDS (5 minutes)."""
    first = int(getattr(settings, "SEARCH_ES_BACKOFF_SECONDS", 30))
    cap = int(getattr(settings, "SEARCH_ES_BACKOFF_MAX_SECONDS", 300))
    return dt.timedelta(seconds=min(cap, first * 2 ** min(max(0, trips - 1), 20)))


def _key() -> str:
    url = getattr(settings, "ELASTICSEARCH_URL", "") or ""
    return "search:es-outage:" + hashlib.sha256(url.encode()).hexdigest()[:16]


def _load() -> dict | None:
    key = _key()
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001  the cache (Redis) is down too: this process's memory stands in
        return _LOCAL.get(key)


def _store(record: dict | None) -> None:
    key = _key()
    with _LOCK:
        if record is None:
            _LOCAL.pop(key, None)
        else:
            _LOCAL[key] = record
    try:
        if record is None:
            cache.delete(key)
        else:  # kept past `until` so that a failed probe knows how many came before (the back-off doubles)
            cache.set(key, record, timeout=int(getattr(settings, "SEARCH_ES_BACKOFF_MAX_SECONDS", 300)) * 4)
    except Exception:  # noqa: BLE001
        pass


def _outage(record: dict) -> Outage:
    return Outage(until=dt.datetime.fromtimestamp(record["until"], tz=dt.UTC), trips=int(record["trips"]),
                  reason=str(record.get("reason", "")))


def current(now: dt.datetime | None = None) -> Outage | None:
    """The outage in force (its back-off not yet expired), or None: then try the cluster."""
    record = _load()
    if not record:
        return None
    outage = _outage(record)
    return outage if (now or timezone.now()) < outage.until else None


def report(exc: BaseException, now: dt.datetime | None = None) -> Outage | None:
    """A request failed: if the cluster is unreachable, hold every update back for the next back-off
    (logged once, in Chinese, without a traceback). None when the failure says nothing about reachability."""
    if not is_unreachable(exc):
        return None
    now = now or timezone.now()
    record = _load()
    trips = int(record["trips"]) + 1 if record else 1
    outage = Outage(until=now + backoff(trips), trips=trips, reason=describe(exc))
    _store({"until": outage.until.timestamp(), "trips": trips, "reason": outage.reason})
    log.warning("检索集群不可用：%s。%s 秒内不再连接，索引更新直接进入待同步队列（第 %s 次）。",
                outage.reason, outage.seconds_left(now), trips)
    return outage


def clear() -> None:
    """A request went through: the outage (if one was recorded) is over."""
    if _load():
        _store(None)
        log.info("检索集群已恢复（%s）：索引更新恢复直接写入，待同步队列由调度程序补同步。", cluster_address())
