"""The flow's lock taken by the statement that reads the task it is taken for (issue 28).

viewflow's SelectForUpdateLock (every flow here: `lock_impl = lock.select_for_update_lock`) locks the process's
row in one statement (`SELECT 1 FROM flows_caseprocess WHERE process_ptr_id = … FOR UPDATE NOWAIT`: the case-file
row alone, the MTI child's table) and the task is then read in another. Here one statement reads the task with
its process in its case-file class and locks, NOWAIT, the rows it reads: the task, viewflow's process and the
case-file row — the last is the row viewflow's own lock takes, so the two exclude each other; the task and the
process are locked too so that what the statement returns is their newest committed version (PostgreSQL
re-reads a row it locks, not the rows it merely joins), as viewflow's second read after the lock is. Its retry
is viewflow's: `attempts` tries with the same backoff, FlowLockFailed after the last. A flow with another
lock_impl takes its own lock and reads the task after it, as viewflow does. SQLite has no row locks: there the
statement is the plain read (SQLite serialises writers)."""

from __future__ import annotations

import contextlib
import random
import time

from django.db import DatabaseError, transaction
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.lock import SelectForUpdateLock, lock_scope
from viewflow.workflow.managers import _get_related_path
from viewflow.workflow.models import Process


def process_path(flow_class) -> str:
    """The select_related path from a task to its process in the flow's process class (`process__caseprocess`)."""
    path = _get_related_path(flow_class.process_class, Process)
    return f"process__{path}" if path else "process"


def locking_read(flow_class, tasks, *, nowait: bool = True):
    """`tasks` with their process in its class, FOR UPDATE (NOWAIT) of the task, the process and each of its
    case-file rows; the case-file rows joined INNER (PostgreSQL locks no row of an outer join's nullable side)."""
    related = process_path(flow_class)
    parts = related.split("__")
    of = ("self", *("__".join(parts[: i + 1]) for i in range(len(parts))))
    if len(parts) > 1:
        tasks = tasks.filter(**{f"{related}__isnull": False})
    return tasks.select_related(related).select_for_update(nowait=nowait, of=of)


class _LockingRead:
    """A lock_impl for viewflow's lock_scope (which runs the callbacks deferred until the lock is released)
    whose locking statement is the read of the task; the task read is kept in `task`."""

    def __init__(self, impl: SelectForUpdateLock, query):
        self.impl, self.query, self.task = impl, query, None

    @contextlib.contextmanager
    def __call__(self, flow_class, process_pk):
        for attempt in range(self.impl.attempts):
            locked = False
            try:
                with transaction.atomic():
                    self.task = self.query.first()
                    locked = True
                    yield
                return
            except DatabaseError:
                if locked:  # the work under the lock failed, not the lock
                    raise
                if attempt == self.impl.attempts - 1:
                    raise FlowLockFailed(f"Lock failed for {flow_class}") from None
                time.sleep((((attempt + 1) * random.random()) + 2**attempt) / 2.5)  # viewflow's backoff


@contextlib.contextmanager
def first_locked(flow_class, tasks, *, process_id: int | None = None):
    """Under the flow's lock, the first of `tasks` (a Task queryset) with its process in its class, read after
    (in the statement that takes) the lock, or None when none is left: its filters, a status among them, are
    checked on the rows as the lock finds them. `process_id`, when known, is the process a lock other than
    select_for_update_lock is taken on; without it that lock's process is the first task's, found first."""
    impl = flow_class.lock_impl
    if isinstance(impl, SelectForUpdateLock):
        read = _LockingRead(impl, locking_read(flow_class, tasks, nowait=impl.nowait))
        with lock_scope(read, flow_class, process_id):
            yield read.task
        return
    if process_id is None:
        found = tasks.values_list("pk", "process_id").first()
        if found is None:
            yield None
            return
        tasks, process_id = tasks.filter(pk=found[0]), found[1]
    with flow_class.lock(process_id):
        yield tasks.select_related(process_path(flow_class)).first()
