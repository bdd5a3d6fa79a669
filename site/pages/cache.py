"""Full-page cache for anonymous readers of the public site (issue 13).

`AnonymousPageCacheMiddleware` stores the rendered response of a public page (Wagtail pages, the notice
archive, the feeds, the sitemap) in Django's cache (Redis when REDIS_URL is set, so every process shares
it) and answers the next anonymous GET of the same scheme + host + path + query from there, before sessions,
authentication or Wagtail run at all.

The key holds a global *generation* number and the local date (Asia/Shanghai):

- any change that can show on a public page bumps the generation (`bump()`): a page saved (an edit, a
  draft, a publish), published, unpublished, moved or deleted; a view restriction (Wagtail's 隐私 screen:
  password, login or groups) created, changed or deleted; a Site; a rule profile or figure; a holiday
  year entered or removed (`rules.models.calendar_changed`); the 网站信息 setting (footer, <meta>); so every
  cached page is stale at once, on every process (the generation lives in the shared cache);
- the date changes at midnight Beijing time, so a publicity window opening or closing (the state badge,
  the open lists on the portal, "现行有效" of a regulation) never shows yesterday's state.

Never cached: anything but GET; a request carrying a session cookie (a logged-in user, or anyone with
session state) or a flash message; a response that sets a cookie or uses a CSRF token (the objection
form, the application form, a private page's password form), that is not 200, that streams, or says
Cache-Control private / no-cache / no-store; any URL outside `PAGE_CACHE_URL_NAMES` (search, API, admin,
workflow, supervisors); a page an anonymous reader may not open (pages.visibility: restricted, or below a
restricted page). A stored page keeps its tree path, and a hit is served only while that path is not
restricted (checked against the restricted paths of the current generation, read with the page itself).
"""
from __future__ import annotations

import contextvars
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone

from generations import Generation

GENERATION_KEY = "pagecache:generation"
DEFAULT_URL_NAMES = ("wagtail_serve", "notices_archive", "notices_feed", "jurisdiction_notices_feed",
                     "sitemap")
HEADER = "X-Page-Cache"
PAGE_PATH = "_page_cache_path"  # request attribute: the tree path of the Wagtail page being served

# rule profiles read during the current request (rules.profiles.get_profile memoises into it)
request_profiles: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "request_profiles", default=None)


def shared_cache():
    """The cache pages, the generation and the restricted paths (pages.visibility) live in."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


_cache = shared_cache


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


_GENERATION = Generation(GENERATION_KEY, lambda: _cache())
generation = _GENERATION.current


def bump(**kwargs) -> None:
    """Make every cached page stale: now, and again when the current transaction commits (a page
    rendered by another process between the two from data not yet committed is not kept)."""
    _GENERATION.bump()
    clear_request_profiles()


def clear_request_profiles() -> None:
    memo = request_profiles.get()
    if memo:
        memo.clear()


def shared_get(name: str):
    """A value read from the rule tables (a rule profile, the working-day calendar) kept in the shared cache
    under the current generation: every change of a profile, figure or holiday year bumps the generation
    (connect_signals), so a request never reads one from before the change. None outside a request."""
    if request_profiles.get() is None:
        return None
    return _cache().get(f"{name}:{generation()}")


def shared_set(name: str, value) -> None:
    if request_profiles.get() is not None:
        _cache().set(f"{name}:{generation()}", value, 3600)


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
        gen = generation()
        key = cache_key(request, gen)
        stored = self._lookup(cache, key, gen)
        if stored is not None:
            status, headers, content = stored[:3]
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(k, v) for k, v in response.headers.items() if k.lower() != "set-cookie"]
            cache.set(key, (response.status_code, headers, response.content, getattr(request, PAGE_PATH, "")),
                      getattr(settings, "PAGE_CACHE_TIMEOUT", 3600))
            response.headers[HEADER] = "miss"
        return response

    def _lookup(self, cache, key, gen):
        """The stored response, unless the page it shows has become restricted since (pages.visibility)."""
        from .visibility import is_restricted_path, memo_key, restricted_prefixes

        restricted_key = memo_key(gen)
        found = cache.get_many([key, restricted_key])
        stored = found.get(key)
        if stored is None or len(stored) < 4 or not stored[3]:
            return stored
        prefixes = found.get(restricted_key)
        if prefixes is None:
            prefixes = restricted_prefixes()
        if is_restricted_path(stored[3], prefixes):
            cache.delete(key)
            return None
        return stored

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
        if user is not None and user.is_authenticated:
            return False
        path = getattr(request, PAGE_PATH, "")
        if path:  # a Wagtail page: only what an anonymous reader may open (pages.visibility)
            from .visibility import is_restricted_path, restricted_prefixes

            return not is_restricted_path(path, restricted_prefixes())
        return True


def note_served_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook (pages.wagtail_hooks): remember which page a response shows."""
    setattr(request, PAGE_PATH, page.path)


def connect_signals() -> None:
    """Every change that can show on a public page bumps the generation (called from PagesConfig.ready)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from pages.site_identity import SiteIdentity
    from rules.models import HolidayYear, RuleFigure, RuleProfile, SiteRuleProfile, calendar_changed

    # PageViewRestriction: Wagtail's 隐私 screen saves only the restriction (issue 31)
    watched = (Page, Site, RuleProfile, RuleFigure, HolidayYear, SiteRuleProfile, SiteIdentity,
               PageViewRestriction)

    def on_save(sender, instance, **kwargs):
        if isinstance(instance, watched):
            bump()

    post_save.connect(on_save, dispatch_uid="pagecache-save", weak=False)
    for model in watched:
        post_delete.connect(bump, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}", weak=False)
    m2m_changed.connect(bump, sender=PageViewRestriction.groups.through, dispatch_uid="pagecache-restriction-groups",
                        weak=False)
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed, calendar_changed):
        signal.connect(bump, dispatch_uid=f"pagecache-{id(signal)}", weak=False)
