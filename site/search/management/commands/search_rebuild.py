"""Rebuild the search index from the database: every live notice and every decision record.

Embedded engine: one transaction per scope (readers keep the old index until it commits).
Elasticsearch: a new versioned index, bulk-loaded while every write also goes to it, then the alias
swapped atomically (searches never stop); one rebuild per scope at a time (--force clears a stale lock)."""
import time

from django.core.management.base import BaseCommand, CommandError

from progress import Progress
from search import outage
from search.documents import all_objects, build, count_objects
from search.engines import get_engine
from search.engines.errors import AnalyzerMissing
from search.engines.es_client import is_unavailable
from search.engines.es_index import RebuildRunning, SwapUncertain


class Command(BaseCommand):
    help = "重建检索索引（公告公示、决定记录与案件检索）"

    def add_arguments(self, parser):
        parser.add_argument("--scope", choices=["notice", "decision", "case"], action="append",
                            help="只重建该范围（可重复）；默认全部")
        parser.add_argument("--force", action="store_true",
                            help="清除中断的重建留下的锁（及其未完成的新索引）后再重建")
        parser.add_argument("--compact", action="store_true",
                            help="内置检索：只把单条更新并入倒排表（不重读内容），不重建")

    def handle(self, *args, scope=None, force=False, compact=False, **options):
        engine = get_engine()
        if compact:
            if engine.name != "embedded":
                raise CommandError("--compact 只适用于内置检索引擎（未设置 ELASTICSEARCH_URL 时）。")
            names = scope or ["notice", "decision", "case"]
            with Progress.for_command(self, "整理检索索引", len(names), unit="个范围") as bar:
                for name in bar.iter(names):
                    self.stdout.write(f"embedded: {name} 已整理 {engine.compact(name)} 个词项")
            return
        for name in scope or ["notice", "decision", "case"]:
            if force and engine.name == "elastic":
                self._clear_lock(engine, name)
            started = time.perf_counter()
            try:
                with Progress.for_command(self, f"重建检索索引·{name}", count_objects(name)) as bar:
                    n = engine.rebuild(name, (build(name, obj) for obj in bar.iter(all_objects(name))))
            except (RebuildRunning, AnalyzerMissing, SwapUncertain) as exc:
                raise CommandError(str(exc)) from exc
            except Exception as exc:
                if is_unavailable(exc):
                    raise CommandError(f"Elasticsearch 无法连接，重建未完成"
                                       f"（旧索引不变，新索引已清除）：{outage.describe(exc)}") from exc
                raise
            if engine.name == "elastic":
                outage.clear()
            seconds = time.perf_counter() - started
            self.stdout.write(f"{engine.name}: {name} 已索引 {n} 条，用时 {seconds:.1f} 秒")

    def _clear_lock(self, engine, scope):
        from search.engines.es_index import current_indices
        from search.models import IndexRebuild

        live = set(current_indices(engine.client, scope))
        for lock in IndexRebuild.objects.filter(scope=scope):
            if lock.index_name in live:  # its swap went through: the index is live, only the lock goes
                lock.delete()
                self.stdout.write(f"已清除 {scope} 的重建锁（{lock.owner}）；其新索引 {lock.index_name} "
                                  f"已在使用中，予以保留")
                continue
            engine.client.indices.delete(index=lock.index_name, ignore_unavailable=True)
            lock.delete()
            self.stdout.write(f"已清除 {scope} 的重建锁（{lock.owner}）与未完成的索引 {lock.index_name}")
