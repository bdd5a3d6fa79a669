"""Scheduler jobs: retry the index updates the search cluster did not take (pending.py); fold the
embedded engine's single updates into its postings blobs once they add up (engines/embedded.py)."""
from clocks import scheduler

from . import pending
from .models import IndexState, PendingIndexUpdate, Posting

COMPACT_ROWS = 200_000  # postings written by single updates before they are folded into the blobs
COMPACT_RETIRED = 5_000  # entries indexed again since the blobs were written


@scheduler.job("检索索引补同步")
def retry_pending_index_updates(now) -> str:
    if not PendingIndexUpdate.objects.exists():
        return "无待同步"
    done, left = pending.retry(now)
    return f"补同步 {done} 条，仍待同步 {left} 条"


@scheduler.job("检索索引整理")
def compact_search_index(now) -> str:
    from .engines import get_engine

    engine = get_engine()
    if engine.name != "embedded":
        return "未使用内置检索"
    done = []
    for scope in ("notice", "decision", "case"):
        state = IndexState.objects.filter(scope=scope).values_list("retired", flat=True).first() or b""
        rows = Posting.objects.filter(entry__scope=scope).count()
        if rows >= COMPACT_ROWS or len(state) // 4 >= COMPACT_RETIRED:
            done.append(f"{scope} 整理 {engine.compact(scope)} 个词项")
    return "；".join(done) or "无需整理"
