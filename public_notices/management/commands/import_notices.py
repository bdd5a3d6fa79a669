"""`manage.py import_notices FILE.jsonl [--dry-run]`: migrate notices from an old website."""
from django.core.management.base import BaseCommand, CommandError

from progress import Progress
from public_notices.importer import ImportAborted, decode_lines, import_lines


class Command(BaseCommand):
    help = ("从原网站导出的 JSON Lines 文件导入公告（每行一条；错误行报告行号和原因并跳过；其余各行在一个事务中"
            "批量写入，写入失败则全部撤销）。")

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines 文件路径")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    def handle(self, *args, **opts):
        try:
            with open(opts["file"], "rb") as fh:
                lines = decode_lines(fh.read())  # decoded line by line: one bad byte rejects one line
        except OSError as exc:
            raise CommandError(f"无法读取文件：{exc}") from exc
        try:
            report = import_lines(lines, dry_run=opts["dry_run"], progress=lambda stage, total: Progress.for_command(
                self, f"导入公告·{stage}", total, unit="行"))
        except ImportAborted as exc:
            raise CommandError(str(exc)) from exc
        for line in report.imported:
            self.stdout.write(f"导入 {line}")
        for number, reason in report.skipped:
            self.stdout.write(f"跳过 第{number}行：{reason}")
        for number, reason in report.rejected:
            self.stderr.write(f"拒绝 第{number}行：{reason}")
        verb = "可导入" if opts["dry_run"] else "已导入"
        self.stdout.write(f"合计：{verb} {len(report.imported)} 条，已存在 {len(report.skipped)} 条，"
                          f"拒绝 {len(report.rejected)} 条。")
        if report.rejected:
            raise CommandError(f"有 {len(report.rejected)} 行被拒绝，详见上方。", returncode=2)
