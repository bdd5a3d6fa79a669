"""Simultaneous failed logins of one account from one address (several web processes) are all counted,
in one record: the first ones race to create it (one unique open run per account and address), the rest
lock it. Needs PostgreSQL (row locks); SQLite serialises writes and cannot show it."""
import threading

import pytest
from django.db import connection, connections
from django.test import RequestFactory

from logins import guard
from logins.models import FailedLogin

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="DATABASE_URL 未指向 PostgreSQL：SQLite 不支持行锁，并发登录失败测试跳过"),
    pytest.mark.django_db(transaction=True),
]
THREADS = 8


def test_simultaneous_failures_are_counted_once_each_in_one_record():
    barrier, errors = threading.Barrier(THREADS), []

    def fail():
        try:
            barrier.wait()
            guard.record_failure(RequestFactory().post("/admin/login/", REMOTE_ADDR="203.0.113.90"), "officer")
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=fail) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert list(FailedLogin.objects.values_list("username", "client", "failures")) == [
        ("officer", "203.0.113.90", 8)]
    # the 5th failure started a wait, which the 8th doubled three times: 60 s · 2³ = 8 minutes
    run = FailedLogin.objects.get()
    assert (run.blocked_until - run.last_failed_at).total_seconds() == 480
