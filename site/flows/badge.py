"""The count beside 我的待办 in the admin menu, kept in the cache so that an admin page does not rebuild the
whole worklist (about 50 queries for an officer) just to print a number.

The count is stored per user under a global *work generation* and the local date:
- any write that can change anyone's work bumps the generation (`bump()`): a save or delete of a model of the
  project's apps, viewflow's processes and tasks (created, assigned, finished), Django's users, groups and
  permissions (and their many-to-many links), Wagtail's pages and revisions — everything but the rows listed
  in IGNORED (sessions, the search index, background-task bookkeeping, failed logins, the scheduler's
  lease), which change nobody's work. One counter for all users: a write costs one cache increment, never a
  guess of whose work it changed;
- the date: days left and "overdue" change at midnight, and some work is only due from a date on.
The generation lives in the shared cache (Redis in production), so every web process sees a bump at once.
It is bumped when the write happens and again when its transaction commits (a count computed by another
process in between, from data not yet committed, is not kept). A write that sends no signal (a queryset
`update()`, raw SQL) is seen within TIMEOUT seconds.
"""
from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

from generations import Generation

GENERATION_KEY = "worklist:generation"
TIMEOUT = 300  # seconds: the longest a count written around the signals (queryset.update) may stay stale

# app labels, or "app_label.ModelName", whose writes change nobody's work
IGNORED = frozenset({
    "sessions", "contenttypes", "admin", "search", "wagtailsearch", "background", "django_tasks_database",
    "django_tasks_db", "logins", "wagtailembeds", "wagtailimages.Rendition", "wagtailusers",
    "wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry", "clocks.SchedulerLease", "rules",
})


_GENERATION = Generation(GENERATION_KEY)
generation = _GENERATION.current


def bump() -> None:
    """Every cached count is stale: now, and again when the current transaction commits (once per
    transaction, however many rows it writes)."""
    _GENERATION.bump()


def _watched(model) -> bool:
    meta = model._meta
    return meta.app_label not in IGNORED and f"{meta.app_label}.{meta.object_name}" not in IGNORED


def on_write(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    if _watched(sender):
        bump()


def on_m2m(sender, action, instance, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and _watched(type(instance)):
        bump()


# many-to-many links written only beside a save that bumps already: a task's link to the one before it is
# added when the task is created (its post_save bumped); left unwatched, Django adds it in one statement
# (a watched link costs a read of the existing links first)
UNWATCHED_LINKS = frozenset({("viewflow", "task", "previous")})


def connect() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(on_write, dispatch_uid="worklist_badge_save")
    post_delete.connect(on_write, dispatch_uid="worklist_badge_delete")
    # each link table by name (a receiver for every sender would keep Django from adding links in one statement)
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            if (model._meta.app_label, model._meta.model_name, field.name) in UNWATCHED_LINKS:
                continue
            m2m_changed.connect(on_m2m, sender=field.remote_field.through,
                                dispatch_uid=f"worklist_badge_m2m:{model._meta.label}.{field.name}")


def list_key(user) -> str:
    """The cache key of the user's whole 我的待办 (flows.worklist.for_request): same generation and date."""
    return f"worklist:items:{generation()}:{timezone.localdate().isoformat()}:{user.pk}"


def count_for_request(request) -> int:
    """The number of items in the user's 我的待办: from the cache, or counted (and kept) now. A request
    that has built the whole list already (the inbox, the workbench) counts that list."""
    from .worklist import for_request

    user = request.user
    if user is None or not user.is_authenticated:
        return 0
    key = f"worklist:count:{generation()}:{timezone.localdate().isoformat()}:{user.pk}"
    built = getattr(request, "_worklist", None)
    if built is None:
        n = cache.get(key)
        if n is not None:
            return n
    n = len(for_request(request))
    cache.set(key, n, TIMEOUT)
    return n
