"""Against a real Elasticsearch 8.x cluster only (ELASTICSEARCH_URL set; skipped with the reason
otherwise — never a fake server): the analyzer, highlight and rebuild as a cluster executes them."""
import os

import pytest
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from roles.definitions import OFFICER
from search.engines.base import SearchQuery

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [pytest.mark.elasticsearch,
              pytest.mark.skipif(not ES_URL, reason="ELASTICSEARCH_URL 未设置：无 Elasticsearch 8.x 服务器，"
                                                    "跳过需要真实集群的测试（请求形状由 test_elastic_requests 检查）")]


@pytest.fixture
def cluster(es_cluster):
    return es_cluster


def test_single_character_and_character_next_to_digits_match(cluster, decision, make_user):
    officer = make_user("officer16", OFFICER)
    decision(title="2021年度行政执法统计年报")
    decision(title="关于落实行政执法监督员管理办法的监督意见书")
    assert titles(cluster, "2021年", scope="decision", user=officer) == ["2021年度行政执法统计年报"]
    assert titles(cluster, "督", scope="decision", user=officer) == ["关于落实行政执法监督员管理办法的监督意见书"]
    assert titles(cluster, "监督局长", scope="decision", user=officer) == []


def test_highlight_is_accepted_and_escaped(cluster, decision, make_user):
    decision(title="监督意见书", body="经审查<script>，行政执法监督员反映的问题属实。")
    hit = cluster.search(SearchQuery(text="监督员", scope="decision", user=make_user("o16", OFFICER))).hits[0]
    assert "<mark>" in str(hit.snippet) and "&lt;script&gt;" in str(hit.snippet)


def test_rebuild_swaps_the_alias_and_keeps_results(cluster, decision, make_user):
    from django.core.management import call_command

    decision(title="监督决定书")
    call_command("search_rebuild", scope=["decision"])
    assert titles(cluster, "决定书", scope="decision", user=make_user("o17", OFFICER)) == ["监督决定书"]
    assert len(cluster.client.indices.get_alias(name=f"{cluster_alias()}").body) == 1


def cluster_alias():
    from search.documents import index_alias

    return index_alias("decision")


# ---- issue 26 item 6, as a real cluster executes it ----
def test_a_single_character_query_gets_a_marked_snippet(cluster, decision, make_user):
    decision(title="整改通知", body="经审查，该局的执法检查程序不规范，应予纠正。")
    hit = cluster.search(SearchQuery(text="审", scope="decision", user=make_user("o18", OFFICER))).hits[0]
    assert "<mark>审</mark>" in str(hit.snippet)


def test_failing_to_drop_the_old_index_after_the_swap_keeps_the_new_one_live(cluster, decision, make_user,
                                                                               monkeypatch):
    from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
    from elasticsearch import ApiError

    from search.documents import all_objects, build

    decision(title="监督决定书")
    old = sorted(cluster.client.indices.get_alias(name=cluster_alias()).body)
    real_delete = cluster.client.indices.delete

    def refuse_old(index, **kw):
        if index in old:
            meta = ApiResponseMeta(status=500, http_version="1.1", headers=HttpHeaders(), duration=0.0,
                                   node=NodeConfig("http", "es", 9200))
            raise ApiError("snapshot_in_progress_exception", meta=meta, body={})  # e.g. a snapshot holds it
        return real_delete(index=index, **kw)

    monkeypatch.setattr(cluster.client.indices, "delete", refuse_old)
    try:
        assert cluster.rebuild("decision", (build("decision", o) for o in all_objects("decision"))) == 1
        live = sorted(cluster.client.indices.get_alias(name=cluster_alias()).body)
        assert live != old and len(live) == 1
        assert titles(cluster, "决定书", scope="decision", user=make_user("o19", OFFICER)) == ["监督决定书"]
    finally:
        monkeypatch.undo()
        cluster.client.indices.delete(index=old, ignore_unavailable=True)


def _setup_race(url: str) -> tuple[list, list, list]:
    """Two clients (two machines) call setup at the same instant: (errors, aliases created, clients)."""
    import threading

    from elasticsearch import Elasticsearch

    from search.engines import es_client, es_index

    machines = [Elasticsearch(url, **es_client.client_options()) for _ in range(2)]
    start, errors, created = threading.Barrier(2), [], []

    def run(client):
        start.wait()
        try:
            created.extend(es_index.setup(client))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in machines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors, created, machines


def test_two_machines_running_setup_at_once_both_succeed(cluster, settings):
    from search.documents import index_alias
    from search.engines import es_index

    base = settings.SEARCH_INDEX_PREFIX
    try:
        for attempt in range(3):  # the race is timing-dependent: a few fresh rounds
            settings.SEARCH_INDEX_PREFIX = f"{base}-race{attempt}"
            errors, created, machines = _setup_race(settings.ELASTICSEARCH_URL)
            try:
                assert errors == []
                assert sorted(created) == sorted(index_alias(s) for s in es_index.SCOPES)  # each made once
                for scope in es_index.SCOPES:
                    alias = index_alias(scope)
                    assert list(machines[0].indices.get_alias(name=alias).body) == [f"{alias}-v0"]
            finally:
                es_index.drop_all(machines[0])
    finally:
        settings.SEARCH_INDEX_PREFIX = base  # the fixture drops its own indices


def test_an_outdated_mapping_is_queued_by_search_setup_and_upgraded_by_the_task(cluster, settings, capsys):
    from django.core.management import call_command
    from django_tasks import default_task_backend

    from search.documents import index_alias
    from search.engines import es_index
    from search.tasks import upgrade_index

    base = settings.SEARCH_INDEX_PREFIX
    settings.SEARCH_INDEX_PREFIX = f"{base}-old"
    alias = index_alias("notice")
    body = es_index.index_body("notice", write_alias=True)
    body["mappings"]["_meta"] = {"schema_version": 1}
    cluster.client.indices.create(index=f"{alias}-v0", **body)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    try:
        call_command("search_setup")
        assert "已排入后台重建" in capsys.readouterr().out
        assert es_index.schema_version(cluster.client, "notice") == 1  # not rebuilt inline
        assert [r.args for r in default_task_backend.results] == [["notice"]]
        assert upgrade_index.call("notice").startswith(f"{alias} 已按第 {es_index.SCHEMA_VERSION} 版重建")
        assert es_index.schema_version(cluster.client, "notice") == es_index.SCHEMA_VERSION
        assert upgrade_index.call("notice").endswith("无需重建")  # a second machine's task: nothing to do
    finally:
        es_index.drop_all(cluster.client)
        settings.SEARCH_INDEX_PREFIX = base


@pytest.fixture
def small_window(monkeypatch):
    """Deep paging from the 6th hit on (the real window is 10 000 hits): the same code, a dozen documents."""
    from search.engines import es_index

    monkeypatch.setattr(es_index, "MAX_RESULT_WINDOW", 5)


def test_deep_pages_in_a_point_in_time_neither_skip_nor_repeat(cluster, decision, make_user, small_window):
    import datetime as dt

    from django.core import signing

    from search.engines import es_paging

    officer = make_user("o20", OFFICER)
    for i in range(13):
        decision(title=f"决定{i:02d}", decided_on=dt.date(2026, 1, 1) + dt.timedelta(days=i))

    def page(n, cursor=""):
        res = cluster.search(SearchQuery(scope="decision", user=officer, page=n, per_page=2, cursor=cursor))
        return [h.title for h in res.hits], res.cursor

    before = [f"决定{i:02d}" for i in range(12, -1, -1)]  # newest first
    walked = [t for n in range(1, 8) for t in page(n)[0]]
    assert walked == before  # pages 1–2 by from/size, 3–7 by a walk in a PIT: every hit once, in order
    third, cursor = page(3)
    assert third == before[4:6] and cursor
    decision(title="决定新", decided_on=dt.date(2026, 12, 31))  # sorts first: every later position shifts by one
    assert page(4, cursor)[0] == before[6:8]  # the next page continues the snapshot: no repeat, no skip
    assert page(4)[0] == ["决定新", *before][6:8]  # (a fresh walk sees the new one, hence the cursor)
    pit_id = signing.loads(cursor, salt=es_paging.SALT)["pit"]
    cluster.client.close_point_in_time(id=pit_id)  # as if it had expired
    assert page(4, cursor)[0] == ["决定新", *before][6:8]  # a fresh walk on a new PIT, no error
