"""Rebuild the search index from the database: every live notice and every decision record.

Embedded engine: one transaction per scope (readers keep the old index until it commits).
Elasticsearch: a new versioned index, bulk-loaded, then the alias swapped atomically."""
import time

from django.core.management.base import BaseCommand

from search.documents import all_objects, build
from search.engines import get_engine


class Command(BaseCommand):
    help = "重建检索索引（公告公示与决定记录）"

    def add_arguments(self, parser):
        parser.add_argument("--scope", choices=["notice", "decision"], action="append",
                            help="只重建该范围（可重复）；默认全部")

    def handle(self, *args, scope=None, **options):
        engine = get_engine()
        for name in scope or ["notice", "decision"]:
            started = time.perf_counter()
            n = engine.rebuild(name, (build(name, obj) for obj in all_objects(name)))
            self.stdout.write(f"{engine.name}: {name} 已索引 {n} 条，用时 {time.perf_counter() - started:.1f} 秒")
