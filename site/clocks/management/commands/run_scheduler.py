"""`manage.py run_scheduler [--once]`: every SCHEDULER_INTERVAL_SECONDS, publish scheduled pages,
fire viewflow timers and run the project's clock checks. Started by `make run`; in production
run it as a service (see README)."""
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from clocks.scheduler import run_once


class Command(BaseCommand):
    help = "运行调度器：定时发布、流程定时器、法定时限检查（默认每分钟一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="只运行一轮后退出")
        parser.add_argument("--interval", type=int, default=settings.SCHEDULER_INTERVAL_SECONDS)

    def handle(self, *args, **opts):
        while True:
            started = time.monotonic()
            results = run_once()
            stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S")
            for name, outcome in results.items():
                self.stdout.write(f"[{stamp}] {name}：{outcome}")
            if opts["once"]:
                return
            time.sleep(max(1.0, opts["interval"] - (time.monotonic() - started)))
