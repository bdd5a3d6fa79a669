"""年度概览 for the bureau's officers and leaders: matters opened and closed per month per process, clocks met and
missed, overdue by agency, statistics returns in and missing; charts with their tables, an Excel export; liaisons
refused, bad years answered 404 in Chinese; reads write nothing."""
import datetime as dt
import io
import re

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from casework import services
from clocks.services import clock_start, clock_stop
from programme.models import ProgrammeYear, StatisticsReturn
from rules.profiles import get_profile

D = dt.date
NOW = "2026-11-20 10:00"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def figure(page: str, html_id: str) -> str:
    return re.search(rf'id="{html_id}">([^<]*)<', page).group(1)


@pytest.fixture
def year_data(staff, make_agency):
    """Wulong: 市场监管局 (A) and 城管局 (B); Enshi: 生态环境局 (E). Five matters, six clocks on matters (one
    cancelled) and one clock on something else; 2025's statistics: A reported, B not."""
    officer = staff["officer"]
    a = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    b = make_agency("武隆区城市管理局", liaison="lx_cg")
    e = make_agency("恩施州生态环境局", jurisdiction="enshi", liaison="lx_es")

    def open_(agency, process, opened, closed=None):
        m = services.matter_open(by=officer, agency=agency, source="inspection", title=f"{process}{opened}",
                                 facts="事实", process=process, opened_on=opened)
        if closed:
            services.matter_close(matter=m, by=officer, outcome="已纠正", closed_on=closed)
        return m

    m1 = open_(a, "letter", D(2026, 3, 5), D(2026, 5, 10))
    m2 = open_(a, "complaint", D(2026, 3, 20))
    m3 = open_(b, "complaint", D(2026, 7, 1), D(2026, 9, 15))
    open_(b, "letter", D(2025, 12, 20), D(2026, 1, 10))  # opened the year before, closed in January
    m5 = open_(e, "coordination", D(2026, 5, 5))
    wulong = get_profile("wulong")

    def clock(subject, key="complaint_accept_period"):  # from 2026-11-02: accept due 11-11, finish due 12-02
        return clock_start(subject=subject, profile=wulong, rule_key=key, started_on=D(2026, 11, 2))

    with freeze_time("2026-11-10 16:00"):
        clock_stop(clock=clock(m1))  # met on time
        clock_stop(clock=clock(m1), cancelled=True)  # counts neither way
    with freeze_time("2026-11-13 16:00"):
        clock_stop(clock=clock(m2))  # met two days late: missed
    clock(m3)  # running past 11-11: overdue
    clock(m3, "complaint_finish_period")  # due 12-02: running
    clock(m5)  # Enshi, overdue
    clock(staff["supervisor"])  # not a matter's clock
    py = ProgrammeYear.objects.create(jurisdiction="wulong", year=2025)
    StatisticsReturn.objects.create(year=py, agency=a, figures={"penalty": 3},
                                    submitted_at=dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC))
    StatisticsReturn.objects.create(year=py, agency=b)
    return {"a": a, "b": b, "e": e}


def test_the_leader_sees_the_year_in_literal_figures(year_data, staff, django_assert_max_num_queries):
    leader = client_for(staff["leader"])
    # a fixed number of aggregate queries (9) beside the admin's own, whatever the number of matters and clocks
    # 38: the leader's own jurisdiction (roles.access.bureau_jurisdiction) read once on this first visit, then kept
    with freeze_time(NOW), django_assert_max_num_queries(38):  # page aggregates + admin frame + 我的待办 (a query per provider)
        response = leader.get("/admin/casework/year/2026/")
    page = response.content.decode()
    assert response.status_code == 200 and "全部辖区 2026年度概览" in page
    assert (figure(page, "cy-opened-total"), figure(page, "cy-closed-total")) == ("4", "3")
    assert (figure(page, "cy-met"), figure(page, "cy-missed"), figure(page, "cy-overdue")) == ("1", "3", "2")
    assert (figure(page, "cy-returns-in"), figure(page, "cy-returns-missing")) == ("1", "1")
    assert "未报送：武隆区城市管理局" in page and "2025年度统计年报报送情况" in page
    # per process, per month: 投诉举报 opened in March and July; 监督建议书 closed in January and May
    assert re.search(r'<th scope="row">投诉举报</th><td>0</td><td>0</td><td>1</td>(<td>0</td>){3}<td>1</td>', page)
    assert re.search(r'<th scope="row">监督建议书/意见书</th><td>1</td>(<td>0</td>){3}<td>1</td>', page)
    assert '<th scope="row">恩施州生态环境局</th><td class="cw-late">1</td>' in page  # overdue by agency
    assert '<th scope="row">投诉举报</th><td>0</td><td class="cw-late">2</td><td>1</td><td>1</td><td>3</td>' in page
    assert 'src="/admin/casework/year/2026/chart-matters.png"' in page and "柱状图：2026年各月立案4件、办结3件" in page


def test_the_screen_s_queries_do_not_grow_with_matters_and_clocks(year_data, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    leader = client_for(staff["leader"])

    def queries() -> int:
        with freeze_time(NOW), CaptureQueriesContext(connection) as ctx:
            assert leader.get("/admin/casework/year/2026/").status_code == 200
        return len(ctx)

    queries()  # warm: content types and the working calendar are cached after the first request
    before = queries()
    for i in range(4):
        m = services.matter_open(by=staff["officer"], agency=year_data["b"], source="inspection", title=f"多{i}",
                                 facts="事实", process="letter", opened_on=D(2026, 4, 1 + i))
        clock_start(subject=m, profile=get_profile("wulong"), rule_key="complaint_accept_period",
                    started_on=D(2026, 11, 2))
    queries()  # the writes made the menu's cached 我的待办 count stale: it is counted again once
    page_after = queries()
    assert page_after == before


def test_the_officer_filters_one_jurisdiction(year_data, staff):
    with freeze_time(NOW):
        page = client_for(staff["officer"]).get("/admin/casework/year/2026/?jurisdiction=wulong").content.decode()
    assert "重庆市武隆区 2026年度概览" in page
    assert (figure(page, "cy-opened-total"), figure(page, "cy-missed"), figure(page, "cy-overdue")) == ("3", "2", "1")
    assert "恩施州生态环境局" not in page
    assert 'src="/admin/casework/year/2026/chart-clocks.png?jurisdiction=wulong"' in page


def test_liaisons_and_editors_are_refused_in_chinese(year_data, staff):
    liaison = year_data["a"].liaisons.get()
    for user in (liaison, staff["editor"], staff["supervisor"]):
        for url in ("/admin/casework/year/2026/", "/admin/casework/year/2026.xlsx",
                    "/admin/casework/year/2026/chart-matters.png"):
            response = client_for(user).get(url)
            assert response.status_code == 403, (user, url)
            assert "年度概览仅供司法局经办人和负责人查看。" in response.content.decode()
    assert Client().get("/admin/casework/year/2026/").status_code == 302  # to the login page


def test_a_bad_year_or_jurisdiction_is_404_in_chinese(staff):
    officer = client_for(staff["officer"])
    with freeze_time(NOW):
        for url, text in [("/admin/casework/year/1999/", "没有1999年的年度概览：年度须在2000年至2027年之间。"),
                          ("/admin/casework/year/2028/", "没有2028年的年度概览"),
                          ("/admin/casework/year/2026/?jurisdiction=nowhere", "没有该辖区，请从列表中选择辖区。"),
                          ("/admin/casework/year/?year=20x6", "年度应为四位数字，例如2026。"),
                          ("/admin/casework/year/2026/chart-pie.png", "没有该图表。")]:
            response = officer.get(url)
            assert response.status_code == 404 and text in response.content.decode(), url
        response = officer.get("/admin/casework/year/?year=2025&jurisdiction=wulong")
    assert response.status_code == 302 and response["Location"] == "/admin/casework/year/2025/?jurisdiction=wulong"


def test_the_excel_export_has_the_literal_figures(year_data, staff):
    with freeze_time(NOW):
        response = client_for(staff["leader"]).get("/admin/casework/year/2026.xlsx")
    assert response.status_code == 200 and response["Content-Disposition"] == "attachment; filename=year-2026.xlsx"
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["立案办结", "法定时限", "各执法机关", "统计年报"]
    rows = [list(r) for r in wb["立案办结"].iter_rows(values_only=True)]
    assert rows[0] == ["全部辖区 2026年度概览"] + [None] * 13
    assert ["投诉举报", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2] in rows
    assert ["合计", 0, 0, 2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4] in rows  # opened
    assert ["合计", 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 3] in rows  # closed
    clocks = [list(r) for r in wb["法定时限"].iter_rows(values_only=True)]
    assert ["合计", 1, 3, 2, 1, 5] in clocks and ["11月", 1, 3, 2, 0, 4] in clocks and ["12月", 0, 0, 0, 1, 1] in clocks
    agencies = [list(r) for r in wb["各执法机关"].iter_rows(values_only=True)]
    assert ["武隆区城市管理局", 1, 2, 0, 1, 1, 1] in agencies  # opened 2026-07-01; closed in January and September
    returns = [list(r) for r in wb["统计年报"].iter_rows(values_only=True)]
    assert ["重庆市武隆区", "武隆区市场监督管理局", "已报送", "2026-03-01"] in returns
    assert ["重庆市武隆区", "武隆区城市管理局", "未报送", None] in returns


def test_the_charts_are_png_and_reads_write_nothing(year_data, staff):
    from casework.models import Matter, MatterEvent
    from clocks.models import Clock

    before = (Matter.objects.count(), MatterEvent.objects.count(), Clock.objects.count(),
              ProgrammeYear.objects.count(), StatisticsReturn.objects.count())
    leader = client_for(staff["leader"])
    with freeze_time(NOW):
        for name in ("matters", "clocks", "overdue", "returns"):
            response = leader.get(f"/admin/casework/year/2026/chart-{name}.png")
            assert response.status_code == 200 and response.content[:8] == b"\x89PNG\r\n\x1a\n", name
        leader.get("/admin/casework/year/2027/")
    assert (Matter.objects.count(), MatterEvent.objects.count(), Clock.objects.count(),
            ProgrammeYear.objects.count(), StatisticsReturn.objects.count()) == before
