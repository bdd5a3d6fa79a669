"""The flow's lock taken by the statement that reads the task (flows.locking) excludes viewflow's own lock of the
same process and is excluded by it: viewflow's SelectForUpdateLock locks the case-file row alone
(`SELECT 1 FROM flows_caseprocess … FOR UPDATE NOWAIT`), the locking read locks that row with the task and
viewflow's process row. A receipt entered while another connection holds the letter's flow lock fails whole
(FlowLockFailed after the retries), and goes through once the lock is released. Needs PostgreSQL (two
connections holding row locks); SQLite has none and is skipped."""
import threading

import pytest
from django.conf import settings
from django.db import DatabaseError, connections, transaction
from freezegun import freeze_time
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.lock import SelectForUpdateLock
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from flows.locking import locking_read
from letters.flows import LetterFlow
from letters.models import LetterProcess
from tests.letters.letters_http import login, people, signed_letter

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：SQLite 没有行锁，锁的互斥测试跳过"),
]


@pytest.fixture
def fresh_contenttype_cache():
    """The flush after a transactional test re-runs post_migrate; a ContentType id cached before is stale."""
    from django.contrib.contenttypes.models import ContentType

    yield
    ContentType.objects.clear_cache()


def served_letter(make_user):
    """A signed letter whose flow waits at 送达 (the Handle a receipt completes)."""
    p = people(make_user, "wulong", "武隆区文化和旅游发展委员会")
    with freeze_time("2026-09-25 02:00"):
        _matter, document = signed_letter(p)
    task = Task.objects.get(flow_task=LetterFlow.served, status=STATUS.NEW)
    return p, document, task


class Holder(threading.Thread):
    """Another connection: takes `lock()` in its transaction and holds it until released."""

    def __init__(self, lock):
        super().__init__()
        self.lock, self.held, self.release, self.errors = lock, threading.Event(), threading.Event(), []

    def run(self):
        try:
            with transaction.atomic():
                self.lock()
                self.held.set()
                self.release.wait(30)
        except Exception as exc:  # reported by the test
            self.errors.append(exc)
            self.held.set()
        finally:
            connections.close_all()

    def __enter__(self):
        self.start()
        assert self.held.wait(30)
        assert self.errors == []
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.join()


def viewflow_lock(process_pk):
    # viewflow's SelectForUpdateLock statement, as it runs it
    return lambda: LetterProcess._default_manager.filter(pk=process_pk).select_for_update(nowait=True).exists()


def reading_lock(task_pk):
    return lambda: locking_read(LetterFlow, Task.objects.filter(pk=task_pk)).first()


@pytest.mark.django_db(transaction=True)
def test_the_locking_read_and_viewflows_lock_exclude_each_other(make_user, fresh_contenttype_cache):
    _, _, task = served_letter(make_user)
    with Holder(viewflow_lock(task.process_id)):
        with pytest.raises(DatabaseError, match="could not obtain lock"), transaction.atomic():
            reading_lock(task.pk)()
    with Holder(reading_lock(task.pk)):
        with pytest.raises(DatabaseError, match="could not obtain lock"), transaction.atomic():
            viewflow_lock(task.process_id)()
    # neither held: each takes it
    with transaction.atomic():
        assert reading_lock(task.pk)().pk == task.pk
        assert viewflow_lock(task.process_id)() is True


@pytest.mark.django_db(transaction=True)
def test_a_receipt_waits_for_the_flows_lock_and_fails_whole_when_it_is_not_released(
        make_user, fresh_contenttype_cache, monkeypatch):
    p, doc, task = served_letter(make_user)
    monkeypatch.setattr(LetterFlow, "lock_impl", SelectForUpdateLock(attempts=2))  # one retry, not five
    officer = login(p["officer"])
    receipt = {"received_on": "2026-09-25", "method": "直接送达", "received_by_name": "李小红"}
    with freeze_time("2026-09-25 02:00"):
        with Holder(viewflow_lock(task.process_id)):
            with pytest.raises(FlowLockFailed):
                officer.post(f"/admin/casework/documents/{doc.pk}/service/", receipt)
        doc.refresh_from_db()
        assert doc.received_on is None  # nothing of the receipt written
        assert Task.objects.get(pk=task.pk).status == STATUS.NEW
        response = officer.post(f"/admin/casework/documents/{doc.pk}/service/", receipt)
    assert response.status_code == 302
    doc.refresh_from_db()
    assert doc.received_on.isoformat() == "2026-09-25"
    assert Task.objects.get(pk=task.pk).status == STATUS.DONE
    assert Task.objects.filter(process_id=task.process_id, flow_task=LetterFlow.rectify).count() == 1
