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
from elasticsearch import BadRequestError, NotFoundError, helpers

from ..documents import DOCUMENTS, es_analyzer, index_alias
from .errors import AnalyzerMissing

log = logging.getLogger("search")
SCOPES = ("notice", "decision")
MAX_RESULT_WINDOW = 10_000  # index.max_result_window (default): from + size beyond it is refused
REBUILD_GC_DELETES = "12h"  # keep delete tombstones during a rebuild: a stale bulk item cannot resurrect

# plugin analyzers: (tokenizer at index time, tokenizer at query time, plugin to install)
PLUGINS = {
    "smartcn": ("smartcn_tokenizer", "smartcn_tokenizer", "analysis-smartcn"),
    "ik": ("ik_max_word", "ik_smart", "elasticsearch-analysis-ik（版本须与 Elasticsearch 一致）"),
}


# the mapping's version: a change to the mapping or the analysis raises it, and `search_setup` then
# rebuilds each index older than it (a new versioned index, alias swapped; searches never stop).
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
    Two workers racing create the same fixed name; the loser's `resource_already_exists` is ignored."""
    check_analyzer(client)
    created = []
    for scope in SCOPES:
        alias = index_alias(scope)
        if client.indices.exists_alias(name=alias):
            continue
        try:
            client.indices.create(index=f"{alias}-v0", **index_body(scope, write_alias=True))
            created.append(alias)
        except BadRequestError as exc:
            if exc.error != "resource_already_exists_exception":
                raise
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


def rebuild(client, scope: str, docs, *, batch: int = 500) -> int:
    """Fill a new index (rejected items retried with backoff), swap the alias atomically, drop the old index.
    Only one rebuild per scope at a time; on any failure the new index and the lock are removed."""
    from ..models import IndexRebuild

    check_analyzer(client)
    alias = index_alias(scope)
    name = f"{alias}-v{timezone.now():%Y%m%d%H%M%S%f}"
    try:
        with transaction.atomic():
            lock = IndexRebuild.objects.create(scope=scope, index_name=name,
                                               owner=f"{socket.gethostname()}:{os.getpid()}")
    except IntegrityError:
        other = IndexRebuild.objects.filter(scope=scope).first()
        raise RebuildRunning(f"{scope} 的索引重建已在进行（{other.owner}，开始于 "
                             f"{timezone.localtime(other.started_at):%Y-%m-%d %H:%M}）；如确认它已中断，"
                             f"用 search_rebuild --force 清除后重试。") from None
    try:
        body = index_body(scope, write_alias=False)
        body["settings"]["gc_deletes"] = REBUILD_GC_DELETES
        client.indices.create(index=name, **body)
        # every write that reads the database after this moment carries a higher version than the bulk
        version = time.time_ns() // 1000
        actions = ({"_index": name, "_id": str(d.meta.id), "version": version, "version_type": "external",
                    "_source": {**d.to_dict(), "object_id": int(d.meta.id)}} for d in docs)
        bulk_client = client.options(request_timeout=float(getattr(settings, "SEARCH_ES_BULK_TIMEOUT", 120)))
        n, failed = 0, []
        for ok, item in helpers.streaming_bulk(bulk_client, actions, chunk_size=batch, max_retries=8,
                                               initial_backoff=2, max_backoff=60, raise_on_error=False):
            info = next(iter(item.values()))
            if ok:
                n += 1
            elif info.get("status") == 409:  # a write made during the rebuild is newer: keep it
                n += 1
            else:
                failed.append(info)
        if failed:
            raise RuntimeError(f"{len(failed)} 条文档未能写入新索引 {name}：{failed[0].get('error')}")
        client.indices.refresh(index=name)
        old = current_indices(client, scope)
        client.indices.update_aliases(actions=[{"remove": {"index": o, "alias": alias}} for o in old]
                                      + [{"add": {"index": name, "alias": alias, "is_write_index": True}}])
    except BaseException:
        lock.delete()
        try:  # no orphan index left behind (best effort: the cluster may be what failed)
            client.indices.delete(index=name, ignore_unavailable=True)
        except Exception:  # noqa: BLE001
            log.warning("could not delete the unfinished index %s; delete it by hand", name)
        raise
    lock.delete()
    client.indices.put_settings(index=name, settings={"index": {"gc_deletes": None}})
    for o in old:
        client.indices.delete(index=o, ignore_unavailable=True)
    return n


def drop_all(client) -> None:
    for scope in SCOPES:
        for name in current_indices(client, scope):
            client.indices.delete(index=name, ignore_unavailable=True)
