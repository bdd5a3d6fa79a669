"""The jurisdiction a bureau screen works in, among those whose rules provide the thing it keeps (12345 work orders,
supervision contact points): chosen with ?jurisdiction= (or the form's field), the first one by default."""

from __future__ import annotations

from collections.abc import Callable

from request_guard import NotFound
from rules.models import RuleProfile


def offering(provided: Callable[[str], bool]) -> list:
    return [p for p in RuleProfile.objects.order_by("pk") if provided(p.code)]


def chosen(request, provided: Callable[[str], bool], missing: str) -> str:
    options = [p.code for p in offering(provided)]
    code = request.GET.get("jurisdiction") or request.POST.get("jurisdiction") or (options[0] if options else "")
    if code not in options:
        raise NotFound(missing)
    return code
