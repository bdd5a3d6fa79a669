"""通报制度 第六条 整改落实不力 found on the merits (programme.services.rectification_ineffective: the written report
reviewed, the problems not rectified) feeds the yearly results like an overdue rectification, over HTTP with a frozen
clock: its own column per agency and year on the results screen and in the Excel export, among the items 第六条
deducts for, with the profile's points where it gives them, and on the workbench's line — which is kept under the
generation of the results' inputs (casework.assessment.INPUTS), so the finding shows on the next visit."""
import io
import re

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from casework.assessment import generation
from tests.casework.test_year_results_http import row
from tests.letters.letters_http import login, people
from tests.referrals.notified import notify_two

pytestmark = pytest.mark.django_db
RESULTS = "/admin/casework/year/2026/results/?jurisdiction=wulong"
HEAD = '<th scope="col">经审核认定整改落实不力（通报限时整改）</th>'


def glance(client) -> str:
    home = client.get("/admin/").content.decode()
    return re.search(r'<p class="cw-muted" id="wb-results">([^（]*)', home).group(1)


def notified_and_reported(p):
    """The 2025 notification names the market regulator and 武隆其他局; both sign for it and report in time."""
    market, other = notify_two(p)
    with freeze_time("2026-03-09 09:00"):
        for user, task in ((p["liaison"], market), (p["other"], other)):
            assert login(user).post(f"/admin/programme/tasks/{task.pk}/report/", {
                "report": "已全部整改到位。"}).status_code == 302
    return market, other, other.agency


def test_a_rectification_found_ineffective_on_review_is_counted_and_deducted(make_user, site_tree):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    market, other, other_agency = notified_and_reported(p)
    officer = Client()
    officer.force_login(p["officer"])
    with freeze_time("2026-03-10 09:00"):
        assert glance(officer).endswith("检查决定落实不力0项、经审核认定整改落实不力0项")
        before = generation()
        assert officer.post(f"/admin/programme/tasks/{market.pk}/ineffective/", {
            "findings": "3件案卷仍未补正陈述申辩告知。"}).status_code == 302
        assert generation() != before  # the finding is an input of the results: the kept line is stale
        assert glance(officer) == (
            "2026年度纳入考核的监督结果：被通报2项、逾期未整改0项、投诉举报查证属实0件、统计年报逾期报送0件、"
            "统计年报逾期未报送0件、干预插手不记录或不如实记录0次、检查决定落实不力0项、经审核认定整改落实不力1项")
    with freeze_time("2026-03-11 09:00"):  # the other agency's report is accepted: not counted
        done = officer.post(f"/admin/programme/tasks/{other.pk}/review/", {"note": ""}, follow=True)
        assert "整改落实情况已审核确认，事项办结。" in done.content.decode()
        html = officer.get(RESULTS).content.decode()
        assert HEAD in html
        # letters … notified, interference lapses, inspections poorly implemented, found not rectified; deductions
        assert row(html, p["agency"].pk) == ["0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1", "2"]
        assert row(html, other_agency.pk) == ["0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1"]
        assert ("扣减分值的项目：被通报（通报限时整改、逾期不纠正予以通报）、逾期未整改（监督文书、限时整改）、"
                "经审核认定整改落实不力（通报限时整改）（《行政执法监督情况通报制度》第六条）") in html
        # the year it was found: not in 2027's
        later = officer.get("/admin/casework/year/2027/results/?jurisdiction=wulong").content.decode()
        assert row(later, p["agency"].pk)[12] == "0"
        sheet = officer.get("/admin/casework/year/2026/results.xlsx?jurisdiction=wulong")
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[1][14:] == ("经审核认定整改落实不力（通报限时整改）", "扣分项计数")
    assert rows[2] == ("重庆市武隆区", "武隆其他局", 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1)
    assert rows[3] == ("重庆市武隆区", "武隆区市场监督管理局", 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2)
    assert rows[4][:15] == ("合计", None, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1)


def test_points_for_a_finding_of_ineffective_rectification_where_the_profile_gives_them(make_user, site_tree):
    """A bureau that enters points for it into Wulong's profile (通报制度 第六条) gets them in the 分值 column."""
    from rules.models import RuleFigure

    p = people(make_user, "wulong", "武隆区市场监督管理局")
    market, _other, other_agency = notified_and_reported(p)
    figure = RuleFigure.objects.get(profile__code="wulong", key="assessment_results")
    figure.value = {**figure.value, "points": {"notified": -2, "rectify_ineffective": -3}}
    figure.save(update_fields=["value"])
    officer = Client()
    officer.force_login(p["officer"])
    with freeze_time("2026-03-10 09:00"):
        assert officer.post(f"/admin/programme/tasks/{market.pk}/ineffective/", {
            "findings": "3件案卷仍未补正陈述申辩告知。"}).status_code == 302
        html = officer.get(RESULTS).content.decode()
    assert "被通报（通报限时整改、逾期不纠正予以通报）每项-2分、经审核认定整改落实不力（通报限时整改）每项-3分" in html
    assert row(html, p["agency"].pk)[-2:] == ["2", "-5.0"]
    assert row(html, other_agency.pk)[-2:] == ["1", "-2.0"]


def test_a_rectification_overdue_and_then_found_ineffective_is_counted_once(make_user, site_tree):
    """通报 第六条 deducts once for a rectification 整改落实不力: one reported in time and found ineffective counts
    in 经审核认定整改落实不力, one reported late and accepted in 逾期未整改, and one reported late and then found
    ineffective in the column of the finding that closed it (经审核认定整改落实不力) only."""
    from casework.models import Agency
    from clocks.scheduler import run_once
    from programme.models import RectificationTask
    from roles.definitions import LIAISON
    from roles.models import StaffProfile

    p = people(make_user, "wulong", "武隆区市场监督管理局")
    third = Agency.objects.create(jurisdiction="wulong", name="武隆区第三局")
    third_liaison = make_user("lx_third", LIAISON)
    StaffProfile.objects.create(user=third_liaison, agency=third, jurisdiction="wulong")
    other_agency = Agency.objects.get(name="武隆其他局")
    with freeze_time("2026-03-02 10:00"):  # period 10 calendar days: due 2026-03-13
        assert login(p["leader"]).post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "period_n": "10", "period_unit": "calendar_days",
            f"name_{p['agency'].pk}": "on", f"problems_{p['agency'].pk}": "行政处罚案卷未载明陈述申辩告知",
            f"name_{other_agency.pk}": "on", f"problems_{other_agency.pk}": "未按期公示行政执法决定",
            f"name_{third.pk}": "on", f"problems_{third.pk}": "执法人员未出示执法证件"}).status_code == 302
    tasks = {a: RectificationTask.objects.get(agency=a) for a in (p["agency"], other_agency, third)}
    liaisons = {p["agency"]: p["liaison"], other_agency: p["other"], third: third_liaison}
    with freeze_time("2026-03-03 09:00"):
        for agency, task in tasks.items():
            assert login(liaisons[agency]).post(f"/admin/casework/documents/{task.document.pk}/service/").status_code == 302
    officer = Client()
    officer.force_login(p["officer"])
    with freeze_time("2026-03-09 09:00"):  # the market regulator reports in time
        assert login(p["liaison"]).post(f"/admin/programme/tasks/{tasks[p['agency']].pk}/report/", {
            "report": "已全部整改到位。"}).status_code == 302
    with freeze_time("2026-03-10 09:00"):  # ... and is found not to have rectified: ineffective only
        assert officer.post(f"/admin/programme/tasks/{tasks[p['agency']].pk}/ineffective/", {
            "findings": "3件案卷仍未补正陈述申辩告知。"}).status_code == 302
    with freeze_time("2026-03-16 02:00"):  # the other two let the period run out
        run_once()
    assert sorted(str(t.overdue_on) for t in RectificationTask.objects.exclude(agency=p["agency"])) == [
        "2026-03-16", "2026-03-16"]
    with freeze_time("2026-03-17 09:00"):
        for agency in (other_agency, third):
            assert login(liaisons[agency]).post(f"/admin/programme/tasks/{tasks[agency].pk}/report/", {
                "report": "已整改。"}).status_code == 302
    with freeze_time("2026-03-18 09:00"):
        assert officer.post(f"/admin/programme/tasks/{tasks[other_agency].pk}/review/", {"note": ""}).status_code == 302
        assert officer.post(f"/admin/programme/tasks/{tasks[third].pk}/ineffective/", {
            "findings": "执法人员仍未出示执法证件。"}).status_code == 302
        html = officer.get(RESULTS).content.decode()
    # columns: 4 逾期未整改, 9 被通报, 12 经审核认定整改落实不力, 13 扣分项计数
    assert [row(html, p["agency"].pk)[i] for i in (4, 9, 12, 13)] == ["0", "1", "1", "2"]
    assert [row(html, other_agency.pk)[i] for i in (4, 9, 12, 13)] == ["1", "1", "0", "2"]
    assert [row(html, third.pk)[i] for i in (4, 9, 12, 13)] == ["0", "1", "1", "2"]
