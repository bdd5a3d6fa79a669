"""Probe tasks for the worker tests: each run is recorded in the table bg_probe_runs (created by the test),
so a test can count how often a task really ran, in which process, and when."""
import os
import time

from django.db import connection
from django_tasks import task

TABLE = "bg_probe_runs"


def record(key: str, phase: str) -> None:
    with connection.cursor() as cur:
        cur.execute(f"INSERT INTO {TABLE} (task_key, phase, pid, at) VALUES (%s, %s, %s, clock_timestamp())",
                    [key, phase, os.getpid()])


def runs(key: str, phase: str) -> int:
    with connection.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {TABLE} WHERE task_key = %s AND phase = %s", [key, phase])
        return cur.fetchone()[0]


@task()
def record_run(key: str, seconds: float = 0.0) -> str:
    record(key, "start")
    time.sleep(seconds)
    record(key, "done")
    return key


@task()
def slow_first_time(key: str, seconds: float) -> str:
    """Sleeps on its first attempt only (long enough to be killed meanwhile), then completes."""
    record(key, "start")
    if runs(key, "start") == 1:
        time.sleep(seconds)
    record(key, "done")
    return key


@task()
def always_fails(key: str) -> str:
    record(key, "start")
    raise RuntimeError("探针任务按设计失败")
