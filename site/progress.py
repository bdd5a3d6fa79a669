"""Progress of long work: one helper for every long management command, benchmark loader and background task.

- On a terminal: a tqdm bar on stderr with the count, the rate and the time left.
- Not on a terminal (CI logs, cron, systemd journal): a plain line every `PROGRESS_LOG_SECONDS` (10 s)
  `[进度] 导入公告·检查 3000/10000（30%） 1520 条/秒 剩余约 00:05`, so a log shows the work moving.
- At the end, one summary line: `[完成] 导入公告·检查 10000/10000 条，用时 00:07，1428 条/秒`
  (`[中断]` with the count reached when the work raised).
- In a background task (`task_id`): the count is also written to background.TaskProgress (at most once a
  second), which the 后台任务 screen and the page that started the task show.

tqdm rather than rich: it does this one thing (count, rate, time left, terminal or not) with no dependency of
its own; rich is a whole terminal-rendering toolkit (markup, tables, syntax highlighting) we would not use.

Progress never changes what the work does: it writes to stderr only (a command's report stays on stdout),
and a failure to draw or record it is logged and ignored, so it never changes an exit status."""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

log = logging.getLogger("progress")
T = TypeVar("T")


def log_interval() -> float:
    return float(os.environ.get("PROGRESS_LOG_SECONDS", "10"))


def clock_text(seconds: float | None) -> str:
    return tqdm.format_interval(seconds) if seconds is not None and seconds >= 0 else "--:--"


class Progress:
    """`with Progress("导入公告", total=n) as p: ... p.advance()`; or `for x in p.iter(items)`."""

    def __init__(self, label: str, total: int | None = None, *, unit: str = "条", stream=None,
                 interval: float | None = None, task_id=None, quiet: bool = False):
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.interval = log_interval() if interval is None else interval
        self.task_id, self.quiet = task_id, quiet
        self.done = 0
        self.started = self.last_line = self.last_record = time.monotonic()
        self.bar = None
        self.closed = False

    @classmethod
    def for_command(cls, command, label: str, total: int | None = None, **kwargs) -> Progress:
        """Drawn on a management command's stderr (the raw stream: Django's wrapper would add newlines)."""
        err = command.stderr
        return cls(label, total, stream=getattr(err, "_out", err), **kwargs)

    # ------------------------------------------------------------------ the work's side
    def __enter__(self) -> Progress:
        self._safely(self._open)
        self._record(force=True)
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.close(failed=exc_type is not None)
        return False  # never swallow the work's own exception

    def iter(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            self.advance()

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._safely(self._show, n)
        self._record()

    def set_total(self, total: int | None) -> None:
        self.total = total
        if self.bar is not None:
            self._safely(self._retotal)

    def close(self, *, failed: bool = False) -> None:
        if self.closed:
            return
        self.closed = True
        if self.bar is not None:
            self._safely(self.bar.close)
        self._safely(self._write, self.summary(failed=failed))
        self._record(force=True, finished=True)

    # ------------------------------------------------------------------ what it says
    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def rate(self) -> float | None:
        return self.done / self.elapsed if self.elapsed > 0 and self.done else None

    def remaining(self) -> float | None:
        rate = self.rate()
        if not rate or self.total is None:
            return None
        return max(self.total - self.done, 0) / rate

    def _count(self) -> str:
        if self.total is None:
            return f"{self.done}"
        percent = f"（{self.done * 100 // self.total}%）" if self.total else ""
        return f"{self.done}/{self.total}{percent}"

    def line(self) -> str:
        rate = self.rate()
        speed = f"{rate:.0f} {self.unit}/秒" if rate and rate >= 1 else (
            f"{rate * 60:.1f} {self.unit}/分" if rate else "—")
        left = f" 剩余约 {clock_text(self.remaining())}" if self.total is not None else ""
        return f"[进度] {self.label} {self._count()} {speed}{left}"

    def summary(self, *, failed: bool = False) -> str:
        rate = self.rate()
        speed = f"，{rate:.0f} {self.unit}/秒" if rate and rate >= 1 else ""
        count = f"{self.done}/{self.total}" if self.total is not None else f"{self.done}"
        head = "[中断]" if failed else "[完成]"
        return f"{head} {self.label} {count} {self.unit}，用时 {clock_text(self.elapsed)}{speed}"

    # ------------------------------------------------------------------ drawing
    def _terminal(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def _open(self) -> None:
        if self.quiet:
            return
        if self._terminal():
            self.bar = tqdm(total=self.total, desc=self.label, unit=self.unit, file=self.stream,
                            dynamic_ncols=True, mininterval=0.2, leave=False)

    def _show(self, n: int) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if now - self.last_line >= self.interval:
            self.last_line = now
            self._write(self.line())

    def _retotal(self) -> None:
        self.bar.total = self.total
        self.bar.refresh()

    def _write(self, text: str) -> None:
        if self.quiet:
            return
        self.stream.write(text + "\n")
        self.stream.flush()

    def _safely(self, fn, *args) -> None:
        try:
            fn(*args)
        except Exception:  # a broken pipe or a closed terminal must not stop the work
            log.warning("progress output failed", exc_info=True)

    # ------------------------------------------------------------------ a background task's record
    def _record(self, *, force: bool = False, finished: bool = False) -> None:
        if self.task_id is None:
            return
        now = time.monotonic()
        if not force and now - self.last_record < 1:
            return
        self.last_record = now
        try:
            from background.progress import record

            record(self.task_id, label=self.label, done=self.done, total=self.total, unit=self.unit,
                   seconds=self.elapsed, finished=finished)
        except Exception:
            log.warning("could not record the progress of task %s", self.task_id, exc_info=True)
