"""Two officers record the two absences that complete a run at the same moment: the rule fires once
(001 第十六条第（六）项). Needs PostgreSQL (row locks); SQLite serialises writes and cannot show it."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, connections

from activities import services
from activities.models import AbsenceFinding
from activities.services import activity_create, attendance_record, invitation_create
from activities.signals import absence_threshold_reached

# decided at collection: on SQLite not even the transactional database fixture is set up
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="DATABASE_URL 未指向 PostgreSQL：SQLite 不支持行锁，并发登记测试跳过",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_simultaneous_absences_fire_exactly_once(make_supervisor, officer, monkeypatch):
    sup = make_supervisor("weihai")
    invitations = []
    for day in (dt.date(2026, 1, 6), dt.date(2026, 2, 6)):
        activity = activity_create(
            by=officer, jurisdiction="weihai", kind="meeting", title=f"{day}例会", held_on=day, place="会议室"
        )
        invitations.append(invitation_create(activity=activity, supervisor=sup, by=officer))
    sent = []
    absence_threshold_reached.connect(
        lambda sender, finding, **kw: sent.append(finding.pk), weak=False, dispatch_uid="concurrency-test"
    )
    barrier, errors = threading.Barrier(2), []
    evaluate = services.evaluate_absences

    def slow_evaluate(supervisor):
        # widen the window: both absences are saved (uncommitted) before either is evaluated; without
        # the supervisor row lock each sees the other as still pending and neither fires
        time.sleep(0.5)
        return evaluate(supervisor)

    monkeypatch.setattr(services, "evaluate_absences", slow_evaluate)

    def record(invitation):
        try:
            barrier.wait()
            attendance_record(invitation=invitation, status="unexcused", by=officer)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=record, args=(inv,)) for inv in invitations]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        absence_threshold_reached.disconnect(dispatch_uid="concurrency-test")
    assert errors == []
    assert AbsenceFinding.objects.filter(supervisor=sup).count() == 1
    assert len(sent) == 1
