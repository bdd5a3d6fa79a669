"""Create the Elasticsearch indices and aliases (once; nothing when they exist) after checking the
analyzer, and rebuild an index made with an older mapping (es_index.SCHEMA_VERSION) so new analyzers and
fields take effect. Run at deployment and by `make run`; the embedded engine needs nothing (its tables
come from `migrate`)."""
from django.core.management.base import BaseCommand, CommandError

from search.documents import all_objects, build, index_alias
from search.engines import es_index, get_engine
from search.engines.errors import AnalyzerMissing
from search.engines.es_client import is_unavailable
from search.engines.es_index import RebuildRunning


class Command(BaseCommand):
    help = "建立检索索引与别名（Elasticsearch；已存在则不变，索引结构过时则重建）"

    def handle(self, *args, **options):
        engine = get_engine()
        if engine.name != "elastic":
            self.stdout.write("内置检索引擎：索引表由 migrate 建立，无需设置。")
            return
        try:
            created = engine.setup()
            for scope in ("notice", "decision"):
                alias = index_alias(scope)
                self.stdout.write(f"elastic: {alias} " + ("已建立" if alias in created else "已存在"))
            for scope, version in es_index.outdated(engine.client).items():
                self.stdout.write(f"elastic: {index_alias(scope)} 的索引结构为第 {version} 版（当前第 "
                                  f"{es_index.SCHEMA_VERSION} 版），正在重建（重建期间检索照常）……")
                n = engine.rebuild(scope, (build(scope, obj) for obj in all_objects(scope)))
                self.stdout.write(f"elastic: {index_alias(scope)} 已重建，索引 {n} 条")
        except (AnalyzerMissing, RebuildRunning) as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:
            if is_unavailable(exc):
                raise CommandError(f"Elasticsearch 无法连接，索引未建立：{exc}。"
                                   f"集群恢复后重新运行 search_setup；"
                                   f"期间发布与编辑照常，索引更新进入待同步队列（search_pending）。") from exc
            raise
