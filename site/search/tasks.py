"""Background indexing (django-tasks): immediate in dev/test, the database worker in production.
When the search cluster is down the update is queued (pending.py) instead of failing the publication.

Idempotent, as every background task must be (a worker may run it again after a failure or a killed
worker, background/reliability.py): it takes only (scope, id), re-reads the object from the database and
makes the index match it — index the current version, or remove it — with an external version (the read
time) so a stale or repeated run never overwrites a newer one."""
import time

from django.utils import timezone
from django_tasks import task

from . import outage, pending
from .documents import build, load_object
from .engines import get_engine
from .engines.es_client import is_unavailable


def is_indexable(scope: str, obj, prefixes=None) -> bool:
    """Decision records always (staff search filters them by who asks); a notice only when an anonymous
    reader may open it (pages.visibility: live, not expired, no view restriction on it or above it).
    `prefixes`: the restricted paths, when the caller checks many objects; else read from the database."""
    if obj is None:
        return False
    if scope != "notice":  # decision records and casework (cases.py): filtered by who asks
        return True
    from pages.visibility import anonymous_may_view

    return anonymous_may_view(obj, prefixes=prefixes, fresh=prefixes is None)


def sync_now(scope: str, object_id: int, now=None) -> str:
    """Bring one object's index entry in line with the database: "indexed", "removed" or "queued".
    While the cluster is known to be down (outage.py) the update is queued without a request."""
    engine = get_engine()
    now = now or timezone.now()
    if engine.name == "elastic":
        down = outage.current(now)
        if down is not None:
            pending.defer(scope, object_id, down)
            return "queued"
    version = time.time_ns() // 1000  # read time: a later read always writes a higher (external) version
    obj = load_object(scope, object_id)
    try:
        if is_indexable(scope, obj):
            doc = build(scope, obj)
            doc.meta.version = version
            engine.index(scope, doc)
            result = "indexed"
        else:
            if getattr(engine, "versioned", False):
                engine.remove(scope, object_id, version=version)
            else:
                engine.remove(scope, object_id)
            result = "removed"
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        tripped = engine.name == "elastic" and outage.report(exc, now=now) is not None
        pending.record_failure(scope, object_id, exc, now=now, quiet=tripped)
        return "queued"
    if engine.name == "elastic":
        pending.clear(scope, object_id)
        outage.clear()
    return result


@task()
def sync_object(scope: str, object_id: int) -> str:
    return sync_now(scope, object_id)


@task()
def upgrade_index(scope: str) -> str:
    """Rebuild a scope's index made with an older mapping than es_index.SCHEMA_VERSION (queued by
    `search_setup`; the background worker runs it, a failure is retried). Idempotent: nothing when the index
    is already current (another machine's task did it) or a rebuild is in progress."""
    from .documents import all_objects, index_alias
    from .engines import es_index

    engine = get_engine()
    if engine.name != "elastic":
        return "内置检索引擎：无需升级索引结构"
    alias = index_alias(scope)
    version = es_index.schema_version(engine.client, scope)
    if version is None:
        return f"{alias} 尚未建立：先运行 search_setup"
    if version >= es_index.SCHEMA_VERSION:
        return f"{alias} 已是第 {version} 版，无需重建"
    try:
        n = engine.rebuild(scope, (build(scope, obj) for obj in all_objects(scope)))
    except es_index.RebuildRunning as exc:
        return str(exc)
    outage.clear()
    return f"{alias} 已按第 {es_index.SCHEMA_VERSION} 版重建，索引 {n} 条"
