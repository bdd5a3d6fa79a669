"""Period rules (期间计算) — the one implementation every clock and window uses.

- The day of the triggering event is not counted (期间开始的当日不计算在内).
- N working days: the Nth working day after the start day.
- N calendar days: start + N; if that day is not a working day, the period ends on the next
  working day (a make-up Saturday 调休上班 is a working day). Same for months and years.
- Paused intervals (time the rules say does not count, e.g. Wulong dispute coordination art.14)
  are skipped: their days are not counted at all.
- Any day whose status depended on a year with no holiday data makes the result provisional,
  naming the missing year(s); loading that year later recomputes stored dates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from dateutil.relativedelta import relativedelta

from .calendar import DayInfo, WorkCalendar

WORKING_DAYS, CALENDAR_DAYS, MONTHS, YEARS = "working_days", "calendar_days", "months", "years"
UNITS = {WORKING_DAYS: "个工作日", CALENDAR_DAYS: "日", MONTHS: "个月", YEARS: "年"}


class PeriodError(ValueError):
    """Bad input to a period computation; the message is shown to people as is."""


@dataclass(frozen=True)
class Pause:
    """Days from `start` to `end` inclusive do not count (e.g. awaiting an official interpretation)."""

    start: dt.date
    end: dt.date
    reason: str = "依规不计入期限"

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class DueDate:
    start: dt.date
    n: int
    unit: str
    due: dt.date
    skipped: list[DayInfo] = field(default_factory=list)
    missing_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.missing_years)

    @property
    def provisional_note(self) -> str:
        return provisional_note(self.missing_years)

    @property
    def rule_text(self) -> str:
        if self.unit == WORKING_DAYS:
            return (f"期间开始之日不计入；{self.n}个工作日为起算日后的第{self.n}个工作日"
                    "（法定节假日不计，调休上班日计入）。")
        return (f"期间开始之日不计入；{self.n}{UNITS[self.unit]}自起算日次日起算，"
                "期间届满日为节假日的，以节假日后的第一个工作日为期间届满日。")

    def explanation(self) -> list[str]:
        lines = [f"起算日 {self.start.isoformat()}（当日不计入），期限 {self.n}{UNITS[self.unit]}。"]
        for (reason,), days in groupby(self.skipped, key=lambda i: (i.reason,)):
            days = list(days)
            span = days[0].day.isoformat()
            if len(days) > 1:
                span += f" 至 {days[-1].day.isoformat()}"
            lines.append(f"跳过 {span}：{reason}")
        lines.append(f"规则：{self.rule_text}")
        if self.provisional:
            lines.append(self.provisional_note)
        return lines


def compute_due(
    start: dt.date,
    n: int,
    unit: str,
    *,
    pauses: tuple[Pause, ...] | list[Pause] = (),
    calendar: WorkCalendar | None = None,
) -> DueDate:
    """Last day of a period of `n` `unit`s triggered on `start` (see module docstring)."""
    if unit not in UNITS:
        raise PeriodError(f"未知的期限单位：{unit}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise PeriodError(f"期限天数必须是非负整数，收到：{n}")
    cal = calendar or WorkCalendar.load()
    result = DueDate(start=start, n=n, unit=unit, due=start)
    missing: set[int] = set()

    def look(day: dt.date) -> DayInfo:
        info = cal.info(day)
        if info.source == "weekend-only":
            missing.add(day.year)
        return info

    def paused(day: dt.date) -> Pause | None:
        return next((p for p in pauses if p.covers(day)), None)

    day = start
    if unit == WORKING_DAYS:
        counted = 0
        while counted < n:
            day += dt.timedelta(days=1)
            if p := paused(day):
                result.skipped.append(DayInfo(day, False, p.reason, "pause"))
                continue
            info = look(day)
            if info.working:
                counted += 1
            else:
                result.skipped.append(info)
    else:
        if unit == CALENDAR_DAYS:
            counted = 0
            while counted < n:
                day += dt.timedelta(days=1)
                if p := paused(day):
                    result.skipped.append(DayInfo(day, False, p.reason, "pause"))
                else:
                    counted += 1
        else:
            day = start + relativedelta(**{unit: n})
            extra = sum((min(p.end, day) - max(p.start, start)).days + 1
                        for p in pauses if p.end > start and p.start <= day)
            day += dt.timedelta(days=max(extra, 0))
        if n > 0:
            while True:
                info = look(day)
                if info.working and not paused(day):
                    break
                result.skipped.append(info)
                day += dt.timedelta(days=1)
    result.due = day
    result.missing_years = tuple(sorted(missing))
    return result


def provisional_note(years) -> str:
    """What every screen, document and command says about a date that depends on missing years."""
    years = "、".join(f"{y}年" for y in years if str(y).strip())
    if not years:
        return ""
    return (f"暂定日期：{years}节假日安排尚未录入，本日期暂按周末计算；"
            f"录入国务院办公厅{years}节假日安排后将自动重算。")


def term_end(start: dt.date, years: int) -> dt.date:
    """Last day of a term of office that begins on `start` (聘任期): start + years - 1 day."""
    return start + relativedelta(years=years) - dt.timedelta(days=1)
