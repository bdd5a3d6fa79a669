"""Scheduler job: 待办索引's safety net (flows.task_index.resync) — every row compared with its recomputation, those
that drifted (a write around the signals: raw SQL, a queryset update that did not call the refresh) rewritten."""
from clocks import scheduler


@scheduler.job("待办索引核对")
def resync_task_index(now) -> str:
    from .task_index import resync

    report = resync()
    return f"核对 {report['checked']} 项，重写 {report['written']} 项，删除 {report['dropped']} 项"
