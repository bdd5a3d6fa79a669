"""`manage.py task_index [--resync]`: 待办索引 (flows.models.TaskIndex) recomputed for every open task in one
statement, or (--resync, as the scheduler's round) only the rows that drifted rewritten, with a report."""
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "重建或核对待办索引（每个未办结的人工任务一行：事项、辖区、期限）"

    def add_arguments(self, parser):
        parser.add_argument("--resync", action="store_true", help="只重写与重新计算不一致的行（调度器每轮所做）")

    def handle(self, *args, resync=False, **opts):
        from flows.task_index import refresh
        from flows.task_index import resync as do_resync

        started = time.perf_counter()
        if resync:
            r = do_resync()
            text = f"核对 {r['checked']} 项，重写 {r['written']} 项，删除 {r['dropped']} 项"
        else:
            text = f"写入 {refresh()} 项"
        self.stdout.write(f"待办索引：{text}（{time.perf_counter() - started:.1f} 秒）")
