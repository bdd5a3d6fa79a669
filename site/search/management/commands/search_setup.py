"""Create the Elasticsearch indices and aliases (once; nothing when they exist) after checking the
analyzer. Safe to run on several machines at once (es_index.setup). An index made with an older mapping
(es_index.SCHEMA_VERSION) is not rebuilt here: its rebuild is queued as a background task
(tasks.upgrade_index, run by the worker; searches keep the old index until the alias swaps), or run it at
once with `search_rebuild`. Run at deployment and by `make run`; the embedded engine needs nothing (its
tables come from `migrate`)."""
from django.core.management.base import BaseCommand, CommandError

from search import outage
from search.documents import index_alias
from search.engines import es_index, get_engine
from search.engines.errors import AnalyzerMissing
from search.engines.es_client import is_unavailable


class Command(BaseCommand):
    help = "建立检索索引与别名（Elasticsearch；已存在则不变；索引结构过时则排入后台重建）"

    def handle(self, *args, **options):
        engine = get_engine()
        if engine.name != "elastic":
            self.stdout.write("内置检索引擎：索引表由 migrate 建立，无需设置。")
            return
        try:
            created = engine.setup()
            for scope in es_index.SCOPES:
                alias = index_alias(scope)
                self.stdout.write(f"elastic: {alias} " + ("已建立" if alias in created else "已存在"))
            outdated = es_index.outdated(engine.client)
        except AnalyzerMissing as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:
            if is_unavailable(exc):
                raise CommandError(f"Elasticsearch 无法连接，索引未建立（{outage.describe(exc)}）。"
                                   f"集群恢复后重新运行 search_setup；"
                                   f"期间发布与编辑照常，索引更新进入待同步队列（search_pending）。") from exc
            raise
        outage.clear()
        for scope, version in outdated.items():
            self.stdout.write(f"elastic: {index_alias(scope)} 的索引结构为第 {version} 版（当前第 "
                              f"{es_index.SCHEMA_VERSION} 版）：{self._upgrade(scope)}")

    def _upgrade(self, scope: str) -> str:
        from search.models import IndexRebuild
        from search.tasks import upgrade_index

        running = IndexRebuild.objects.filter(scope=scope).first()
        if running is not None:
            return f"重建已在进行（{running.owner}），完成后检索自动改用新索引。"
        result = upgrade_index.enqueue(scope)
        if not result.is_finished:
            return (f"已排入后台重建（后台任务 {result.id}，由 db_worker 执行；重建期间检索照常）。"
                    f"也可立即运行 manage.py search_rebuild --scope {scope}。")
        try:  # the in-process backend (make run) ran it already
            return str(result.return_value)
        except ValueError:
            raise CommandError(f"{index_alias(scope)} 的重建失败（{result.errors[-1].exception_class_path}）；"
                               f"请运行 manage.py search_rebuild --scope {scope} 查看原因。") from None
