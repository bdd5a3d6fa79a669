"""`manage.py check --deploy`: with Elasticsearch configured, the cluster answers, has the analyzer, and its
indices have the current mapping (else `search_setup` queues their rebuild)."""
from django.conf import settings
from django.core.checks import Error, Warning, register


@register("search", deploy=True)
def elasticsearch_ready(app_configs=None, **kwargs):
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return []
    from .engines import es_index
    from .engines.elastic import ElasticEngine
    from .engines.errors import AnalyzerMissing
    from .engines.es_client import is_unavailable

    try:
        engine = ElasticEngine()
        engine.client.options(request_timeout=5).info()
        engine.check()
        outdated = es_index.outdated(engine.client)
    except AnalyzerMissing as exc:
        return [Error(str(exc), id="search.E001")]
    except Exception as exc:  # noqa: BLE001
        if is_unavailable(exc):
            return [Warning(f"Elasticsearch 无法连接：检索将返回 503，"
                            f"索引更新进入待同步队列。{exc}", id="search.W001")]
        raise
    if outdated:
        names = "、".join(es_index.index_alias(scope) for scope in outdated)
        return [Warning(f"Elasticsearch 索引（{names}）的结构早于第 {es_index.SCHEMA_VERSION} 版：同义词、单字与"
                        f"元数据检索在重建前不起作用。manage.py search_setup 会把重建排入后台任务（db_worker 执行，检索不中断）；"
                        f"也可运行 manage.py search_rebuild 立即重建。",
                        id="search.W002")]
    return []
