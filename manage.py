#!/usr/bin/env python
"""Django's command-line utility. `site/` is put on sys.path by the settings package.

Without DJANGO_SETTINGS_MODULE it uses the dev settings — but only for a local database: when
DATABASE_URL is set (as on a server) it stops and asks for the settings module, so `load_demo` and
the dev settings can never reach a production database by default."""
import os
import sys

if __name__ == "__main__":
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        if os.environ.get("DATABASE_URL"):
            sys.exit("DATABASE_URL 已设置但未设置 DJANGO_SETTINGS_MODULE：生产环境请设置 "
                     "DJANGO_SETTINGS_MODULE=settings.production，开发数据库请明确设置 settings.dev。\n"
                     "DATABASE_URL is set but DJANGO_SETTINGS_MODULE is not: refusing to fall back to dev settings.")
        os.environ["DJANGO_SETTINGS_MODULE"] = "settings.dev"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
