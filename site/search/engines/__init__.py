"""Engine choice: `settings.ELASTICSEARCH_URL` set -> Elasticsearch, otherwise the embedded engine."""
from django.conf import settings


def get_engine(name: str | None = None):
    name = name or ("elastic" if getattr(settings, "ELASTICSEARCH_URL", "") else "embedded")
    if name == "elastic":
        from .elastic import ElasticEngine

        return ElasticEngine()  # cheap: the client and its connection pool are shared (es_client.py)
    from .embedded import EmbeddedEngine

    return EmbeddedEngine()


def warm_up() -> None:
    """What a web process loads at start rather than in a reader's first search: jieba's dictionary
    (about a second) and, for the embedded engine, the notices' filter columns (about 0.5 s at 100k
    notices; reloaded later only when the index changes). A database not yet migrated is left for later."""
    from django.db import DatabaseError, connections

    from ..analysis import warm_up as load_segmenter

    load_segmenter()
    engine = get_engine()
    if engine.name == "embedded":
        try:
            engine.table("notice")
        except DatabaseError:
            pass  # no index table yet (before migrate): the first search loads it
        finally:
            connections.close_all()  # no connection opened here is inherited by forked workers
