"""待办索引's safety net runs in the scheduler's round once an hour (flows.jobs): the first round of the hour compares
every row with its recomputation and rewrites one that drifted (a write around the signals), the next rounds within
the hour say when it last ran and touch nothing."""
import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time

from clocks.scheduler import run_once
from flows.models import TaskIndex
from tests.letters.letters_http import people, start_letter

AGENCY = "武隆区文化和旅游发展委员会"


@pytest.mark.django_db
def test_resync_runs_once_an_hour_and_mends_a_drifted_row(make_user):
    cache.clear()
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-11-02 09:00:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
    row = TaskIndex.objects.get(matter_id=matter.pk)
    right = row.flow_task

    def drift():  # a write around the signals: the stored step no longer the task's
        TaskIndex.objects.filter(pk=row.pk).update(flow_task="letters/flows.LetterFlow.gone")

    drift()
    with freeze_time("2026-11-02 02:00:00"):  # 10:00 in Beijing
        assert run_once(timezone.now())["待办索引核对"] == "核对 1 项，重写 1 项，删除 0 项"
    assert TaskIndex.objects.get(pk=row.pk).flow_task == right
    drift()
    with freeze_time("2026-11-02 02:30:00"):
        assert run_once(timezone.now())["待办索引核对"] == "上次核对于 2026-11-02 10:00，每小时核对一次"
    assert TaskIndex.objects.get(pk=row.pk).flow_task == "letters/flows.LetterFlow.gone"
    with freeze_time(dt.datetime(2026, 11, 2, 3, 0, 1)):
        assert run_once(timezone.now())["待办索引核对"] == "核对 1 项，重写 1 项，删除 0 项"
    assert TaskIndex.objects.get(pk=row.pk).flow_task == right
