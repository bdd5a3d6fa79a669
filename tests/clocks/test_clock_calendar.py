"""issue 30 item 1: a clock's calendar shows how its due date was counted, day by day, from the clock
record. Literal days from chinesecalendar's 2026 data: 国庆节 10-01..10-07 with make-up Sunday 09-20 and
Saturday 10-10; 中秋节 09-25..09-27; 春节 02-15..02-23 with make-up Saturdays 02-14 and 02-28."""
import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from freezegun import freeze_time

from casework.models import Agency
from casework.services import matter_open
from clocks.models import Clock
from clocks.services import clock_extend, clock_pause, clock_resume, clock_start
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile
from rules.models import HolidayYear
from rules.profiles import get_profile

D = dt.date
pytestmark = pytest.mark.django_db
WULONG = "wulong"


@pytest.fixture
def people(make_user):
    own = Agency.objects.create(jurisdiction=WULONG, name="武隆区市场监督管理局")
    other = Agency.objects.create(jurisdiction=WULONG, name="武隆区城市管理局")
    liaison, stranger = make_user("lx_own", LIAISON), make_user("lx_other", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=own, jurisdiction=WULONG)
    StaffProfile.objects.create(user=stranger, agency=other, jurisdiction=WULONG)
    return {"officer": make_user("officer", OFFICER), "leader": make_user("leader", LEADER),
            "editor": make_user("editor", EDITOR), "supervisor": make_user("sup", SUPERVISOR),
            "liaison": liaison, "stranger": stranger, "agency": own}


@pytest.fixture
def matter(people):
    with freeze_time("2026-09-01 10:00"):
        return matter_open(by=people["officer"], agency=people["agency"], source="inspection",
                           title="未按裁量基准处罚", facts="抽查案卷发现罚款数额超出裁量基准。", process="letter")


def start(matter, rule_key, on):
    return clock_start(subject=matter, profile=get_profile(WULONG), rule_key=rule_key, started_on=on)


def open_calendar(client, user, clock):
    client.force_login(user)
    return client.get(f"/admin/clocks/calendar/{clock.pk}/")


def cells(response) -> dict[str, dict]:
    """date -> {number, marks, text, classes} of every day cell in the grids."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    out = {}
    for td in soup.select("table.cc-month td[data-date]"):
        num = td.select_one(".cc-num")
        out[td["data-date"]] = {"number": int(num.get_text()) if num else None,
                                "marks": [m.get_text() for m in td.select(".cc-mark")],
                                "text": td.select_one(".cc-sr").get_text(), "classes": td["class"]}
    return out


def numbered(grid: dict) -> dict[str, int]:
    return {day: c["number"] for day, c in grid.items() if c["number"]}


def test_seven_working_days_across_national_day_numbers_each_counted_day_004_complaints_art7(client, people, matter):
    clock = start(matter, "complaint_accept_period", D(2026, 9, 29))
    response = open_calendar(client, people["officer"], clock)
    assert response.status_code == 200
    grid = cells(response)
    assert numbered(grid) == {"2026-09-30": 1, "2026-10-08": 2, "2026-10-09": 3, "2026-10-10": 4,
                              "2026-10-12": 5, "2026-10-13": 6, "2026-10-14": 7}
    assert "起算日" in grid["2026-09-29"]["marks"] and "is-start" in grid["2026-09-29"]["classes"]
    for day in ("2026-10-01", "2026-10-04", "2026-10-07"):
        assert grid[day]["marks"] == ["国庆节"] and "is-rest" in grid[day]["classes"]
        assert "法定节假日（国庆节）" in grid[day]["text"] and "不计入" in grid[day]["text"]
    # Saturday 10-10 is a make-up workday: marked, and counted as the 4th day
    assert grid["2026-10-10"]["marks"] == ["调休"] and "is-makeup" in grid["2026-10-10"]["classes"]
    assert "调休上班（国庆节），为工作日" in grid["2026-10-10"]["text"] and "计入第4日" in grid["2026-10-10"]["text"]
    assert grid["2026-10-11"]["marks"] == ["休"] and grid["2026-10-11"]["number"] is None
    assert "届满日" in grid["2026-10-14"]["marks"]
    page = response.content.decode()
    assert "<caption>2026年9月" in page and "<caption>2026年10月" in page and "<caption>2026年11月" not in page
    assert '<th scope="col" abbr="星期一">一</th>' in page
    assert ("依据《行政执法投诉举报制度》第七条，期限7个工作日，起算日2026-09-29：期间开始的当日不计入，自次日起算"
            "（《中华人民共和国民法典》第二百零一条）；按法定工作日逐日计数，周末和法定节假日不计，"
            "国务院办公厅通知的调休上班日计入；据此届满日为2026-10-14。") in re.sub(r"\s+", "", page)


def test_make_up_sunday_counts_and_mid_autumn_does_not_004_dispute_art14(client, people, matter):
    clock = start(matter, "dispute_finish_period", D(2026, 9, 18))
    grid = cells(open_calendar(client, people["leader"], clock))
    assert numbered(grid) == {"2026-09-20": 1, "2026-09-21": 2, "2026-09-22": 3, "2026-09-23": 4,
                              "2026-09-24": 5, "2026-09-28": 6, "2026-09-29": 7}
    assert grid["2026-09-20"]["marks"] == ["调休"]  # Sunday, make-up workday for 国庆节
    assert grid["2026-09-19"]["marks"] == ["休"]
    assert [grid[d]["marks"] for d in ("2026-09-25", "2026-09-26", "2026-09-27")] == [["中秋节"]] * 3
    assert clock.due_on == D(2026, 9, 29)


def test_spring_festival_ends_on_a_make_up_saturday(client, people, matter):
    clock = start(matter, "complaint_accept_period", D(2026, 2, 12))
    grid = cells(open_calendar(client, people["officer"], clock))
    assert numbered(grid) == {"2026-02-13": 1, "2026-02-14": 2, "2026-02-24": 3, "2026-02-25": 4,
                              "2026-02-26": 5, "2026-02-27": 6, "2026-02-28": 7}
    assert all(grid[f"2026-02-{d}"]["marks"] == ["春节"] for d in range(15, 24))
    assert grid["2026-02-28"]["marks"] == ["调休", "届满日"]
    assert clock.due_on == D(2026, 2, 28)


def test_calendar_days_count_holidays_and_the_last_day_rolls_with_an_arrow_003_art27(client, people, matter):
    clock = start(matter, "complaint_finish_period", D(2026, 9, 22))  # 30 days, 004 第十条
    Clock.objects.filter(pk=clock.pk).update(n=10)  # a 10-day period: ends on 10-02, a holiday
    clock.refresh_from_db()
    clock.recompute()
    response = open_calendar(client, people["officer"], clock)
    grid = cells(response)
    assert numbered(grid) == {f"2026-09-{d}": d - 22 for d in range(23, 31)} | {"2026-10-01": 9, "2026-10-02": 10}
    assert grid["2026-10-01"]["marks"] == ["国庆节"] and grid["2026-10-01"]["number"] == 9  # calendar days count
    assert grid["2026-10-02"]["marks"] == ["国庆节", "顺延→"]
    assert all("顺延→" in grid[f"2026-10-0{d}"]["marks"] for d in range(3, 8))
    assert grid["2026-10-08"]["marks"] == ["届满日"] and "届满日（顺延后）" in grid["2026-10-08"]["text"]
    page = re.sub(r"\s+", "", response.content.decode())
    assert "期间最后一日2026-10-02适逢休息日，顺延→2026-10-08（届满日）。" in page
    assert "（《中华人民共和国民法典》第二百零三条）" in page


def test_paused_days_are_shaded_with_the_reason_and_not_counted_004_dispute_art14(client, people, matter):
    clock = start(matter, "dispute_finish_period", D(2026, 11, 2))
    with freeze_time("2026-11-06"):
        clock_pause(clock=clock, start=D(2026, 11, 4), reason="提请有权机关解释")
        clock_resume(clock=clock, end=D(2026, 11, 5))
    clock.refresh_from_db()
    response = open_calendar(client, people["officer"], clock)
    grid = cells(response)
    assert numbered(grid) == {"2026-11-03": 1, "2026-11-06": 2, "2026-11-09": 3, "2026-11-10": 4,
                              "2026-11-11": 5, "2026-11-12": 6, "2026-11-13": 7}
    for day in ("2026-11-04", "2026-11-05"):
        assert grid[day]["marks"] == ["暂停"] and "is-paused" in grid[day]["classes"]
        assert "暂停计算：提请有权机关解释，不计入" in grid[day]["text"]
    page = re.sub(r"\s+", "", response.content.decode())
    assert "暂停计算：2026-11-04至2026-11-05，提请有权机关解释" in page
    assert "暂停计算的期间自暂停开始之日至结束之日（均含）不计入期限" in page
    assert clock.due_on == D(2026, 11, 13)


def test_extension_days_in_their_own_tone_004_complaints_art10(client, people, matter):
    profile = get_profile(WULONG)
    clock = start(matter, "complaint_finish_period", D(2026, 11, 2))
    clock_extend(clock=clock, n=5, by=people["leader"], reason="情况复杂", profile=profile,
                 max_rule_key="complaint_extension_max")
    clock.refresh_from_db()
    grid = cells(open_calendar(client, people["officer"], clock))
    assert grid["2026-12-02"]["number"] == 30 and "is-extension" not in grid["2026-12-02"]["classes"]
    assert grid["2026-12-03"]["number"] == 31 and grid["2026-12-03"]["marks"] == ["延长1"]
    assert grid["2026-12-07"]["number"] == 35 and "延长期第5日" in grid["2026-12-07"]["text"]
    assert "届满日" in grid["2026-12-07"]["marks"] and clock.due_on == D(2026, 12, 7)


def test_a_provisional_year_says_so_on_the_grid(client, people, matter):
    clock = clock_start(subject=matter, profile=get_profile("wanzhou"), rule_key="publicity_period",
                        started_on=D(2026, 12, 30))
    assert clock.provisional_years == "2027"
    page = open_calendar(client, people["officer"], clock).content.decode()
    assert "（暂定：2027年节假日安排未录入，按周末计算）" in page
    assert "暂定日期：2027年节假日安排尚未录入" in page
    HolidayYear.objects.create(year=2027, notice_number="国办发明电〔2026〕9号",
                               holidays="2027-01-01~2027-01-03 元旦", workdays="")
    page = open_calendar(client, people["officer"], clock).content.decode()
    assert "暂定" not in page and "元旦" in page


def test_who_may_open_a_matter_clock_calendar(client, people, matter, make_user):
    clock = start(matter, "complaint_accept_period", D(2026, 9, 29))
    for who in ("officer", "leader", "liaison"):
        assert open_calendar(client, people[who], clock).status_code == 200, who
    for who in ("stranger", "editor", "supervisor"):
        response = open_calendar(client, people[who], clock)
        assert response.status_code == 403, who
        assert "您无权查看该时限" in response.content.decode()
    response = open_calendar(client, people["officer"], Clock(pk=999999))
    assert response.status_code == 404 and "没有这个时限。" in response.content.decode()
    client.logout()
    assert client.get(f"/admin/clocks/calendar/{clock.pk}/").status_code == 302  # to the login page


def test_a_span_of_more_than_three_years_is_refused(client, people, matter):
    clock = start(matter, "complaint_finish_period", D(2026, 1, 5))
    Clock.objects.filter(pk=clock.pk).update(n=1200, due_on=D(2029, 4, 20))
    response = open_calendar(client, people["officer"], Clock.objects.get(pk=clock.pk))
    assert response.status_code == 400
    assert "该时限跨度超过3年，不以日历显示。" in response.content.decode()


def test_every_clock_screen_links_to_its_calendar(client, people, matter):
    clock = start(matter, "complaint_accept_period", D(2026, 9, 29))
    link = f'href="/admin/clocks/calendar/{clock.pk}/"'
    client.force_login(people["officer"])
    assert link in client.get(matter.admin_url()).content.decode()  # the matter screen
    assert link in client.get("/admin/clocks/").content.decode()  # the clock list 法定时限
    with freeze_time("2026-10-12"):
        assert link in client.get("/admin/").content.decode()  # the dashboard panel (due within 3 days)


def test_the_day_by_day_count_is_the_one_that_gave_the_stored_due_date(people, matter):
    clock = start(matter, "complaint_accept_period", D(2026, 9, 29))
    result = clock.compute()
    assert result.due == clock.due_on
    assert [(s.day.isoformat(), s.role, s.number) for s in result.trail[:3]] == [
        ("2026-09-30", "counted", 1), ("2026-10-01", "rest", None), ("2026-10-02", "rest", None)]
    assert ContentType.objects.get_for_model(matter) == clock.subject_type
