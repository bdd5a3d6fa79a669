"""A clock drawn as month grids from its start day to its due day: how each date was counted.

Built from the clock record and the day-by-day count rules.periods made for it (`Clock.compute()`, the very
computation that stored the due date), never counted again here. The grid only looks up each day's
calendar status (weekend, holiday name, make-up workday) to grey and name it, and the readings' wording
comes from rules.readings."""
from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from rules import periods, readings
from rules.calendar import WorkCalendar

from .models import Clock

MAX_SPAN_DAYS = 3 * 366  # a display bound (three years of month grids), not a statutory figure
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
PUBLIC_PAUSE = "依规暂停计算"  # the public never sees a pause's reason as staff wrote it


class SpanTooLong(ValueError):
    """The span from start to due is longer than a calendar is drawn for (MAX_SPAN_DAYS)."""


@dataclass
class Cell:
    day: dt.date | None  # None: a padding cell before the 1st or after the month's last day
    classes: list[str] = field(default_factory=list)
    number: int | None = None  # the counted day's number, 1…N
    marks: list[str] = field(default_factory=list)  # short visible labels (起算日, 国庆节, 调休, 暂停, 顺延 …)
    description: str = ""  # the whole status in words, for screen readers and print


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Cell]]
    provisional: bool  # the year has no holiday data: weekends only, provisional

    @property
    def caption(self) -> str:
        return f"{self.year}年{self.month}月"


@dataclass
class ClockCalendar:
    clock: Clock
    result: periods.DueDate
    months: list[Month]
    sentence: str
    pauses: list[tuple[dt.date, dt.date | None, str]]
    extension: int
    roll: tuple[dt.date, dt.date] | None  # (nominal last day, due day) when the rest-day roll moved it
    paused_now: bool
    legend: list[tuple[str, str]]

    @property
    def due(self) -> dt.date:
        return self.result.due

    @property
    def counted(self) -> int:
        return max((s.number or 0 for s in self.result.trail), default=0)


def _fixed_date(clock: Clock) -> bool:
    """A yearly figure ("1月31日前") stored as a one-day period (programme.deadlines)."""
    from rules.profiles import FigureMissing, get_profile

    try:
        return get_profile(clock.profile_code).figure(clock.rule_key).kind == "yearly"
    except (FigureMissing, LookupError):
        return False


def build(clock: Clock, *, public: bool = False, calendar: WorkCalendar | None = None) -> ClockCalendar:
    if (clock.due_on - clock.started_on).days > MAX_SPAN_DAYS:
        raise SpanTooLong(f"该时限跨度超过{MAX_SPAN_DAYS // 366}年，不以日历显示。")
    cal = calendar or WorkCalendar.load()
    result = clock.compute(cal)
    if (result.due - clock.started_on).days > MAX_SPAN_DAYS:
        raise SpanTooLong(f"该时限跨度超过{MAX_SPAN_DAYS // 366}年，不以日历显示。")
    extension = clock.extension_total
    base_n = clock.n  # counted numbers above it are the extension's days
    fixed = _fixed_date(clock)
    steps = {s.day: s for s in result.trail}
    roll_steps = [s for s in result.trail if s.role == periods.ROLLED]
    roll = (roll_steps[0].day, result.due) if roll_steps else None
    pause_rows = [(p.start, p.end, PUBLIC_PAUSE if public else p.reason) for p in clock.pauses.all()]

    def cell(day: dt.date) -> Cell:
        info = cal.info(day)
        c = Cell(day)
        weekend = day.weekday() >= 5
        words = [f"{day.month}月{day.day}日{WEEKDAYS[day.weekday()]}"]
        if not info.working:
            c.classes.append("is-rest")
            c.marks.append(info.name or "休")
            words.append(info.reason)
        elif weekend:
            c.classes.append("is-makeup")
            c.marks.append("调休")
            words.append(info.reason + "，为工作日")
        if info.source == "weekend-only":
            c.classes.append("is-provisional")
            words.append(f"{day.year}年节假日安排未录入，暂按周末计算")
        if not clock.started_on <= day <= result.due:
            c.classes.append("is-outside")
            c.description = "，".join(words)
            return c
        step = steps.get(day)
        if day == clock.started_on:
            c.classes.append("is-start")
            c.marks.insert(0, "起算日")
            words.append("起算日（当日不计入）" if not fixed else "期限前一日")
        elif step is None:
            pass
        elif step.role == periods.PAUSED:
            c.classes.append("is-paused")
            c.marks.append("暂停")
            words.append(f"暂停计算：{PUBLIC_PAUSE if public else step.reason}，不计入")
        elif step.role == periods.REST:
            words.append("不计入")
        elif step.role == periods.SPAN:
            c.classes.append("is-span")
            words.append("期间内")
        elif step.role == periods.END:
            c.classes.append("is-end")
            c.marks.append("期满")
            words.append(f"{clock.n}{periods.UNITS[clock.unit]}的对应日")
        if step is not None and step.number:
            c.number = step.number
            c.classes.append("is-counted")
            if step.number > base_n:
                c.classes.append("is-extension")
                c.marks.append(f"延长{step.number - base_n}")
                words.append(f"计入第{step.number}日（延长期第{step.number - base_n}日）")
            else:
                words.append(f"计入第{step.number}日")
        if step is not None and step.role == periods.ROLLED:
            c.classes.append("is-rolled")
            c.marks.append("顺延→")
            words.append("期间最后一日适逢休息日，顺延" if step.number or step.day == roll[0] else "休息日，顺延")
        if day == result.due:
            c.classes.append("is-due")
            c.marks.append("届满日")
            words.append("届满日" + ("（顺延后）" if roll else ""))
        c.description = "，".join(words)
        return c

    months = []
    year, month = clock.started_on.year, clock.started_on.month
    while (year, month) <= (result.due.year, result.due.month):
        weeks = []
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            weeks.append([cell(d) if d.month == month else Cell(None) for d in week])
        months.append(Month(year, month, weeks, provisional=not cal.has_data_for(year)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    sentence = readings.sentence(
        citation=str(clock.citation), start=clock.started_on, n=clock.n + extension, unit=clock.unit,
        due=result.due, extension=extension, fixed_date=fixed, paused=bool(pause_rows))
    legend = [("is-start", "起算日（当日不计入）"), ("is-counted", "计入期限的日子，数字为第几日"),
              ("is-rest", "周末、法定节假日（不计入工作日）"), ("is-makeup", "调休上班日（计入）")]
    if pause_rows:
        legend.append(("is-paused", "暂停计算的日子（不计入）"))
    if extension:
        legend.append(("is-extension", "经批准延长的日子"))
    if roll:
        legend.append(("is-rolled", "最后一日适逢休息日，顺延至下一个工作日"))
    legend.append(("is-due", "届满日"))
    return ClockCalendar(
        clock=clock, result=result, months=months, sentence=sentence, pauses=pause_rows, extension=extension,
        roll=roll, paused_now=any(end is None for _s, end, _r in pause_rows), legend=legend)


def today() -> dt.date:
    return timezone.localdate()
