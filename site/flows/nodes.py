"""Flow nodes the processes share where viewflow's own cost more than they need to."""
from __future__ import annotations

from django.db import transaction
from viewflow.workflow import flow
from viewflow.workflow.activation import Activation
from viewflow.workflow.managers import _get_related_path
from viewflow.workflow.models import Process, Task
from viewflow.workflow.nodes.start import StartHandleActivation
from viewflow.workflow.signals import flow_started, task_started
from viewflow.workflow.status import STATUS


class Handle(flow.Handle):
    """viewflow's Handle (a step the system completes: a document's receipt, a window closing), re-reading
    its task under the flow's lock with the process in its case-file class in one query (viewflow's own reads
    the task, then its process, then the process's case-file row: three)."""

    def _create_wrapper_function(self, origin_func, task):
        def func(**kwargs):
            with self.flow_class.lock(task.process_id):
                path = _get_related_path(self.flow_class.process_class, Process)
                related = f"process__{path}" if path else "process"
                fresh = Task._default_manager.select_related(related).get(pk=task.pk)
                activation = self.activation_class(fresh)
                result = activation.run(origin_func, **kwargs)
                activation.execute()
                return result

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
