"""The readings the platform applies where the regulations leave room (how a period is counted), in the
words every screen that shows such a date uses. One home for the wording; rules.periods does the counting.

Each reading says which rule it follows: the seeds' own counting convention (Wulong 争议协调办法 第二十一条
refers to the Civil Procedure Law's rules on periods) and 《中华人民共和国民法典》 第二百零一条至第二百零三条."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .periods import MONTHS, UNITS, WORKING_DAYS, YEARS


@dataclass(frozen=True)
class Reading:
    key: str
    title: str
    text: str


START_EXCLUDED = Reading(
    "start_excluded", "起算日不计入",
    "期间开始的当日不计入，自次日起算（《中华人民共和国民法典》第二百零一条）")
WORKING_DAYS_COUNT = Reading(
    "working_days", "按工作日计算",
    "按法定工作日逐日计数，周末和法定节假日不计，国务院办公厅通知的调休上班日计入")
REST_DAY_ROLL = Reading(
    "rest_day_roll", "届满日遇休息日顺延",
    "期间的最后一日是周末或法定节假日的，以其后的第一个工作日为届满日（《中华人民共和国民法典》第二百零三条），"
    "调休上班日是工作日，届满日既不提前也不顺延")
FIXED_DATE = Reading(
    "fixed_date", "固定日期视为期间最后一日",
    "“某月某日前”这类固定日期视为期间的最后一日，适逢休息日的顺延至其后的第一个工作日，"
    "当年节假日安排录入前为暂定日期")
CALENDAR_MONTH = Reading(
    "calendar_month", "按日历月（年）计算",
    "按日历月（年）计算，至对应月（年）的同一日届满，没有同一日的以该月最后一日为届满日"
    "（《中华人民共和国民法典》第二百零二条）")
EXTENSION_ONE_SPAN = Reading(
    "extension", "延长期限连续计算",
    "经批准延长的期限与原期限从同一起算日起连续合并计算，只在最后一日适用一次休息日顺延")
PAUSE_NOT_COUNTED = Reading(
    "pause", "暂停期间不计入",
    "暂停计算的期间自暂停开始之日至结束之日（均含）不计入期限")

ALL = (START_EXCLUDED, WORKING_DAYS_COUNT, REST_DAY_ROLL, FIXED_DATE, CALENDAR_MONTH, EXTENSION_ONE_SPAN,
       PAUSE_NOT_COUNTED)


def applied(*, unit: str, fixed_date: bool = False, extended: bool = False, paused: bool = False) -> list[Reading]:
    """The readings a period of `unit` relied on, in the order they act on the count."""
    out = [] if fixed_date else [START_EXCLUDED]
    if unit == WORKING_DAYS:
        out.append(WORKING_DAYS_COUNT)
    elif unit in (MONTHS, YEARS):
        out.append(CALENDAR_MONTH)
    if paused:
        out.append(PAUSE_NOT_COUNTED)
    if extended:
        out.append(EXTENSION_ONE_SPAN)
    if unit != WORKING_DAYS:
        out.append(FIXED_DATE if fixed_date else REST_DAY_ROLL)
    return out


def sentence(*, citation: str, start: dt.date, n: int, unit: str, due: dt.date, extension: int = 0,
             fixed_date: bool = False, paused: bool = False) -> str:
    """One sentence: the article, the period and every reading applied, and the due day it gives."""
    readings = applied(unit=unit, fixed_date=fixed_date, extended=bool(extension), paused=paused)
    if fixed_date:
        what = f"依据{citation}，期限为{(start + dt.timedelta(days=1)).isoformat()}前"
    else:
        total = f"{n}{UNITS[unit]}"
        if extension:
            total = f"{n - extension}{UNITS[unit]}、经批准延长{extension}{UNITS[unit]}，共{total}"
        what = f"依据{citation}，期限{total}，起算日{start.isoformat()}"
    clauses = "；".join(r.text for r in readings)
    return f"{what}：{clauses}；据此届满日为{due.isoformat()}。"

