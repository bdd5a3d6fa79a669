"""The programme panel of a province-wide account (issue 28): every jurisdiction's section in the same five
queries as one jurisdiction's (programme.selectors.requirements_of), the same rows as each read alone."""
import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency
from pages.cache import request_profiles
from programme.dashboard import dashboard_context
from programme.selectors import requirements
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 6)


def agency(make_user, code, name, login):
    row = Agency.objects.create(jurisdiction=code, name=name)
    StaffProfile.objects.create(user=make_user(login, LIAISON), agency=row, jurisdiction=code)
    return row


def panel(django_assert_num_queries, queries):
    token = request_profiles.set({})  # as in a request (pages.cache): the profiles and calendar read once
    try:
        dashboard_context(TODAY)
        with django_assert_num_queries(queries):
            return render_to_string("programme/dashboard_panel.html", dashboard_context(TODAY))
    finally:
        request_profiles.reset(token)


def test_two_jurisdictions_read_in_the_queries_of_one(make_user, site_tree, django_assert_num_queries):
    agency(make_user, "wulong", "武隆区交通运输局", "lx_jt")
    agency(make_user, "wulong", "武隆区城市管理局", "lx_cg")
    agency(make_user, "enshi", "恩施州生态环境局", "lx_es")
    officer = Client()
    officer.force_login(make_user("officer_p", OFFICER))
    with freeze_time("2026-01-06 09:00"):
        assert officer.post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        # the profiles of the jurisdictions with a year, the activities, the returns, their clocks, the agencies
        html = panel(django_assert_num_queries, 5)
        assert "武隆区 2026年度" in html and "恩施" not in html
        assert officer.post("/admin/programme/enshi/2025/statistics/open/").status_code == 302
        html = panel(django_assert_num_queries, 5)  # a second jurisdiction: no query more
    assert "武隆区 2026年度" in html and "恩施土家族苗族自治州 2026年度" in html
    assert html.count("待报送，截止2026-02-02") == 2  # Wulong's two returns (统计 第三条: 1月31日, rolled)
    assert "待报送（办法未规定报送日期）" in html  # Enshi's rules set no date
    assert html.index("武隆区交通运输局") < html.index("武隆区城市管理局")  # by name (code points) within a jurisdiction
    assert "恩施州生态环境局" in html.split("恩施土家族苗族自治州 2026年度")[1]
    # the same rows as each jurisdiction read alone (the year's page, programme.views)
    both = dashboard_context(TODAY)["sections"]
    for section in both:
        alone = requirements(section["profile"].code, 2026)
        assert [(r.agency.name, [x.text for x in r.requirements], r.statistics and r.statistics.pk,
                 r.statistics_clock and r.statistics_clock.due_on) for r in section["rows"]] == \
            [(r.agency.name, [x.text for x in r.requirements], r.statistics and r.statistics.pk,
              r.statistics_clock and r.statistics_clock.due_on) for r in alone]
