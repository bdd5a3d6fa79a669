"""Who may try a password now, and what a failed or successful login changes.

Three rules (figures in settings.LOGIN_FAILURE_POLICY and THROTTLE_RATES["login"]):

1. Per account and client. A client (its address, throttle.client_id) may fail `free` times for one
   account; then it waits `first_wait` seconds, and every further failure doubles the wait (60 s, 2 min,
   4 min … up to `max_wait`). A success from that client ends the run. Other clients are not affected:
   ten wrong passwords for `officer` from ten addresses hold none of them, and never the real officer.
2. Per client (unchanged from before): `THROTTLE_RATES["login"]` failed logins from one client, whatever
   the accounts, within the window, and that client waits until the window ends.
3. Per account, a safeguard that only slows: when an account has had `attack_failures` failures within
   `attack_window` seconds (from all clients together) it is under attack; each client then has
   `free_under_attack` failure(s) before its own wait starts, instead of `free`. A client that has not
   failed may always try, so the real user is slowed at most by their own mistakes — never locked out by
   someone else's. The leaders see such accounts in 登录失败警报 (logins.alerts).

The passwords typed are never stored or logged: only the account name typed, the client address, the
times and the counts (models.FailedLogin)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

import throttle

from .models import FailedLogin

DEFAULT_POLICY = {"free": 5, "first_wait": 60, "max_wait": 3600, "attack_failures": 20, "attack_window": 900,
                  "free_under_attack": 1, "forget_after": 86400, "keep_days": 180, "alert_failures": 10}
FORGOT = "忘记密码请联系系统管理员。"


@dataclass(frozen=True)
class Policy:
    free: int
    first_wait: int
    max_wait: int
    attack_failures: int
    attack_window: int
    free_under_attack: int
    forget_after: int
    keep_days: int
    alert_failures: int

    def wait_after(self, failures: int, allowance: int) -> int:
        """Seconds to wait after the `failures`-th failure when `allowance` were free (0: none)."""
        if failures < allowance:
            return 0
        return min(self.first_wait * 2 ** (failures - allowance), self.max_wait)


def policy() -> Policy:
    return Policy(**{**DEFAULT_POLICY, **getattr(settings, "LOGIN_FAILURE_POLICY", {})})


def account_name(username) -> str:
    """The account as typed, compared without case or surrounding spaces (Officer = officer)."""
    return str(username or "").strip().casefold()[:150]


def client_of(request) -> str:
    return throttle.client_id(request)[:64]


def wait_text(seconds: float) -> str:
    return f"{max(1, int(seconds + 59) // 60)}分钟"


# ------------------------------------------------------------------ per client (rule 2), in the cache
def _client_key(request, now: float) -> tuple[str, int, int]:
    limit, window = throttle.rate("login")
    bucket = int(now) // window
    return f"login-failed:client:{throttle.fingerprint([client_of(request)])}:{bucket}", limit, window


def _client_refusal(request) -> str | None:
    now = timezone.now().timestamp()
    key, limit, window = _client_key(request, now)
    if (cache.get(key) or 0) >= limit:
        left = window - int(now) % window
        return (f"登录尝试过于频繁：本网络{wait_text(window)}内已有{limit}次登录失败，请于{wait_text(left)}后再试。"
                + FORGOT)
    return None


# ------------------------------------------------------------------ per account and client (rules 1, 3)
def _open_run(name: str, client: str, now: dt.datetime, *, lock: bool) -> FailedLogin | None:
    """The open run of failures of `name` from `client`; a run idle longer than forget_after is closed."""
    rows = FailedLogin.objects.filter(username=name, client=client, closed_at__isnull=True)
    run = (rows.select_for_update() if lock else rows).first()
    if run is not None and run.last_failed_at < now - dt.timedelta(seconds=policy().forget_after):
        if lock:
            close_stale(now, only=run.pk)
        return None
    return run


def under_attack(name: str, now: dt.datetime | None = None) -> bool:
    """rule 3: the account's failures within attack_window, from all clients, reach attack_failures."""
    rules, now = policy(), now or timezone.now()
    since = now - dt.timedelta(seconds=rules.attack_window)
    total = FailedLogin.objects.filter(username=name, last_failed_at__gte=since).aggregate(n=Sum("failures"))["n"]
    return (total or 0) >= rules.attack_failures


def refusal(request, username) -> str | None:
    """The Chinese message refusing this attempt without checking the password, or None to let it through."""
    message = _client_refusal(request)
    if message:
        return message
    name = account_name(username)
    if not name:
        return None
    now = timezone.now()
    run = _open_run(name, client_of(request), now, lock=False)
    if run is not None and run.blocked_until and run.blocked_until > now:
        left = (run.blocked_until - now).total_seconds()
        return (f"登录尝试过于频繁：该账号在本网络已连续{run.failures}次登录失败，请于{wait_text(left)}后再试。"
                + FORGOT)
    return None


def record_failure(request, username) -> FailedLogin | None:
    """Count one failed login of `username` from this request's client (rules 1-3)."""
    rules, now = policy(), timezone.now()
    key, _, window = _client_key(request, now.timestamp())
    throttle.hit(key, window)
    name = account_name(username)
    if not name:
        return None
    client = client_of(request)
    for _attempt in range(3):  # two first failures at once: the second finds the row the first created
        try:
            with transaction.atomic():
                run = _open_run(name, client, now, lock=True)
                if run is None:
                    user = get_user_model().objects.filter(username__iexact=name).first()
                    run = FailedLogin(username=name, client=client, user=user, first_failed_at=now)
                run.failures += 1
                run.last_failed_at = now
                run.save()
                allowance = rules.free_under_attack if under_attack(name, now) else rules.free
                wait = rules.wait_after(run.failures, allowance)
                if wait:
                    run.blocked_until = now + dt.timedelta(seconds=wait)
                    run.save(update_fields=["blocked_until"])
                return run
        except IntegrityError:
            continue
    return None


def record_success(request, user) -> None:
    """A login from this client ends the account's run of failures there."""
    name = account_name(getattr(user, "username", ""))
    if name:
        FailedLogin.objects.filter(username=name, client=client_of(request), closed_at__isnull=True).update(
            closed_at=timezone.now(), outcome=FailedLogin.SUCCEEDED, blocked_until=None)


def close_stale(now: dt.datetime, only: int | None = None) -> int:
    """Runs without a failure for forget_after seconds are over (outcome 已过期)."""
    rows = FailedLogin.objects.filter(closed_at__isnull=True,
                                      last_failed_at__lt=now - dt.timedelta(seconds=policy().forget_after))
    if only is not None:
        rows = rows.filter(pk=only)
    return rows.update(closed_at=now, outcome=FailedLogin.EXPIRED, blocked_until=None)


def prune(now: dt.datetime) -> int:
    """Records older than keep_days are deleted."""
    cutoff = now - dt.timedelta(days=policy().keep_days)
    return FailedLogin.objects.filter(closed_at__isnull=False, last_failed_at__lt=cutoff).delete()[0]
