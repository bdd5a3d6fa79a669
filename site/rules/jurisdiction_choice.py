"""The jurisdiction a bureau screen works in, among those whose rules provide the thing it keeps (12345 work orders
and supervision contact points: Enshi 003 第十条; supervisors' daily management: the profiles with a supervisor
term): chosen with ?jurisdiction= (or the form's field) or named in the URL, the first one by default. A code
outside them is a 404 with the screen's Chinese sentence."""

from __future__ import annotations

from collections.abc import Callable

from request_guard import NotFound

from .models import RuleProfile
from .profiles import get_profile


def having(key: str) -> Callable[[str], bool]:
    """`provided` for a screen kept wherever the rules give the figure `key`."""
    return lambda code: get_profile(code).has(key)


def offering(provided: Callable[[str], bool]) -> list[RuleProfile]:
    return [p for p in RuleProfile.objects.order_by("pk") if provided(p.code)]


def require(code: str, provided: Callable[[str], bool], missing: str) -> str:
    """`code` (from the URL) if its rules provide the thing, else the 404 `missing`."""
    if code not in {p.code for p in offering(provided)}:
        raise NotFound(missing)
    return code


def chosen(request, provided: Callable[[str], bool], missing: str) -> str:
    options = [p.code for p in offering(provided)]
    code = request.GET.get("jurisdiction") or request.POST.get("jurisdiction") or (options[0] if options else "")
    if code not in options:
        raise NotFound(missing)
    return code
