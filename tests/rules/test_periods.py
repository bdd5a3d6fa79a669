"""Period rules (rules/periods.py) across 2026's holidays, make-up workdays, pauses and 2027."""
import datetime as dt

import pytest

from rules.calendar import WorkCalendar
from rules.periods import CALENDAR_DAYS, MONTHS, WORKING_DAYS, Pause, PeriodError, compute_due, term_end

D = dt.date
pytestmark = pytest.mark.django_db


def due(start, n, unit=WORKING_DAYS, **kw):
    return compute_due(start, n, unit, calendar=WorkCalendar.load(), **kw)


@pytest.mark.parametrize("start, n, expected, why", [
    (D(2026, 9, 30), 1, D(2026, 10, 8), "National Day 10-01..10-07 skipped"),
    (D(2026, 9, 24), 1, D(2026, 9, 28), "Mid-autumn Fri 09-25 and the weekend skipped"),
    (D(2026, 9, 18), 1, D(2026, 9, 20), "make-up Sunday 09-20 is a working day"),
    (D(2026, 10, 9), 1, D(2026, 10, 10), "make-up Saturday 10-10 is a working day"),
    (D(2026, 2, 13), 1, D(2026, 2, 14), "make-up Saturday 02-14 before Spring Festival"),
    (D(2026, 2, 14), 1, D(2026, 2, 24), "Spring Festival 02-15..02-23 skipped"),
    (D(2026, 2, 27), 1, D(2026, 2, 28), "make-up Saturday 02-28 after Spring Festival"),
    (D(2026, 4, 30), 1, D(2026, 5, 6), "Labour Day 05-01..05-05 skipped"),
    (D(2026, 5, 8), 1, D(2026, 5, 9), "make-up Saturday 05-09 after Labour Day"),
    (D(2026, 9, 28), 5, D(2026, 10, 10), "000 第六条 publicity: 5 WD across National Day ends on make-up Sat"),
    (D(2026, 11, 20), 7, D(2026, 12, 1), "004 投诉举报制度 第七条: 7 WD over two weekends"),
])
def test_working_days_are_counted_after_the_start_day_skipping_2026_holidays(start, n, expected, why):
    result = due(start, n)
    assert result.due == expected, why
    assert not result.provisional


@pytest.mark.parametrize("start, n, expected, why", [
    (D(2026, 9, 24), 10, D(2026, 10, 8), "002 第七条 10 days end 10-04 (holiday) -> next working day 10-08"),
    (D(2026, 10, 3), 7, D(2026, 10, 10), "end on make-up Saturday stays there"),
    (D(2026, 2, 10), 3, D(2026, 2, 13), "ordinary end on a Friday"),
    (D(2026, 2, 11), 3, D(2026, 2, 14), "end on make-up Saturday 02-14"),
    (D(2026, 2, 12), 3, D(2026, 2, 24), "end in Spring Festival -> 02-24"),
    (D(2026, 4, 28), 4, D(2026, 5, 6), "end on Labour Day 05-02 -> 05-06"),
    (D(2026, 3, 13), 1, D(2026, 3, 16), "end on a plain Saturday -> Monday"),
])
def test_calendar_days_end_on_the_next_working_day_when_the_last_day_is_off(start, n, expected, why):
    result = due(start, n, CALENDAR_DAYS)
    assert result.due == expected, why


def test_zero_days_is_the_start_day_and_negative_is_refused():
    assert due(D(2026, 10, 1), 0).due == D(2026, 10, 1)
    with pytest.raises(PeriodError):
        due(D(2026, 10, 1), -1)


def test_paused_interval_is_not_counted_004_dispute_coordination_art14():
    plain = due(D(2026, 11, 2), 7)
    assert plain.due == D(2026, 11, 11)
    paused = due(D(2026, 11, 2), 7, pauses=[Pause(D(2026, 11, 4), D(2026, 11, 6), "提请解释")])
    assert paused.due == D(2026, 11, 16)  # 3 paused working days push it past the weekend
    assert any(s.reason == "提请解释" for s in paused.skipped)


def test_paused_calendar_days_shift_the_end():
    assert due(D(2026, 11, 2), 10, CALENDAR_DAYS).due == D(2026, 11, 12)
    shifted = due(D(2026, 11, 2), 10, CALENDAR_DAYS, pauses=[Pause(D(2026, 11, 5), D(2026, 11, 6))])
    assert shifted.due == D(2026, 11, 16)  # 11-14 is a Saturday: rolls to Monday


def test_months_roll_forward_from_a_holiday():
    assert due(D(2026, 9, 1), 1, MONTHS).due == D(2026, 10, 8)  # 10-01 National Day


def test_term_end_is_the_day_before_the_anniversary():
    assert term_end(D(2026, 3, 1), 5) == D(2031, 2, 28)
    assert term_end(D(2024, 2, 29), 2) == D(2026, 2, 27)


def test_a_date_that_depends_on_2027_is_provisional_and_names_the_year():
    result = due(D(2026, 12, 25), 10)
    assert result.due == D(2027, 1, 8)  # weekends only: 2027 has no holiday data yet
    assert result.provisional and result.missing_years == (2027,)
    assert "2027年节假日安排尚未录入" in result.provisional_note
    assert result.provisional_note in result.explanation()


def test_calendar_period_ending_in_2027_is_provisional_even_when_start_is_2026():
    result = due(D(2026, 12, 20), 30, CALENDAR_DAYS)
    assert result.due == D(2027, 1, 19)
    assert result.missing_years == (2027,)


def test_a_2026_only_computation_is_not_provisional():
    assert not due(D(2026, 12, 1), 10).provisional
