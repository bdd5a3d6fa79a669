"""Reads the search screens need besides the engine: the choices of the public filters."""
from django.core.cache import cache

from .models import SearchEntry


def filter_options() -> dict:
    """kind / jurisdiction / year choices as (value, label); years from what is indexed (cached 10 min)."""
    try:
        from public_notices.kinds import KIND_CHOICES
    except ImportError:
        KIND_CHOICES = []
    from rules.models import RuleProfile

    years = cache.get("search:notice-years")
    if years is None:
        years = notice_years()
        if years is not None:
            cache.set("search:notice-years", years, 600)
    years = years or []
    return {
        "kind": list(KIND_CHOICES),
        "jurisdiction": list(RuleProfile.objects.order_by("code").values_list("code", "name")),
        "year": [(y, f"{y}年") for y in years],
    }


def notice_years() -> list[int] | None:
    """Years of the public notices in the index, newest first; None when the search cluster is down."""
    from .engines import get_engine
    from .engines.errors import SearchUnavailable

    engine = get_engine()
    if hasattr(engine, "notice_years"):  # Elasticsearch: an aggregation over the index
        try:
            return engine.notice_years()
        except SearchUnavailable:  # no year choices for a while; do not wait for the cluster on every page
            cache.set("search:notice-years", [], 30)
            return None
    return sorted({y for y in SearchEntry.objects.filter(scope="notice", public=True)
                   .exclude(year=None).values_list("year", flat=True).distinct()}, reverse=True)
