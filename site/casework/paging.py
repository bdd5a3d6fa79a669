"""A page of a staff list (issue 28): a fixed number of rows whatever the number of records, and a page
number the pager never offers (not a number, 0, 10^9) answered with a Chinese message, never a guess."""
from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PER_PAGE = 50


def page_of(queryset, value, per_page: int = PER_PAGE):
    """(page, None) or (None, the Chinese message for a page number out of range)."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(value or 1), None
    except (PageNotAnInteger, EmptyPage):
        return None, f"页码无效：请填写 1 至 {paginator.num_pages} 之间的整数页码。"


def query_without_page(filters: dict) -> str:
    """The list's filters as a query string, for the pager's links."""
    return urlencode({k: v for k, v in filters.items() if v})
