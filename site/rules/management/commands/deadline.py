"""`manage.py deadline START N --working|--calendar`: the due date, then why.

First line: the date alone (YYYY-MM-DD). Then the days skipped and the rule. A provisional
result (a year with no holiday data) exits 0 and says so, naming the year."""
import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from rules.periods import CALENDAR_DAYS, WORKING_DAYS, PeriodError, compute_due


class Command(BaseCommand):
    help = "计算法定期限届满日：起算日当日不计入；--working 按工作日，--calendar 按自然日（届满日遇节假日顺延）。"

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):  # argparse would print the whole usage; one line is enough
            self.stderr.write(f"参数错误：{message}（用法：deadline 起算日 天数 --working|--calendar）")
            sys.exit(2)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("start", help="起算日 YYYY-MM-DD（当日不计入）")
        parser.add_argument("n", help="期限长度（非负整数）")
        unit = parser.add_mutually_exclusive_group()
        unit.add_argument("--working", action="store_true", help="按工作日计算")
        unit.add_argument("--calendar", action="store_true", help="按自然日计算")

    def handle(self, *args, **opts):
        try:
            start = dt.date.fromisoformat(opts["start"])
        except ValueError:
            raise CommandError(f"起算日“{opts['start']}”不是有效日期，格式应为 YYYY-MM-DD。") from None
        try:
            n = int(opts["n"])
        except ValueError:
            raise CommandError(f"期限“{opts['n']}”不是整数。") from None
        if n < 0:
            raise CommandError(f"期限不能为负数：{n}。")
        if not (opts["working"] or opts["calendar"]):
            raise CommandError("请指定 --working（工作日）或 --calendar（自然日）。")
        try:
            result = compute_due(start, n, WORKING_DAYS if opts["working"] else CALENDAR_DAYS)
        except (PeriodError, OverflowError) as exc:
            raise CommandError(str(exc) or "日期超出可计算范围。") from None
        self.stdout.write(result.due.isoformat())
        for line in result.explanation():
            self.stdout.write(line)
