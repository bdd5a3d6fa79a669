"""我的待办: every piece of work waiting on one person, whatever their role (officer, leader, liaison,
supervisor, editor), in one list sorted by urgency.

Two sources, one list:
- viewflow's human tasks the person holds or may claim (by the task's permission; a liaison only for its
  own agency's matters) — `viewflow_tasks` below;
- work that waits outside a task and is found from the records (a served document not yet signed for, a
  statistics return due, an objection to resolve …): each app contributes one provider, a function
  `(user, *, today)` named in PROVIDERS that returns a list of Items (a person's few dozen) or a Source (a
  QuerySource: thousands at a province's size, counted, sorted and paged in SQL). Providers are imported when
  called, so `flows/` imports no process module at load time.

A page of 我的待办 (issue 28) is a COUNT a source and the first offset+50 (due, title, reference) of each source
merged in order; only that page's items are built (Worklist), so its cost does not grow with the item count.

Each item carries its due date (from the clock record that binds it), the article of that clock, the working
days left on the project's working-day calendar (rules.calendar), and whether it is overdue."""
from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db.models import CharField, DateField, F, Func
from django.db.models.functions import Coalesce
from django.utils import timezone

log = logging.getLogger(__name__)

# app label (must be installed) -> "module:function"; one line per contributing app
PROVIDERS: tuple[tuple[str, str], ...] = (
    ("flows", "flows.worklist:viewflow_tasks"),
    ("casework", "casework.todos:documents_to_serve"),
    ("complaints", "complaints.todos:complaint_steps"),
    ("coordination", "coordination.todos:agency_answers"),
    ("programme", "programme.todos:returns_and_rectification"),
    ("activities", "flows.worklist:forwarded_opinions"),
    ("activities", "flows.worklist:supervisor_invitations"),
    ("activities", "activities.todos:attendance_to_record"),
    ("public_notices", "public_notices.todos:objections_and_drafts"),
    ("supervisors", "supervisors.todos:duties_waiting"),
    ("auxiliary", "auxiliary.todos:staff_to_manage"),
    ("referrals", "referrals.todos:serious_cases"),
)

SOON_WORKING_DAYS = 3  # a workbench horizon (预警), not a statutory figure


@dataclass
class Item:
    title: str                      # what to do: 签收《整改通知书》
    subject: str                    # what it is about: the matter, the document number …
    process: str                    # the process it belongs to: 监督建议书（意见书）
    url: str                        # the screen where it is done (GET)
    due: dt.date | None = None
    article: str = ""               # the article of the clock that sets the due date
    provisional: bool = False       # the due date depends on a year without holiday data
    claim_url: str = ""             # a viewflow task not yet taken: POST here to claim and open it
    mine: bool = True               # held by this person (False: may be claimed by any holder of the permission)
    key: str = ""                   # identity, to drop duplicates from two providers
    note: str = ""
    matter_id: int | None = None
    days_left: int | None = field(default=None)
    overdue: bool = False

    @property
    def days_text(self) -> str:
        if self.due is None or self.days_left is None:
            return ""
        if self.overdue:
            n = -self.days_left
            return f"已逾期{n}个工作日" if n else "已逾期"
        if self.days_left == 0:
            return "今日到期"
        return f"剩余{self.days_left}个工作日"


def _provider(path: str):
    module, name = path.split(":")
    return getattr(import_module(module), name)


def sort_key(due: dt.date | None, title: str) -> tuple:
    """The order of 我的待办: by due date (the overdue come first as the earliest), undated last, then by title;
    items equal on both keep their provider's order (PROVIDERS), then their order within it."""
    return (due is None, due or dt.date.max, title)


class Source:
    """A provider's items counted and sorted in the database (issue 28): `count()` in one query, `heads(n)` the
    first n (sort key, reference) in order of urgency in one query, `build(refs)` the items of those references
    only ({ref: Item}) in a fixed number of queries. A page of 我的待办 builds its 50 items, whatever the total.
    `heads(n, every=True)`: n is the source's whole count (the page reaches past its end), so all of it is read.
    `count_and_heads(n)`: the count and, where one statement gives them too, the first n heads (else None)."""

    def count(self) -> int:
        raise NotImplementedError

    def count_and_heads(self, limit: int) -> tuple[int, list | None]:
        return self.count(), None

    def heads(self, limit: int, *, every: bool = False) -> list[tuple]:
        raise NotImplementedError

    def build(self, refs: list) -> dict:
        raise NotImplementedError


class ListSource(Source):
    """The items of a provider that returns a list (a person's few dozen: a liaison's, a supervisor's)."""

    def __init__(self, items: list[Item]):
        self.items = sorted(items, key=lambda i: sort_key(i.due, i.title))  # stable: the provider's order in ties

    def count(self) -> int:
        return len(self.items)

    def heads(self, limit: int, *, every: bool = False) -> list[tuple]:
        return [(sort_key(i.due, i.title), n) for n, i in enumerate(self.items[:limit])]

    def build(self, refs: list) -> dict:
        return {n: self.items[n] for n in refs}


class QuerySource(Source):
    """Items that are rows of one queryset: `due` and `title` are expressions over the row (the title's text
    compared by code point, as Python compares it: the "C" collation on PostgreSQL), `order` its own order in
    ties, `build(pks)` -> {pk: Item}. `count_apart`: count it with a COUNT of its own, not with its first heads
    (count_and_heads) — for a source whose heads walk an index in their order and stop (reading every row for a
    count beside them costs more than the two statements)."""

    def __init__(self, queryset, *, due, title, order: tuple, build, count_apart: bool = False):
        self.queryset, self.due, self.title, self.order, self._build = queryset, due, title, order, build
        self.count_apart = count_apart

    def count(self) -> int:
        return self.queryset.order_by().count()

    def _ordered(self, *fields, **extra):
        from django.db import connection
        from django.db.models.functions import Collate

        collation = "C" if connection.vendor == "postgresql" else "BINARY"
        return (self.queryset.annotate(worklist_due=self.due, worklist_title=Collate(self.title, collation), **extra)
                .order_by(F("worklist_due").asc(nulls_last=True), "worklist_title", *self.order)
                .values_list("worklist_due", "worklist_title", "pk", *fields))

    def heads(self, limit: int, *, every: bool = False) -> list[tuple]:
        if limit <= 0:
            return []
        rows = self._ordered()
        # every row (its count, at most the page's end): no LIMIT, so that PostgreSQL plans for reading them all —
        # a bound officer's few unserved documents hashed against its jurisdiction's matters and sorted, where
        # a LIMIT made it walk the province's ~7,000 in title order hoping to meet them soon (40 ms for none)
        rows = rows if every else rows[:limit]
        return [(sort_key(due, title), pk) for due, title, pk in rows]

    def count_and_heads(self, limit: int) -> tuple[int, list | None]:
        """The count and the first `limit` heads in one statement (COUNT(*) OVER (): the sort reads every row
        anyway), instead of a COUNT and, later in the same request, the heads (issue 28: two statements a source
        on every rebuild of 我的待办 and the workbench). A source with no row answers with none: its count is 0."""
        from django.db.models import Count, Window

        if self.count_apart:
            return self.count(), None
        rows = list(self._ordered("worklist_count", worklist_count=Window(Count("*")))[:limit])
        return (rows[0][3] if rows else 0), [(sort_key(due, title), pk) for due, title, pk, _n in rows]

    def build(self, refs: list) -> dict:
        return self._build(refs) if refs else {}


class Worklist:
    """Everything waiting on `user` as a sequence (len, slices, iteration) of which only what is asked for is
    built: `len()` sums each source's COUNT, `[a:b]` merges the first b heads of each source (heapq.merge, stable:
    PROVIDERS order in ties) and builds those items only. `state` (the count, each source's, and the slices
    built) is what the cache keeps between requests (for_request)."""

    def __init__(self, user, today: dt.date, state: dict | None = None, on_change=None):
        self.user, self.today = user, today
        self.state = state if state is not None else {"count": None, "slices": {}}
        self._sources: list[Source] | None = None
        self._on_change = on_change

    def sources(self) -> list[Source]:
        if self._sources is None:
            self._sources = _sources(self.user, self.today)
        return self._sources

    def _changed(self):
        if self._on_change is not None:
            self._on_change(self.state)

    def __len__(self) -> int:
        if self.state["count"] is None:
            from casework.paging import PER_PAGE

            # with each count the first heads of a page of 我的待办: the workbench's first 8 and the inbox's first
            # page need no second statement
            counted = [s.count_and_heads(PER_PAGE) for s in self.sources()]
            counts = [n for n, _heads in counted]
            # the heads read with the counts are kept with them: a page within them is built without reading them
            # again (the badge counts on one screen, the workbench builds its first 8 on the next)
            self.state.update(count=sum(counts), counts=counts, heads=[heads for _n, heads in counted])
            self._changed()
        return self.state["count"]

    def count(self) -> int:  # Paginator asks for count()
        return len(self)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self):
        return iter(self[0:len(self)])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            items = self[index:index + 1] if index >= 0 else list(self)[index:index + 1 or None]
            if not items:
                raise IndexError(index)
            return items[0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            return self[start:stop][::step]
        if stop <= start:
            return []
        kept = self.state["slices"].get((start, stop))
        if kept is None:  # the workbench's first 8 within 我的待办's first 50, and the like
            kept = next((items[start - a:stop - a] for (a, b), items in self.state["slices"].items()
                         if a <= start and stop <= b and len(items) == b - a), None)
        if kept is None:
            kept = self.state["slices"][(start, stop)] = self._build(start, stop)
            self._changed()
        return list(kept)

    def _build(self, start: int, stop: int) -> list[Item]:
        import heapq
        from itertools import islice

        from rules.calendar import WorkCalendar, working_days_left

        sources = self.sources()
        # each source's count (len() read them: kept with the total) bounds what is asked of it: nothing of an
        # empty source, all of one that ends before `stop`
        counts, kept = self.state.get("counts"), self.state.get("heads")
        if counts is None or len(counts) != len(sources):  # a state kept before the counts were
            counts = [None] * len(sources)
        if kept is None or len(kept) != len(sources):
            kept = [None] * len(sources)

        def heads(s: Source, c: int | None, h: list | None) -> list:
            if h is not None and (stop <= len(h) or len(h) == c):  # within the heads read with the count, or all
                return h[:stop]
            return s.heads(stop) if c is None or c > stop else s.heads(c, every=True)

        streams = [[(key, n, ref) for key, ref in heads(s, c, h)]
                   for n, (s, c, h) in enumerate(zip(sources, counts, kept, strict=True))]
        chosen = list(islice(heapq.merge(*streams, key=lambda e: e[0]), start, stop))
        wanted: dict[int, list] = {}
        for _key, n, ref in chosen:
            wanted.setdefault(n, []).append(ref)
        built = {n: sources[n].build(refs) for n, refs in wanted.items()}
        items = [built[n][ref] for _key, n, ref in chosen if ref in built[n]]
        calendar, left = None, {}
        for item in items:
            if item.due is not None:
                if item.due not in left:
                    calendar = calendar or WorkCalendar.load()
                    left[item.due] = working_days_left(calendar, self.today, item.due)
                item.days_left = left[item.due]
                item.overdue = item.due < self.today
        return items


def _sources(user, today: dt.date) -> list[Source]:
    """Each provider's source, in PROVIDERS order: a provider returns a Source, a tuple of them, or a list of
    items (then kept in a ListSource, without the matters the person has recused themselves from and without an
    item another provider gave already)."""
    out: list = []
    for app, path in PROVIDERS:
        if not apps.is_installed(app):
            continue
        given = _provider(path)(user, today=today)
        for part in (given if isinstance(given, tuple) else (given,)):
            out.append(part if isinstance(part, Source) else list(part))
    listed = _without_recused(user, [i for part in out if isinstance(part, list) for i in part])
    keep, seen = {id(i) for i in listed}, set()
    sources = []
    for part in out:
        if isinstance(part, list):
            items = []
            for i in part:
                if id(i) in keep and not (i.key and i.key in seen):
                    seen.add(i.key)
                    items.append(i)
            part = ListSource(items)
        sources.append(part)
    return sources


def worklist(user, *, today: dt.date | None = None) -> Worklist | list:
    """Everything waiting on `user`, overdue first, then by due date (undated last): a Worklist, built a slice
    at a time."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    return Worklist(user, today or timezone.localdate())


def _without_recused(user, items: list[Item]) -> list[Item]:
    """A person who has recused themselves from a matter (casework.recusal) has no work waiting in it: its
    items leave their 待办 (claiming and acting are refused anyway). One query for all items: the person's own
    recusals (a handful), not a list of the thousands of matters their items name."""
    from casework.models import Recusal

    if not any(i.matter_id for i in items):
        return items
    recused = set(Recusal.objects.filter(user=user).values_list("matter_id", flat=True))
    return [i for i in items if i.matter_id not in recused] if recused else items


def recused_matters(user):
    """The matters `user` has recused themselves from, as a subquery (for a Source's queryset: no query of its own)."""
    from casework.models import Recusal

    return Recusal.objects.filter(user=user).values("matter_id")


def count(user, *, today: dt.date | None = None) -> int:
    return len(worklist(user, today=today))


# ------------------------------------------------------------------ clocks: the due date and its article
def clock_fields(clock) -> dict:
    """The item fields a clock record gives: its due date, article and whether it is provisional."""
    if clock is None:
        return {}
    return {"due": clock.due_on, "article": str(clock.citation), "provisional": clock.provisional}


def running_clocks(*subjects):
    """Running clocks of these records (a matter, a complaint, a return …), earliest due first."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from clocks.models import RUNNING, Clock

    cond = Q(pk__in=[])
    for s in subjects:
        if s is not None and s.pk is not None:
            cond |= Q(subject_type=ContentType.objects.get_for_model(s), subject_id=str(s.pk))
    return Clock.objects.filter(cond, status=RUNNING).order_by("due_on", "pk")


# ------------------------------------------------------------------ viewflow human tasks
# the clock that binds a task, where the task's matter runs several: "<Flow class>.<node>" -> rule keys
TASK_RULES: dict[str, tuple[str, ...]] = {
    "LetterFlow.rectify": ("letter_rectify_period",),
    "LetterFlow.review": ("letter_review_answer_period",),
    "CoordinationFlow.examine": ("dispute_accept_period",),
    "CoordinationFlow.supplement": ("dispute_supplement_period",),
    "CoordinationFlow.coordinate": ("dispute_finish_period",),
    "AccountabilityFlow.screen": ("fault_transfer_period",),
    "AccountabilityFlow.review": ("fault_reinvestigation_period",),
}


class _Matter:
    """What an item needs of a matter (its number, title, agency), read as values, not as model rows."""
    __slots__ = ("pk", "title", "agency_id")

    def __init__(self, pk, title, agency_id):
        self.pk, self.title, self.agency_id = pk, title, agency_id


def _matters(ids) -> dict:
    from casework.models import Matter

    ids = set(ids)
    if not ids:
        return {}
    return {pk: _Matter(pk, title, agency_id) for pk, title, agency_id in
            Matter.objects.filter(pk__in=set(ids)).values_list("pk", "title", "agency_id")}


def _artifacts(rows) -> dict:
    """{(content type id, object id): record} of the processes that name no matter (their record tells it,
    or stands as the subject): one query per kind of record; an artifact removed under a running process is
    simply absent (still the person's task)."""
    from django.contrib.contenttypes.models import ContentType

    from crypto_fields import EncryptedCharField

    wanted: dict[int, set] = {}
    for r in rows:
        if r["matter_id"] is None and r["ct"] and r["obj"] is not None:
            wanted.setdefault(r["ct"], set()).add(r["obj"])
    out = {}
    for ct_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None:
            continue
        # the personal data a record keeps encrypted is never shown in 我的待办: not decrypted a row at a time
        secret = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedCharField)]
        for obj in model._default_manager.filter(pk__in=ids).defer(*secret):
            out[(ct_id, obj.pk)] = obj
    return out


SENTINEL = 987654321


class FastUrls:
    """The screens of thousands of items, each reversed once a kind of screen and filled in by number (a reverse
    costs about 0.1 ms: a quarter of a second at 2,500 items)."""

    def __init__(self):
        self._templates: dict = {}

    def fill(self, key, make, *pks) -> str:
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = make(*(SENTINEL + k for k in range(len(pks))))
        for k, pk in enumerate(pks):
            template = template.replace(str(SENTINEL + k), str(pk), 1)
        return template

    def execute(self, flow_task, process_pk, task_pk) -> str:
        return self.fill(("execute", flow_task), lambda p, t: flow_task.reverse("execute", args=[p, t]),
                         process_pk, task_pk)

    def admin_url(self, model, pk) -> str:
        """`record.admin_url()` (a matter's, a complaint's screen) of the record `pk` of `model`, by number."""
        return self.fill(("admin", model), lambda probe: model(pk=probe).admin_url(), pk)


class _Clock:
    """What an item needs of a running clock (its due date, article, provisional years), read as values."""
    __slots__ = ("pk", "rule_key", "due_on", "citation", "provisional")

    def __init__(self, pk, rule_key, due_on, citation, provisional):
        self.pk, self.rule_key, self.due_on, self.citation, self.provisional = (
            pk, rule_key, due_on, citation, provisional)


def _task_clocks(rows) -> dict:
    """{task pk: the running clock that binds it}: of its record's and its matter's running clocks, the one of
    its step's rule (TASK_RULES) where the matter runs several, else the earliest due. One query for all (a page's
    tasks: at most a hundred subjects), one list a kind of record, the clocks read as values."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from casework.models import Matter
    from clocks.models import RUNNING, Clock
    from rules.sources import Citation

    matter_ct = ContentType.objects.get_for_model(Matter).pk
    subjects = {r["pk"]: [k for k in ((r["ct"], str(r["obj"]) if r["obj"] is not None else None),
                                      (matter_ct, str(r["matter"].pk) if r["matter"] is not None else None))
                          if k[0] and k[1] is not None]
                for r in rows}
    by_type: dict[int, set] = {}
    for ct_id, obj_id in {k for keys in subjects.values() for k in keys}:
        by_type.setdefault(ct_id, set()).add(obj_id)
    cond = Q(pk__in=[])  # one list a kind of record (a long OR of pairs is slow to plan)
    for ct_id, ids in by_type.items():
        cond |= Q(subject_type_id=ct_id, subject_id__in=sorted(ids))
    by_subject: dict[tuple, list] = {}
    citations: dict[tuple, str] = {}  # a few dozen articles among thousands of clocks: made text once each
    for pk, ct_id, obj_id, rule_key, due_on, source, article, document, provisional in Clock.objects.filter(
            cond, status=RUNNING).order_by("due_on", "pk").values_list(
            "pk", "subject_type_id", "subject_id", "rule_key", "due_on", "source", "article", "document",
            "provisional_years"):
        cited = citations.get((source, article, document))
        if cited is None:
            cited = citations[(source, article, document)] = str(Citation(source, article, document))
        by_subject.setdefault((ct_id, obj_id), []).append(_Clock(pk, rule_key, due_on, cited, bool(provisional)))
    out = {}
    for r in rows:
        keys = subjects[r["pk"]]
        clocks = [c for k in keys for c in by_subject.get(k, ())]
        if len(keys) > 1:
            clocks.sort(key=lambda c: (c.due_on, c.pk))
        rules = TASK_RULES.get(f"{r['flow_class'].__name__}.{r['flow_task'].name}")
        specific = next((c for c in clocks if c.rule_key in rules), None) if rules else None
        out[r["pk"]] = specific or (clocks[0] if clocks else None)
    return out


def _role_permissions(group_name: str) -> list[str]:
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return []
    return [f"{app}.{code}" for app, code in group.permissions.values_list("content_type__app_label", "codename")]


CLAIM_PK = "987654321"


@functools.cache
def _human_steps() -> dict[str, tuple]:
    """{task reference as stored: (the flow's node, its title)} of every human step of the registered flows: read
    off the flows once a process (their nodes are fixed once the flow modules are imported, flows.registry), not
    on every worklist built (a walk of every node of every flow, ~5 ms). The caller must not change the dict."""
    from viewflow.workflow.fields import get_task_ref

    from .registry import flows

    out = {}
    for flow_class in flows().values():
        for node in flow_class.instance.nodes():
            if getattr(node, "task_type", None) == "HUMAN":
                out[get_task_ref(node)] = (node, str(node.task_title))
    return out


def _process_matter():
    """The matter of a task's process as an SQL expression, resolved as its item resolves it (_task_items): the
    process's own, else its record's (matter_id_of: the record's matter, or its letter's) — one subquery a kind
    of record that can name a matter, read only where the process names none."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Case, F, IntegerField, OuterRef, Subquery, When
    from django.db.models.functions import Coalesce
    from viewflow.workflow.models import Process

    from casework.models import Matter

    def names_matter(model, name):
        field = next((f for f in model._meta.concrete_fields if f.name == name), None)
        return field is not None and field.is_relation and field.related_model is Matter

    paths = {}
    for model in apps.get_models():
        if issubclass(model, Process):
            continue
        found = ["matter_id"] if names_matter(model, "matter") else []
        letter = next((f for f in model._meta.concrete_fields if f.name == "letter" and f.is_relation), None)
        if letter is not None and names_matter(letter.related_model, "matter"):
            found.append("letter__matter_id")
        if found:
            paths[model] = found
    types = ContentType.objects.get_for_models(*paths)
    whens = [When(process__artifact_content_type_id=types[model].pk, then=Subquery(
        model._default_manager.filter(pk=OuterRef("process__artifact_object_id")).values(
            worklist_record_matter=Coalesce(*found) if len(found) > 1 else F(found[0]))[:1]))
        for model, found in paths.items()]
    return Coalesce(F("process__caseprocess__matter_id"), Case(*whens, default=None, output_field=IntegerField()),
                    output_field=IntegerField())


def _clock_probes(steps: dict):
    """The pieces of a task's binding clock as SQL (for _task_due and _task_clock): the running clocks, the task's
    record and matter as subjects (the matter as _process_matter resolves it, annotated `worklist_matter`), the
    condition of its step's own rule (TASK_RULES) and the steps that name one."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, OuterRef, Q, Value
    from django.db.models.functions import Cast
    from django.db.models.lookups import Exact

    from casework.models import Matter
    from clocks.models import RUNNING, Clock

    matter_ct = ContentType.objects.get_for_model(Matter).pk
    running = Clock.objects.filter(status=RUNNING)
    record = Q(subject_type_id=OuterRef("process__artifact_content_type_id"),
               subject_id=Cast(OuterRef("process__artifact_object_id"), CharField()))
    matter = Q(subject_type_id=matter_ct, subject_id=Cast(OuterRef("worklist_matter"), CharField()))
    # the step's match is in the subquery's WHERE, not in an ORDER BY: SQLite cannot resolve the outer task's
    # column inside a correlated subquery's ORDER BY ("no such column: viewflow_task.flow_task")
    preferred, refs = Q(), []
    for ref, (node, _title) in steps.items():
        if rules := TASK_RULES.get(f"{node.flow_class.__name__}.{node.name}"):
            preferred |= Q(rule_key__in=rules) & Q(Exact(OuterRef("flow_task"), Value(ref)))
            refs.append(ref)
    return running, record, matter, preferred, refs


def _first(clocks, field: str):
    from django.db.models import DateField, IntegerField, Subquery

    return Subquery(clocks.order_by("due_on", "pk").values(field)[:1],
                    output_field=DateField() if field == "due_on" else IntegerField())


def _task_due(steps: dict):
    """The due date of a task as an SQL expression: of its record's and its matter's running clocks (the matter
    as _process_matter resolves it, annotated `worklist_matter`), the one of its step's rule (TASK_RULES) where
    the matter runs several, else the earliest due (as _task_clocks)."""
    from django.db.models import Case as CaseWhen
    from django.db.models import DateField, When
    from django.db.models.functions import Coalesce

    running, record, matter, preferred, refs = _clock_probes(steps)
    # issue 28: a task's earliest clock is the earlier of two probes of ONE subject each (its record, its matter),
    # each the first entry of the partial index on running clocks (clock_running_subject_due: subject, due date) —
    # not one probe of both subjects (an OR: two bitmap scans, the heap and a sort a task, 260 ms at 100,000
    # matters). Each subquery appears once: a copy of one repeats the matter expression in the plan (planning
    # time grows with the copies: 160 subplans cost 120 ms of planning at 20,000 matters).
    earliest = _Earlier(_first(running.filter(record), "due_on"), _first(running.filter(matter), "due_on"))
    # the clock of the step's own rule, probed only for the tasks of the steps that name one (a CASE on the task's
    # step outside the subquery: the other steps' tasks run no probe); one subquery for all those steps
    if not refs:
        return earliest
    own = CaseWhen(When(flow_task__in=refs, then=_first(running.filter(record | matter).filter(preferred), "due_on")),
                   default=None, output_field=DateField())
    return Coalesce(own, earliest, output_field=DateField())


def _task_clock(steps: dict):
    """The number of the clock that binds a task (the one whose due date _task_due gives), as an SQL expression:
    its step's own rule's first clock where there is one, else the first of its record's and matter's clocks in
    (due date, number) order — the order _task_clocks sorts them in."""
    from django.db.models import Case as CaseWhen
    from django.db.models import IntegerField, When
    from django.db.models.functions import Coalesce

    running, record, matter, preferred, refs = _clock_probes(steps)
    earliest = _first(running.filter(record | matter), "pk")
    if not refs:
        return earliest
    own = CaseWhen(When(flow_task__in=refs, then=_first(running.filter(record | matter).filter(preferred), "pk")),
                   default=None, output_field=IntegerField())
    return Coalesce(own, earliest, output_field=IntegerField())


def _process_jurisdiction():
    """The jurisdiction of a task's process as an SQL expression, for a bound account (casework.visibility): a casework
    process's stored CaseProcess.jurisdiction ("" where none was known), else (viewflow's plain processes: the
    supervisors' campaigns and dismissals) its record's own jurisdiction; NULL where neither names one."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Case as CaseWhen
    from django.db.models import CharField, F, OuterRef, Subquery, When
    from django.db.models.functions import Coalesce

    records = _plain_process_records()
    whens = [When(process__artifact_content_type_id=ct.pk, then=Subquery(
        model._default_manager.filter(pk=OuterRef("process__artifact_object_id")).order_by().values(
            "jurisdiction")[:1]))
        for model, ct in ContentType.objects.get_for_models(*records).items()]
    plain = CaseWhen(*whens, default=None, output_field=CharField()) if whens else None
    if plain is None:
        return F("process__caseprocess__jurisdiction")
    return Coalesce(F("process__caseprocess__jurisdiction"), plain, output_field=CharField())


class StepTitle(Func):
    """The title of a task's step from its stored reference: `CASE flow_task WHEN ref THEN title … ELSE '' END`,
    written out at once — the SQL of a Case of one When(flow_task=ref) a step, whose 41 lookups Django compiled
    again on every statement that sorts 我的待办's tasks (10 ms of Python a statement, issue 28)."""
    output_field = CharField()

    def __init__(self, field: str, titles: dict[str, str]):
        super().__init__(F(field))
        self.titles = titles

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        whens = " ".join(["WHEN %s THEN %s"] * len(self.titles))
        pairs = [value for pair in self.titles.items() for value in pair]
        return f"CASE {column} {whens} ELSE %s END", [*params, *pairs, ""]


class _Earlier(Func):
    """The earlier of two dates, either of which may be NULL (then the other): LEAST on PostgreSQL (which skips
    NULLs); on SQLite, whose MIN() of two values is NULL if either is, MIN(COALESCE(a, b), COALESCE(b, a))."""
    function = "LEAST"
    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        a, b = self.get_source_expressions()
        return Func(Coalesce(a, b), Coalesce(b, a), function="MIN", output_field=DateField()).as_sql(
            compiler, connection, **extra_context)


def _worklist_q(user):
    """What 我的待办 keeps of the open tasks a user may see or do (flows.services.open_task_q), on the task's own
    columns, so that one rule filters viewflow's tasks (a liaison's) and their copy in 待办索引 (the bureau's):
    held by the user or claimable by its permission — for a superuser too (no blanket over every task); a leader
    who is not an officer is not offered the officers' unclaimed steps (drafting, examining, coordinating …): the
    leader's 待办 has what needs a leader (签发, 复查, 集体决定, 批准) and whatever the leader has taken on."""
    from django.db.models import Q

    from roles.access import groups_of
    from roles.definitions import LEADER, OFFICER

    keep = Q(owner_id=user.pk) | Q(owner_permission__in=user.get_all_permissions())
    groups = groups_of(user)
    if LEADER in groups and OFFICER not in groups:
        keep &= ~(Q(owner_id__isnull=True) & Q(owner_permission__in=_role_permissions(OFFICER)))
    return keep


def viewflow_tasks(user, *, today: dt.date):
    from roles.access import agency_of, bureau_jurisdiction, is_bureau

    from .services import open_task_q

    agency = None if is_bureau(user) else agency_of(user)
    worklist = _worklist_q(user)
    if agency is not None:  # a liaison: its own agency's few tasks, filtered by matter as they are built
        from .services import open_tasks

        return _task_items(user, open_tasks(user).filter(worklist), agency)
    # the bureau's staff: thousands of tasks at a province's size, counted, sorted and paged in SQL (issue 28) from
    # 待办索引 (flows.models.TaskIndex): each open task's matter, jurisdiction and due date stored beside it, with
    # its own filter columns, so that the COUNT and the page read one narrow table (no task's matter or clocks
    # resolved by subqueries); the 50 items of a page are built from the tasks and their clocks as before
    from viewflow.workflow.models import Task

    from .models import TaskIndex

    steps = _human_steps()
    # the same rule on the index's copy of the task's columns (it holds human tasks only: the registered steps)
    rows = TaskIndex.objects.filter(open_task_q(user), worklist, flow_task__in=list(steps))
    # the stored matter is the task's as its item resolves it (_process_matter): recusal, due date and item agree.
    # NOT IN the person's recusals (a subquery PostgreSQL reads once and hashes), not a NOT EXISTS per row: with the
    # few rows of casework_recusal the planner ran the anti-join as a loop over every listed task (10 ms of 17 for
    # the 7,691 tasks of a province's officer at 100,000 matters)
    rows = rows.exclude(matter_id__in=recused_matters(user))
    if own := bureau_jurisdiction(user):
        # a casework process of its own jurisdiction or none (""), a plain process whose
        # record is of its own (a plain process whose record names none is stored NULL: not listed)
        rows = rows.filter(jurisdiction__in=[own, ""])
    title = StepTitle("flow_task", {ref: t for ref, (_n, t) in steps.items()})

    def build(pks):  # the recused are out already (in SQL, by the same matter the item names)
        tasks = Task.objects.filter(pk__in=pks).select_related("process")
        return {int(i.key.split(":")[1]): i for i in _task_items(user, tasks, None)}

    return QuerySource(rows, due=F("due_on"), title=title, order=("created", "pk"), build=build)


def _plain_process_records() -> list:
    """The kinds of record, with a jurisdiction of their own, of the apps whose flows run viewflow's plain Process
    (not a CaseProcess: no stored jurisdiction) — the records such a process can be about (_process_jurisdiction:
    a bound account sees such a process's task where its record is of its own jurisdiction)."""
    from .models import CaseProcess
    from .registry import flows

    labels = {f.__module__.split(".")[0] for f in flows().values()
              if not issubclass(f.process_class, CaseProcess)}
    return [model for label in sorted(labels) if label in {c.label for c in apps.get_app_configs()}
            for model in apps.get_app_config(label).get_models()
            if any(f.name == "jurisdiction" for f in model._meta.concrete_fields)]


def _task_items(user, tasks, agency) -> list[Item]:
    """The items of these tasks: their matter, record, clock and screen read for all of them at once."""
    from django.db.models import F
    from django.urls import reverse

    items = []
    # values, not model rows: thousands of tasks at a province's size (a row of four models each cost 1 s)
    # the process's matter joined in the same query (its title and agency), not read by a list of thousands
    rows = list(tasks.values(
        "pk", "flow_task", "status", "owner_id", "process_id", flow_class=F("process__flow_class"),
        ct=F("process__artifact_content_type_id"), obj=F("process__artifact_object_id"),
        matter_id=F("process__caseprocess__matter_id"), matter_title=F("process__caseprocess__matter__title"),
        matter_agency=F("process__caseprocess__matter__agency_id")))
    artifacts = _artifacts(rows)
    from .models import matter_id_of

    for r in rows:
        r["artifact"] = artifacts.get((r["ct"], r["obj"]))
        r["own_matter"] = (_Matter(r["matter_id"], r["matter_title"], r["matter_agency"])
                           if r["matter_id"] is not None else None)
        if r["matter_id"] is None:  # a process started before it named its matter: its record's
            r["matter_id"] = matter_id_of(r["artifact"])
    matters = _matters(r["matter_id"] for r in rows if r["own_matter"] is None and r["matter_id"])
    for r in rows:
        r["matter"] = r["own_matter"] or matters.get(r["matter_id"])
    clocks = _task_clocks(rows)  # one query for the clocks of every task, never one a task
    claim_url = reverse("flows:claim", args=[CLAIM_PK])  # reversed once, not once a task (thousands at scale)
    urls, titles, inbox = FastUrls(), {}, reverse("flows:inbox")
    from django.contrib.contenttypes.models import ContentType

    from casework.models import Matter

    # the matters a liaison's agency is a party to (the other side of a dispute): one query, never one a task
    party_to = set(agency.matters_as_party.values_list("pk", flat=True)) if agency is not None else set()
    for r in rows:
        matter, artifact, flow_task = r["matter"], r["artifact"], r["flow_task"]
        if flow_task is None or r["flow_class"] is None:  # a step of a flow no longer in the code
            continue
        mine = r["owner_id"] == user.pk
        if agency is not None and not mine:
            # a liaison may claim only what concerns its own agency
            if matter is None or not (matter.agency_id == agency.pk or matter.pk in party_to):
                continue
        if mine and r["status"] != "NEW":
            url = urls.execute(flow_task, r["process_id"], r["pk"])
        else:
            # the record's own screen where its steps are done (a complaint), else its matter's, else 我的待办
            model = ContentType.objects.get_for_id(r["ct"]).model_class() if r["ct"] else None
            if model is not None and hasattr(model, "admin_url") and r["obj"] is not None:
                url = urls.admin_url(model, r["obj"])
            else:
                url = urls.admin_url(Matter, matter.pk) if matter is not None else inbox
        if flow_task not in titles:  # lazy translations, made text once a step (not once a task)
            titles[flow_task] = (str(flow_task.task_title), str(r["flow_class"].process_title))
        title, process_title = titles[flow_task]
        items.append(Item(
            title=title, subject=str(matter.title if matter is not None else artifact or ""),
            process=process_title, url=url, mine=mine,
            claim_url=claim_url.replace(CLAIM_PK, str(r["pk"]), 1), key=f"task:{r['pk']}",
            matter_id=matter.pk if matter is not None else None,
            **clock_fields(clocks.get(r["pk"]))))
    return items


# ------------------------------------------------------------------ activities: opinions forwarded to an agency
def forwarded_opinions(user, *, today: dt.date) -> list[Item]:
    """For an agency liaison: the supervisors' opinions forwarded to their agency and not yet answered, and those it
    answered with a rectification deadline whose adoption and rectification it has not yet reported (000 第十六条第三款),
    due on that deadline — in one query."""
    from django.db.models import Q
    from django.urls import reverse

    from activities.models import ANSWERED, CLOSED, FORWARDED
    from activities.opinions import handling_citation
    from activities.selectors import is_liaison, opinions_for_agency
    from rules.profiles import get_profile

    if not is_liaison(user):
        return []
    rows = opinions_for_agency(user).filter(
        Q(status=FORWARDED)
        | Q(status__in=(ANSWERED, CLOSED), rectify_by__isnull=False, rectification_reported_on__isnull=True)
    ).order_by("forwarded_on", "pk")
    items = []
    for o in rows:
        url = reverse("activities_admin:agency_opinion", args=[o.pk])
        if o.status == FORWARDED:
            items.append(Item(title="反馈转送的意见建议", subject=o.title, process="意见建议办理", url=url,
                              key=f"opinion:{o.pk}", **clock_fields(running_clocks(o).first())))
        else:
            items.append(Item(title="报送意见建议采纳情况和问题整改情况", subject=o.title, process="意见建议办理",
                              url=url, key=f"opinion-rectification:{o.pk}", due=o.rectify_by,
                              article=handling_citation(get_profile(o.jurisdiction))))
    return items


def for_request(request) -> Worklist | list:
    """The user's worklist, made once per request (the menu badge, the workbench and 我的待办 all ask); what it
    counted and built (the total, the pages) is kept in the shared cache under the work generations and the date
    (flows.badge: a bound account's, its own jurisdiction's): the next visit of the same page, the workbench after
    我的待办, and every screen until a write that may change this person's work, read it from there. After a write,
    only the count and the page asked for are made."""
    from django.core.cache import cache

    from .badge import TIMEOUT, list_key

    cached = getattr(request, "_worklist", None)
    if cached is None:
        user = request.user
        if user is None or not user.is_authenticated or not user.is_active:
            cached = []
        else:
            key = list_key(user)
            cached = Worklist(user, timezone.localdate(), state=cache.get(key),
                              on_change=lambda state: cache.set(key, state, TIMEOUT))
        request._worklist = cached
    return cached


# ------------------------------------------------------------------ activities: a supervisor's invitations
def supervisor_invitations(user, *, today: dt.date) -> list[Item]:
    """For a supervisor: the coming activities they are invited to and have not yet declared whether they
    have an interest in (回避声明), due on the day the activity is held."""
    from django.urls import reverse

    from activities.models import INVITED, NOT_DECLARED
    from activities.selectors import invitations_for_supervisor

    url = reverse("activities_admin:my_invitations")
    return [Item(title="作出回避声明", subject=str(inv.activity), process="监督活动", url=url,
                 due=inv.activity.held_on, key=f"invitation:{inv.pk}")
            for inv in invitations_for_supervisor(user).filter(
                status=INVITED, declaration=NOT_DECLARED, activity__held_on__gte=today)]
