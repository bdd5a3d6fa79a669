"""Create the Elasticsearch indices and aliases (once; nothing when they exist) after checking the
analyzer. Run at deployment and by `make run`; the embedded engine needs nothing (its tables come
from `migrate`)."""
from django.core.management.base import BaseCommand, CommandError

from search.documents import index_alias
from search.engines import get_engine
from search.engines.errors import AnalyzerMissing
from search.engines.es_client import is_unavailable


class Command(BaseCommand):
    help = "建立检索索引与别名（Elasticsearch；已存在则不变）"

    def handle(self, *args, **options):
        engine = get_engine()
        if engine.name != "elastic":
            self.stdout.write("内置检索引擎：索引表由 migrate 建立，无需设置。")
            return
        try:
            created = engine.setup()
        except AnalyzerMissing as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:
            if is_unavailable(exc):
                raise CommandError(f"Elasticsearch 无法连接，索引未建立：{exc}。"
                                   f"集群恢复后重新运行 search_setup；"
                                   f"期间发布与编辑照常，索引更新进入待同步队列（search_pending）。") from exc
            raise
        for scope in ("notice", "decision"):
            alias = index_alias(scope)
            self.stdout.write(f"elastic: {alias} " + ("已建立" if alias in created else "已存在"))
