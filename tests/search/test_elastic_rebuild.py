"""Elasticsearch rebuild without downtime or lost writes (issue 16): writes made during a rebuild reach
the new index too; rejected (429) bulk items are retried; a failed rebuild leaves no orphan index and
keeps the alias; two rebuilds never run at once. Requests captured at the transport."""
import pytest
from django.core.management import CommandError, call_command

from search.engines import get_engine

SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}


@pytest.fixture
def es(es, monkeypatch):
    """The capturing engine of conftest.py, with an existing decisions alias and no bulk backoff wait."""
    recorder = es
    recorder.on("GET", r"/_alias/t-decisions", body={"t-decisions-v0": {"aliases": {"t-decisions": {}}}})
    monkeypatch.setattr("elasticsearch.helpers.actions.time.sleep", lambda s: None)  # the bulk backoff
    return recorder


def _docs(decision, n=3):
    from search.documents import build

    return [build("decision", decision(title=f"监督意见书{i}")) for i in range(n)]


def test_a_record_deleted_during_the_rebuild_is_removed_from_the_new_index_too(es, decision):
    from search.models import IndexRebuild

    docs = _docs(decision)
    engine = get_engine()
    gone = docs[1].meta.id

    def during():
        yield docs[0]
        engine.remove("decision", gone)  # a write while the bulk load runs
        yield from docs[1:]

    es.requests.clear()
    assert engine.rebuild("decision", during()) == 3
    new = es.find("PUT", r"/t-decisions-v\d{20}")[0].path[1:]
    deletes = [r.path for r in es.find("DELETE", rf".*/_doc/{gone}")]
    assert deletes == [f"/t-decisions/_doc/{gone}", f"/{new}/_doc/{gone}"]
    # the bulk carries an older version than that delete: Elasticsearch keeps the delete (tombstones kept 12h)
    bulk = es.find("PUT", r"/_bulk")[0].body
    delete_version = int(es.find("DELETE", rf"/{new}/_doc/{gone}")[0].params["version"])
    assert bulk[0]["index"]["version_type"] == "external" and int(bulk[0]["index"]["version"]) < delete_version
    assert es.find("PUT", rf"/{new}")[0].body["settings"]["gc_deletes"] == "12h"
    swap = es.find("POST", r"/_aliases")[0].body["actions"]
    assert swap == [{"remove": {"index": "t-decisions-v0", "alias": "t-decisions"}},
                    {"add": {"index": new, "alias": "t-decisions", "is_write_index": True}}]
    assert [r.path for r in es.find("DELETE", r"/t-decisions-v\w+")] == ["/t-decisions-v0"]
    assert not IndexRebuild.objects.exists()


def test_rejected_bulk_items_are_retried(es, decision):
    docs = _docs(decision, 2)
    calls = []

    def bulk(req):
        calls.append(len(req.body) // 2)
        first = len(calls) == 1
        items = [{"index": {"_index": a["index"]["_index"], "_id": a["index"]["_id"],
                            **({"status": 429, "error": {"type": "es_rejected_execution_exception",
                                                         "reason": "rejected execution"}}
                               if first and i == 1 else {"status": 201, "result": "created", "_version": 1})}}
                 for i, a in enumerate(req.body[::2])]
        return 200, {"took": 1, "errors": first, "items": items}

    es.on("PUT", r"/_bulk", responder=bulk)
    assert get_engine().rebuild("decision", iter(docs)) == 2
    assert calls == [2, 1]  # the rejected item alone, again
    assert es.find("POST", r"/_aliases")


def test_a_failed_rebuild_deletes_its_new_index_and_keeps_the_alias(es, decision):
    from search.models import IndexRebuild

    docs = _docs(decision, 2)
    es.on("PUT", r"/_bulk", responder=lambda req: (200, {"took": 1, "errors": True, "items": [
        {"index": {"_index": a["index"]["_index"], "_id": a["index"]["_id"], "status": 400,
                   "error": {"type": "document_parsing_exception", "reason": "failed to parse field [date]"}}}
        for a in req.body[::2]]}))
    with pytest.raises(RuntimeError, match="failed to parse field"):
        get_engine().rebuild("decision", iter(docs))
    new = es.find("PUT", r"/t-decisions-v\d{20}")[0].path
    assert [r.path for r in es.find("DELETE", r"/t-decisions-v\w+")] == [new]
    assert not es.find("POST", r"/_aliases")  # searches keep the old index
    assert not IndexRebuild.objects.exists()


def test_only_one_rebuild_runs_at_a_time(es, decision):
    from search.models import IndexRebuild

    IndexRebuild.objects.create(scope="decision", index_name="t-decisions-v20261127010000000000", owner="web1:4242")
    with pytest.raises(CommandError, match="decision 的索引重建已在进行（web1:4242"):
        call_command("search_rebuild", scope=["decision"])
    assert not es.find("PUT", r"/t-decisions-v\d{20}") and not es.find("POST", r"/_aliases")
    call_command("search_rebuild", scope=["decision"], force=True)  # the operator says it was interrupted
    assert [r.path for r in es.find("DELETE", r"/t-decisions-v\w+")][0] == "/t-decisions-v20261127010000000000"
    assert es.find("POST", r"/_aliases")
