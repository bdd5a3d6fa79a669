"""The count beside 我的待办 in the admin menu, kept in the cache so that an admin page does not rebuild the
whole worklist (about 50 queries for an officer) just to print a number.

The count is stored per user under the *work generations* and the local date:
- any write that can change anyone's work bumps a generation (`bump()`): a save or delete of a model of the
  project's apps, viewflow's processes and tasks (created, assigned, finished), Django's users, groups and
  permissions (and their many-to-many links), Wagtail's pages and revisions — everything but the rows listed
  in IGNORED (sessions, the search index, background-task bookkeeping, failed logins, the scheduler's
  lease), which change nobody's work;
- which generation (issue 28: a district officer's page should not be rebuilt for every other district's
  write): a write whose jurisdiction is known for certain (`jurisdiction_of`: the row's own fixed jurisdiction,
  a clock's profile_code, a task's or process's CaseProcess.jurisdiction, the row's matter's) bumps that
  jurisdiction's generation and the "any jurisdiction" one; any other write — users, groups, permissions,
  pages, many-to-many links, a row without a jurisdiction or whose jurisdiction may have moved, a process whose
  CaseProcess.jurisdiction is "" — bumps the global one. When in doubt: global;
- which generations a key reads (`generation(scope_of(user))`): always the global one, and the account's own
  jurisdiction's for a bureau account bound to one (roles.access.bureau_jurisdiction: it sees and acts on that
  jurisdiction's work only, so another jurisdiction's write cannot change it), else the "any" one (unbound
  staff, liaisons — a coordination dispute names a second agency — supervisors, anyone not proven narrower);
- the date: days left and "overdue" change at midnight, and some work is only due from a date on.
The generations live in the shared cache (Redis in production), so every web process sees a bump at once.
A generation is bumped when the write happens and again when its transaction commits (a count computed by
another process in between, from data not yet committed, is not kept). A write that sends no signal (a
queryset `update()`, raw SQL) is seen within TIMEOUT seconds.
"""
from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

from generations import Generation

GENERATION_KEY = "worklist:generation"
ANY_KEY = "worklist:generation:any"
JURISDICTION_KEY = "worklist:generation:j:{}"
TIMEOUT = 300  # seconds: the longest a count written around the signals (queryset.update) may stay stale

# app labels, or "app_label.ModelName", whose writes change nobody's work
IGNORED = frozenset({
    "sessions", "contenttypes", "admin", "search", "wagtailsearch", "background", "django_tasks_database",
    "django_tasks_db", "logins", "wagtailembeds", "wagtailimages.Rendition", "wagtailusers",
    "wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry", "clocks.SchedulerLease", "rules",
})


# the rows whose own `jurisdiction` is set when they are created and never changed, and is the one a bound
# account's work is filtered by (flows.worklist's providers, the workbench and its kept panels). A row with a
# jurisdiction field not listed here (its jurisdiction editable, as an agency's or a supervisor's, or its work read
# by another field: a consent request by its supervisor's) bumps the global generation, even with a matter.
FIXED_JURISDICTION = frozenset({
    "casework.Matter", "complaints.Complaint", "complaints.HotlineOrder", "complaints.InterferenceRecord",
    "activities.Opinion", "programme.ProgrammeYear",
    "casework.MatterSequence", "casework.DocumentSequence",  # a jurisdiction's numbering: read by nobody's work
})
# rows whose jurisdiction is editable: a new one names its jurisdiction, a changed one may have left another
CREATED_JURISDICTION = frozenset({"casework.Agency"})
MEMO_SIZE = 20000  # matters and processes whose (fixed) jurisdiction is remembered in the process

_GENERATION = Generation(GENERATION_KEY)  # global: every key reads it
_ANY = Generation(ANY_KEY)  # bumped with each jurisdiction's: read by accounts not bound to one
_JURISDICTIONS: dict[str, Generation] = {}  # one object a code: a transaction's commit hook is added once
_MATTERS: dict[int, str] = {}
_PROCESSES: dict[int, str] = {}


def _of(code: str) -> Generation:
    gen = _JURISDICTIONS.get(code)
    if gen is None:
        gen = _JURISDICTIONS.setdefault(code, Generation(JURISDICTION_KEY.format(code)))
    return gen


def generation(scope: str = "") -> str:
    """The generations a key is kept under: the global one and `scope`'s (a jurisdiction code), or, for "", the
    one every jurisdiction's write bumps — read in one round trip."""
    gens = (_GENERATION, _of(scope) if scope else _ANY)
    found = cache.get_many([g.key for g in gens])
    return ".".join(str(found.get(g.key) or g.current()) for g in gens)


def scope_of(user) -> str:
    """The jurisdiction whose generation `user`'s kept work reads: a bureau account's bound jurisdiction, else ""
    (any). An account that is a liaison or a supervisor too reads "any": their items are not proven narrower."""
    from roles.access import bureau_jurisdiction, groups_of, is_bureau
    from roles.definitions import LIAISON, SUPERVISOR

    if user is None or not user.is_authenticated or not is_bureau(user) or groups_of(user) & {LIAISON, SUPERVISOR}:
        return ""
    return bureau_jurisdiction(user)


def bump(jurisdiction: str = "") -> None:
    """The cached counts that may read this write are stale: now, and again when the current transaction commits
    (once per transaction and generation, however many rows it writes) — a jurisdiction's and the "any" one's for
    a write of that jurisdiction, else (""), everyone's."""
    if jurisdiction:
        _of(jurisdiction).bump()
        _ANY.bump()
    else:
        _GENERATION.bump()


def forget() -> None:
    """Forget the remembered jurisdictions (tests: SQLite gives a rolled-back row's number again; in production a
    number is never given twice on PostgreSQL, and a wrong memory on SQLite lasts at most TIMEOUT seconds)."""
    _MATTERS.clear()
    _PROCESSES.clear()


def _remember(memo: dict, pk, code: str) -> str:
    if code and pk is not None:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[pk] = code
    return code


def _recalled(memo: dict, model, pk) -> str:
    """The fixed jurisdiction of row `pk` of `model`: remembered, else one query (and remembered)."""
    if pk is None:
        return ""
    if pk not in memo:
        _remember(memo, pk, model.objects.filter(pk=pk).order_by().values_list("jurisdiction", flat=True).first() or "")
    return memo.get(pk, "")


def _matter_jurisdiction(instance) -> str:
    from casework.models import Matter

    matter = instance._state.fields_cache.get("matter")
    if matter is not None:
        return _remember(_MATTERS, matter.pk, matter.jurisdiction or "")
    return _recalled(_MATTERS, Matter, instance.matter_id)


def _process_jurisdiction(process_id, process=None) -> str:
    """A process's stored CaseProcess.jurisdiction (set once, when it is first known: flows.models), "" for none
    or a plain process. From the process in memory, else remembered, else one query."""
    from .models import CaseProcess

    code = getattr(process, "jurisdiction", None)
    if code is not None:
        return _remember(_PROCESSES, process_id, code)
    return _recalled(_PROCESSES, CaseProcess, process_id)


def jurisdiction_of(instance, created: bool = False) -> str:
    """The jurisdiction whose work alone a write of `instance` may change, or "" where that is not certain."""
    from viewflow.workflow.models import Process, Task

    meta = instance._meta
    label = meta.label
    if label in FIXED_JURISDICTION or (created and label in CREATED_JURISDICTION):
        return instance.jurisdiction or ""
    if isinstance(instance, Task):
        return _process_jurisdiction(instance.process_id, instance._state.fields_cache.get("process"))
    if isinstance(instance, Process):  # a CaseProcess's stored jurisdiction; a plain process: ""
        return _process_jurisdiction(instance.pk, instance)
    if label == "clocks.Clock":  # its profile_code is its jurisdiction (clocks.services.clock_start)
        return instance.profile_code or ""
    if label in ("clocks.ClockPause", "clocks.ClockExtension"):
        clock = instance._state.fields_cache.get("clock")
        return (clock.profile_code or "") if clock is not None else ""
    fields = {f.name: f for f in meta.concrete_fields}
    if "jurisdiction" in fields:  # a jurisdiction of its own, not known to be fixed: see FIXED_JURISDICTION
        return ""
    matter = fields.get("matter")
    if matter is not None and matter.is_relation and matter.related_model._meta.label == "casework.Matter":
        return _matter_jurisdiction(instance)
    return ""


def _watched(model) -> bool:
    meta = model._meta
    return meta.app_label not in IGNORED and f"{meta.app_label}.{meta.object_name}" not in IGNORED


def on_write(sender, instance=None, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    if _watched(sender) and not _login_only(sender, kwargs.get("update_fields")):
        bump(jurisdiction_of(instance, kwargs.get("created", False)) if instance is not None else "")


def _login_only(sender, update_fields) -> bool:
    """A login writes the user's last_login only (django.contrib.auth.models.update_last_login): nobody's work."""
    from django.contrib.auth import get_user_model

    return sender is get_user_model() and update_fields is not None and set(update_fields) == {"last_login"}


def on_m2m(sender, action, instance, **kwargs) -> None:
    # a link names two rows, either of which may be the instance: global
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
    """The cache key of the user's whole 我的待办 (flows.worklist.for_request): same generations and date."""
    return f"worklist:items:{generation(scope_of(user))}:{timezone.localdate().isoformat()}:{user.pk}"


def count_for_request(request) -> int:
    """The number of items in the user's 我的待办: from the cache, or counted (and kept) now. A request
    that has built the whole list already (the inbox, the workbench) counts that list."""
    from .worklist import for_request

    user = request.user
    if user is None or not user.is_authenticated:
        return 0
    key = f"worklist:count:{generation(scope_of(user))}:{timezone.localdate().isoformat()}:{user.pk}"
    built = getattr(request, "_worklist", None)
    if built is None:
        n = cache.get(key)
        if n is not None:
            return n
    n = len(for_request(request))
    cache.set(key, n, TIMEOUT)
    return n
