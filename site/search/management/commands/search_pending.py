"""Report (and with --retry, retry now) the index updates the search cluster has not taken yet."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from progress import Progress
from search import pending


class Command(BaseCommand):
    help = "报告待同步的检索索引更新（检索服务中断期间积压的更新）"

    def add_arguments(self, parser):
        parser.add_argument("--retry", action="store_true", help="立即重试全部待同步更新")

    def handle(self, *args, retry=False, **options):
        if retry:
            done, left = pending.retry(due_only=False, progress=lambda total: Progress.for_command(
                self, "补同步检索更新", total))
            self.stdout.write(f"已补同步 {done} 条。")
        info = pending.backlog()
        if not info["count"]:
            self.stdout.write("待同步：0 条。检索索引与数据库一致。")
            return
        oldest = timezone.localtime(info["oldest"].created_at)
        self.stdout.write(f"待同步：{info['count']} 条（公告公示 {info['by_scope']['notice']} 条，决定记录 "
                          f"{info['by_scope']['decision']} 条，案件检索 {info['by_scope']['case']} 条），"
                          f"最早一条积压自 {oldest:%Y-%m-%d %H:%M}。")
        for row in info["rows"]:
            due = timezone.localtime(row.next_attempt_at)
            self.stdout.write(f"  {row.scope}#{row.object_id} 已尝试 {row.attempts} 次，"
                              f"下次 {due:%Y-%m-%d %H:%M:%S}：{row.last_error[:120]}")
