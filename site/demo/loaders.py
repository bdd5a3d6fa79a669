"""Demo content loaders, run in order by `manage.py load_demo`. Each is idempotent.

Later apps add their own loader here (e.g. notices, a running campaign) with @loader."""
from __future__ import annotations

from collections.abc import Callable

LOADERS: list[tuple[str, Callable]] = []


def loader(name: str):
    def register(fn):
        LOADERS.append((name, fn))
        return fn

    return register
