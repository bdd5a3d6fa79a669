"""Serving a page in fewer queries (issue 13: a first hit after a publish, when no cached copy exists).

Stock Wagtail routes a URL one tree level at a time (the child by slug, then its specific row: two queries
per level) and checks view restrictions in two (the ancestors, then their restrictions). The mixins here
give the same answers in fewer queries:

- `ChainRouteMixin` (on the pages a URL passes through: home, sections, notice indexes) reads every page
  of the URL's path in one query, walks it in Python, and asks for the specific row of the last page only.
  A page on the way whose type routes by itself (RoutablePageMixin: a notice's 打印/PDF sub-URLs) is handed
  the rest of the path, as stock Wagtail would.
- `ViewRestrictionsMixin` (on every page type) finds the restrictions of the page and its ancestors in one
  query, aliases resolved to their source page as Wagtail does.
"""
from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

MAX_COMPONENTS = 12  # deeper paths (none on this site) are routed level by level, as stock Wagtail does


class ChainRouteMixin:
    def route(self, request, path_components):
        if not path_components or len(path_components) > MAX_COMPONENTS:
            return super().route(request, path_components)
        wanted = Q()
        for i, slug in enumerate(path_components, start=1):
            wanted |= Q(depth=self.depth + i, slug=slug)
        found = {(p.depth, p.slug, p.path[:-self.steplen]): p
                 for p in Page.objects.filter(wanted, path__startswith=self.path)}
        page = self
        for i, slug in enumerate(path_components):
            if i and not _routes_like_a_tree(page.specific_class):
                return page.specific.route(request, path_components[i:])
            child = found.get((page.depth + 1, slug, page.path))
            if child is None:
                raise Http404
            child._cached_parent_obj = page  # as stock routing does: get_parent() needs no query
            page = child
        return page.specific.route(request, [])


def _routes_like_a_tree(cls) -> bool:
    """Whether a page type finds its children by slug (stock Wagtail, or this mixin), so the walk may go on."""
    route = getattr(cls, "route", None)
    return route is Page.route or route is ChainRouteMixin.route


class ViewRestrictionsMixin:
    def get_view_restrictions(self):
        """Restrictions on this page and its ancestors; on an alias, those of the page it mirrors."""
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)).distinct()

