"""Index updates the search cluster did not take: kept in the database and retried with backoff, so
publishing and editing never fail because search is down (models.PendingIndexUpdate)."""
from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from progress import Progress

from .models import PendingIndexUpdate

log = logging.getLogger("search")


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, 4 min … doubling up to SEARCH_RETRY_MAX_SECONDS (1 hour)."""
    first = int(getattr(settings, "SEARCH_RETRY_FIRST_SECONDS", 30))
    cap = int(getattr(settings, "SEARCH_RETRY_MAX_SECONDS", 3600))
    return dt.timedelta(seconds=min(cap, first * 2 ** max(0, attempts - 1)))


def record_failure(scope: str, object_id: int, error: BaseException, now=None, *,
                   quiet: bool = False) -> PendingIndexUpdate:
    """A try failed: queue the update (one row per object), its next try after the backoff.
    `quiet`: the outage was already logged (outage.report), so this row is not logged again."""
    from .outage import describe

    now = now or timezone.now()
    text = f"{describe(error)}：{error}"[:2000]
    row, created = PendingIndexUpdate.objects.get_or_create(
        scope=scope, object_id=object_id, defaults={"attempts": 1, "next_attempt_at": now + backoff(1),
                                                    "last_error": text})
    if not created:
        PendingIndexUpdate.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1, last_error=text)
        row.refresh_from_db()
        row.next_attempt_at = now + backoff(row.attempts)
        row.save(update_fields=["next_attempt_at"])
    log.log(logging.DEBUG if quiet else logging.WARNING, "检索索引更新 %s#%s 未写入，已进入待同步队列（第 %s 次尝试）：%s",
            scope, object_id, row.attempts, describe(error))
    return row


def defer(scope: str, object_id: int, outage) -> PendingIndexUpdate:
    """The cluster is known to be down (outage.current): queue the update without trying, due when the
    outage's back-off expires. Not counted as an attempt; an older row's error is kept."""
    row, created = PendingIndexUpdate.objects.get_or_create(
        scope=scope, object_id=object_id, defaults={
            "attempts": 0, "next_attempt_at": outage.until,
            "last_error": f"检索集群不可用（{outage.reason}），未尝试写入"[:2000]})
    if not created and row.next_attempt_at != outage.until:
        # changed again: the newest state is due as soon as the cluster may be back
        PendingIndexUpdate.objects.filter(pk=row.pk).update(next_attempt_at=outage.until)
    log.debug("检索索引更新 %s#%s 已进入待同步队列（集群不可用，%s 前不再连接）", scope, object_id, outage.until)
    return row


def clear(scope: str, object_id: int) -> None:
    PendingIndexUpdate.objects.filter(scope=scope, object_id=object_id).delete()


def retry(now=None, *, due_only: bool = True, limit: int = 1000, progress=None) -> tuple[int, int]:
    """Try the queued updates (those due, or all); returns (done, still pending). `progress(total)` gives a
    progress.Progress to count them with (search_pending --retry).

    The scheduler's run (due_only) sends nothing while an outage's back-off runs (outage.py), and stops at
    the first update the cluster does not take; an operator's run (`search_pending --retry`) tries at once."""
    from . import outage
    from .tasks import sync_now

    now = now or timezone.now()
    if not due_only:
        outage.clear()  # the operator asks for a try now
    elif outage.current(now) is not None:
        return 0, PendingIndexUpdate.objects.count()
    rows = PendingIndexUpdate.objects.order_by("next_attempt_at")
    if due_only:
        rows = rows.filter(next_attempt_at__lte=now)
    rows = list(rows.values_list("scope", "object_id")[:limit])
    if not rows:
        return 0, PendingIndexUpdate.objects.count()
    from .engines import get_engine

    engine = get_engine()
    if hasattr(engine, "setup"):
        try:  # the index may never have been created (cluster down at deploy time)
            engine.setup()
        except Exception as exc:  # noqa: BLE001  the rows below record why
            down = outage.report(exc, now=now)
            if down is not None:
                return 0, _postpone(down)
            log.warning("补同步前建立检索索引失败：%s", exc)
    done = 0
    with (progress or (lambda total: Progress("补同步检索更新", total, quiet=True)))(len(rows)) as bar:
        for scope, object_id in bar.iter(rows):
            if sync_now(scope, object_id, now=now) != "queued":
                done += 1
            else:
                down = outage.current(now)
                if down is not None:  # down again: the rest wait for the next back-off, untried
                    return done, _postpone(down)
    return done, PendingIndexUpdate.objects.count()


def _postpone(down) -> int:
    """The cluster is down again: every update due before the outage's back-off ends is due then (one
    statement; not counted as attempts). Returns the backlog."""
    PendingIndexUpdate.objects.filter(next_attempt_at__lt=down.until).update(next_attempt_at=down.until)
    return PendingIndexUpdate.objects.count()


def backlog() -> dict:
    rows = PendingIndexUpdate.objects.order_by("created_at")
    oldest = rows.first()
    return {"count": rows.count(), "oldest": oldest,
            "by_scope": {s: rows.filter(scope=s).count() for s in ("notice", "decision", "case")},
            "rows": list(rows[:20])}
