"""Engine choice: `settings.ELASTICSEARCH_URL` set -> Elasticsearch, otherwise the embedded engine."""
from django.conf import settings


def get_engine(name: str | None = None):
    name = name or ("elastic" if getattr(settings, "ELASTICSEARCH_URL", "") else "embedded")
    if name == "elastic":
        from .elastic import ElasticEngine

        return ElasticEngine()  # cheap: the client and its connection pool are shared (es_client.py)
    from .embedded import EmbeddedEngine

    return EmbeddedEngine()
