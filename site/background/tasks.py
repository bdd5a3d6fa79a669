"""Long work staff start from the admin, run as background tasks (django-tasks: in-process in dev and tests,
the database worker in production) with their progress recorded for the 后台任务 screen.

Idempotent like every task here: a search rebuild reads the database afresh and replaces the index."""
from __future__ import annotations

from django_tasks import task

from progress import Progress

from . import progress as task_progress

SCOPES = {"notice": "公告公示", "decision": "决定记录", "case": "案件检索"}


@task()
def rebuild_search_index(progress_id: str) -> str:
    """重建检索索引 (what `manage.py search_rebuild` does), every scope, with its count recorded."""
    from search.documents import all_objects, build, count_objects
    from search.engines import get_engine
    from search.engines.errors import AnalyzerMissing
    from search.engines.es_index import RebuildRunning, SwapUncertain

    engine = get_engine()
    lines = []
    try:
        with Progress("重建检索索引", total=sum(count_objects(s) for s in SCOPES), task_id=progress_id, quiet=True) as bar:
            for scope, label in SCOPES.items():
                n = engine.rebuild(scope, (build(scope, obj) for obj in bar.iter(all_objects(scope))))
                lines.append(f"{label}已索引 {n} 条")
    except (RebuildRunning, AnalyzerMissing, SwapUncertain) as exc:
        task_progress.finish(progress_id, result=str(exc), failed=True)
        return str(exc)
    except Exception as exc:
        task_progress.finish(progress_id, result=f"重建失败（旧索引不变）：{exc}", failed=True)
        raise
    result = "；".join(lines) + "。"
    task_progress.finish(progress_id, result=result)
    return result



@task()
def import_notices(progress_id: str, file_name: str, dry_run: bool = False, user_id: int | None = None) -> str:
    """导入公告 from a JSON Lines file uploaded in the admin (what `manage.py import_notices` does), stage by
    stage with its count recorded. The uploaded file is kept privately until the import has run."""
    from django.contrib.auth import get_user_model

    from casework.storage import private_storage
    from public_notices.importer import ImportAborted, decode_lines, import_lines

    storage = private_storage()
    by = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        with storage.open(file_name, "rb") as fh:
            lines = decode_lines(fh.read())
        report = import_lines(lines, dry_run=dry_run, by=by, progress=lambda stage, total: Progress(
            f"导入公告·{stage}", total, unit="行", task_id=progress_id, quiet=True))
    except ImportAborted as exc:
        task_progress.finish(progress_id, result=str(exc), failed=True)
        return str(exc)
    except Exception as exc:
        task_progress.finish(progress_id, result=f"导入未完成：{exc}", failed=True)
        raise
    verb = "可导入（试运行，未写入）" if dry_run else "已导入"
    lines_out = [f"{verb} {len(report.imported)} 条，已存在 {len(report.skipped)} 条，拒绝 {len(report.rejected)} 条。"]
    lines_out += [f"拒绝 第{number}行：{reason}" for number, reason in report.rejected[:REJECTED_SHOWN]]
    if len(report.rejected) > REJECTED_SHOWN:
        lines_out.append(f"……另有 {len(report.rejected) - REJECTED_SHOWN} 行被拒绝。")
    result = "\n".join(lines_out)
    # rejected lines are reported (the command exits 2 for them); the good ones were written: the task is done
    task_progress.finish(progress_id, result=result, done=len(lines))
    storage.delete(file_name)
    return result


REJECTED_SHOWN = 50
