"""Full-page cache for anonymous readers of the public site (issue 13).

`AnonymousPageCacheMiddleware` stores the rendered response of a public page (Wagtail pages, the notice
archive, the feeds, the sitemap) in Django's cache (Redis when REDIS_URL is set, so every process shares
it) and answers the next anonymous GET of the same scheme + host + path + query from there, before sessions,
authentication or Wagtail run at all.

The key holds a global *generation* number and the local date (Asia/Shanghai):

- any change that can show on a public page bumps the generation (`bump()`): a page saved (an edit, a
  draft, a publish), published, unpublished, moved or deleted; a Site; a rule profile or figure; a holiday
  year entered or removed (`rules.models.calendar_changed`); the 网站信息 setting (footer, <meta>); so every cached page is stale at once;
- the date changes at midnight Beijing time, so a publicity window opening or closing (the state badge,
  the open lists on the portal, "现行有效" of a regulation) never shows yesterday's state.

Never cached: anything but GET; a request carrying a session cookie (a logged-in user, or anyone with
session state) or a flash message; a response that sets a cookie or uses a CSRF token (the objection
form, the application form, a private page's password form), that is not 200, that streams, or says
Cache-Control private / no-cache / no-store; any URL outside `PAGE_CACHE_URL_NAMES` (search, API, admin,
workflow, supervisors).
"""
from __future__ import annotations

import contextvars
import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"
DEFAULT_URL_NAMES = ("wagtail_serve", "notices_archive", "notices_feed", "jurisdiction_notices_feed",
                     "sitemap")
HEADER = "X-Page-Cache"

# rule profiles read during the current request (rules.profiles.get_profile memoises into it)
request_profiles: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "request_profiles", default=None)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def generation() -> int:
    cache = _cache()
    gen = cache.get(GENERATION_KEY)
    if gen is None:
        # start from the clock, never from 1: a generation key evicted and recreated must not meet the
        # keys of pages cached under an earlier generation with the same number
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        gen = cache.get(GENERATION_KEY)
    return gen


def _incr() -> None:
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing (first use, or evicted)
        generation()
        cache.incr(GENERATION_KEY)


def bump(**kwargs) -> None:
    """Make every cached page stale: now, and again when the current transaction commits (a page
    rendered by another process between the two from data not yet committed is not kept)."""
    _incr()
    clear_request_profiles()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_incr)


def clear_request_profiles() -> None:
    memo = request_profiles.get()
    if memo:
        memo.clear()


def cache_key(request, gen: int) -> str:
    raw = f"{request.scheme}://{request.get_host()}|{request.get_full_path()}"  # the sitemap names the host
    digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()
    return f"pagecache:{gen}:{timezone.localdate().isoformat()}:{digest}"


def _no_store(cache_control: str) -> bool:
    value = cache_control.lower()
    return any(word in value for word in ("private", "no-cache", "no-store"))


class AnonymousPageCacheMiddleware:
    """Put it high in MIDDLEWARE (before sessions): a hit is answered without the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _may_use(self, request) -> bool:
        # a session (a logged-in user, a private page's password) or a pending flash message: render it
        return (enabled() and request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES
                and "messages" not in request.COOKIES)

    def __call__(self, request):
        token = request_profiles.set({})
        try:
            return self._respond(request)
        finally:
            request_profiles.reset(token)

    def _respond(self, request):
        if not self._may_use(request):
            return self.get_response(request)
        cache = _cache()
        key = cache_key(request, generation())
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(k, v) for k, v in response.headers.items() if k.lower() != "set-cookie"]
            cache.set(key, (response.status_code, headers, response.content),
                      getattr(settings, "PAGE_CACHE_TIMEOUT", 3600))
            response.headers[HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        names = getattr(settings, "PAGE_CACHE_URL_NAMES", DEFAULT_URL_NAMES)
        request._page_cacheable = bool(match and match.url_name in names)
        return None

    def _storable(self, request, response) -> bool:
        if not getattr(request, "_page_cacheable", False) or getattr(response, "page_cache_exempt", False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or _no_store(response.get("Cache-Control", "")):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)


def connect_signals() -> None:
    """Every change that can show on a public page bumps the generation (called from PagesConfig.ready)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from pages.site_identity import SiteIdentity
    from rules.models import HolidayYear, RuleFigure, RuleProfile, SiteRuleProfile, calendar_changed

    watched = (Page, Site, RuleProfile, RuleFigure, HolidayYear, SiteRuleProfile, SiteIdentity)

    def on_save(sender, instance, **kwargs):
        if isinstance(instance, watched):
            bump()

    post_save.connect(on_save, dispatch_uid="pagecache-save", weak=False)
    for model in watched:
        post_delete.connect(bump, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}", weak=False)
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed, calendar_changed):
        signal.connect(bump, dispatch_uid=f"pagecache-{id(signal)}", weak=False)
