"""Helpers shared by the search tests (a uniquely named module, importable from every test file)."""
from search.engines.base import SearchQuery


def titles(engine, text="", **kw):
    q = SearchQuery(text=text, **kw)
    return [h.title for h in engine.search(q).hits]
