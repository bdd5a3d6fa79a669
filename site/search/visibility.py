"""What the public search may show besides what its index says (issue 31): nothing at or below a page with
a view restriction (pages.visibility, the one rule for every public list).

A notice under a restriction is removed from the index when the restriction is added (indexing.py queues
it, like any change), and indexed again when it is removed; until the queue has run, and for anything a
restriction written without signals left behind, both engines also leave such notices out at query time:
the embedded engine with a subquery on the page tree, Elasticsearch with a `must_not` on their ids. With no
restriction anywhere (the usual case) this costs one cache read per search."""
from __future__ import annotations

from pages.cache import generation, shared_cache
from pages.visibility import restricted_prefixes, restricted_q

ES_TERMS_CHUNK = 60_000  # below index.max_terms_count (65 536 by default): one terms clause per chunk
MEMO_SECONDS = 60


def hidden_pages():
    """A queryset of the pk of every page an anonymous reader may not open for a restriction, or None."""
    from wagtail.models import Page

    prefixes = restricted_prefixes()
    if not prefixes:
        return None
    return Page.objects.filter(restricted_q(prefixes)).values("pk")


def hidden_notice_ids() -> list[int]:
    """Ids of the notices below a restriction (kept per cache generation: a restriction or a page change
    moves it)."""
    if not restricted_prefixes():
        return []
    cache = shared_cache()
    key = f"search:hidden-notices:{generation()}"
    ids = cache.get(key)
    if ids is None:
        from .documents import notice_model

        model = notice_model()
        ids = [] if model is None else sorted(
            model.objects.filter(restricted_q(restricted_prefixes())).values_list("pk", flat=True))
        cache.set(key, ids, MEMO_SECONDS)
    return ids


def es_exclusions() -> list[dict]:
    """Elasticsearch filter clauses leaving out the hidden notices (none when nothing is restricted)."""
    ids = hidden_notice_ids()
    if not ids:
        return []
    chunks = [ids[i:i + ES_TERMS_CHUNK] for i in range(0, len(ids), ES_TERMS_CHUNK)]
    return [{"bool": {"must_not": [{"terms": {"object_id": chunk}} for chunk in chunks]}}]
