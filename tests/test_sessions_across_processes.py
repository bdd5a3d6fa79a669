"""Logins live in database sessions (Django's default SESSION_ENGINE, kept on purpose): a session made by
one web process is honoured by another process — another machine, or the same one after a restart — as
long as they share the database and SECRET_KEY."""
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client

from roles.definitions import OFFICER

ON_POSTGRES = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]


def test_sessions_are_kept_in_the_database():
    assert django_settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


@pytest.mark.django_db
def test_a_login_is_read_back_from_the_database_not_from_process_memory(make_user):
    user = make_user("sess_officer", OFFICER)
    first = Client()
    assert first.post("/admin/login/", {"username": "sess_officer", "password": "pw-sess_officer"}).status_code == 302
    key = first.cookies["sessionid"].value
    assert SessionStore(session_key=key).load()["_auth_user_id"] == str(user.pk)  # a fresh store, from the table
    second = Client()  # another client, nothing shared but the cookie
    second.cookies["sessionid"] = key
    assert second.get("/admin/").status_code == 200


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：跨进程会话测试需要两个进程共用的数据库")
@pytest.mark.django_db(transaction=True)
def test_a_login_made_here_is_honoured_by_a_freshly_started_process(make_user):
    make_user("sess_officer2", OFFICER)
    here = Client()
    assert here.post("/admin/login/", {"username": "sess_officer2", "password": "pw-sess_officer2"}).status_code == 302
    key = here.cookies["sessionid"].value
    db = connection.settings_dict
    url = f"postgresql://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    script = ("import django, sys; sys.path[:0] = ['.', 'site']; django.setup(); "
              "from django.test import Client; c = Client(); "
              f"c.cookies['sessionid'] = {key!r}; r = c.get('/admin/'); "
              "print(r.status_code, 'sess_officer2' in r.content.decode())")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                           cwd=django_settings.BASE_DIR,
                           env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test", "DATABASE_URL": url})
    assert other.returncode == 0, other.stderr[-2000:]
    assert other.stdout.strip().splitlines()[-1] == "200 True"
