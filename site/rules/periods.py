"""Period rules (期间计算) — the one implementation every clock and window uses.

- The day of the triggering event is not counted (期间开始的当日不计算在内).
- N working days: the Nth working day after the start day.
- N calendar days: start + N; if that day is not a working day, the period ends on the next
  working day (a make-up Saturday 调休上班 is a working day). Same for months and years.
- Paused intervals (time the rules say does not count, e.g. Wulong dispute coordination art.14)
  are skipped: their days are not counted at all.
- Any day whose status depended on a year with no holiday data makes the result provisional,
  naming the missing year(s); loading that year later recomputes stored dates.

compute_due keeps the count it decided by, day by day (`DueDate.trail`: each day counted and its number, each
rest day, paused day and rolled day); the clock calendar draws that trail and never counts again.
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


# How compute_due met each day after the start day (CountStep.role): the day-by-day count itself.
COUNTED = "counted"  # a day that counts, numbered 1…N (working days: a working day; calendar days: any day)
REST = "rest"  # working days: a weekend or holiday, not counted
PAUSED = "paused"  # inside a pause: not counted (its reason on the step)
SPAN = "span"  # months/years: a day inside the period (the period is not counted day by day)
END = "end"  # months/years: the nominal last day (same date N months/years on)
ROLLED = "rolled"  # the nominal last day and each rest day after it, passed over by the rest-day roll
ROLL_TO = "roll_to"  # the working day the roll lands on: the due day


@dataclass(frozen=True)
class CountStep:
    day: dt.date
    role: str
    number: int | None = None  # 1…N for COUNTED days
    info: DayInfo | None = None  # the calendar's verdict where the count looked it up
    reason: str = ""  # a pause's reason


@dataclass
class DueDate:
    start: dt.date
    n: int
    unit: str
    due: dt.date
    trail: list[CountStep] = field(default_factory=list)
    missing_years: tuple[int, ...] = ()

    @property
    def skipped(self) -> list[DayInfo]:
        """The days passed over, in order: rest days, paused days, and the rest days the roll crossed."""
        out = []
        for step in self.trail:
            if step.role == PAUSED:
                out.append(DayInfo(step.day, False, step.reason, "pause"))
            elif step.role in (REST, ROLLED):
                out.append(step.info)
        return out

    @property
    def rolled(self) -> bool:
        return any(step.role == ROLL_TO for step in self.trail)

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
    """Last day of a period of `n` `unit`s triggered on `start` (see module docstring), with the count
    day by day (`trail`): every screen that shows how a date was counted reads that trail."""
    if unit not in UNITS:
        raise PeriodError(f"未知的期限单位：{unit}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise PeriodError(f"期限天数必须是非负整数，收到：{n}")
    cal = calendar or WorkCalendar.load()
    result = DueDate(start=start, n=n, unit=unit, due=start)
    trail = result.trail
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
                trail.append(CountStep(day, PAUSED, reason=p.reason))
                continue
            info = look(day)
            if info.working:
                counted += 1
                trail.append(CountStep(day, COUNTED, counted, info))
            else:
                trail.append(CountStep(day, REST, info=info))
    else:
        if unit == CALENDAR_DAYS:
            counted = 0
            while counted < n:
                day += dt.timedelta(days=1)
                if p := paused(day):
                    trail.append(CountStep(day, PAUSED, reason=p.reason))
                else:
                    counted += 1
                    trail.append(CountStep(day, COUNTED, counted))
        else:
            nominal = start + relativedelta(**{unit: n})
            # each pause's days within the nominal period push the end on by as many days
            overlaps = [(max(p.start, start), min(p.end, nominal), p.reason)
                        for p in pauses if p.end > start and p.start <= nominal]
            day = nominal + dt.timedelta(days=max(sum((b - a).days + 1 for a, b, _ in overlaps), 0))
            reasons = {a + dt.timedelta(days=i): why for a, b, why in overlaps for i in range((b - a).days + 1)}
            stopped = set(reasons)
            walk = start
            while walk < day:
                walk += dt.timedelta(days=1)
                if walk in stopped:
                    trail.append(CountStep(walk, PAUSED, reason=reasons[walk]))
                else:
                    trail.append(CountStep(walk, END if walk == day else SPAN))
        if n > 0:
            last = trail.pop() if trail and trail[-1].day == day else None
            rolled: list[CountStep] = []
            while True:
                info = look(day)
                if info.working and not paused(day):
                    break
                p = paused(day)
                rolled.append(CountStep(day, ROLLED, last.number if last and last.day == day else None, info,
                                        p.reason if p else ""))
                day += dt.timedelta(days=1)
            if rolled:
                trail.extend(rolled)
                trail.append(CountStep(day, ROLL_TO, info=info))
            elif last is not None:
                trail.append(CountStep(last.day, last.role, last.number, info, last.reason))
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
