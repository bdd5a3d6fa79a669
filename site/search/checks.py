"""`manage.py check --deploy`: with Elasticsearch configured, the cluster answers and has the analyzer."""
from django.conf import settings
from django.core.checks import Error, Warning, register


@register("search", deploy=True)
def elasticsearch_ready(app_configs=None, **kwargs):
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return []
    from .engines.elastic import ElasticEngine
    from .engines.errors import AnalyzerMissing
    from .engines.es_client import is_unavailable

    try:
        engine = ElasticEngine()
        engine.client.options(request_timeout=5).info()
        engine.check()
    except AnalyzerMissing as exc:
        return [Error(str(exc), id="search.E001")]
    except Exception as exc:  # noqa: BLE001
        if is_unavailable(exc):
            return [Warning(f"Elasticsearch 无法连接：检索将返回 503，"
                            f"索引更新进入待同步队列。{exc}", id="search.W001")]
        raise
    return []
