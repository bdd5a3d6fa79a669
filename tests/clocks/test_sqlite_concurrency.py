"""issue 26 item 2: `make run` puts the scheduler beside the server on one SQLite file. Its rounds must not
turn ordinary clicks into "database is locked" (HTTP 500): WAL, transactions that take the write lock when
they begin (transaction_mode IMMEDIATE) and a busy timeout, in settings/base.py for every SQLite database."""
import datetime as dt
import sqlite3
import threading
import traceback

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from roles.definitions import OFFICER

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite 专项：嵌入式默认数据库"
)
REQUESTS = 12


def test_sqlite_options_take_concurrent_use():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert "PRAGMA journal_mode=WAL" in options["init_command"]


class file_database:
    """Point every connection (this thread's and new threads') at a copy of the test database in a file, as
    `make run` has it; put the in-memory test database back afterwards (closing it would destroy it)."""

    def __init__(self, path):
        self.path = str(path)

    def __enter__(self):
        connection.ensure_connection()
        target = sqlite3.connect(self.path)
        connection.connection.backup(target)
        target.close()
        self.settings_dict = connection.settings_dict  # the dict every thread's wrapper is built from
        self.name, self.memory = self.settings_dict["NAME"], connection.connection
        connection.connection = None
        self.settings_dict["NAME"] = self.path
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            self.journal_mode = cursor.fetchone()[0]
        return self

    def __exit__(self, *exc):
        connection.close()
        self.settings_dict["NAME"] = self.name
        connection.connection = self.memory


def in_thread(errors, fn):
    def run():
        try:
            fn()
        except Exception:  # the test counts every failure, with its traceback
            errors.append(traceback.format_exc())
        finally:
            connections.close_all()

    return threading.Thread(target=run)


@pytest.mark.django_db(transaction=True)
def test_scheduler_round_beside_a_dozen_writing_requests_gives_no_error(tmp_path, make_user):
    from activities.services import invitation_create
    from clocks import scheduler
    from supervisors.models import SERVING, Supervisor

    officers = [make_user(f"officer{i}", OFFICER) for i in range(REQUESTS)]
    supervisors = [
        Supervisor.objects.create(jurisdiction="weihai", name=f"监督员{i}号", gender="female",
                                  birth_date=dt.date(1980, 1, 1), id_number=f"1101011980010100{i:02d}",
                                  phone="13800000000", workplace="某律师事务所", status=SERVING)
        for i in range(REQUESTS)
    ]
    errors, statuses, rounds = [], [], []
    with file_database(tmp_path / "db.sqlite3") as db:
        assert db.journal_mode == "wal"
        start = threading.Barrier(REQUESTS + 1)
        done = threading.Event()

        def scheduler_rounds():
            start.wait()
            while not done.is_set() or not rounds:
                rounds.append(scheduler.run_once(lease_seconds=120))

        def officer_request(i):
            def run():
                client = Client()
                client.force_login(officers[i])
                start.wait()
                response = client.post(reverse("activities_admin:activity_create"), {
                    "jurisdiction": "weihai", "kind": "meeting", "title": f"第{i + 1}次监督工作会议",
                    "held_on": "2026-01-05", "place": "市司法局三楼会议室", "agency": "", "case_ref": "", "notes": "",
                })
                statuses.append(response.status_code)
                from activities.models import Activity

                # a read then a write in one transaction: the case a deferred transaction failed at once
                with transaction.atomic():
                    activity = Activity.objects.get(title=f"第{i + 1}次监督工作会议")
                    invitation_create(activity=activity, supervisor=supervisors[i], by=officers[i])

            return run

        threads = [in_thread(errors, officer_request(i)) for i in range(REQUESTS)]
        runner = in_thread(errors, scheduler_rounds)
        for thread in [runner, *threads]:
            thread.start()
        for thread in threads:
            thread.join(60)
        done.set()
        runner.join(60)
        from activities.models import Invitation

        invitations = Invitation.objects.count()
    assert errors == [], errors[0]
    assert statuses == [302] * REQUESTS
    assert invitations == REQUESTS
    failed = [(name, outcome) for result in rounds for name, outcome in result.items() if outcome.startswith("失败")]
    assert rounds and failed == []
