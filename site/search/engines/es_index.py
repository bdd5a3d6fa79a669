"""Elasticsearch index management: analysis, creation (once, with the alias as write index), the
analyzer check at start, and the rebuild that loses no write.

Each scope lives in a versioned index (`<prefix>-notices-v20261122031500…`) behind an alias
(`<prefix>-notices`, `is_write_index: true`). `setup()` creates the first one; a rebuild fills a new index
while every write also goes to it (models.IndexRebuild is both the lock and the list of extra targets),
then swaps the alias in one atomic call and deletes the old index. Writes carry an external version (the
time the object was read from the database), so a late, stale write never overwrites a newer one.
"""
from __future__ import annotations

import logging
import os
import socket
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import BadRequestError, NotFoundError, helpers

from ..documents import DOCUMENTS, es_analyzer, index_alias
from .errors import AnalyzerMissing

log = logging.getLogger("search")
SCOPES = ("notice", "decision", "case")
MAX_RESULT_WINDOW = 10_000  # index.max_result_window (default): from + size beyond it is refused
REBUILD_GC_DELETES = "12h"  # keep delete tombstones during a rebuild: a stale bulk item cannot resurrect

# plugin analyzers: (tokenizer at index time, tokenizer at query time, plugin to install)
PLUGINS = {
    "smartcn": ("smartcn_tokenizer", "smartcn_tokenizer", "analysis-smartcn"),
    "ik": ("ik_max_word", "ik_smart", "elasticsearch-analysis-ik（版本须与 Elasticsearch 一致）"),
}


# the mapping's version: a change to the mapping or the analysis raises it, and `search_setup` then queues
# a rebuild of each index older than it (tasks.upgrade_index: a new versioned index, alias swapped;
# searches never stop), run by the background worker, or at once by `search_rebuild`.
# 1: before this field existed. 2: metadata field (copy_to), `.chars` unigram subfields, BM25 per field.
SCHEMA_VERSION = 2

# BM25 per field as the embedded engine scores them (engines/embedded.py: K1 1.2; the title's length
# counts half, TITLE_B 0.5; the metadata's not at all); the body keeps Elasticsearch's BM25 (1.2, 0.75)
SIMILARITY = {"supervision_title": {"type": "BM25", "k1": 1.2, "b": 0.5},
              "supervision_metadata": {"type": "BM25", "k1": 1.2, "b": 0.0}}
# one token per character, whatever SEARCH_ES_ANALYZER is: the standard tokenizer splits Han text into
# single characters (the `.chars` subfields: a one-character query finds every word holding it)
CHARS_ANALYZER = {"type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase"]}


def analysis() -> dict:
    """The custom analyzers the mapping names (documents.py): `supervision_index`, `supervision_search`
    and `supervision_chars`.

    cjk: the standard tokenizer gives one token per Han character; at index time cjk_bigram keeps those
    unigrams beside the bigrams, at query time it gives bigrams (a lone character, e.g. 督 or the 年 of
    2021年, stays a unigram) — so a single character and a character next to digits both match."""
    name = es_analyzer()
    if name in PLUGINS:
        index_tok, search_tok, _ = PLUGINS[name]
        return {"analyzer": {
            "supervision_index": {"type": "custom", "tokenizer": index_tok, "filter": ["lowercase"]},
            "supervision_search": {"type": "custom", "tokenizer": search_tok, "filter": ["lowercase"]},
            "supervision_chars": CHARS_ANALYZER}}
    if name != "cjk":
        raise AnalyzerMissing(f"SEARCH_ES_ANALYZER={name!r} 不受支持：请用 cjk、smartcn 或 ik。")
    return {
        "filter": {"supervision_bigrams_unigrams": {"type": "cjk_bigram", "output_unigrams": True},
                   "supervision_bigrams": {"type": "cjk_bigram", "output_unigrams": False}},
        "analyzer": {
            "supervision_index": {"type": "custom", "tokenizer": "standard",
                                  "filter": ["cjk_width", "lowercase", "supervision_bigrams_unigrams"]},
            "supervision_search": {"type": "custom", "tokenizer": "standard",
                                   "filter": ["cjk_width", "lowercase", "supervision_bigrams"]},
            "supervision_chars": CHARS_ANALYZER},
    }


def check_analyzer(client) -> None:
    """Refuse to start with a plugin analyzer the cluster does not have (instead of failing every write)."""
    name = es_analyzer()
    if name not in PLUGINS:
        analysis()  # raises for an unknown name
        return
    index_tok, search_tok, plugin = PLUGINS[name]
    for tokenizer in dict.fromkeys((index_tok, search_tok)):
        try:
            client.indices.analyze(tokenizer=tokenizer, text="行政执法监督")
        except BadRequestError as exc:
            raise AnalyzerMissing(
                f"Elasticsearch 集群没有分词器 {tokenizer}：SEARCH_ES_ANALYZER={name} "
                f"需要在每个节点安装 {plugin} 插件并重启集群；或改用内置的 SEARCH_ES_ANALYZER=cjk。"
                f"（{exc.message}）") from exc


def index_body(scope: str, *, write_alias: bool) -> dict:
    body = {
        "settings": {"number_of_shards": 1,
                     "number_of_replicas": int(getattr(settings, "SEARCH_ES_REPLICAS", 0)),
                     "analysis": analysis(), "similarity": SIMILARITY},
        "mappings": {**DOCUMENTS[scope]._doc_type.mapping.to_dict(),
                     "_meta": {"schema_version": SCHEMA_VERSION}},
    }
    if write_alias:
        body["aliases"] = {index_alias(scope): {"is_write_index": True}}
    return body


def current_indices(client, scope: str) -> list[str]:
    try:
        return sorted(client.indices.get_alias(name=index_alias(scope)).body.keys())
    except NotFoundError:
        return []


def setup(client) -> list[str]:
    """Create each scope's first index with its alias (is_write_index), once: nothing when the alias exists.

    Safe when several machines run it at once: the index and its alias are made by one create request (one
    cluster-state change, so either both exist or neither), all under the same fixed name; the losers get
    `resource_already_exists_exception` and find the alias there. An index of that name left without its
    alias gets it back in one atomic `_aliases` call (adding an alias that exists changes nothing)."""
    check_analyzer(client)
    created = []
    for scope in SCOPES:
        alias = index_alias(scope)
        if client.indices.exists_alias(name=alias):
            continue
        first = f"{alias}-v0"
        try:
            client.indices.create(index=first, **index_body(scope, write_alias=True))
            created.append(alias)
        except BadRequestError as exc:
            if exc.error != "resource_already_exists_exception":
                raise
            if not client.indices.exists_alias(name=alias):
                client.indices.update_aliases(actions=[{"add": {"index": first, "alias": alias,
                                                                "is_write_index": True}}])
    return created


def schema_version(client, scope: str) -> int | None:
    """The mapping version of the index behind a scope's alias (1: made before versions), None: no alias."""
    try:
        mappings = client.indices.get_mapping(index=index_alias(scope)).body
    except NotFoundError:
        return None
    versions = [int(((m.get("mappings") or {}).get("_meta") or {}).get("schema_version", 1))
                for m in mappings.values()]
    return min(versions) if versions else None


def outdated(client) -> dict[str, int]:
    """Scopes whose index was made with an older mapping than SCHEMA_VERSION: scope -> its version."""
    out = {}
    for scope in SCOPES:
        version = schema_version(client, scope)
        if version is not None and version < SCHEMA_VERSION:
            out[scope] = version
    return out


def write_targets(scope: str) -> list[str]:
    """The alias, plus the new index of a rebuild in progress (written too, so the rebuild loses nothing)."""
    from ..models import IndexRebuild

    rebuilding = IndexRebuild.objects.filter(scope=scope).values_list("index_name", flat=True)
    return [index_alias(scope), *rebuilding]


class RebuildRunning(Exception):
    pass


class SwapUncertain(Exception):
    """The alias swap failed and the cluster could not say where the alias points: nothing was deleted."""


def rebuild(client, scope: str, docs, *, batch: int = 500) -> int:
    """Fill a new index (rejected items retried with backoff), swap the alias atomically, drop the old index.
    Only one rebuild per scope at a time.

    Before the swap a failure removes the new index and the lock (the alias never moved). Once the alias
    points at the new index it is the live one: nothing after that deletes it; a failure to drop the old
    index or reset a setting is logged and the rebuild still succeeds. A swap whose outcome the cluster
    cannot confirm keeps both indices and the lock (every write still reaches both) and says so."""
    check_analyzer(client)
    alias = index_alias(scope)
    name = f"{alias}-v{timezone.now():%Y%m%d%H%M%S%f}"
    lock = _take_lock(scope, name)
    created = False
    try:
        body = index_body(scope, write_alias=False)
        body["settings"]["gc_deletes"] = REBUILD_GC_DELETES
        client.indices.create(index=name, **body)
        created = True
        n = fill(client, name, docs, batch=batch)
        client.indices.refresh(index=name)
        old = [o for o in current_indices(client, scope) if o != name]
    except BaseException as exc:
        _abandon(client, lock, name, exc, created=created)
        raise
    try:
        swap_alias(client, alias, old, name)
    except BaseException as exc:
        live = _alias_points_at(client, scope, name)
        if live is False:  # the swap did not happen: as any failure before it
            _abandon(client, lock, name, exc, created=True)
            raise
        if live is None:
            log.error("索引 %s 的别名切换结果未知（%s）：新旧索引与重建锁均保留，写入仍同时到达两者；"
                      "请确认 %s 指向哪个索引后运行 search_rebuild --force。", name, exc, alias)
            raise SwapUncertain(f"{alias} 的别名切换结果未知：新索引 {name} 与旧索引均已保留。") from exc
        # the cluster applied the swap although the call failed (e.g. timed out): the new index is live
    finish(client, lock, name, old)
    return n


def _take_lock(scope: str, name: str):
    from ..models import IndexRebuild

    try:
        with transaction.atomic():
            return IndexRebuild.objects.create(scope=scope, index_name=name,
                                               owner=f"{socket.gethostname()}:{os.getpid()}")
    except IntegrityError:
        other = IndexRebuild.objects.filter(scope=scope).first()
        raise RebuildRunning(f"{scope} 的索引重建已在进行（{other.owner}，开始于 "
                             f"{timezone.localtime(other.started_at):%Y-%m-%d %H:%M}）；如确认它已中断，"
                             f"用 search_rebuild --force 清除后重试。") from None


def fill(client, name: str, docs, *, batch: int = 500) -> int:
    """Bulk-load the documents into the new index; items the cluster rejects (429) are retried with
    backoff; any item still failing fails the rebuild."""
    # every write that reads the database after this moment carries a higher version than the bulk
    version = time.time_ns() // 1000
    actions = ({"_index": name, "_id": str(d.meta.id), "version": version, "version_type": "external",
                "_source": {**d.to_dict(), "object_id": int(d.meta.id)}} for d in docs)
    bulk_client = client.options(request_timeout=float(getattr(settings, "SEARCH_ES_BULK_TIMEOUT", 120)))
    n, failed = 0, []
    for ok, item in helpers.streaming_bulk(bulk_client, actions, chunk_size=batch, max_retries=8,
                                           initial_backoff=2, max_backoff=60, raise_on_error=False):
        info = next(iter(item.values()))
        if ok or info.get("status") == 409:  # 409: a write made during the rebuild is newer: keep it
            n += 1
        else:
            failed.append(info)
    if failed:
        raise RuntimeError(f"{len(failed)} 条文档未能写入新索引 {name}：{failed[0].get('error')}")
    return n


def swap_alias(client, alias: str, old: list[str], name: str) -> None:
    """One atomic call: the alias leaves every old index and points at the new one (its write index)."""
    client.indices.update_aliases(actions=[{"remove": {"index": o, "alias": alias}} for o in old]
                                  + [{"add": {"index": name, "alias": alias, "is_write_index": True}}])


def _alias_points_at(client, scope: str, name: str) -> bool | None:
    """Whether the scope's alias points at `name` now; None when the cluster cannot say."""
    try:
        return name in current_indices(client, scope)
    except Exception:  # noqa: BLE001
        return None


def _abandon(client, lock, name: str, exc: BaseException, *, created: bool) -> None:
    """Before the swap: the lock goes, and the new index (never live) is deleted, best effort."""
    lock.delete()
    if not created and isinstance(exc, TransportConnectionError) and not isinstance(exc, ConnectionTimeout):
        return  # the create never reached the cluster: there is nothing to delete
    try:
        client.indices.delete(index=name, ignore_unavailable=True)
    except Exception as error:  # noqa: BLE001  the cluster may be what failed
        log.warning("未能删除未完成的新索引 %s（%s）：集群恢复后请手动删除。", name, error)


def finish(client, lock, name: str, old: list[str]) -> None:
    """After the swap (the new index is live): release the lock, restore gc_deletes, drop the old indices.
    A failure here is logged and never touches the live index."""
    try:
        lock.delete()
    except Exception as exc:  # noqa: BLE001  writes then also reach the live index twice: harmless
        log.error("重建已完成，但未能释放重建锁（%s）：请运行 search_rebuild --force 清除。", exc)
    try:
        client.indices.put_settings(index=name, settings={"index": {"gc_deletes": None}})
    except Exception as exc:  # noqa: BLE001
        log.warning("新索引 %s 已启用，但未能恢复 gc_deletes 默认值（%s）。", name, exc)
    for o in old:
        if o == name:
            continue
        try:
            client.indices.delete(index=o, ignore_unavailable=True)
        except Exception as exc:  # noqa: BLE001
            log.warning("新索引 %s 已启用；旧索引 %s 未能删除（%s），请手动删除。", name, o, exc)


def drop_all(client) -> None:
    for scope in SCOPES:
        for name in current_indices(client, scope):
            client.indices.delete(index=name, ignore_unavailable=True)
