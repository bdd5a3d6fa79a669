"""One scheduler round at a time across processes and machines (a lease row taken by a conditional
UPDATE): a second scheduler skips its round while the first holds the lease; an expired lease (a
scheduler that died) is taken over."""
import datetime as dt
import threading
import time

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from clocks import scheduler
from clocks.models import SchedulerLease

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.fixture
def counting_job():
    calls = []

    def job(now):
        calls.append(now)
        time.sleep(0.5)  # long enough for a second scheduler to try its round meanwhile
        return "ok"

    scheduler.JOBS["测试计数"] = job
    yield calls
    scheduler.JOBS.pop("测试计数", None)


@pytest.mark.django_db
def test_a_round_is_skipped_while_another_scheduler_holds_the_lease(counting_job):
    SchedulerLease.objects.create(name="scheduler", holder="machine-b:4242",
                                  expires_at=timezone.now() + dt.timedelta(minutes=2))
    outcome = scheduler.run_once(holder="machine-a:1")
    assert outcome == {"调度器": "另一调度器正在运行本轮，跳过"} and counting_job == []
    lease = SchedulerLease.objects.get()
    assert lease.holder == "machine-b:4242"


@pytest.mark.django_db
def test_an_expired_lease_of_a_dead_scheduler_is_taken_over_and_released_after_the_round(counting_job):
    SchedulerLease.objects.create(name="scheduler", holder="machine-b:4242",
                                  expires_at=timezone.now() - dt.timedelta(seconds=1))
    outcome = scheduler.run_once(holder="machine-a:1")
    assert outcome["测试计数"] == "ok" and len(counting_job) == 1
    lease = SchedulerLease.objects.get()
    assert lease.holder == "" and lease.expires_at is None and lease.last_round_at is not None


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：两个调度器并发的测试只在 PostgreSQL 上运行")
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_fire_each_job_once(counting_job):
    outcomes, errors = [], []
    barrier = threading.Barrier(2)

    def run(holder):
        try:
            barrier.wait()
            outcomes.append(scheduler.run_once(holder=holder))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(f"machine-{n}:1",)) for n in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(counting_job) == 1
    assert sorted("调度器" in o for o in outcomes) == [False, True]
