"""A small per-client rate limit and duplicate guard for the public forms, on Django's cache (local memory
in development, Redis shared by every web process in production). Self-contained so a generic throttle
module can replace it: `client_key(request)`, `allow(bucket, client)`, `claim_once(client, fingerprint)`.

These are platform limits against floods, not statutory figures: settings may override them."""
from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.cache import cache

PREFIX = "complaints:"


def limits(bucket: str) -> tuple[int, int]:
    """(requests, seconds) for a bucket; COMPLAINT_THROTTLE = {"submit": (5, 600), ...} overrides."""
    defaults = {"submit": (5, 600), "status": (20, 600)}
    return getattr(settings, "COMPLAINT_THROTTLE", {}).get(bucket, defaults[bucket])


def client_key(request) -> str:
    """The client's address. Behind a proxy, REMOTE_ADDR must be set from the proxy's header by the
    proxy/middleware the deployment trusts; a client-supplied X-Forwarded-For is never believed here."""
    ip = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hashlib.sha256(ip.encode()).hexdigest()[:32]


def allow(bucket: str, client: str) -> bool:
    """Count one request of `client` in `bucket`'s window; False once the window's allowance is spent."""
    n, seconds = limits(bucket)
    key = f"{PREFIX}rate:{bucket}:{client}"
    if cache.add(key, 1, seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        return True
    return count <= n


def fingerprint(*parts) -> str:
    """Content fingerprint: whitespace and case do not make a submission new."""
    text = "\x1f".join(re.sub(r"\s+", "", str(p or "")).lower() for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def claim_once(client: str, fp: str, *, seconds: int = 86400) -> bool:
    """Atomically claim (client, content): True for the first submission, False for every repeat."""
    return cache.add(f"{PREFIX}dup:{client}:{fp}", 1, seconds)


def release(client: str, fp: str) -> None:
    """Give the claim back when the submission was refused (invalid), so a corrected one goes through."""
    cache.delete(f"{PREFIX}dup:{client}:{fp}")
