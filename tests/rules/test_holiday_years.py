"""Holiday years staff enter from the State Council's notice override or extend chinesecalendar."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from rules.calendar import WorkCalendar
from rules.models import HolidayYear
from rules.periods import WORKING_DAYS, compute_due

D = dt.date
pytestmark = pytest.mark.django_db

NOTICE_2027 = dict(
    year=2027, notice_number="国办发明电〔2026〕12号",
    holidays="2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-11 春节",
    workdays="2027-02-13 春节",
)


def test_entered_2027_makes_dates_final_and_applies_its_holidays():
    HolidayYear.objects.create(**NOTICE_2027)
    result = compute_due(D(2026, 12, 31), 1, WORKING_DAYS, calendar=WorkCalendar.load())
    assert result.due == D(2027, 1, 4)  # 01-01..01-03 are holidays, 01-04 Monday
    assert not result.provisional
    spring = compute_due(D(2027, 2, 4), 1, WORKING_DAYS, calendar=WorkCalendar.load())
    assert spring.due == D(2027, 2, 12)  # 02-05..02-11 off; 02-12 Friday
    makeup = compute_due(D(2027, 2, 12), 1, WORKING_DAYS, calendar=WorkCalendar.load())
    assert makeup.due == D(2027, 2, 13)  # make-up Saturday


def test_admin_entered_year_overrides_the_package_for_that_year():
    assert compute_due(D(2026, 10, 7), 1, WORKING_DAYS).due == D(2026, 10, 8)
    HolidayYear.objects.create(year=2026, notice_number="测试更正通知",
                               holidays="2026-10-01~2026-10-08 国庆节", workdays="2026-10-10 国庆节")
    assert compute_due(D(2026, 10, 7), 1, WORKING_DAYS).due == D(2026, 10, 9)
    # the package's 09-20 make-up Sunday is not in this notice, so it is an ordinary Sunday now
    assert not WorkCalendar.load().is_working_day(D(2026, 9, 20))


@pytest.mark.parametrize("field, text, message", [
    ("holidays", "2027-13-01 元旦", "无法识别"),
    ("holidays", "2026-12-31 元旦", "不在2027年内"),
    ("holidays", "2027-02-11~2027-02-05 春节", "结束日早于开始日"),
    ("workdays", "2027-03-10 春节", "不是周六或周日"),
    ("workdays", "2027-02-06 春节", "同时出现在放假日期和调休上班日期中"),
])
def test_bad_holiday_lines_are_refused_with_the_line_number(field, text, message):
    data = {**NOTICE_2027, field: text}
    with pytest.raises(ValidationError) as exc:
        HolidayYear(**data).full_clean()
    assert message in str(exc.value)
    assert not HolidayYear.objects.exists()


def test_a_refused_edit_keeps_the_stored_days():
    year = HolidayYear.objects.create(**NOTICE_2027)
    year.workdays = "2027-02-10 春节"
    with pytest.raises(ValidationError):
        year.save()
    assert year.dates.filter(kind="workday").count() == 1
    assert year.dates.count() == 3 + 7 + 1


def test_admin_form_creates_a_year_and_shows_errors_in_chinese(client, make_user):
    client.force_login(make_user("officer", "司法局经办人"))
    bad = client.post("/admin/holiday_years/new/", {**NOTICE_2027, "holidays": "明年春节"})
    assert bad.status_code == 200 and "无法识别" in bad.content.decode()
    ok = client.post("/admin/holiday_years/new/", NOTICE_2027)
    assert ok.status_code == 302
    assert HolidayYear.objects.get(year=2027).dates.count() == 11


def test_liaisons_cannot_enter_holiday_years(client, make_user):
    client.force_login(make_user("liaison", "执法机关联络员"))
    response = client.post("/admin/holiday_years/new/", NOTICE_2027)
    assert response.status_code in (302, 403)
    assert not HolidayYear.objects.exists()
