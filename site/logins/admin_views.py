"""登录失败警报 in the admin: for the bureau's leaders (and superusers) only (roles.access.is_leader)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

import throttle
from roles import access

from . import alerts
from .guard import account_name, policy, wait_text

REFUSED = "只有司法局负责人可以查看登录失败警报。"


def login_alerts(request):
    if not access.is_leader(request.user):
        raise PermissionDenied(REFUSED)
    now = timezone.now()
    chosen = account_name(request.GET.get("account", ""))
    rules = policy()
    client_limit, client_window = throttle.rate("login")
    return render(request, "logins/alerts.html", {
        "accounts": alerts.accounts(now), "runs": alerts.runs(chosen), "chosen": chosen, "now": now,
        "limit": alerts.LIMIT, "rules": rules, "first_wait": wait_text(rules.first_wait),
        "max_wait": wait_text(rules.max_wait), "attack_window": wait_text(rules.attack_window),
        "client_limit": client_limit, "client_window": wait_text(client_window)})
