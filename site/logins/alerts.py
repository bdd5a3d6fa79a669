"""登录失败警报: what the bureau's leaders see of failed logins — the accounts failing in the last day
(how often, from how many addresses, whether under attack, how many clients are waiting) and the runs
of failures behind them. Reads only; guard.py writes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from .guard import policy, under_attack
from .models import FailedLogin

RECENT = dt.timedelta(days=1)
LIMIT = 200


@dataclass
class AccountAlert:
    username: str
    person: str  # the staff member's name, or "（无此账号）"
    failures: int
    clients: int
    last_failed_at: dt.datetime
    waiting: int  # clients that must wait now
    attacked: bool  # guard rule 3 in force: every client's allowance is cut
    alarming: bool  # failures reach the alert figure

    @property
    def state(self) -> str:
        if self.attacked:
            return "受到攻击：各来源地址每失败一次即须等待"
        if self.alarming:
            return "需关注"
        return "有失败记录"


def _person(user) -> str:
    if user is None:
        return "（无此账号）"
    return user.get_full_name().strip() or user.username


def accounts(now: dt.datetime | None = None) -> list[AccountAlert]:
    """Accounts with failed logins in the last day, those under attack first, then by failures."""
    now = now or timezone.now()
    rules = policy()
    rows = (FailedLogin.objects.filter(last_failed_at__gte=now - RECENT).values("username")
            .annotate(failures=Sum("failures"), clients=Count("client", distinct=True),
                      last=Max("last_failed_at"), waiting=Count("pk", filter=Q(blocked_until__gt=now)),
                      user_id=Max("user_id")))
    users = get_user_model().objects.in_bulk([r["user_id"] for r in rows if r["user_id"]])
    result = [AccountAlert(username=r["username"], person=_person(users.get(r["user_id"])), failures=r["failures"],
                           clients=r["clients"], last_failed_at=r["last"], waiting=r["waiting"],
                           attacked=under_attack(r["username"], now), alarming=r["failures"] >= rules.alert_failures)
              for r in rows]
    return sorted(result, key=lambda a: (not a.attacked, not a.alarming, -a.failures, a.username))


def alarming(now: dt.datetime | None = None) -> list[AccountAlert]:
    """The accounts a leader should hear of at once: under attack, or at the alert figure within a day."""
    return [a for a in accounts(now) if a.attacked or a.alarming]


def runs(username: str = ""):
    """The runs of failures (newest first), of one account or all, within the records kept."""
    rows = FailedLogin.objects.select_related("user").order_by("-last_failed_at")
    if username:
        rows = rows.filter(username=username)
    return rows[:LIMIT]
