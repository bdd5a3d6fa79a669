"""Throttling and duplicate detection for public forms (and the per-client count of failed staff logins,
logins.guard), on Django's cache (local memory in dev/tests, the shared Redis cache in production, so every
web process counts together).

    refusal = throttle.check(request, scope="objection")          # None, or the Chinese message
    if throttle.duplicate("objection", [page.pk, name, facts]):  # True: sent before, refuse
        ...
    throttle.release("objection", [page.pk, name, facts])       # the store failed: allow a retry

Rates come from settings.THROTTLE_RATES ({scope: (limit, window seconds)}); a caller may pass its own.
The client is REMOTE_ADDR, or the header named by settings.THROTTLE_CLIENT_IP_HEADER when a proxy
(nginx) sets it: behind a proxy without it every visitor would share one bucket."""
from __future__ import annotations

import hashlib
import time
import unicodedata

from django.conf import settings
from django.core.cache import cache

DEFAULT_RATES = {"objection": (10, 600), "application": (10, 600), "login": (10, 900),
                 "complaint": (5, 600), "complaint_status": (20, 600)}
DUPLICATE_WINDOW = 24 * 3600


def rate(scope: str) -> tuple[int, int]:
    return {**DEFAULT_RATES, **getattr(settings, "THROTTLE_RATES", {})}.get(scope, (10, 600))


def client_id(request) -> str:
    header = getattr(settings, "THROTTLE_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    # X-Forwarded-For: "client, proxy1, proxy2" -> the client nginx saw first
    return (value.split(",")[0].strip() if value else "") or request.META.get("REMOTE_ADDR", "") or "unknown"


def _digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:40]


def _wait_text(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return f"{minutes}分钟"


def hit(key: str, window: int) -> int:
    """Count one event under `key` in a fixed window; the count after this event."""
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return 1


def check(request, *, scope: str, limit: int | None = None, window: int | None = None,
          key: str | None = None) -> str | None:
    """Count this request for (scope, client[, key]); the Chinese refusal once over the limit, else None."""
    default_limit, default_window = rate(scope)
    limit, window = limit or default_limit, window or default_window
    bucket = int(time.time()) // window
    count = hit(f"throttle:{scope}:{_digest(client_id(request), key or '')}:{bucket}", window)
    if count > limit:
        left = window - int(time.time()) % window
        return (f"提交过于频繁：同一网络{_wait_text(window)}内最多提交{limit}次，请{_wait_text(left)}后再试。"
                "如有紧急情况，请拨打页面所列的联系电话。")
    return None


def fingerprint(fields) -> str:
    """Same text typed twice is the same submission: NFKC, whitespace removed (Chinese text has no word
    spaces, so "不 履 行" is "不履行"), case folded."""
    norm = ["".join(unicodedata.normalize("NFKC", str(f)).split()).casefold() for f in fields]
    return _digest(*norm)


def duplicate(scope: str, fingerprint_fields, window: int = DUPLICATE_WINDOW) -> bool:
    """True if the same fields were sent in `scope` within `window`; otherwise remember them (atomic:
    of 50 simultaneous identical posts exactly one gets False)."""
    return not cache.add(f"dup:{scope}:{fingerprint(fingerprint_fields)}", 1, window)


def release(scope: str, fingerprint_fields) -> None:
    """Forget a submission whose storing failed, so the person can send it again."""
    cache.delete(f"dup:{scope}:{fingerprint(fingerprint_fields)}")


DUPLICATE_MESSAGE = "您已提交过内容相同的{what}，我们已经收到，请勿重复提交。"
