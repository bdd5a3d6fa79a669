"""The jurisdiction a bureau screen works in, among those whose rules provide the thing it keeps (12345 work orders
and supervision contact points: Enshi 003 第十条; supervisors' daily management: the profiles with a supervisor
term): chosen with ?jurisdiction= (or the form's field) or named in the URL, the first one by default. A code
outside them is a 404 with the screen's Chinese sentence. A bureau account bound to one jurisdiction is offered
only its own, opens it by default, and is refused (403, Chinese) another one's."""

from __future__ import annotations

from collections.abc import Callable

from request_guard import NotFound
from roles.access import bureau_jurisdiction, own_jurisdiction_only, require_own_jurisdiction

from .models import RuleProfile
from .profiles import get_profile


def having(key: str) -> Callable[[str], bool]:
    """`provided` for a screen kept wherever the rules give the figure `key`."""
    return lambda code: get_profile(code).has(key)


def offered(user):
    """The jurisdictions (rule profiles, in order) a screen's filter offers `user`: every one, or only a bound
    bureau account's own."""
    return own_jurisdiction_only(RuleProfile.objects.order_by("pk"), user, "code")


def offering(provided: Callable[[str], bool], user=None) -> list[RuleProfile]:
    """The profiles that provide the thing; only the own one for a bureau account bound to a jurisdiction."""
    return [p for p in offered(user) if provided(p.code)]


def require(code: str, provided: Callable[[str], bool], missing: str, user=None) -> str:
    """`code` (from the URL) if its rules provide the thing, else the 404 `missing`; another jurisdiction than
    `user`'s own is refused."""
    if code not in {p.code for p in offering(provided)}:
        raise NotFound(missing)
    require_own_jurisdiction(user, code)
    return code


def asked(request, default: str) -> str:
    """?jurisdiction= (or the form's field) on a screen every jurisdiction keeps; a bound bureau account's own by
    default (else `default`), and another one than its own refused."""
    code = request.GET.get("jurisdiction") or request.POST.get("jurisdiction") or \
        bureau_jurisdiction(request.user) or default
    require_own_jurisdiction(request.user, code)
    return code


def chosen(request, provided: Callable[[str], bool], missing: str) -> str:
    options = [p.code for p in offering(provided)]
    own = bureau_jurisdiction(request.user)
    default = own if own in options else (options[0] if options else "")
    code = request.GET.get("jurisdiction") or request.POST.get("jurisdiction") or default
    if code not in options:
        raise NotFound(missing)
    require_own_jurisdiction(request.user, code)
    return code
