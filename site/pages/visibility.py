"""May an anonymous reader see this page? One answer for the page cache, every public list (portal, sections,
notice indexes, archive, feeds, sitemap, menus, API v2 and its find/) and the public search (issue 31).

A page is hidden from anonymous readers when it is not live, or when it or one of its ancestors carries a
view restriction of any kind (Wagtail's 隐私 screen: password, login or groups — an anonymous reader passes
none of them). Aliases follow Wagtail's serving rule (`Page.get_view_restrictions`, pages.routing): a page
of the alias chain stands for the page it mirrors, so an alias of a restricted page is restricted, and so is
everything below such an alias.

All of it reduces to a short list of tree paths (`restricted_prefixes`): a page is restricted when its path
starts with one of them. The list is read once per cache generation (pages.cache: every restriction
created, changed or deleted bumps it, as does every page saved or moved) and shared by every process."""
from __future__ import annotations

from django.db.models import Q

MEMO_SECONDS = 60  # a restriction written without signals (raw SQL, bulk_create) is seen within a minute


def memo_key(gen: int) -> str:
    """Where the prefixes of a cache generation are kept (the page cache reads them with a hit)."""
    return f"visibility:restricted:{gen}"


def read_restricted_prefixes() -> tuple[str, ...]:
    """From the database: the paths of restricted pages and of the aliases of restricted pages."""
    from wagtail.models import Page, PageViewRestriction

    rows = list(PageViewRestriction.objects.values_list("page_id", "page__path", "page__alias_of_id"))
    if not rows:
        return ()
    # a restriction stored on an alias does not count (Wagtail resolves an alias to its source page)
    sources = {pk: path for pk, path, alias_of in rows if alias_of is None}
    paths = set(sources.values())
    paths.update(Page.objects.filter(alias_of_id__in=list(sources)).values_list("path", flat=True))
    # a prefix under another prefix adds nothing
    out: list[str] = []
    for path in sorted(paths):
        if not out or not path.startswith(out[-1]):
            out.append(path)
    return tuple(out)


def restricted_prefixes(*, fresh: bool = False) -> tuple[str, ...]:
    """Tree paths below which (inclusive) anonymous readers see nothing; `fresh` reads the database."""
    if fresh:
        return read_restricted_prefixes()
    from .cache import generation, shared_cache

    cache = shared_cache()
    key = memo_key(generation())
    found = cache.get(key)
    if found is None:
        found = read_restricted_prefixes()
        cache.set(key, found, MEMO_SECONDS)
    return tuple(found)


def is_restricted_path(path: str, prefixes) -> bool:
    return any(path.startswith(p) for p in prefixes)


def anonymous_may_view(page, *, prefixes=None, fresh: bool = False) -> bool:
    """THE rule: a live page, not expired, with no view restriction on it, its ancestors or what they mirror."""
    if page is None or not page.live or getattr(page, "expired", False):
        return False
    if prefixes is None:
        prefixes = restricted_prefixes(fresh=fresh)
    return not is_restricted_path(page.path, prefixes)


def restricted_q(prefixes=None, field: str = "path") -> Q:
    """Pages at or below a restricted page (matches nothing when no page is restricted)."""
    if prefixes is None:
        prefixes = restricted_prefixes()
    q = Q()
    for p in prefixes:
        q |= Q(**{f"{field}__startswith": p})
    return q if q else Q(pk__in=[])


def anonymous_q(prefixes=None) -> Q:
    """The same rule as a filter on a page queryset: live, and not at or below a restricted page."""
    if prefixes is None:
        prefixes = restricted_prefixes()
    q = Q(live=True)
    return q & ~restricted_q(prefixes) if prefixes else q


def visible_to_anonymous(queryset, prefixes=None):
    """A page queryset narrowed to what an anonymous reader may open."""
    return queryset.filter(anonymous_q(prefixes))
