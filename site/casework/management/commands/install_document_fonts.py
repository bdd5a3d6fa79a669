"""Install the free fonts of official documents (casework.fonts): `make install` and `.ci/run` run it."""
from django.core.management.base import BaseCommand, CommandError

from casework import fonts


class Command(BaseCommand):
    help = "安装公文字体（Fandol 仿宋、宋体，转换为TrueType后存入 DOCUMENT_FONT_DIR）"

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="重新转换已安装的字体")

    def handle(self, *args, force=False, **options):
        try:
            paths = fonts.install(force=force, say=lambda m: self.stdout.write(m))
        except Exception as exc:  # noqa: BLE001 - told to the person running it, with the way out
            raise CommandError(f"公文字体安装失败：{exc}") from exc
        for role, (name, _file) in fonts.ROLES.items():
            self.stdout.write(f"{name}（{role}）：{fonts.path_for(role)}")
        missing = fonts.missing_roles()
        if missing:
            raise CommandError("仍缺少字体：" + "、".join(missing))
        self.stdout.write(self.style.SUCCESS(f"公文字体就绪（{len(paths)}个）"))
