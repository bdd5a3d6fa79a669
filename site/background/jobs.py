"""Scheduler job: tasks of dead workers back to the queue, failed tasks retried (reliability.reap)."""
from clocks import scheduler

from . import reliability


@scheduler.job("后台任务租约与重试检查")
def reap_tasks(now) -> str:
    requeued, given_up = reliability.reap()
    return f"重新排队 {requeued} 项，放弃 {given_up} 项"
