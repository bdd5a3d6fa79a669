"""Task workers (`manage.py db_worker`, django-tasks-db) on PostgreSQL, as real subprocesses: two workers
run each task exactly once; a worker SIGKILLed mid-task leaves its task to be requeued after the lease and
completed once; a failing task is retried with backoff, ends FAILED and is listed under 后台任务 in Chinese."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import bg_probe_tasks
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult

from background import reliability
from background.models import TaskHeartbeat
from roles.definitions import LEADER

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]
ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：多个工作进程并发的测试只在 PostgreSQL 上运行"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def db_queue(settings):
    """Tasks enqueued by the test go to the database queue; the probe table records every run."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with connection.cursor() as cur:
        cur.execute(f"CREATE TABLE IF NOT EXISTS {bg_probe_tasks.TABLE} (task_key text, phase text, pid int, "
                    "at timestamptz)")
        cur.execute(f"TRUNCATE {bg_probe_tasks.TABLE}")
    yield
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {bg_probe_tasks.TABLE}")


def probe_rows(phase=None):
    with connection.cursor() as cur:
        sql = f"SELECT task_key, phase, pid, at FROM {bg_probe_tasks.TABLE}"
        cur.execute(sql + (" WHERE phase = %s" if phase else "") + " ORDER BY at", [phase] if phase else [])
        return cur.fetchall()


class Worker:
    """`manage.py db_worker` in its own process, on the test database."""

    def __init__(self, name, *extra, env=None):
        db = connection.settings_dict
        url = f"postgresql://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
        self.lines, self.started = [], threading.Event()
        self.proc = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1",
             "--worker-id", name, *extra],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "bg_worker_settings", "DATABASE_URL": url,
                 "PYTHONPATH": str(Path(__file__).parent), "PYTHONUNBUFFERED": "1", **(env or {})})
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)
            if "Starting worker" in line:
                self.started.set()

    def wait_started(self):
        assert self.started.wait(60), "".join(self.lines)

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        self.proc.wait(30)


def wait_for(check, seconds=60, step=0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


def test_two_workers_run_each_of_sixty_tasks_exactly_once(db_queue):
    workers = [Worker("worker-a"), Worker("worker-b")]
    try:
        for w in workers:
            w.wait_started()
        results = [bg_probe_tasks.record_run.enqueue(f"t{n:02d}", 0.05) for n in range(60)]
        assert wait_for(lambda: DBTaskResult.objects.successful().count() == 60), DBTaskResult.objects.values_list(
            "status", flat=True)
    finally:
        for w in workers:
            w.stop()
    done = probe_rows("done")
    assert len(done) == 60 and len({key for key, *_ in done}) == 60  # each task ran once, none twice
    assert len(probe_rows("start")) == 60
    pids = {pid for _, _, pid, _ in done}
    assert len(pids) == 2  # both workers took tasks: the claims really raced
    rows = DBTaskResult.objects.filter(pk__in=[r.id for r in results])
    assert sorted({len(r.worker_ids) for r in rows}) == [1]
    assert {r.worker_ids[0] for r in rows} == {"worker-a", "worker-b"}


def test_a_worker_killed_mid_task_leaves_the_task_to_be_retried_after_the_lease(db_queue, settings):
    settings.TASKS_LEASE_SECONDS = 3
    lease_env = {"TASKS_LEASE_SECONDS": "3", "TASKS_HEARTBEAT_SECONDS": "0.5"}
    result = bg_probe_tasks.slow_first_time.enqueue("killed", 60)
    first = Worker("worker-doomed", env=lease_env)
    try:
        assert wait_for(lambda: len(probe_rows("start")) == 1), "".join(first.lines)
        assert wait_for(lambda: TaskHeartbeat.objects.filter(task_id=result.id).exists(), 10)  # it beats
        first.stop(signal.SIGKILL)
    finally:
        first.stop(signal.SIGKILL)
    killed_at = time.monotonic()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "RUNNING" and row.worker_ids == ["worker-doomed"]  # what django-tasks-db leaves alone
    assert reliability.reap() == (0, 0)  # its last heartbeat is younger than the lease: not yet taken back
    time.sleep(max(0.0, killed_at + 3.5 - time.monotonic()))
    assert reliability.reap() == (1, 0)
    row.refresh_from_db()
    assert row.status == "READY" and "工作进程在执行中中断" in row.traceback
    assert not TaskHeartbeat.objects.filter(task_id=result.id).exists()
    second = Worker("worker-next", "--batch", env=lease_env)
    assert second.proc.wait(60) == 0, "".join(second.lines)
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.worker_ids == ["worker-doomed", "worker-next"]
    assert row.return_value == "killed"
    assert len(probe_rows("start")) == 2 and len(probe_rows("done")) == 1  # killed once, completed once


def test_a_failing_task_is_retried_with_backoff_then_listed_as_failed_in_chinese(db_queue, settings, make_user):
    settings.TASKS_MAX_ATTEMPTS = 3
    env = {"TASKS_MAX_ATTEMPTS": "3", "TASKS_RETRY_FIRST_SECONDS": "1"}
    result = bg_probe_tasks.always_fails.enqueue("bad")
    worker = Worker("worker-c", env=env)
    try:
        assert wait_for(lambda: DBTaskResult.objects.filter(pk=result.id, status="FAILED").exists()
                        and len(probe_rows("start")) == 3, 30), "".join(worker.lines)
        time.sleep(1.5)  # nothing more happens after the last attempt
    finally:
        worker.stop()
    starts = [at for _, _, _, at in probe_rows("start")]
    assert len(starts) == 3
    gaps = [(b - a).total_seconds() for a, b in zip(starts, starts[1:], strict=False)]
    assert 1.0 <= gaps[0] < 3.0 and 2.0 <= gaps[1] < 4.5  # 1 s, then 2 s (plus polling under load)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "FAILED" and row.worker_ids == ["worker-c"] * 3
    assert row.exception_class_path == "builtins.RuntimeError"

    leader = Client()
    leader.force_login(make_user("bg_leader", LEADER))
    page = leader.get("/admin/background-tasks/?status=failed").content.decode()
    assert "后台任务" in page and "bg_probe_tasks.always_fails" in page
    assert "<td>失败</td>" in page and "<td>3 / 3</td>" in page
    assert "RuntimeError: 探针任务按设计失败" in page and ">重试</button>" in page
