"""案件检索: the staff case search in the Wagtail admin (cases.py) — matters, issued documents, complaints and
decision records, each within what the searcher may see (casework.visibility); bureau staff and liaisons only."""
from __future__ import annotations

import time

from django.shortcuts import render
from django.utils.http import urlencode

from request_guard import BadInput, parse_year
from roles.access import in_casework

from .admin_views import facet_groups, page_or_message, past_last_page
from .cases import KIND_LABELS, PROCESS_LABELS, own_filters
from .engines import get_engine
from .engines.base import CASE_FACETS, MAX_QUERY_LENGTH, SearchQuery
from .engines.errors import UNAVAILABLE_MESSAGE, SearchUnavailable
from .views import retry_after

TEMPLATE = "search/admin_cases.html"
REFUSED = "您无权使用案件检索：仅司法局经办人、负责人和执法机关联络员可以检索监督案件。"
TOO_LONG = f"搜索词过长：请不超过{MAX_QUERY_LENGTH}个字，可输入案号、文号、受理编号或几个关键词。"
NOTHING_TO_SEARCH = "搜索词中没有可检索的文字：请输入关键词、案号、文号或受理编号。"


def _label(name: str, value) -> str:
    if name == "kind":
        return KIND_LABELS.get(value, value)
    if name == "process_kind":
        return PROCESS_LABELS.get(value, value)
    return f"{value}年" if name == "year" else str(value)


def case_search(request):
    if not in_casework(request.user):
        return render(request, TEMPLATE, {"refused": REFUSED}, status=403)
    text = " ".join((request.GET.get("q") or "").split())
    message = ""
    if len(text) > MAX_QUERY_LENGTH:
        message = TOO_LONG
    elif text and not any(ch.isalnum() for ch in text):
        message = NOTHING_TO_SEARCH
    filters = {name: request.GET.get(name, "")[:100] for name in CASE_FACETS if request.GET.get(name)}
    status = 200
    if "year" in filters:
        try:
            filters["year"] = str(parse_year(filters["year"]))
        except BadInput as exc:
            filters.pop("year")
            message, status = exc.message, 400
    page, bad_page = page_or_message(request.GET.get("page"))
    if bad_page and not message:
        message, status = bad_page, 400
    q = SearchQuery(text=text, scope="case", filters={**filters, **own_filters(request.user)}, page=page, per_page=20, user=request.user,
                    facets=tuple(CASE_FACETS), cursor=request.GET.get("after", "")[:4000])
    started = time.perf_counter()
    try:
        results = None if message else get_engine().search(q)
    except SearchUnavailable:
        response = render(request, TEMPLATE, {"q": q, "message": UNAVAILABLE_MESSAGE}, status=503)
        response["Retry-After"] = retry_after()
        return response
    took = round((time.perf_counter() - started) * 1000)
    if results is not None and results.message:  # e.g. only question words
        message, results = results.message, None
    if past_last_page(results, page):
        message, results, status = past_last_page(results, page), None, 400
    facets = []
    if results is not None:
        facets = facet_groups(results, CASE_FACETS, filters, text, _label)
        for hit in results.hits:
            hit.process_label = PROCESS_LABELS.get(hit.process_kind, hit.process_kind)
    base = {**filters, "q": text}
    return render(request, TEMPLATE, {
        "q": q, "message": message, "results": results, "facets": facets, "took": took,
        "prev_href": "?" + urlencode({**base, "page": page - 1}) if page > 1 else "",
        "next_href": "?" + urlencode({**base, "page": page + 1, **({"after": results.cursor} if results.cursor
                                                                    else {})})
        if results and page < results.pages else "",
    }, status=status)
