"""Staff search of decision records inside the Wagtail admin: facets, and only what the user may open."""
from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from decisions.models import PROCESS_KINDS
from decisions.selectors import visible_records
from request_guard import BadInput, parse_year

from .engines import get_engine
from .engines.base import DECISION_FACETS, MAX_QUERY_LENGTH, SearchQuery
from .engines.errors import UNAVAILABLE_MESSAGE, SearchUnavailable
from .views import retry_after

KIND_LABELS = dict(PROCESS_KINDS)
MAX_PAGE = 1000  # the pager goes no deeper (a search is refined, not paged through)


def page_or_message(value) -> tuple[int, str]:
    """The page asked for, or page 1 and the Chinese message for a page number the pager never offers (not a
    number, 0, 10^9) — answered 400, never quietly replaced by another page."""
    if value in (None, ""):
        return 1, ""
    try:
        page = int(value)
    except ValueError:
        page = 0
    if 1 <= page <= MAX_PAGE:
        return page, ""
    return 1, f"页码无效：请填写 1 至 {MAX_PAGE} 之间的整数页码。"


def past_last_page(results, page: int) -> str:
    """The message for a page after the last page of these results ("" when it is within them)."""
    if results is None or page <= max(1, results.pages):
        return ""
    return f"页码无效：共 {results.pages} 页结果，请填写 1 至 {max(1, results.pages)} 之间的整数页码。"


def facet_groups(results, headings: dict, filters: dict, text: str, label) -> list[dict]:
    """The facet lists of a staff search screen: each value with its count, chosen or not, and the link that
    adds it to the filters (or removes it when chosen). `label(name, value)` names a value for people."""
    groups = []
    for name, heading in headings.items():
        rows = []
        for value, count in results.facets.get(name, []):
            chosen = str(filters.get(name, "")) == str(value)
            params = {**filters, "q": text}
            if chosen:
                params.pop(name)
            else:
                params[name] = value
            rows.append({"label": label(name, value), "count": count, "chosen": chosen,
                         "href": "?" + urlencode(params)})
        groups.append({"heading": heading, "rows": rows})
    return groups


def _decision_label(name: str, value) -> str:
    label = KIND_LABELS.get(value, value) if name == "process_kind" else value
    return f"{label}年" if name == "year" else label


def decision_search(request):
    text = " ".join((request.GET.get("q") or "").split())
    message = f"搜索词过长：请不超过{MAX_QUERY_LENGTH}个字。" if len(text) > MAX_QUERY_LENGTH else ""
    filters = {name: request.GET.get(name, "") for name in DECISION_FACETS if request.GET.get(name)}
    bad_input = False
    if "year" in filters:
        try:
            filters["year"] = str(parse_year(filters["year"]))
        except BadInput as exc:
            filters.pop("year")
            message, bad_input = exc.message, True
    page, bad_page = page_or_message(request.GET.get("page"))
    if bad_page and not message:
        message, bad_input = bad_page, True
    q = SearchQuery(text=text, scope="decision", filters=filters, page=page, per_page=20, user=request.user,
                    facets=tuple(DECISION_FACETS), cursor=request.GET.get("after", "")[:4000])
    try:
        results = None if message else get_engine().search(q)
    except SearchUnavailable:
        response = render(request, "search/admin_decisions.html", {"q": q, "message": UNAVAILABLE_MESSAGE},
                          status=503)
        response["Retry-After"] = retry_after()
        return response
    if results is not None and results.message:  # e.g. only question words: nothing to search for
        message, results = results.message, None
    if past_last_page(results, page):
        message, results, bad_input = past_last_page(results, page), None, True
    facets = []
    if results is not None:
        facets = facet_groups(results, DECISION_FACETS, filters, text, _decision_label)
    base = {**filters, "q": text}
    return render(request, "search/admin_decisions.html", {
        "q": q, "message": message, "results": results, "facets": facets, "kind_labels": KIND_LABELS,
        "prev_href": "?" + urlencode({**base, "page": page - 1}) if page > 1 else "",
        # a deep page's cursor (Elasticsearch point in time) lets the next page continue where this one ends
        "next_href": "?" + urlencode({**base, "page": page + 1, **({"after": results.cursor} if results.cursor
                                                                    else {})})
        if results and page < results.pages else "",
    }, status=400 if bad_input else 200)


def decision_detail(request, pk: int):
    # the same permission rule as the search: a record the user may not open is "not found"
    record = visible_records(request.user).filter(pk=pk).first()
    if record is None:
        raise Http404("没有找到该决定记录，或您无权查看。")
    return render(request, "search/admin_decision_detail.html", {"record": record})
