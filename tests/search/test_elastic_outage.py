"""Elasticsearch down (issue 16): ELASTICSEARCH_URL points at a port where nothing listens, or at a
socket that never answers. Publishing and editing still succeed (updates queued, retried with backoff),
searches answer 503 with Retry-After quickly, and the backlog is reported."""
import datetime as dt
import socket
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from es_capture_transport import install  # noqa: I001  (tests/search/es_capture_transport.py)

from roles.definitions import OFFICER

DOWN = "http://127.0.0.1:9"  # discard port: nothing listens



pytestmark = pytest.mark.usefixtures("fresh_year_choices")


@pytest.fixture
def es_down(settings, monkeypatch, db):
    try:
        from search.engines import es_client

        monkeypatch.setattr(es_client, "_CLIENTS", {})
    except ImportError:
        pass
    settings.ELASTICSEARCH_URL = DOWN
    settings.SEARCH_INDEX_PREFIX = "t"
    settings.SEARCH_ES_ANALYZER = "cjk"
    return DOWN


@pytest.fixture
def publish(site_tree, django_capture_on_commit_callbacks):
    from public_notices.services import notice_publish

    def make(title, **kw):
        with django_capture_on_commit_callbacks(execute=True):
            return notice_publish(kind="notification", jurisdiction="wanzhou", title=title, body="现予公告。", **kw)

    return make


def test_publishing_and_editing_succeed_while_search_is_down_and_the_backlog_is_reported(
        es_down, publish, decision, django_capture_on_commit_callbacks, capsys):
    from search.models import PendingIndexUpdate

    page = publish("执法监督情况通报")
    rec = decision(title="监督意见书")
    with django_capture_on_commit_callbacks(execute=True):
        rec.title = "更正后的监督意见书"
        rec.save()
    assert page.live and rec.pk
    rows = {(r.scope, r.object_id): r for r in PendingIndexUpdate.objects.all()}
    assert set(rows) == {("notice", page.pk), ("decision", rec.pk)}
    assert rows[("decision", rec.pk)].attempts == 2  # one row per object, however often it changed
    assert "Connection" in rows[("notice", page.pk)].last_error
    call_command("search_pending")
    out = capsys.readouterr().out
    assert "待同步：2 条（公告公示 1 条，决定记录 1 条）" in out


def test_public_api_and_staff_search_answer_503_with_retry_after(es_down, client, make_user, site_tree):
    started = time.monotonic()
    page = client.get("/search/", {"q": "监督"})
    assert page.status_code == 503 and page["Retry-After"] == "60"
    assert "检索服务暂时不可用，请稍后再试" in page.content.decode()
    api = client.get("/api/search/", {"q": "监督"})
    assert api.status_code == 503 and api["Retry-After"] == "60"
    assert api.json()["message"].startswith("检索服务暂时不可用") and api.json()["results"] == []
    client.force_login(make_user("officer16", OFFICER))
    staff = client.get("/admin/search/decisions/", {"q": "监督"})
    assert staff.status_code == 503 and "检索服务暂时不可用" in staff.content.decode()
    assert time.monotonic() - started < 10


def test_a_hung_cluster_gives_503_within_the_search_timeout(es_down, settings, client, site_tree):
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)  # accepts connections (kernel backlog) and never answers
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{hung.getsockname()[1]}"
    settings.SEARCH_ES_TIMEOUT = 0.5
    try:
        started = time.monotonic()
        r = client.get("/api/search/", {"q": "监督"})
        elapsed = time.monotonic() - started
    finally:
        hung.close()
    assert r.status_code == 503
    assert elapsed < 3  # not 30 s per try holding a server thread


def test_searching_before_the_index_exists_is_503_not_a_server_error(settings, monkeypatch, client, site_tree):
    es = install(monkeypatch)
    settings.ELASTICSEARCH_URL = "http://es.capture:9200"
    settings.SEARCH_INDEX_PREFIX = "t"
    es.on("POST", r"/t-notices/_search", status=404, body={
        "error": {"root_cause": [{"type": "index_not_found_exception", "reason": "no such index [t-notices]"}],
                  "type": "index_not_found_exception", "reason": "no such index [t-notices]",
                  "index": "t-notices"}, "status": 404})
    r = client.get("/api/search/", {"q": "监督"})
    assert r.status_code == 503 and r["Retry-After"] == "60"


def test_queued_updates_are_retried_with_backoff_until_the_cluster_is_back(es_down, decision, settings, monkeypatch):
    from search import pending
    from search.models import PendingIndexUpdate

    t0 = timezone.now()
    rec = decision(title="监督意见书")
    row = PendingIndexUpdate.objects.get()
    assert row.attempts == 1 and dt.timedelta(seconds=29) < row.next_attempt_at - t0 < dt.timedelta(seconds=40)
    # still down at the next try: the wait doubles (30 s, 60 s, 120 s …)
    first_due = row.next_attempt_at
    assert pending.retry(first_due) == (0, 1)
    row.refresh_from_db()
    assert row.attempts == 2 and row.next_attempt_at - first_due == dt.timedelta(seconds=60)
    # the cluster is back: not before the row is due, then the update goes through and the row is gone
    es = install(monkeypatch)
    settings.ELASTICSEARCH_URL = "http://es.capture:9200"
    es.on("HEAD", r"/_alias/t-(notices|decisions)", status=200)
    assert pending.retry(t0 + dt.timedelta(seconds=45)) == (0, 1)
    assert not es.find("PUT", r"/t-decisions/_doc/.*")
    assert pending.retry(t0 + dt.timedelta(minutes=5)) == (1, 0)
    assert es.find("PUT", rf"/t-decisions/_doc/{rec.pk}")[0].body["title"] == "监督意见书"
    assert not PendingIndexUpdate.objects.exists()


def test_scheduler_runs_the_retry_job(es_down, decision):
    from clocks.scheduler import run_once

    decision(title="监督意见书")
    results = run_once(timezone.now() + dt.timedelta(minutes=5))
    assert results["检索索引补同步"] == "补同步 0 条，仍待同步 1 条"


def test_demo_loader_reports_the_outage_instead_of_a_traceback(es_down, site_tree):
    from search.demo import load_search_index

    message = load_search_index()
    assert "Elasticsearch 无法连接" in message and "search_rebuild" in message


def test_search_setup_and_rebuild_commands_say_what_to_do(es_down):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Elasticsearch 无法连接，索引未建立"):
        call_command("search_setup")
    with pytest.raises(CommandError, match="Elasticsearch 无法连接，重建未完成"):
        call_command("search_rebuild")
