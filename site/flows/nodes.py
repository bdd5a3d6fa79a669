"""Flow nodes the processes share where viewflow's own cost more than they need to."""
from __future__ import annotations

from viewflow.workflow import flow
from viewflow.workflow.managers import _get_related_path
from viewflow.workflow.models import Process, Task


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
