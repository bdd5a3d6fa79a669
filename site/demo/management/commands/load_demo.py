"""`manage.py load_demo`: demo content for `make run`. Idempotent; refused outside dev settings."""
import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loaders import ordered
from demo.site_tree import DEMO_USERS
from progress import Progress


class Command(BaseCommand):
    help = "载入演示数据（可重复运行，不会重复创建）。"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true", help="不打印演示账号")

    def handle(self, *args, **opts):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("当前设置不允许载入演示数据（仅开发环境 settings.dev 可用）。")
        # each app may contribute demo content in <app>/demo.py, registered with @demo.loaders.loader
        importlib.import_module("demo.site_tree")
        for config in apps.get_app_configs():
            if config.path.startswith(str(settings.BASE_DIR)):
                try:
                    importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
        steps = ordered()
        with Progress.for_command(self, "载入演示数据", len(steps), unit="项") as bar:
            for name, fn in bar.iter(steps):
                with transaction.atomic():
                    outcome = fn()
                self.stdout.write(f"演示数据 · {name}：{outcome}")
        if not opts["quiet_accounts"]:
            self.stdout.write("演示账号（仅限本机演示）：")
            for username, name, group, password in DEMO_USERS:
                self.stdout.write(f"  {username:<11} / {password:<22} {name}（{group or '超级管理员'}）")
