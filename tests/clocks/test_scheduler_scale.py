"""The scheduler at size (issue 28): a round's query count does not grow with the running clocks, and the
overdue check reads running clocks through the (status, due date) index, not a scan of all of them."""
import datetime as dt
import io
from contextlib import redirect_stdout

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework.models import Agency
from clocks import scheduler
from clocks.models import RUNNING, Clock
from clocks.selectors import overdue


def clocks(n: int, due: dt.date) -> None:
    agency_type = ContentType.objects.get_for_model(Agency)
    Clock.objects.bulk_create(Clock(subject_type=agency_type, subject_id=str(k), label=f"时限{k}",
                                    profile_code="wulong", rule_key="letter_rectify_period", source="004",
                                    article="第八条", started_on=dt.date(2026, 9, 1), n=30, unit="days",
                                    due_on=due, status=RUNNING) for k in range(n))


def round_queries() -> int:
    with CaptureQueriesContext(connection) as ctx, redirect_stdout(io.StringIO()):
        outcome = scheduler.run_once(holder="bench:1")
    assert outcome["法定时限逾期检查"].startswith("新增逾期")
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_a_round_runs_as_many_queries_for_50_overdue_clocks_as_for_1():
    with freeze_time("2026-10-20 08:00"):
        round_queries()  # the first round ever creates the lease row
        clocks(1, dt.date(2026, 10, 1))
        one = round_queries()
        assert Clock.objects.get().overdue_since == dt.date(2026, 10, 20)
        Clock.objects.all().delete()
        clocks(50, dt.date(2026, 10, 1))
        clocks(30, dt.date(2026, 11, 30))  # running, not yet due: untouched
        fifty = round_queries()
    assert Clock.objects.filter(overdue_since=dt.date(2026, 10, 20)).count() == 50
    assert Clock.objects.filter(overdue_since__isnull=True).count() == 30
    assert fifty == one


@pytest.mark.django_db
def test_running_clocks_are_read_through_the_status_and_due_date_index():
    constraints = connection.introspection.get_constraints(connection.cursor(), Clock._meta.db_table)
    assert constraints["clock_status_due_id"]["columns"] == ["status", "due_on", "id"]
    if connection.vendor == "sqlite":  # PostgreSQL's planner scans a table this small whatever the indexes
        plan = overdue(dt.date(2026, 10, 20)).filter(overdue_since__isnull=True).explain()
        assert "clock_status_due_id" in plan
