"""Issue 26 items 5–6, the logic that needs no server: the order of a rebuild's swap and clean-up, setup
under a race, the upgrade queued rather than run by search_setup, the point-in-time paging and its cursor,
the highlight of a one-character query, and the outage back-off. Stub clients stand in for the cluster
where only our control flow is under test (which call comes after which failure); what Elasticsearch does
with the requests is tested against a real cluster in test_elastic_cluster.py."""
import datetime as dt
import logging

import pytest
from django.core.management import call_command
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch import ApiError, BadRequestError, NotFoundError

from search.engines import es_index, es_paging
from search.engines.base import SearchQuery

META = {"http_version": "1.1", "headers": HttpHeaders(), "duration": 0.0, "node": NodeConfig("http", "es", 9200)}


def api_error(cls, status: int, kind: str):
    return cls(message=kind, meta=ApiResponseMeta(status=status, **META),
               body={"error": {"type": kind, "reason": kind, "root_cause": [{"type": kind, "reason": kind}]},
                     "status": status})


class Boom(Exception):
    pass


class StubIndices:
    """Records each call; `fail` maps a method name to the exception it raises (on the calls in `when`)."""

    def __init__(self, aliased: list[str], fail: dict | None = None):
        self.aliased = list(aliased)  # the indices the alias points at
        self.calls: list[tuple] = []
        self.fail = fail or {}

    def _call(self, name, *args):
        self.calls.append((name, *args))
        rule = self.fail.get(name)
        if rule is not None:
            exc, when = rule if isinstance(rule, tuple) else (rule, None)
            if when is None or when(*args):
                raise exc

    def create(self, index, **body):
        self._call("create", index)

    def refresh(self, index):
        self._call("refresh", index)

    def get_alias(self, name):
        self._call("get_alias", name)

        class Resp:
            body = {i: {"aliases": {name: {}}} for i in self.aliased}

        return Resp()

    def update_aliases(self, actions):
        self._call("update_aliases", actions)
        for a in actions:  # the cluster applies it (a stub failure above means it did not)
            if "remove" in a:
                self.aliased.remove(a["remove"]["index"])
            else:
                self.aliased.append(a["add"]["index"])

    def delete(self, index, ignore_unavailable=False):
        self._call("delete", index)

    def put_settings(self, index, settings):
        self._call("put_settings", index)

    def exists_alias(self, name):
        self._call("exists_alias", name)
        return bool(self.aliased)


class StubClient:
    def __init__(self, indices):
        self.indices = indices

    def options(self, **kw):
        return self


@pytest.fixture
def stub(settings, monkeypatch, db):
    settings.SEARCH_INDEX_PREFIX = "t"
    settings.SEARCH_ES_ANALYZER = "cjk"
    monkeypatch.setattr(es_index, "fill", lambda client, name, docs, batch=500: 3)  # the bulk load: not under test

    def make(**fail):
        return StubClient(StubIndices(["t-decisions-v0"], fail))

    return make


def deletes(client):
    return [c[1] for c in client.indices.calls if c[0] == "delete"]


def new_index(client):
    return next(c[1] for c in client.indices.calls if c[0] == "create")


# ---- the rebuild: clean-up before the swap only; after it, the new index is live and never deleted ----
def test_a_failure_before_the_swap_deletes_the_new_index_and_leaves_the_alias(stub, monkeypatch):
    from search.models import IndexRebuild

    client = stub()
    monkeypatch.setattr(es_index, "fill", lambda *a, **k: (_ for _ in ()).throw(Boom("bulk failed")))
    with pytest.raises(Boom):
        es_index.rebuild(client, "decision", [])
    assert deletes(client) == [new_index(client)]
    assert not [c for c in client.indices.calls if c[0] == "update_aliases"]
    assert client.indices.aliased == ["t-decisions-v0"] and not IndexRebuild.objects.exists()


def test_failing_to_delete_the_old_index_after_the_swap_never_deletes_the_live_one(stub, caplog):
    from search.models import IndexRebuild

    client = stub(delete=(api_error(ApiError, 500, "exception"), lambda index: index == "t-decisions-v0"))
    assert es_index.rebuild(client, "decision", []) == 3
    new = new_index(client)
    assert client.indices.aliased == [new] and deletes(client) == ["t-decisions-v0"]  # tried; the new one never
    assert not IndexRebuild.objects.exists()
    assert f"新索引 {new} 已启用；旧索引 t-decisions-v0 未能删除" in caplog.text


def test_a_swap_that_went_through_although_the_call_failed_keeps_the_new_index(stub):
    """The call timed out after the cluster applied it: the alias points at the new index, so it is live."""
    client = stub()
    real = client.indices.update_aliases

    def applied_then_timed_out(actions):
        real(actions)
        raise TransportConnectionError("read timed out")

    client.indices.update_aliases = applied_then_timed_out
    assert es_index.rebuild(client, "decision", []) == 3
    assert client.indices.aliased == [new_index(client)] and deletes(client) == ["t-decisions-v0"]


def test_a_swap_that_did_not_happen_is_cleaned_up_like_any_earlier_failure(stub):
    client = stub(update_aliases=api_error(ApiError, 500, "exception"))
    with pytest.raises(ApiError):
        es_index.rebuild(client, "decision", [])
    assert client.indices.aliased == ["t-decisions-v0"] and deletes(client) == [new_index(client)]


def test_a_swap_whose_outcome_is_unknown_deletes_nothing_and_keeps_the_lock(stub):
    from search.models import IndexRebuild

    client = stub()

    def lost(actions):  # the connection drops during the swap, and the cluster cannot be asked after it
        client.indices.calls.append(("update_aliases", actions))
        client.indices.fail["get_alias"] = TransportConnectionError("refused")
        raise TransportConnectionError("reset")

    client.indices.update_aliases = lost
    with pytest.raises(es_index.SwapUncertain):
        es_index.rebuild(client, "decision", [])
    assert deletes(client) == []
    assert IndexRebuild.objects.get().index_name == new_index(client)  # writes keep reaching both


def test_a_setting_not_restored_after_the_swap_is_logged_and_the_rebuild_succeeds(stub, caplog):
    client = stub(put_settings=api_error(ApiError, 500, "exception"))
    assert es_index.rebuild(client, "decision", []) == 3
    assert client.indices.aliased == [new_index(client)] and "未能恢复 gc_deletes" in caplog.text


def test_a_create_refused_by_a_closed_port_has_nothing_to_delete(stub):
    from search.models import IndexRebuild

    client = stub(create=TransportConnectionError("Connection refused"))
    with pytest.raises(TransportConnectionError):
        es_index.rebuild(client, "decision", [])
    assert deletes(client) == [] and not IndexRebuild.objects.exists()


def test_force_clears_a_lock_whose_index_is_live_without_deleting_it(stub, monkeypatch, capsys):
    """A swap that went through but was reported uncertain leaves a lock naming the live index."""
    from search.engines.elastic import ElasticEngine
    from search.management.commands.search_rebuild import Command
    from search.models import IndexRebuild

    client = stub()
    client.indices.aliased = ["t-decisions-v20261206"]
    IndexRebuild.objects.create(scope="decision", index_name="t-decisions-v20261206", owner="web1:1")
    engine = ElasticEngine.__new__(ElasticEngine)
    engine.client = client
    Command()._clear_lock(engine, "decision")
    assert deletes(client) == [] and not IndexRebuild.objects.exists()


# ---- setup on two machines at once ----
def test_setup_losing_the_race_to_create_the_first_index_is_not_an_error(stub):
    client = stub(create=api_error(BadRequestError, 400, "resource_already_exists_exception"))
    client.indices.aliased = []
    seen = iter([False, True] * 3)  # notices: absent, then made by the other machine; decisions and cases too
    client.indices.exists_alias = lambda name: next(seen)
    assert es_index.setup(client) == []
    assert not [c for c in client.indices.calls if c[0] == "update_aliases"]


def test_setup_gives_an_index_left_without_its_alias_the_alias_in_one_atomic_call(stub):
    client = stub(create=api_error(BadRequestError, 400, "resource_already_exists_exception"))
    client.indices.aliased = []
    client.indices.exists_alias = lambda name: False
    es_index.setup(client)
    adds = [c[1] for c in client.indices.calls if c[0] == "update_aliases"]
    assert adds == [[{"add": {"index": "t-notices-v0", "alias": "t-notices", "is_write_index": True}}],
                    [{"add": {"index": "t-decisions-v0", "alias": "t-decisions", "is_write_index": True}}],
                    [{"add": {"index": "t-cases-v0", "alias": "t-cases", "is_write_index": True}}]]


def test_setup_still_fails_on_any_other_refusal(stub):
    client = stub(create=api_error(BadRequestError, 400, "invalid_alias_name_exception"))
    client.indices.aliased = []
    with pytest.raises(BadRequestError):
        es_index.setup(client)


# ---- search_setup queues the mapping upgrade; it never rebuilds inline ----
@pytest.fixture
def es_settings(settings, monkeypatch, db):
    from search.engines import es_client

    monkeypatch.setattr(es_client, "_CLIENTS", {})
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # never contacted below: setup and outdated are stubbed
    settings.SEARCH_INDEX_PREFIX = "t"
    settings.SEARCH_ES_ANALYZER = "cjk"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # a worker's queue
    monkeypatch.setattr(es_index, "setup", lambda client: [])
    monkeypatch.setattr(es_index, "outdated", lambda client: {"notice": 1})
    monkeypatch.setattr(es_index, "rebuild", lambda *a, **k: pytest.fail("search_setup must not rebuild inline"))
    return settings


def test_search_setup_queues_the_rebuild_of_an_outdated_index_for_the_worker(es_settings, capsys):
    from django_tasks import default_task_backend

    call_command("search_setup")
    out = capsys.readouterr().out
    assert "elastic: t-notices 的索引结构为第 1 版（当前第 2 版）：已排入后台重建" in out
    assert "manage.py search_rebuild --scope notice" in out
    queued = default_task_backend.results
    assert [(r.task.name, r.args) for r in queued] == [("upgrade_index", ["notice"])]


def test_search_setup_says_a_rebuild_in_progress_and_queues_nothing(es_settings, capsys):
    from django_tasks import default_task_backend

    from search.models import IndexRebuild

    IndexRebuild.objects.create(scope="notice", index_name="t-notices-v20261206", owner="web2:77")
    call_command("search_setup")
    assert "重建已在进行（web2:77）" in capsys.readouterr().out and default_task_backend.results == []


def test_the_upgrade_task_does_nothing_when_the_index_is_already_current(es_settings, monkeypatch):
    from search.tasks import upgrade_index

    monkeypatch.setattr(es_index, "schema_version", lambda client, scope: es_index.SCHEMA_VERSION)
    assert upgrade_index.call("notice") == f"t-notices 已是第 {es_index.SCHEMA_VERSION} 版，无需重建"


def test_the_upgrade_task_leaves_a_running_rebuild_alone(es_settings, monkeypatch):
    from search.tasks import upgrade_index

    monkeypatch.setattr(es_index, "schema_version", lambda client, scope: 1)

    def running(*a, **k):
        raise es_index.RebuildRunning("notice 的索引重建已在进行（web2:77）")

    monkeypatch.setattr(es_index, "rebuild", running)
    assert upgrade_index.call("notice") == "notice 的索引重建已在进行（web2:77）"


# ---- paging: preference per person, a point in time and a signed cursor for deep pages ----
class Person:
    def __init__(self, pk):
        self.pk = pk


def test_preference_is_per_person_and_per_query_for_the_public():
    q = SearchQuery(text="监督", scope="decision", user=Person(7))
    assert es_paging.preference(q) == "user-7"
    public = es_paging.preference(SearchQuery(text="监督"))
    assert public.startswith("q-") and public == es_paging.preference(SearchQuery(text=" 监督 "))
    assert public != es_paging.preference(SearchQuery(text="监督", filters={"kind": "notification"}))


def test_a_cursor_is_only_used_for_the_next_page_of_the_same_search_by_the_same_person():
    page = SearchQuery(text="监督", scope="decision", page=501, per_page=20, user=Person(7))
    cursor = es_paging.make_cursor(page, "pit-9", [1.5, 1767225600000, 42, 3])
    nxt = SearchQuery(text="监督", scope="decision", page=502, per_page=20, user=Person(7), cursor=cursor)
    assert es_paging.read_cursor(nxt) == ("pit-9", [1.5, 1767225600000, 42, 3])
    for other in (SearchQuery(text="监督", scope="decision", page=503, per_page=20, user=Person(7), cursor=cursor),
                  SearchQuery(text="投诉", scope="decision", page=502, per_page=20, user=Person(7), cursor=cursor),
                  SearchQuery(text="监督", scope="decision", page=502, per_page=20, user=Person(8), cursor=cursor),
                  SearchQuery(text="监督", scope="decision", page=502, per_page=10, user=Person(7), cursor=cursor),
                  SearchQuery(text="监督", scope="decision", page=502, per_page=20, user=Person(7),
                              cursor=cursor[:-2] + "xx")):
        assert es_paging.read_cursor(other) is None


def test_hops_fetch_sort_values_only_and_the_page_the_whole_body_in_the_pit(settings):
    settings.SEARCH_ES_PIT_KEEP_ALIVE = "3m"
    body = {"query": {"match_all": {}}, "sort": [{"_score": {"order": "desc"}}], "track_total_hits": True,
            "highlight": {"fields": {"body": {}}}, "aggs": {"year": {"terms": {"field": "year"}}}}
    assert es_paging.hop_body(body, "p", 10_000, None) == {
        "query": {"match_all": {}}, "sort": [{"_score": {"order": "desc"}}], "_source": False,
        "track_total_hits": False, "size": 10_000, "pit": {"id": "p", "keep_alive": "3m"}}
    page = es_paging.page_body(body, "p2", 20, [1.0, 5])
    assert page == {**body, "size": 20, "search_after": [1.0, 5], "pit": {"id": "p2", "keep_alive": "3m"}}
    assert es_paging.page_body(body, "p2", 20, None)["size"] == 0  # past the last hit: total and facets only


def test_the_walk_follows_the_latest_pit_id_and_hops_at_most_the_window(settings):
    sent = []

    def search(body, **params):
        sent.append(body)
        n = body["size"]
        return {"pit_id": f"pit-{len(sent) + 1}", "hits": {"hits": [{"sort": [len(sent), i]} for i in range(n)]}}

    after, pit = es_paging.walk(search, {"query": {}, "sort": []}, "pit-1", 25_000)
    assert [b["size"] for b in sent] == [10_000, 10_000, 5_000]
    assert [b["pit"]["id"] for b in sent] == ["pit-1", "pit-2", "pit-3"]
    assert [b.get("search_after") for b in sent] == [None, [1, 9_999], [2, 9_999]]
    assert (after, pit) == ([3, 4_999], "pit-4")


def test_an_expired_point_in_time_starts_a_fresh_walk(settings):
    q0 = SearchQuery(text="", scope="decision", page=501, per_page=20, user=Person(7))
    q = SearchQuery(text="", scope="decision", page=502, per_page=20, user=Person(7),
                    cursor=es_paging.make_cursor(q0, "pit-old", [0.0, 1, 2, 3]))
    opened, sent = [], []

    def open_pit(index, keep_alive):
        opened.append((index, keep_alive))
        return "pit-new"

    def search(body, **params):
        sent.append(body)
        if body["pit"]["id"] == "pit-old":
            raise api_error(NotFoundError, 404, "search_context_missing_exception")
        hits = [{"sort": [0.0, 1, 30_000 - i, i]} for i in range(body["size"])]
        return {"pit_id": "pit-new", "hits": {"total": {"value": 50_000}, "hits": hits}}

    resp, cursor = es_paging.deep_page(open_pit, search, "t-decisions", {"query": {}, "sort": []}, q)
    assert opened == [("t-decisions", "2m")]
    assert [b["pit"]["id"] for b in sent] == ["pit-old", "pit-new", "pit-new", "pit-new"]
    assert [b["size"] for b in sent[1:]] == [10_000, 20, 20]  # 10 020 hits skipped, then the page
    assert len(resp["hits"]["hits"]) == 20 and cursor


# ---- a one-character query: its snippet is marked (the `.chars` subfield is highlighted too) ----
def test_a_single_character_query_highlights_the_chars_subfield(db):
    from search.analysis import analyse
    from search.engines.elastic import highlight, snippet_of

    assert highlight(analyse("督", {}))["fields"] == {"body": {}, "body.chars": {}}
    assert highlight(analyse("监督员", {}))["fields"] == {"body": {}}
    hit = {"highlight": {"body": ["为规范行政执法监督员的选聘……"], "body.chars": ["为规范行政执法监<mark>督</mark>员的选聘"]}}
    assert snippet_of(hit) == "为规范行政执法监<mark>督</mark>员的选聘"
    assert snippet_of({"highlight": {"body": ["没有标记的开头"]}}) == "没有标记的开头"
    assert snippet_of({}) == ""


# ---- the outage back-off and its Chinese reasons ----
def test_the_outage_back_off_doubles_to_five_minutes(settings):
    from search.outage import backoff

    assert [backoff(n).total_seconds() for n in range(1, 8)] == [30, 60, 120, 240, 300, 300, 300]


def test_only_an_unreachable_cluster_opens_an_outage(settings, db, caplog):
    from search import outage

    settings.ELASTICSEARCH_URL = "https://user:secret@es.example.cn:9243"
    assert outage.report(api_error(NotFoundError, 404, "index_not_found_exception")) is None
    assert outage.report(api_error(BadRequestError, 400, "mapper_parsing_exception")) is None
    now = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.UTC)
    down = outage.report(api_error(ApiError, 503, "cluster_block_exception"), now=now)
    assert (down.trips, down.until, down.reason) == (1, now + dt.timedelta(seconds=30),
                                                     "es.example.cn:9243 集群暂不可用（HTTP 503）")
    assert outage.report(api_error(ApiError, 429, "es_rejected_execution_exception"), now=now).trips == 2
    assert "secret" not in caplog.text and [r.levelno for r in caplog.records] == [logging.WARNING] * 2
