"""当前环节: where a matter stands, derived — never a second record of it.

While a flow runs in the matter, its stage is the titles of the steps waiting in the matter's processes
(providers registered here by the workflow engine, flows/stage.py, so casework never imports it). Every
casework process is a flow (letters, complaints, coordination, accountability, the yearly programme's
限时整改, 备案审查); `Matter.stage` keeps only what no step says: 已立案 when the matter is opened, 已办结
when it closes (casework.services.matter_open / matter_close)."""
from __future__ import annotations

from .models import CLOSED

PROVIDERS: list = []  # fn(matter_ids) -> {matter_id: [step titles]}


def annotate(matters) -> list:
    """Give each matter its `current_stage`, one query per provider for the whole page."""
    matters = list(matters)
    open_ids = [m.pk for m in matters if m.status != CLOSED]
    waiting: dict[int, list[str]] = {}
    if open_ids:
        for provider in PROVIDERS:
            for matter_id, titles in provider(open_ids).items():
                waiting.setdefault(matter_id, []).extend(t for t in titles if t not in waiting.get(matter_id, []))
    for m in matters:
        titles = waiting.get(m.pk)
        m._current_stage = "、".join(titles)[:100] if titles else (m.stage or "")
    return matters


def current_stage(matter) -> str:
    if not hasattr(matter, "_current_stage"):
        annotate([matter])
    return matter._current_stage
