"""Retries, the lease and the 后台任务 screen, on any database (the worker subprocesses are in
test_task_workers.py, PostgreSQL only): backoff 30 s, 60 s …; a RUNNING task without a heartbeat for the
lease goes back to READY; only bureau staff see the list and only bureau leaders retry."""
import datetime as dt

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from background import reliability
from background.models import TaskHeartbeat
from clocks import scheduler
from roles.definitions import LEADER, LIAISON, OFFICER

UTC = dt.UTC
T0 = dt.datetime(2026, 9, 21, 2, 0, tzinfo=UTC)


def queued(status, workers, **extra):
    return DBTaskResult.objects.create(status=status, worker_ids=workers, task_path="search.tasks.sync_object",
                                       args_kwargs={"args": ["notice", 42], "kwargs": {}}, backend_name="default",
                                       **extra)


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.django_db
@freeze_time("2026-09-21 02:00:00")
def test_a_failed_task_waits_30_then_60_seconds_and_stays_failed_after_the_fifth_attempt(settings):
    settings.TASKS_MAX_ATTEMPTS, settings.TASKS_RETRY_FIRST_SECONDS = 5, 30
    once = queued("FAILED", ["w1"], traceback="RuntimeError: 集群拒绝")
    twice = queued("FAILED", ["w1", "w2"])
    spent = queued("FAILED", ["w1", "w2", "w1", "w2", "w1"])
    assert [reliability.settle_failure(t.pk) for t in (once, twice, spent)] == ["requeued", "requeued", "failed"]
    for row in (once, twice, spent):
        row.refresh_from_db()
    assert (once.status, once.run_after) == ("READY", dt.datetime(2026, 9, 21, 2, 0, 30, tzinfo=UTC))
    assert (twice.status, twice.run_after) == ("READY", dt.datetime(2026, 9, 21, 2, 1, tzinfo=UTC))
    assert once.traceback == "RuntimeError: 集群拒绝"  # the last error stays visible while it waits
    assert spent.status == "FAILED"
    assert reliability.settle_failure(once.pk) == "none"  # already requeued: nothing twice


@pytest.mark.django_db
def test_the_lease_takes_back_tasks_of_dead_workers_only(settings):
    settings.TASKS_LEASE_SECONDS, settings.TASKS_MAX_ATTEMPTS = 300, 3
    dead = queued("RUNNING", ["w1"], started_at=T0)
    alive = queued("RUNNING", ["w2"], started_at=T0)
    TaskHeartbeat.objects.create(task_id=alive.pk, worker_id="w2", beat_at=T0 + dt.timedelta(minutes=9))
    last_try = queued("RUNNING", ["w1", "w2", "w3"], started_at=T0)
    young = queued("RUNNING", ["w4"], started_at=T0 + dt.timedelta(minutes=8))
    assert reliability.reap(now=T0 + dt.timedelta(minutes=10)) == (1, 1)
    statuses = {r.pk: r.status for r in DBTaskResult.objects.all()}
    assert [statuses[r.pk] for r in (dead, alive, last_try, young)] == ["READY", "RUNNING", "FAILED", "RUNNING"]
    last_try.refresh_from_db()
    assert last_try.traceback.startswith("工作进程在执行中中断：300 秒内既未完成也无心跳")
    assert "后台任务租约与重试检查" in scheduler.JOBS


@pytest.mark.django_db
def test_bureau_staff_see_the_tasks_and_only_a_leader_retries(make_user, settings):
    settings.TASKS_MAX_ATTEMPTS = 5
    failed = queued("FAILED", ["w1"] * 5, traceback="Traceback …\nConnectionError: 检索集群无响应\n")
    officer, leader = make_user("bg_officer", OFFICER), make_user("bg_leader2", LEADER)
    page = client_for(officer).get("/admin/background-tasks/").content.decode()
    assert "<td>检索索引同步</td>" in page and "<td>notice, 42</td>" in page and "<td>5 / 5</td>" in page
    assert "ConnectionError: 检索集群无响应" in page and ">重试</button>" not in page
    liaison = client_for(make_user("bg_liaison", LIAISON)).get("/admin/background-tasks/")
    assert liaison.status_code in (302, 403)
    assert "检索索引同步" not in liaison.content.decode()
    url = f"/admin/background-tasks/{failed.pk}/retry/"
    client_for(officer).post(url)
    failed.refresh_from_db()
    assert failed.status == "FAILED"
    assert ">重试</button>" in client_for(leader).get("/admin/background-tasks/?status=failed").content.decode()
    done = client_for(leader).post(url, follow=True)
    assert "任务已重新排队" in done.content.decode()
    failed.refresh_from_db()
    assert failed.status == "READY" and failed.worker_ids == []
