"""Worker signals (django-tasks): heartbeat while a database-queued task runs; retry after a failure.
Tasks run in-process (the immediate backend of dev and tests) are left alone."""
import logging

from django.dispatch import receiver
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus, task_finished, task_started

from . import reliability

log = logging.getLogger("background")


def _queued_in_database(sender) -> bool:
    return isinstance(sender, DatabaseBackend) or (isinstance(sender, type) and issubclass(sender, DatabaseBackend))


@receiver(task_started)
def start_heartbeat(sender, task_result, **kwargs):
    if not _queued_in_database(sender):
        return
    try:
        reliability.Heartbeat.start(str(task_result.id), (task_result.worker_ids or ["?"])[-1])
    except Exception:  # never fail the task because of its heartbeat
        log.exception("could not start the heartbeat of task %s", task_result.id)


@receiver(task_finished)
def stop_heartbeat_and_retry(sender, task_result, **kwargs):
    if not _queued_in_database(sender):
        return
    try:
        reliability.Heartbeat.stop(str(task_result.id))
        if task_result.status == TaskResultStatus.FAILED:
            reliability.settle_failure(task_result.id)
    except Exception:  # the scheduler's reap() settles it instead
        log.exception("could not settle task %s after it finished", task_result.id)
