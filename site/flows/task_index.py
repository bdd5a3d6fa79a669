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

A safety net, `resync()` (the scheduler's round and `manage.py task_index --resync`), compares every row with its
recomputation and rewrites those that drifted (a write around the signals: raw SQL, a queryset update that did not
say so)."""
from __future__ import annotations

import json

from django.db import connection, transaction
from django.db.models import Lookup

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
    if tasks is _TASKS:  # the statement compiled once (_statement): the tasks' numbers one parameter
        qs = qs.filter(_InArray(F("pk"), _TASKS))
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


def refresh(tasks=None) -> int:
    """Recompute the rows of these tasks (a queryset of viewflow Tasks, a list of their numbers, None for every
    task) from their sources, set-wise (two statements, whatever their number): the open ones' rows written
    (inserted or replaced), the rows of those no longer open left to `drop`/`resync`. Returns the number of rows written."""
    from .models import TaskIndex

    if tasks is not None:  # their numbers (a queryset: read in one query), to fill in the compiled statement
        tasks = sorted({getattr(t, "pk", t) for t in (tasks.values_list("pk", flat=True)
                                                       if hasattr(tasks, "values_list") else tasks)})
        if not tasks:
            return 0
    table = TaskIndex._meta.db_table
    qn = connection.ops.quote_name
    cols = ", ".join(qn(c) for c in COLUMNS)
    updates = ", ".join(f"{qn(c)} = excluded.{qn(c)}" for c in COLUMNS[1:])
    # SQLite parses "INSERT … SELECT … ON CONFLICT" only when the SELECT has a WHERE (it has: the open tasks)
    # both statements or neither; inside a request's transaction no savepoint of their own (two more statements)
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        if tasks is None:
            _no_jit(cursor)
        for stage in ("matter", "due"):
            if tasks is None:
                sql, params = _expected(None, stage=stage).query.sql_with_params()
            else:
                sql, params = _statement(stage, tasks)
            cursor.execute(f"INSERT INTO {qn(table)} ({cols}) {sql} "
                           f"ON CONFLICT ({qn('task_id')}) DO UPDATE SET {updates}", params)
        return cursor.rowcount


class _Marker(list):
    """The place of the tasks' numbers in a compiled statement (_statement)."""


_TASKS = _Marker()
_STATEMENTS: dict = {}


def _statement(stage: str, tasks: list) -> tuple[str, list]:
    """The SQL of `_expected(tasks, stage=stage)` compiled once per process (and per database and content types:
    its parameters name them) with the tasks' numbers as ONE parameter, then filled in: composing that query from
    its hundred expressions costs about 50 ms of Python, on every write that refreshes a row (a task saved, a clock
    started …), where running it for a few tasks costs a few milliseconds."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Task

    from casework.models import Matter

    key = (connection.alias, connection.settings_dict.get("NAME"), stage,
           ContentType.objects.get_for_model(Matter).pk, ContentType.objects.get_for_model(Task).pk)
    found = _STATEMENTS.get(key)
    if found is None:
        sql, params = _expected(_TASKS, stage=stage).query.sql_with_params()
        params = list(params)
        at = next(i for i, p in enumerate(params) if p is _TASKS or p == _InArray.SQLITE_MARK)
        found = _STATEMENTS[key] = (sql, params, at)
    sql, params, at = found
    params = list(params)
    params[at] = _InArray.param(tasks)
    return sql, params


class _InArray(Lookup):
    """`field = ANY(%s)` with the numbers as ONE array parameter on PostgreSQL, `IN (SELECT value FROM json_each(%s))`
    with one JSON parameter on SQLite: one statement text for any number of tasks (compiled once: _statement)."""
    lookup_name = "in_array"
    prepare_rhs = False
    SQLITE_MARK = "[\"__tasks__\"]"

    def get_prep_lookup(self):
        return self.rhs

    @staticmethod
    def param(values):
        return list(values) if connection.vendor == "postgresql" else json.dumps(list(values))

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)
        return f"{lhs} IN (SELECT value FROM json_each(%s))", (*lhs_params, self.SQLITE_MARK)


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
    """A clock was written (by save, or by a queryset update that calls this): its subject's tasks recomputed."""
    if clock.subject_id is None or not str(clock.subject_id).isdigit():
        return
    ids = tasks_of_subject(clock.subject_type_id, clock.subject_id)
    if ids:
        refresh(ids)


def process_changed(process_id: int) -> None:
    """A process was given its matter (or jurisdiction) by an UPDATE: its open tasks recomputed."""
    from viewflow.workflow.models import Task

    refresh(Task.objects.filter(process_id=process_id).values("pk"))


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
    if instance.status in OPEN:
        refresh([instance.pk])
    elif not created:
        drop([instance.pk])


def on_clock_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        clock_changed(instance)


def on_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A process saved (not new: a new one has no task yet), or a record of a flow app whose matter, letter or
    jurisdiction may have changed: the tasks it concerns recomputed."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Process, Task

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
    ct = ContentType.objects.get_for_model(instance, for_concrete_model=True)
    refresh(Task.objects.filter(process__artifact_content_type_id=ct.pk, process__artifact_object_id=instance.pk,
                                status__in=OPEN).values("pk"))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from viewflow.workflow.models import Task

    from clocks.models import Clock

    post_save.connect(on_task_saved, sender=Task, dispatch_uid="task_index_task")
    post_save.connect(on_clock_saved, sender=Clock, dispatch_uid="task_index_clock")
    post_delete.connect(on_clock_saved, sender=Clock, dispatch_uid="task_index_clock_deleted")
    post_save.connect(on_saved, dispatch_uid="task_index_records")
