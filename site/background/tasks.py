"""Long work staff start from the admin, run as background tasks (django-tasks: in-process in dev and tests,
the database worker in production) with their progress recorded for the 后台任务 screen.

Idempotent like every task here: a search rebuild reads the database afresh and replaces the index."""
from __future__ import annotations

from django_tasks import task

from progress import Progress

from . import progress as task_progress

SCOPES = {"notice": "公告公示", "decision": "决定记录"}


@task()
def rebuild_search_index(progress_id: str) -> str:
    """重建检索索引 (what `manage.py search_rebuild` does), every scope, with its count recorded."""
    from search.documents import all_objects, build, count_objects
    from search.engines import get_engine
    from search.engines.errors import AnalyzerMissing
    from search.engines.es_index import RebuildRunning

    engine = get_engine()
    lines = []
    try:
        with Progress("重建检索索引", total=sum(count_objects(s) for s in SCOPES), task_id=progress_id, quiet=True) as bar:
            for scope, label in SCOPES.items():
                n = engine.rebuild(scope, (build(scope, obj) for obj in bar.iter(all_objects(scope))))
                lines.append(f"{label}已索引 {n} 条")
    except (RebuildRunning, AnalyzerMissing) as exc:
        task_progress.finish(progress_id, result=str(exc), failed=True)
        return str(exc)
    except Exception as exc:
        task_progress.finish(progress_id, result=f"重建失败（旧索引不变）：{exc}", failed=True)
        raise
    result = "；".join(lines) + "。"
    task_progress.finish(progress_id, result=result)
    return result

