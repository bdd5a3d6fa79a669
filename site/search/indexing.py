"""Indexing follows the content: signals enqueue `sync_object` once the writing transaction commits."""
from functools import partial

from django.db import transaction
from django.db.models import Q
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


def enqueue_below(page) -> int:
    """Queue every live notice at or below `page`, and below the aliases of it (they share its
    restrictions): sync_object decides for each whether it is indexed or removed."""
    from wagtail.models import Page

    model = notice_model()
    if model is None or page is None:
        return 0
    paths = [page.path, *Page.objects.filter(alias_of_id=page.pk).values_list("path", flat=True)]
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    pks = list(model.objects.filter(below).live().values_list("pk", flat=True))
    for pk in pks:
        enqueue("notice", pk)
    return len(pks)


def on_page_move(sender, instance, **kwargs):
    # a moved section changes the URL of every notice below it
    enqueue_below(instance)


def on_restriction_change(sender, instance, created=None, **kwargs):
    """A view restriction added (created) or removed (deleted): the notices below it leave the public
    search or come back to it, through the queue (issue 31). A change of its type, password or groups
    changes nothing an anonymous reader sees."""
    if created is False:
        return
    from wagtail.models import Page

    enqueue_below(Page.objects.filter(pk=instance.page_id).only("path").first())


def on_decision_change(sender, instance, **kwargs):
    enqueue("decision", instance.pk)


def on_case_change(sender, instance, **kwargs):
    # a matter, an issued document, a complaint or a decision record: its staff case search entries (cases.py)
    from .cases import enqueue_for

    enqueue_for(instance)


# the records the staff case search indexes (cases.py); lazy senders: no process app imported here
CASE_MODELS = ("casework.Matter", "casework.Document", "complaints.Complaint", "decisions.DecisionRecord")


def connect() -> None:
    from wagtail.models import PageViewRestriction

    from decisions.models import DecisionRecord

    page_published.connect(on_page_change, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_change, dispatch_uid="search_page_unpublished")
    post_delete.connect(on_page_change, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_page_move, dispatch_uid="search_page_moved")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
    post_save.connect(on_decision_change, sender=DecisionRecord, dispatch_uid="search_decision_saved")
    post_delete.connect(on_decision_change, sender=DecisionRecord, dispatch_uid="search_decision_deleted")
    for label in CASE_MODELS:
        post_save.connect(on_case_change, sender=label, dispatch_uid=f"search_case_saved_{label}")
        post_delete.connect(on_case_change, sender=label, dispatch_uid=f"search_case_deleted_{label}")


def index_new(objects, scope: str = "notice") -> int:
    """Many objects created at once (a bulk import), none indexed yet: the embedded engine takes them in one
    bulk insert inside the caller's transaction (rolled back with it); Elasticsearch gets the usual
    per-object updates after commit (queued while the cluster is down)."""
    from pages.visibility import restricted_prefixes

    from .documents import build
    from .engines import get_engine
    from .tasks import is_indexable

    prefixes = restricted_prefixes(fresh=True) if scope == "notice" else None
    objects = [o for o in objects if is_indexable(scope, o, prefixes)]
    engine = get_engine()
    if engine.name == "embedded":
        return engine.bulk_index(scope, (build(scope, o) for o in objects))
    for obj in objects:
        enqueue(scope, obj.pk)
    return len(objects)
