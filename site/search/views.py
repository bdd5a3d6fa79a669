"""Public search (`/search/`) and the same results as JSON (`/api/search/`): published notices only."""
from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .engines import get_engine
from .engines.base import MAX_QUERY_LENGTH, SearchQuery
from .engines.errors import UNAVAILABLE_MESSAGE, SearchUnavailable
from .selectors import filter_options
from .service_entries import matching

PER_PAGE = 10
MAX_PAGE = 100  # deep pages are for crawlers, not people


def retry_after() -> str:
    from django.conf import settings

    return str(int(getattr(settings, "SEARCH_RETRY_AFTER_SECONDS", 60)))


def _int(value, default=None, low=None, high=None):
    try:
        n = int(value)
    except (TypeError, ValueError):
        return default
    if (low is not None and n < low) or (high is not None and n > high):
        return default
    return n


def parse(request) -> tuple[SearchQuery, str]:
    """The query a request asks for, and a message for the person when it cannot be run."""
    text = " ".join((request.GET.get("q") or "").split())
    options = filter_options()
    filters = {}
    if request.GET.get("kind") in dict(options["kind"]):
        filters["kind"] = request.GET["kind"]
    if request.GET.get("jurisdiction") in dict(options["jurisdiction"]):
        filters["jurisdiction"] = request.GET["jurisdiction"]
    year = _int(request.GET.get("year"), low=1949, high=2100)
    if year:
        filters["year"] = year
    q = SearchQuery(text=text, scope="notice", filters=filters, per_page=PER_PAGE,
                    page=_int(request.GET.get("page"), 1, 1, MAX_PAGE))
    if not text:
        return q, "请输入要搜索的关键词、标题或文号。"
    if len(text) > MAX_QUERY_LENGTH:
        return q, f"搜索词过长：请不超过{MAX_QUERY_LENGTH}个字，可只输入标题中的关键词或文号。"
    return q, ""


@require_GET
def search_page(request):
    q, message = parse(request)
    # 办事入口 the query asks for, shown above the results whatever the engine answers (even when it is down)
    entries = matching(q.text, q.filters.get("jurisdiction", "")) if q.text and len(q.text) <= MAX_QUERY_LENGTH else []
    try:
        results = None if message else get_engine().search(q)
    except SearchUnavailable:  # the cluster is down or slow: say so quickly, ask the client to come back
        response = render(request, "search/search.html", {"q": q, "unavailable": UNAVAILABLE_MESSAGE,
                                                            "options": filter_options(), "service_entries": entries},
                          status=503)
        response["Retry-After"] = retry_after()
        return response
    if results is not None and results.message:  # e.g. only question words: nothing to search for
        message, results = results.message, None
    return render(request, "search/search.html", {
        "q": q, "message": message, "results": results, "options": filter_options(),
        "page_range": _page_range(q, results), "start_index": (q.page - 1) * q.per_page + 1,
        "service_entries": entries,
    })


def _page_range(q, results):
    if results is None:
        return []
    last = min(results.pages, MAX_PAGE)
    return list(range(max(1, q.page - 4), min(last, q.page + 4) + 1))


@require_GET
def search_api(request):
    q, message = parse(request)
    if message:
        status = 400 if len(q.text) > MAX_QUERY_LENGTH else 200
        return JsonResponse({"query": q.text, "total": 0, "results": [], "message": message}, status=status,
                            json_dumps_params={"ensure_ascii": False})
    try:
        res = get_engine().search(q)
    except SearchUnavailable:
        response = JsonResponse({"query": q.text, "total": 0, "results": [], "message": UNAVAILABLE_MESSAGE},
                                status=503, json_dumps_params={"ensure_ascii": False})
        response["Retry-After"] = retry_after()
        return response
    data = {"query": q.text, "total": res.total, "total_is_lower_bound": res.more, "page": q.page,
            "pages": res.pages, "results": [h.as_json() for h in res.hits]}
    if res.message:
        data["message"] = res.message
    entries = matching(q.text, q.filters.get("jurisdiction", ""))
    if entries:  # 办事入口 the query asks for
        data["service_entries"] = [{"title": e.title, "url": e.url, "description": e.description} for e in entries]
    if not res.hits and (res.suggestions or res.broader):
        data["suggestions"] = [{"title": h.title, "url": h.url} for h in res.suggestions]
        data["broader"] = res.broader
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
