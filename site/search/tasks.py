"""Background indexing (django-tasks): immediate in dev/test, the database worker in production."""
from django_tasks import task

from .documents import build, load_object
from .engines import get_engine


def is_indexable(scope: str, obj) -> bool:
    # unpublished and expired notices are not searchable; decision records always are (for staff)
    return obj is not None and (scope == "decision" or (obj.live and not obj.expired))


@task()
def sync_object(scope: str, object_id: int) -> str:
    """Bring one object's index entry in line with the database: (re)index it, or drop it."""
    obj = load_object(scope, object_id)
    engine = get_engine()
    if is_indexable(scope, obj):
        engine.index(scope, build(scope, obj))
        return "indexed"
    engine.remove(scope, object_id)
    return "removed"
