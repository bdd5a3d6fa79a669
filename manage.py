#!/usr/bin/env python
"""Django's command-line utility. `site/` is put on sys.path by the settings package."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
