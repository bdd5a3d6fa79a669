"""Working-day calendar: is a given day a 法定工作日?

Sources, in order of precedence for a year:
1. a holiday year staff entered in the admin from the State Council's yearly notice
   (`HolidayYear`): it replaces the package's data for that whole year;
2. the `chinesecalendar` package (2004-2026 in 1.11.0; it raises NotImplementedError beyond);
3. nothing: the day is judged on weekends alone and the year is reported as missing, so the
   caller marks the date provisional. A missing year is never silently treated as complete.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import chinese_calendar

HOLIDAY, WORKDAY = "holiday", "workday"


MEMO_KEY = ("rules.calendar", "WorkCalendar")  # its key in the request memo (never a profile code)


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    reason: str  # 工作日 / 周末 / 法定节假日（春节）/ 调休上班
    source: str  # "admin" | "package" | "weekend-only"
    name: str = ""  # the holiday a holiday or make-up workday belongs to (春节, 国庆节 …), if any


@dataclass
class WorkCalendar:
    """One calendar snapshot: admin years are read once, then lookups are in memory."""

    admin_years: dict[int, dict[dt.date, tuple[str, str]]] = field(default_factory=dict)
    missing_years: set[int] = field(default_factory=set)

    @classmethod
    def load(cls) -> WorkCalendar:
        """Read once per request (kept beside the request's rule profiles, pages.cache: cleared when the
        calendar or a profile changes); read afresh outside a request."""
        from pages.cache import request_profiles

        memo = request_profiles.get()
        if memo is not None and MEMO_KEY in memo:
            return memo[MEMO_KEY]
        from pages.cache import shared_get, shared_set

        calendar = shared_get("rules:calendar")  # across requests, until the calendar changes (pages.cache)
        if calendar is None:
            calendar = cls._read()
            shared_set("rules:calendar", calendar)
        if memo is not None:
            memo[MEMO_KEY] = calendar
        return calendar

    @classmethod
    def _read(cls) -> WorkCalendar:
        from .models import HolidayDate, HolidayYear

        years: dict[int, dict[dt.date, tuple[str, str]]] = {}

        for year in HolidayYear.objects.values_list("year", flat=True):
            years.setdefault(year, {})
        for d in HolidayDate.objects.select_related("holiday_year").only(
            "date", "kind", "name", "holiday_year__year"
        ):
            years.setdefault(d.holiday_year.year, {})[d.date] = (d.kind, d.name)
        return cls(admin_years=years)

    def info(self, day: dt.date) -> DayInfo:
        weekend = day.weekday() >= 5
        if day.year in self.admin_years:
            kind, name = self.admin_years[day.year].get(day, (None, ""))
            if kind == HOLIDAY:
                return DayInfo(day, False, f"法定节假日（{name}）" if name else "法定节假日", "admin", name)
            if kind == WORKDAY:
                return DayInfo(day, True, f"调休上班（{name}）" if name else "调休上班", "admin", name)
            return DayInfo(day, not weekend, "周末" if weekend else "工作日", "admin")
        known = _package_day(day)
        if known is None:
            self.missing_years.add(day.year)
            return DayInfo(day, not weekend, "周末" if weekend else "工作日", "weekend-only")
        on_holiday, working, label = known
        if working:
            reason = f"调休上班（{label}）" if weekend else "工作日"
            label = label if weekend else ""
        else:
            reason = f"法定节假日（{label}）" if on_holiday and label else "周末"
            label = label if on_holiday else ""
        return DayInfo(day, working, reason, "package", label)

    def is_working_day(self, day: dt.date) -> bool:
        # asked for the same days over and over (every item's working days left): once a day per calendar
        cache = self.__dict__.setdefault("_working", {})
        if day not in cache:
            cache[day] = self.info(day).working
        return cache[day]

    def has_data_for(self, year: int) -> bool:
        if year in self.admin_years:
            return True
        return _package_day(dt.date(year, 6, 1)) is not None


_HOLIDAY_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


@functools.lru_cache(maxsize=8192)
def _package_day(day: dt.date) -> tuple[bool, bool, str] | None:
    """The package's answer for a day — (on a holiday, a working day, the holiday's name) — or None for a year it
    has no data for. Remembered for the process: the package's data is fixed once installed, and each of its
    look-ups checks the date against the bounds of its whole table (min and max over every holiday: ~60 µs), which
    the workbench's working-days-left of its clocks asked a few hundred times a request (issue 28)."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        working = chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None
    return on_holiday, working, _holiday_name(name)


def _holiday_name(name) -> str:
    text = getattr(name, "value", name) or ""
    return _HOLIDAY_NAMES.get(text, text)


def working_days_left(calendar: WorkCalendar, today: dt.date, due: dt.date) -> int:
    """Working days from `today` to `due`: 0 when due today, 1 when due on the next working day; negative
    when overdue (−1 = one working day past the due date). Days of a year without holiday data count on
    weekends alone and put the year in `calendar.missing_years` (the caller marks it provisional)."""
    start, end, sign = (today, due, 1) if due >= today else (due, today, -1)
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return sign * count
