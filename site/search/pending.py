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


def record_failure(scope: str, object_id: int, error: BaseException, now=None) -> PendingIndexUpdate:
    now = now or timezone.now()
    row, created = PendingIndexUpdate.objects.get_or_create(
        scope=scope, object_id=object_id, defaults={"attempts": 1, "next_attempt_at": now + backoff(1),
                                                    "last_error": str(error)[:2000]})
    if not created:
        PendingIndexUpdate.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1,
                                                            last_error=str(error)[:2000])
        row.refresh_from_db()
        row.next_attempt_at = now + backoff(row.attempts)
        row.save(update_fields=["next_attempt_at"])
    log.warning("search index update %s#%s queued (attempt %s): %s", scope, object_id, row.attempts, error)
    return row


def clear(scope: str, object_id: int) -> None:
    PendingIndexUpdate.objects.filter(scope=scope, object_id=object_id).delete()


def retry(now=None, *, due_only: bool = True, limit: int = 1000, progress=None) -> tuple[int, int]:
    """Try the queued updates (those due, or all); returns (done, still pending). `progress(total)` gives a
    progress.Progress to count them with (search_pending --retry)."""
    from .tasks import sync_now

    now = now or timezone.now()
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
            log.warning("search setup before retry failed: %s", exc)
    done = 0
    with (progress or (lambda total: Progress("补同步检索更新", total, quiet=True)))(len(rows)) as bar:
        for scope, object_id in bar.iter(rows):
            if sync_now(scope, object_id, now=now) != "queued":
                done += 1
    return done, PendingIndexUpdate.objects.count()


def backlog() -> dict:
    rows = PendingIndexUpdate.objects.order_by("created_at")
    oldest = rows.first()
    return {"count": rows.count(), "oldest": oldest,
            "by_scope": {s: rows.filter(scope=s).count() for s in ("notice", "decision")},
            "rows": list(rows[:20])}
