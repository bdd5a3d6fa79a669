"""A page of a staff list (issue 28): a fixed number of rows whatever the number of records, and a page
number the pager never offers (not a number, 0, 10^9) answered with a Chinese message, never a guess."""
from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

PER_PAGE = 50


class EitherEndPaginator(Paginator):
    """Page numbers over a queryset in a fixed order, each page as cheap at the far end as at the start.

    An OFFSET over the rows themselves reads (and joins) every row before the page: the last of 500 pages
    read 25,000 joined rows. Here the page's keys are read alone, from the order's index, counted from
    whichever end of the list is nearer (the last page is the first one read backwards), and then the page's
    rows fetched by key: three queries (count, keys, rows) for any page. Page numbers and links stay what
    they were; the queryset needs a total order (its last field the primary key)."""

    def page(self, number):
        if not self.object_list.ordered:  # no order to read backwards: Django's OFFSET over the rows
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.object_list.values_list("pk", flat=True)
        if bottom > self.count - top:  # nearer the end: read backwards from the last row
            ids = list(keys.reverse()[self.count - top:self.count - bottom])[::-1]
        else:
            ids = list(keys[bottom:top])
        rows = {row.pk: row for row in self.object_list.order_by().filter(pk__in=ids)} if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class KeptCountPaginator(EitherEndPaginator):
    """EitherEndPaginator whose count (hundreds of thousands of statutory clocks: a scan of the whole table, the
    dearest query of the list, on every page) is counted once and then kept until a write (kept_count) — of the
    `scope` jurisdiction (flows.badge.scope_of the reader: its list holds that jurisdiction's rows only), or any."""

    def __init__(self, *args, scope: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    @cached_property
    def count(self):
        return kept_count(self.object_list, scope=self.scope) if isinstance(self.object_list, QuerySet) else super().count


def kept_count(queryset: QuerySet, *, scope: str = "") -> int:
    """queryset.count(), kept in the cache for the same query (its SQL and parameters: the filters, the user's
    scope, today's date in a window) under the work generations (flows.badge: any save or delete of the project's
    records moves them; of the `scope` jurisdiction's records only, for a query of that jurisdiction's rows) and
    the table's highest number (rows added without a signal, bulk_create, count again): the
    next reader after a write counts again. A queryset update() (no signal, no new row) is seen within
    flows.badge.TIMEOUT seconds, as in the 我的待办 count."""
    from django.core.cache import cache

    from flows.badge import TIMEOUT, generation

    newest = queryset.model._base_manager.order_by("-pk").values_list("pk", flat=True).first()
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha1(f"{queryset.model._meta.label}|{sql}|{params!r}".encode()).hexdigest()
    key = f"paging:count:{generation(scope)}:{newest}:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, TIMEOUT)
    return count


def page_of(queryset, value, per_page: int = PER_PAGE, *, paginator_class=None):
    """(page, None) or (None, the Chinese message for a page number out of range). A queryset is paged by
    key from its nearer end (EitherEndPaginator, or `paginator_class`: a subclass of it that mixes in what a
    screen's pager needs, as Wagtail's); a list as it is."""
    if isinstance(queryset, QuerySet):
        paginator = (paginator_class or EitherEndPaginator)(queryset, per_page)
    else:
        paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(value or 1), None
    except (PageNotAnInteger, EmptyPage):
        return None, f"页码无效：请填写 1 至 {paginator.num_pages} 之间的整数页码。"


def query_without_page(filters: dict) -> str:
    """The list's filters as a query string, for the pager's links."""
    return urlencode({k: v for k, v in filters.items() if v})
