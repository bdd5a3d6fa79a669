"""Flow nodes the processes share where viewflow's own cost more than they need to."""
from __future__ import annotations

from django.db import transaction
from viewflow.workflow import flow
from viewflow.workflow.activation import Activation
from viewflow.workflow.models import Task
from viewflow.workflow.nodes.start import StartHandleActivation
from viewflow.workflow.signals import flow_started, task_started
from viewflow.workflow.status import STATUS

from flows.locking import first_locked
from held_rows import held_row


class Handle(flow.Handle):
    """viewflow's Handle (a step the system completes: a document's receipt, a window closing), its task read
    with the process in its case-file class by the statement that takes the flow's lock (flows.locking: viewflow's
    own takes the lock, then reads the task, then its process, then the process's case-file row: four), or taken
    as the caller holds it under that lock (held_rows: flows.services.run_handle finds it so)."""

    def _create_wrapper_function(self, origin_func, task):
        def complete(fresh, kwargs):
            activation = self.activation_class(fresh)
            result = activation.run(origin_func, **kwargs)
            activation.execute()
            return result

        def func(**kwargs):
            in_hand = held_row(Task, task.pk)
            if in_hand is not None:
                return complete(in_hand, kwargs)
            tasks = Task._default_manager.filter(pk=task.pk)
            with first_locked(self.flow_class, tasks, process_id=task.process_id) as fresh:
                if fresh is None:
                    raise Task.DoesNotExist(f"没有这个流程任务：{task.pk}")
                return complete(fresh, kwargs)

        return func


class _StartHandleActivation(StartHandleActivation):
    @Activation.status.transition(source=STATUS.NEW)
    def execute(self):
        # viewflow's own, but its transaction is the caller's when there is one: no savepoint (two more
        # statements) for a process that a failure rolls back with the caller's whole transaction anyway
        task_started.send(sender=self.flow_class, process=self.process, task=self.task)
        with transaction.atomic(savepoint=False):
            self.process.save()
            with self.flow_class.lock(self.process.pk):
                self.complete()
                flow_started.send(sender=self.flow_class, process=self.process, task=self.task)
                self.activate_next()


class StartHandle(flow.StartHandle):
    """viewflow's StartHandle (a process started from code: a complaint received), started within the
    caller's transaction without a savepoint of its own."""

    activation_class = _StartHandleActivation
