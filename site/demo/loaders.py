"""Demo content loaders, run by `manage.py load_demo` in stage order. Each is idempotent.

Stages make the order independent of which module happens to be imported first:
0 site tree and accounts · 10 notices · 20 supervisors · 30 activities · 90 search index (last)."""
from __future__ import annotations

from collections.abc import Callable

LOADERS: list[tuple[int, str, Callable]] = []


def loader(name: str, *, stage: int = 50):
    def register(fn):
        if all(existing is not fn for _, _, existing in LOADERS):
            LOADERS.append((stage, name, fn))
        return fn

    return register


def ordered() -> list[tuple[str, Callable]]:
    return [(name, fn) for _, name, fn in sorted(LOADERS, key=lambda item: item[0])]
