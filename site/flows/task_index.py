"""待办索引 kept in step with its sources (issue 28): flows.models.TaskIndex holds, per open human task, what 我的待办
counts, sorts and filters by. Its rows are never computed in Python: `refresh(tasks)` recomputes the rows of a set
of tasks set-wise (two INSERT … SELECT … ON CONFLICT DO UPDATE: the matter, then the due date from it) from the
same SQL expressions the worklist used to evaluate on every page (flows.worklist: _process_matter,
_process_jurisdiction, _task_due, _task_clock), so the rule lives once. Every write that can change a row calls it:

- a human task saved (created, assigned, started, finished, cancelled: viewflow saves the Task) — post_save on
  viewflow's Task: its row upserted while it is open, deleted when it is not;
- a clock written (started, stopped, paused, resumed, extended, recomputed: every Clock.save, and `clock_changed`
  for the writes that are a queryset update) — the tasks of its subject: the processes whose record it is, and
  the tasks whose matter it is;
- a process saved (CaseProcess.save: given its matter) and `process_changed` for a process given its matter by an
  UPDATE (complaints.services);
- a process's record saved (its matter, its letter or its jurisdiction may have changed: the records of the apps
  that run flows);
- bulk loads (benchmarks) call `refresh()` once, set-wise, after the load; the migration that made the table
  filled it the same way.

Within `batch()` (a service that writes several of these in one transaction: a receipt entered, a complaint
received, a task done) the refreshes wait and run once when the batch ends, still inside the transaction: every
task, process, record and matter they concern recomputed by the same two statements.

A safety net, `resync()` (the scheduler's round and `manage.py task_index --resync`), compares every row with its
recomputation and rewrites those that drifted (a write around the signals: raw SQL, a queryset update that did not
say so)."""
from __future__ import annotations

import contextlib
import contextvars
import json

from django.db import connection, transaction

OPEN = ("NEW", "ASSIGNED", "STARTED")
COLUMNS = ("task_id", "status", "owner_id", "owner_permission", "flow_task", "created",
           "matter_id", "jurisdiction", "due_on", "clock_id")


def _expected(tasks=None, *, stage: str = "all"):
    """The open human tasks (of `tasks`: a queryset of viewflow Tasks, a list of their numbers, or None for all)
    with their rows as the index should hold them, as a queryset of `COLUMNS` in that order.

    stage "matter": the due date and clock left NULL; "due": the matter read from the row the first stage wrote
    (a refresh writes a row in these two statements: the matter's expression, a CASE of a subquery for each kind
    of record, copied into each clock probe that names it cost 90 ms of planning for ONE task at 100,000 matters);
    "all" (resync's comparison): everything computed in one query."""
    from django.db.models import DateField, F, IntegerField, Value
    from viewflow.workflow.models import Task

    from .worklist import _human_steps, _process_jurisdiction, _process_matter, _task_clock, _task_due

    steps = _human_steps()
    qs = Task.objects.filter(flow_task_type="HUMAN", status__in=OPEN)
    if tasks is _CONCERNED:  # the statement compiled once (_statement): what it concerns four parameters
        qs = qs.filter(pk__in=_concerned())
    elif tasks is not None:
        qs = qs.filter(pk__in=tasks)
    matter = F("worklist_index__matter_id") if stage == "due" else _process_matter()
    if stage == "matter":
        due, clock = Value(None, output_field=DateField()), Value(None, output_field=IntegerField())
    else:
        due, clock = _task_due(steps), _task_clock(steps)
    # every column an annotation, so that the SELECT lists them in this order (a values() of fields and
    # annotations mixed puts the fields first)
    return (qs.order_by()
            .annotate(worklist_matter=matter)
            .annotate(ix_task=F("pk"), ix_status=F("status"), ix_owner=F("owner_id"),
                      ix_permission=F("owner_permission"), ix_step=F("flow_task"), ix_created=F("created"),
                      ix_matter=F("worklist_matter"), ix_jurisdiction=_process_jurisdiction(),
                      ix_due=due, ix_clock=clock)
            .values_list("ix_task", "ix_status", "ix_owner", "ix_permission", "ix_step", "ix_created",
                         "ix_matter", "ix_jurisdiction", "ix_due", "ix_clock"))


def refresh(tasks=None, *, processes=(), records=(), matters=()) -> int:
    """Recompute the rows of the open tasks these concern, from their sources, set-wise (two statements, whatever
    their number): `tasks` (numbers, Task rows, or a queryset of them read once), the tasks of `processes`
    (numbers), of the processes whose record is one of `records` ((content type id, object id) pairs), of
    `matters` (numbers: the tasks whose stored row names the matter). All empty and `tasks` None: every open task.
    The open ones' rows are written (inserted or replaced), the rows of those no longer open left to `drop`/`resync`.
    Returns the number of rows written by the second statement."""
    from .models import TaskIndex

    everything = tasks is None and not (processes or records or matters)
    if not everything:
        tasks = _numbers(tasks or ())
        if not (tasks or processes or records or matters):
            return 0
    table = TaskIndex._meta.db_table
    qn = connection.ops.quote_name
    cols = ", ".join(qn(c) for c in COLUMNS)
    updates = ", ".join(f"{qn(c)} = excluded.{qn(c)}" for c in COLUMNS[1:])
    # SQLite parses "INSERT … SELECT … ON CONFLICT" only when the SELECT has a WHERE (it has: the open tasks)
    # both statements or neither; inside a request's transaction no savepoint of their own (two more statements)
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        if everything:
            _no_jit(cursor)
        for stage in ("matter", "due"):
            if everything:
                sql, params = _expected(None, stage=stage).query.sql_with_params()
            else:
                sql, params = _statement(stage, {_TASKS: tasks, _PROCESSES: sorted(set(processes)),
                                                 _RECORDS_OF: sorted(set(records)), _MATTERS: sorted(set(matters))})
            cursor.execute(f"INSERT INTO {qn(table)} ({cols}) {sql} "
                           f"ON CONFLICT ({qn('task_id')}) DO UPDATE SET {updates}", params)
        return cursor.rowcount


def _numbers(tasks) -> list[int]:
    """Task numbers from numbers, Task rows or a queryset (read in one query)."""
    if hasattr(tasks, "values_list"):
        tasks = tasks.values_list("pk", flat=True)
    return sorted({getattr(t, "pk", t) for t in tasks})


class _Marker:
    """The place of one list of numbers in a compiled statement (_statement)."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self):
        return f"<{self.name}>"


_TASKS, _PROCESSES, _RECORDS_OF, _MATTERS = (_Marker(n) for n in ("tasks", "processes", "records", "matters"))
_CONCERNED = _Marker("concerned")
_STATEMENTS: dict = {}


def _concerned():
    """The numbers of the tasks a refresh concerns, as one subquery of four index reads (the filter's four lists
    are its parameters: empty ones read nothing): the tasks named, those of the processes named, of the processes
    whose record is named (the processes' artifact index), and those whose stored row names a matter named."""
    from django.db.models.expressions import RawSQL
    from viewflow.workflow.models import Process, Task

    from .models import TaskIndex

    qn = connection.ops.quote_name
    task, process, index = (qn(m._meta.db_table) for m in (Task, Process, TaskIndex))
    if connection.vendor == "postgresql":
        ids = "SELECT unnest(%s::bigint[])"
        pairs = "unnest(%s::bigint[], %s::bigint[]) AS r(ct, obj)"
        ct, obj = "r.ct", "r.obj"
        params = [_TASKS, _PROCESSES, _MATTERS, (_RECORDS_OF, 0), (_RECORDS_OF, 1)]
    else:
        ids = "SELECT value FROM json_each(%s)"
        pairs = "json_each(%s) AS r"
        ct, obj = "json_extract(r.value, '$[0]')", "json_extract(r.value, '$[1]')"
        params = [_TASKS, _PROCESSES, _MATTERS, (_RECORDS_OF, None)]
    sql = (f"{ids} UNION "
           f"SELECT t.id FROM {task} t WHERE t.process_id IN ({ids}) UNION "
           f"SELECT x.task_id FROM {index} x WHERE x.matter_id IN ({ids}) UNION "
           f"SELECT t.id FROM {task} t JOIN {process} p ON p.id = t.process_id JOIN {pairs} "
           f"ON p.artifact_content_type_id = {ct} AND p.artifact_object_id = {obj}")
    return RawSQL(sql, params)


def _statement(stage: str, lists: dict) -> tuple[str, list]:
    """The SQL of `_expected(_CONCERNED, stage=stage)` compiled once per process (and per database and content
    types: its parameters name them) with each list of numbers ONE parameter, then filled in: composing that
    query from its hundred expressions costs about 50 ms of Python, on every write that refreshes a row (a task
    saved, a clock started …), where running it for a few tasks costs a few milliseconds."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Task

    from casework.models import Matter

    key = (connection.alias, connection.settings_dict.get("NAME"), stage,
           ContentType.objects.get_for_model(Matter).pk, ContentType.objects.get_for_model(Task).pk)
    found = _STATEMENTS.get(key)
    if found is None:
        sql, params = _expected(_CONCERNED, stage=stage).query.sql_with_params()
        found = _STATEMENTS[key] = (sql, list(params))
    sql, params = found
    return sql, [_filled(p, lists) for p in params]


def _filled(param, lists: dict):
    """A compiled statement's parameter, its marker replaced by its list: an array on PostgreSQL (a pair list as
    two arrays: its content types, its object numbers), JSON on SQLite."""
    if isinstance(param, _Marker):
        values = lists[param]
    elif isinstance(param, tuple) and len(param) == 2 and isinstance(param[0], _Marker):
        marker, part = param
        values = lists[marker] if part is None else [pair[part] for pair in lists[marker]]
    else:
        return param
    return list(values) if connection.vendor == "postgresql" else json.dumps([list(v) if isinstance(v, tuple)
                                                                               else v for v in values])


def _no_jit(cursor) -> None:
    """Every task's row at once is a plan of a hundred subplans: PostgreSQL's JIT compiles it for 27 s at 100,000
    matters to run it in 1 s (the set-wise refresh and resync turn it off for their transaction; a few tasks' rows
    cost too little to be compiled)."""
    if connection.vendor == "postgresql":
        cursor.execute("SET LOCAL jit = off")


def drop(task_ids) -> None:
    from .models import TaskIndex

    TaskIndex.objects.filter(pk__in=list(task_ids))._raw_delete(TaskIndex.objects.db)


def tasks_of_subject(content_type_id: int, object_id) -> list[int]:
    """The open tasks a clock on this subject can bind: those of the processes whose record it is, and (a matter)
    those whose matter it is — read from two indexes (the processes' artifact index, the index's matter)."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Task

    from casework.models import Matter

    from .models import TaskIndex

    of_record = Task.objects.filter(process__artifact_content_type_id=content_type_id,
                                    process__artifact_object_id=int(object_id), status__in=OPEN,
                                    flow_task_type="HUMAN").order_by().values_list("pk", flat=True)
    if content_type_id == ContentType.objects.get_for_model(Matter).pk:  # both in one query (a clock started on
        # a receipt, a complaint accepted: one statement less on every write that starts or stops a clock)
        of_record = of_record.union(TaskIndex.objects.filter(matter_id=int(object_id)).order_by()
                                    .values_list("pk", flat=True))
    return sorted(set(of_record))


def clock_changed(clock) -> None:
    """A clock was written (by save, or by a queryset update that calls this): its subject's tasks recomputed —
    within a batch when it ends, else now (found first: most clocks a round touches bind no open task)."""
    if clock.subject_id is None or not str(clock.subject_id).isdigit():
        return
    pending = _BATCH.get()
    if pending is not None:
        from django.contrib.contenttypes.models import ContentType

        from casework.models import Matter

        pending.records.add((clock.subject_type_id, int(clock.subject_id)))
        if clock.subject_type_id == ContentType.objects.get_for_model(Matter).pk:
            pending.matters.add(int(clock.subject_id))
        return
    ids = tasks_of_subject(clock.subject_type_id, clock.subject_id)
    if ids:
        refresh(ids)


def process_changed(process_id: int) -> None:
    """A process was given its matter (or jurisdiction), by a save or by an UPDATE: its open tasks recomputed."""
    pending = _BATCH.get()
    if pending is not None:
        pending.processes.add(process_id)
    else:
        refresh(processes=[process_id])


def record_changed(content_type_id: int, object_id: int) -> None:
    """A record of a flow app whose matter, letter or jurisdiction may have changed: the open tasks of the
    processes about it recomputed."""
    pending = _BATCH.get()
    if pending is not None:
        pending.records.add((content_type_id, object_id))
    else:
        refresh(records=[(content_type_id, object_id)])


# ------------------------------------------------------------------ batches
class _Pending:
    """What the writes of a batch asked to recompute: the tasks saved open, those saved done, and the processes,
    records and matters whose tasks they concern."""

    def __init__(self):
        self.tasks, self.done, self.processes, self.records, self.matters = set(), set(), set(), set(), set()

    def flush(self) -> None:
        if self.done:
            drop(self.done)
        refresh(self.tasks, processes=self.processes, records=self.records, matters=self.matters)


_BATCH: contextvars.ContextVar[_Pending | None] = contextvars.ContextVar("task_index_batch", default=None)


@contextlib.contextmanager
def batch():
    """The refreshes asked for by the writes within, done once at its end, inside the caller's transaction: a
    receipt entered writes a clock and a task (three statements each way, two once), a task done ends one task
    and starts the next. Outside a transaction (each write committed by itself) it changes nothing: the rows
    are refreshed as each write happens. A batch inside a batch is the outer one's.

    An exception leaving the batch: what was written and stands is still refreshed (a savepoint within rolled back
    its own writes, the recomputation reads what is left); a transaction that must roll back refreshes nothing.
    Nothing reads 待办索引 within a batch (only 我的待办's pages read it)."""
    if _BATCH.get() is not None or not connection.in_atomic_block:
        yield
        return
    pending = _Pending()
    token = _BATCH.set(pending)
    try:
        yield
    except BaseException:
        _BATCH.reset(token)
        if not connection.needs_rollback:
            pending.flush()
        raise
    _BATCH.reset(token)
    pending.flush()


def resync() -> dict:
    """The safety net: every stored row compared with its recomputation; those that drifted rewritten, those of
    tasks no longer open (or gone) deleted, the missing inserted. Returns {"checked", "written", "dropped"}."""
    from .models import TaskIndex

    # both sides read as the database gives them (no field's conversion: a step is its stored reference)
    qn = connection.ops.quote_name
    with transaction.atomic():
        with connection.cursor() as cursor:
            _no_jit(cursor)
        expected = {row[0]: row for row in _raw(*_expected().query.sql_with_params())}
        stored = {row[0]: row for row in _raw(
            f"SELECT {', '.join(qn(c) for c in COLUMNS)} FROM {qn(TaskIndex._meta.db_table)}", ())}
    stale = [pk for pk in stored if pk not in expected]
    wrong = [pk for pk, row in expected.items() if stored.get(pk) != row]
    with transaction.atomic():
        for i in range(0, len(stale), 5000):
            drop(stale[i:i + 5000])
        for i in range(0, len(wrong), 5000):
            refresh(wrong[i:i + 5000])
    return {"checked": len(expected), "written": len(wrong), "dropped": len(stale)}


def _raw(sql, params) -> list[tuple]:
    """Rows as text (None kept): SQLite gives a stored date column as a date but a computed one as its text."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(None if v is None else str(v) for v in row) for row in cursor.fetchall()]


# ------------------------------------------------------------------ signals
def _flow_record_models() -> frozenset:
    """The kinds of record a process of this project can be about: the models of the apps that run flows that
    name a matter, a letter or a jurisdiction (whose change can change a task's matter or jurisdiction)."""
    global _RECORDS
    if _RECORDS is None:
        from django.apps import apps

        from .registry import flows

        labels = {f.__module__.split(".")[0] for f in flows().values()}
        _RECORDS = frozenset(
            model for label in labels if label in {c.label for c in apps.get_app_configs()}
            for model in apps.get_app_config(label).get_models()
            if any(f.name in ("matter", "letter", "jurisdiction") for f in model._meta.concrete_fields))
    return _RECORDS


_RECORDS = None


def on_task_saved(sender, instance, created, raw=False, **kwargs):
    if raw or instance.flow_task_type != "HUMAN":
        return
    pending = _BATCH.get()
    if instance.status in OPEN:
        if pending is None:
            refresh([instance.pk])
        else:
            pending.tasks.add(instance.pk)
            pending.done.discard(instance.pk)
    elif not created:
        if pending is None:
            drop([instance.pk])
        else:
            pending.done.add(instance.pk)
            pending.tasks.discard(instance.pk)


def on_clock_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        clock_changed(instance)


def on_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A process saved (not new: a new one has no task yet), or a record of a flow app whose matter, letter or
    jurisdiction may have changed: the tasks it concerns recomputed."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Process

    if raw or created:
        return
    if isinstance(instance, Process):
        if update_fields is None or {"matter", "matter_id", "jurisdiction", "artifact_object_id",
                                     "artifact_content_type"} & set(update_fields):
            process_changed(instance.pk)
        return
    if type(instance)._meta.concrete_model not in _flow_record_models():
        return
    if update_fields is not None and not {"matter", "matter_id", "letter", "letter_id", "jurisdiction"} & set(
            update_fields):
        return
    record_changed(ContentType.objects.get_for_model(instance, for_concrete_model=True).pk, instance.pk)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from viewflow.workflow.models import Task

    from clocks.models import Clock

    post_save.connect(on_task_saved, sender=Task, dispatch_uid="task_index_task")
    post_save.connect(on_clock_saved, sender=Clock, dispatch_uid="task_index_clock")
    post_delete.connect(on_clock_saved, sender=Clock, dispatch_uid="task_index_clock_deleted")
    post_save.connect(on_saved, dispatch_uid="task_index_records")
