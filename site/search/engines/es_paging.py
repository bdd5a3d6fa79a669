"""Paging that neither skips nor repeats a hit, on a cluster with replicas and while notices change.

- **Pages within the result window** (from + size ≤ index.max_result_window) go with `preference`: the
  same string for one person (staff) or one query (the public), so successive pages are answered by the
  same shard copies. Replicas can hold different deleted-document counts, hence different scores, hence a
  different order; without it page 2 could come from a copy that ranks a hit of page 1 lower again.
- **Deeper pages** (the staff search reaches page 1000) open a point in time (PIT) on the alias, walk to
  the page with `search_after` in hops of at most 10 000 sort values, and fetch the page — every request
  inside that PIT: one snapshot on the same shard copies (a PIT search takes neither an index nor a
  preference; its copies come with it). Elasticsearch adds the `_shard_doc` tiebreaker to a PIT's sort, so
  sort values are passed back exactly as returned.
- **The next page** gets a cursor: the PIT id (the latest one returned, as the API asks) and the page's
  last sort values, signed (django.core.signing) and bound to the query, filters, page size and person.
  The staff screen puts it in its "next page" link; that request is then one search in the same PIT, no
  walk. The PIT lives SEARCH_ES_PIT_KEEP_ALIVE (2 minutes) after each use; an expired one (the person
  paused), one whose index a rebuild replaced, or a cursor that does not fit the request starts a fresh
  walk on a new PIT — the page is still right, only slower.
"""
from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core import signing
from elasticsearch import NotFoundError

from . import es_index
from .base import SearchQuery
from .errors import SearchUnavailable

SALT = "search.es-paging.cursor"


def keep_alive() -> str:
    return str(getattr(settings, "SEARCH_ES_PIT_KEEP_ALIVE", "2m") or "2m")


def is_deep(q: SearchQuery) -> bool:
    return (q.page - 1) * q.per_page + q.per_page > es_index.MAX_RESULT_WINDOW


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def preference(q: SearchQuery) -> str:
    """The shard copies' routing key: per person where there is one, else per query (never starting with
    `_`, which Elasticsearch reserves for its own preference values)."""
    user_id = getattr(q.user, "pk", None)
    if user_id is not None:
        return f"user-{user_id}"
    return "q-" + _digest(q.scope, q.text.strip(), q.filters)[:16]


def fingerprint(q: SearchQuery) -> str:
    """What a cursor is bound to: the same search, page size and person (not the page number)."""
    return _digest(q.scope, q.text.strip(), q.filters, q.per_page, getattr(q.user, "pk", None))[:24]


def make_cursor(q: SearchQuery, pit_id: str, after: list) -> str:
    """The cursor for page q.page + 1: continue after `after` in the PIT `pit_id`."""
    return signing.dumps({"pit": pit_id, "after": after, "page": q.page + 1, "fp": fingerprint(q)},
                         salt=SALT, compress=True)


def read_cursor(q: SearchQuery) -> tuple[str, list] | None:
    """(PIT id, sort values) when q.cursor was made for exactly this request; else None (walk afresh)."""
    if not getattr(q, "cursor", ""):
        return None
    try:
        data = signing.loads(q.cursor, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("page") != q.page or data.get("fp") != fingerprint(q):
        return None
    if not isinstance(data.get("pit"), str) or not isinstance(data.get("after"), list):
        return None
    return data["pit"], data["after"]


def in_pit(body: dict, pit_id: str) -> dict:
    """A search body run inside the point in time (no index, no preference: the PIT carries both)."""
    return {**body, "pit": {"id": pit_id, "keep_alive": keep_alive()}}


def hop_body(body: dict, pit_id: str, size: int, after: list | None) -> dict:
    """One hop of the walk: sort values only (no source, no count, no highlight, no aggregations)."""
    hop = {"query": body["query"], "sort": body["sort"], "_source": False, "track_total_hits": False,
           "size": size}
    if after is not None:
        hop["search_after"] = after
    return in_pit(hop, pit_id)


def page_body(body: dict, pit_id: str, size: int, after: list | None) -> dict:
    """The page itself: the whole body (highlight, aggregations, total) after the walk's last hit."""
    page = {**body, "size": size}
    if after is not None:
        page["search_after"] = after
    else:  # the walk ran out: no page, but the total and facets
        page["size"] = 0
    return in_pit(page, pit_id)


def walk(search, body: dict, pit_id: str, skip: int) -> tuple[list | None, str]:
    """The sort values of the hit at position `skip` (1-based: the last one to skip) and the latest PIT id;
    (None, id) when there are fewer hits than that."""
    after, done = None, 0
    while done < skip:
        n = min(skip - done, es_index.MAX_RESULT_WINDOW)
        resp = search(hop_body(body, pit_id, n, after), filter_path="pit_id,hits.hits.sort")
        pit_id = resp.get("pit_id", pit_id)
        hits = resp.get("hits", {}).get("hits", [])
        if len(hits) < n:
            return None, pit_id
        after, done = hits[-1]["sort"], done + n
    return after, pit_id


def deep_page(open_pit, search, index: str, body: dict, q: SearchQuery) -> tuple[dict, str]:
    """The response for a page beyond the result window, and the cursor for the next page ("" if none).
    `open_pit(index, keep_alive)` returns a new PIT id; `search(body, **params)` runs a search without an
    index (the PIT names it); both raise SearchUnavailable when the cluster does not answer."""
    resume = read_cursor(q)
    if resume is not None:
        pit_id, after = resume
        try:
            resp = search(page_body(body, pit_id, q.per_page, after))
            return resp, _next_cursor(q, resp, pit_id)
        except (NotFoundError, SearchUnavailable) as exc:
            # 404: the PIT expired (search_context_missing) or a rebuild deleted its index (index_not_found)
            if not isinstance(exc, NotFoundError) and not isinstance(exc.__cause__, NotFoundError):
                raise  # the cluster is down: the person gets the usual 503
    pit_id = open_pit(index, keep_alive())
    after, pit_id = walk(search, body, pit_id, (q.page - 1) * q.per_page)
    resp = search(page_body(body, pit_id, q.per_page, after))
    if after is None:
        resp.setdefault("hits", {})["hits"] = []
    return resp, _next_cursor(q, resp, pit_id)


def _next_cursor(q: SearchQuery, resp: dict, pit_id: str) -> str:
    hits = resp.get("hits", {}).get("hits", [])
    total = resp.get("hits", {}).get("total", {}).get("value", 0)
    if len(hits) < q.per_page or q.page * q.per_page >= total or "sort" not in hits[-1]:
        return ""
    return make_cursor(q, resp.get("pit_id", pit_id), hits[-1]["sort"])
