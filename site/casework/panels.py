"""Process panels on the matter screen: each process app registers what it shows for its matters
(its state, tasks, stand-still notice...). `@panel("letter")` on `fn(request, matter) -> str (HTML)`."""
from __future__ import annotations

from collections.abc import Callable

PANELS: dict[str, list[Callable]] = {}


def panel(process: str):
    def register(fn: Callable) -> Callable:
        PANELS.setdefault(process, [])
        if fn not in PANELS[process]:
            PANELS[process].append(fn)
        return fn

    return register


def render_panels(request, matter) -> list[str]:
    return [html for fn in PANELS.get(matter.process, []) + PANELS.get("*", []) if (html := fn(request, matter))]
