"""Indexing follows the content: signals enqueue `sync_object` once the writing transaction commits."""
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .documents import notice_model


def enqueue(scope: str, object_id: int) -> None:
    from .tasks import sync_object

    transaction.on_commit(partial(sync_object.enqueue, scope, int(object_id)))


def _is_notice(instance) -> bool:
    model = notice_model()
    return model is not None and isinstance(instance, model)


def on_page_change(sender, instance, **kwargs):
    # published, unpublished (also by expiry in publish_scheduled) or deleted: sync_object decides
    if _is_notice(instance):
        enqueue("notice", instance.pk)


def on_page_move(sender, instance, **kwargs):
    # a moved section changes the URL of every notice below it
    model = notice_model()
    if model is not None:
        for pk in model.objects.descendant_of(instance, inclusive=True).live().values_list("pk", flat=True):
            enqueue("notice", pk)


def on_decision_change(sender, instance, **kwargs):
    enqueue("decision", instance.pk)


def connect() -> None:
    from decisions.models import DecisionRecord

    page_published.connect(on_page_change, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_change, dispatch_uid="search_page_unpublished")
    post_delete.connect(on_page_change, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_page_move, dispatch_uid="search_page_moved")
    post_save.connect(on_decision_change, sender=DecisionRecord, dispatch_uid="search_decision_saved")
    post_delete.connect(on_decision_change, sender=DecisionRecord, dispatch_uid="search_decision_deleted")


def index_new(objects, scope: str = "notice") -> int:
    """Many objects created at once (a bulk import), none indexed yet: the embedded engine takes them in one
    bulk insert inside the caller's transaction (rolled back with it); Elasticsearch gets the usual
    per-object updates after commit (queued while the cluster is down)."""
    from .documents import build
    from .engines import get_engine
    from .tasks import is_indexable

    objects = [o for o in objects if is_indexable(scope, o)]
    engine = get_engine()
    if engine.name == "embedded":
        return engine.bulk_index(scope, (build(scope, o) for o in objects))
    for obj in objects:
        enqueue(scope, obj.pk)
    return len(objects)
