"""The yearly programme over HTTP with role users (Wulong, 004 统计年报制度 第二条、第三条, 监督检查制度 第六条,
监督情况通报制度 第四条、第五条; Enshi 003 第十五条、第十八条、第十九条、第二十条、第二十九条)."""
import datetime as dt
import io

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from casework.models import Agency, Document, Matter
from clocks.models import MET, RUNNING
from decisions.models import DecisionRecord
from programme.deadlines import subject_clocks
from programme.models import Activity, ProgrammeYear, RectificationTask, StatisticsReturn
from public_notices.models import AnnualReportPage, SupervisionNotificationPage
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db

# Wulong template columns: A 年度, B 机关, C 行政处罚 … L 其他, M 情况说明 (order of the profile's categories)
MARKET = [120, 300, 15, 0, 410, 2, 0, 33, 5, 1]   # total 886
CITY = [80, 20, 40, 0, 150, 0, 0, 10, 0, 0]        # total 300


def denied(response):
    """The Wagtail admin turns PermissionDenied into a redirect to the dashboard with the message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def wulong(make_user, site_tree):
    agencies, liaisons = {}, {}
    for key, name in (("market", "武隆区市场监督管理局"), ("city", "武隆区城市管理局"), ("traffic", "武隆区交通运输局")):
        agencies[key] = Agency.objects.create(jurisdiction="wulong", name=name)
        liaisons[key] = make_user(f"lx_{key}", LIAISON)
        StaffProfile.objects.create(user=liaisons[key], agency=agencies[key], jurisdiction="wulong")
    return {"agencies": agencies, "liaisons": liaisons, "officer": make_user("officer_wl", OFFICER),
            "leader": make_user("leader_wl", LEADER)}


def workbook(client, ret, values):
    response = client.get(f"/admin/programme/returns/{ret.pk}/template.xlsx")
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["行政执法统计"]
    assert ws["A2"].value == 2025 and ws["C1"].value == "行政处罚（件）" and ws["L1"].value == "其他具体行政执法行为（件）"
    for i, value in enumerate(values):
        ws.cell(row=2, column=3 + i, value=value)
    ws["M2"] = "数据来源于本局执法办案系统。"
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "tongji.xlsx"
    return out


def test_wulong_year_statistics_report_and_notification(wulong):
    A, L = wulong["agencies"], wulong["liaisons"]
    officer, leader = login(wulong["officer"]), login(wulong["leader"])

    # 2025: the plan and an inspection with a finding; the dashboard counts what the year still requires
    with freeze_time("2025-06-10 10:00"):
        response = officer.post("/admin/programme/wulong/2025/plan/", {"plan": "全年开展两次定期监督检查。"})
        assert response.status_code == 302
        response = officer.post("/admin/programme/wulong/2025/activities/new/", {
            "kind": "inspection", "schedule": "periodic", "forms": "enforcement_check", "agency": A["market"].pk, "held_on": "2025-06-09",
            "title": "上半年定期检查",
            "mode": "desk", "has_problems": "on", "findings": "3件行政处罚案卷未载明陈述申辩告知。"})
        assert response.status_code == 302, response.content.decode()
        html = officer.get("/admin/").content.decode()
        assert "年度监督：各执法机关本年度尚需完成" in html
        assert "已开展1次，尚需1次（每年至少2次）" in html  # the market agency
        assert "已开展0次，尚需2次（每年至少2次）" in html  # the others
        assert "《行政执法监督检查制度》第六条" in html
        assert "已开展0次（办法未规定）" in html  # case-file reviews: Wulong's rules set no yearly number
        # the finding becomes a supervision matter for the letter process
        activity = Activity.objects.get()
        response = officer.post(f"/admin/programme/activities/{activity.pk}/matter/")
        assert response.status_code == 302
        activity.refresh_from_db()
        assert activity.matter.process == "letter" and activity.matter.source == "inspection"
        assert activity.matter.number == "武隆监案〔2025〕1号"

    # 2026-01-05: the bureau asks every agency for its 2025 statistics; due 1月31日 → Sat, Sun → 2026-02-02
    with freeze_time("2026-01-05 09:00"):
        response = officer.post("/admin/programme/wulong/2025/statistics/open/")
        assert response.status_code == 302
        returns = {r.agency_id: r for r in StatisticsReturn.objects.all()}
        assert len(returns) == 3
        for ret in returns.values():
            clock = subject_clocks(ret).get()
            assert clock.due_on == dt.date(2026, 2, 2) and clock.article == "第三条" and not clock.provisional
        py = ProgrammeYear.objects.get(jurisdiction="wulong", year=2025)
        assert {c.label: c.due_on for c in subject_clocks(py)} == {
            "公开2025年度全辖区行政执法统计年报": dt.date(2026, 2, 2), "通报2025年度行政执法情况": dt.date(2026, 3, 31)}

    # 2026-01-20: the market agency uploads its Excel — first with a bad cell, rejected with its position
    market_ret = returns[A["market"].pk]
    with freeze_time("2026-01-20 15:00"):
        client = login(L["market"])
        bad = workbook(client, market_ret, [-3] + MARKET[1:4] + ["十"] + MARKET[5:])
        response = client.post(f"/admin/programme/returns/{market_ret.pk}/upload/", {"file": bad})
        assert response.status_code == 400
        html = response.content.decode()
        assert "工作表“行政执法统计”第2行C列（行政处罚）：须为非负整数" in html
        assert "工作表“行政执法统计”第2行G列（行政检查）：须为非负整数" in html
        market_ret.refresh_from_db()
        assert market_ret.submitted_at is None and market_ret.figures == {}
        good = workbook(client, market_ret, MARKET)
        response = client.post(f"/admin/programme/returns/{market_ret.pk}/upload/", {"file": good})
        assert response.status_code == 302
        market_ret.refresh_from_db()
        assert market_ret.channel == "excel" and market_ret.total == 886
        assert subject_clocks(market_ret).get().status == MET
        # a liaison cannot see another agency's return
        assert denied(client.get(f"/admin/programme/returns/{returns[A['city'].pk].pk}/"))

    # 2026-02-02 (the rolled due day): the city agency reports on screen; traffic is not yet overdue
    city_ret = returns[A["city"].pk]
    with freeze_time("2026-02-02 07:00"):
        data = {f"c_{code}": v for code, v in zip(
            ["penalty", "permit", "coercion", "levy", "inspection", "ruling", "payment", "confirmation", "reward",
             "other"], CITY, strict=False)}
        response = login(L["city"]).post(f"/admin/programme/returns/{city_ret.pk}/", {**data, "explanation": ""})
        assert response.status_code == 302 and response["Location"] == f"/admin/programme/returns/{city_ret.pk}/"
        html = officer.get("/admin/programme/wulong/2026/").content.decode()
        assert "逾期未报" not in html
        assert "待报送" in html

    # 2026-02-03: traffic is overdue
    with freeze_time("2026-02-03 09:00"):
        traffic_clock = subject_clocks(returns[A["traffic"].pk]).get()
        assert traffic_clock.status == RUNNING and traffic_clock.is_overdue
        html = officer.get("/admin/programme/wulong/2026/").content.decode()
        assert "逾期未报" in html
        html = officer.get("/admin/programme/wulong/2025/report/").content.decode()
        assert '<th id="grand-total">1186</th>' in html
        assert "<th>200</th>" in html  # 行政处罚 120 + 80
        assert "<th>560</th>" in html  # 行政检查 410 + 150
        assert "逾期：武隆区交通运输局" in html
        chart = officer.get("/admin/programme/wulong/2025/report/chart-totals.png")
        assert chart.status_code == 200 and chart.content[:8] == b"\x89PNG\r\n\x1a\n"
        export = officer.get("/admin/programme/wulong/2025/report.xlsx")
        ws = load_workbook(io.BytesIO(export.content))["汇总"]
        total_row = [row for row in ws.iter_rows(values_only=True) if row[0] == "合计"][0]
        assert list(total_row) == ["合计", 200, 320, 55, 0, 560, 2, 0, 43, 5, 1, 1186]
        # the annual report draft under Wulong's annual-report index, for the editor to review
        response = officer.post("/admin/programme/wulong/2025/report/draft/", follow=True)
        assert response.redirect_chain[0][0].startswith("/admin/pages/")
        page = AnnualReportPage.objects.get()
        assert not page.live and page.report_year == 2025 and page.jurisdiction == "wulong"
        assert page.get_parent().slug == "tongji-nianbao" and page.slug.isascii()
        assert page.title == "武隆区司法局2025年度行政执法统计年报"
        assert "合计1186件" in page.body and 'embedtype="image"' in page.body and 'linktype="document"' in page.body
        # the figures are frozen once the report is drafted
        response = login(L["traffic"]).post(f"/admin/programme/returns/{returns[A['traffic'].pk].pk}/",
                                            {**data, "explanation": ""})
        assert "数据不能再修改" in response.content.decode()
        assert not StatisticsReturn.objects.get(agency=A["traffic"]).submitted
        # the editor publishes it (Wagtail's publication): the bureau's own statistics clock stops
        page.get_latest_revision().publish()
        assert subject_clocks(py).get(rule_key="annual_statistics_due").status == MET
        assert Client().get(AnnualReportPage.objects.get().url).status_code == 200

    # 2026-03-02: the leader issues the notification on 2025; traffic (no statistics) and market (finding)
    with freeze_time("2026-03-02 10:00"):
        form = officer.get("/admin/programme/wulong/2025/notification/")
        assert form.status_code == 200
        assert "未报送2025年度行政执法统计年报" in form.content.decode()
        response = leader.post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "period_n": "30", "period_unit": "calendar_days",
            f"name_{A['traffic'].pk}": "on", f"problems_{A['traffic'].pk}": "未报送2025年度行政执法统计年报",
            f"name_{A['market'].pk}": "on", f"problems_{A['market'].pk}": "行政处罚案卷未载明陈述申辩告知"})
        assert response.status_code == 302, response.content.decode()
        tasks = {t.agency_id: t for t in RectificationTask.objects.select_related("document")}
        assert len(tasks) == 2
        assert sorted(t.document.doc_number for t in tasks.values()) == ["武隆整改〔2026〕1号", "武隆整改〔2026〕2号"]
        assert all(t.clock is None and t.period_n == 30 for t in tasks.values())
        notice = SupervisionNotificationPage.objects.get()
        assert not notice.live and notice.get_parent().slug == "tongbao"
        assert DecisionRecord.objects.filter(process_kind="notification").count() == 1
        assert subject_clocks(py).get(rule_key="annual_notification_due").status == MET

    # receipt starts each rectification clock: 30 days, rolled past rest days
    with freeze_time("2026-03-03 09:00"):
        doc = tasks[A["traffic"].pk].document
        response = login(L["traffic"]).post(f"/admin/casework/documents/{doc.pk}/service/")
        assert response.status_code == 302
    with freeze_time("2026-03-04 09:00"):
        doc = tasks[A["market"].pk].document
        response = officer.post(f"/admin/casework/documents/{doc.pk}/service/", {
            "received_on": "2026-03-04", "method": "直接送达", "received_by_name": "秦某"})
        assert response.status_code == 302
    traffic_task = RectificationTask.objects.get(agency=A["traffic"])
    market_task = RectificationTask.objects.get(agency=A["market"])
    assert traffic_task.clock.due_on == dt.date(2026, 4, 2)
    assert market_task.clock.due_on == dt.date(2026, 4, 3)
    assert traffic_task.clock.article == "第五条" and traffic_task.clock.document == "行政执法监督情况通报制度"
    # the clock is on the matter screen; the agency reports in writing and the clock stops
    with freeze_time("2026-03-20 09:00"):
        client = login(L["traffic"])
        html = client.get(f"/admin/casework/{traffic_task.matter_id}/").content.decode()
        assert "2026-04-02" in html and "报告整改落实情况" in html
        response = client.post(f"/admin/programme/tasks/{traffic_task.pk}/report/",
                               {"report": "已补报2025年度统计年报。"})
        assert response.status_code == 302
        traffic_task.refresh_from_db()
        assert traffic_task.reported_at is not None and traffic_task.clock.status == MET
    assert Matter.objects.filter(process="programme").count() == 2


def test_enshi_counters_say_what_the_rules_set(make_user, site_tree):
    agency = Agency.objects.create(jurisdiction="enshi", name="恩施州生态环境局")
    liaison = make_user("lx_es", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="enshi")
    officer = login(make_user("officer_es", OFFICER))
    with freeze_time("2026-01-06 09:00"):
        assert officer.post("/admin/programme/enshi/2025/statistics/open/").status_code == 302
        ret = StatisticsReturn.objects.get()
        assert not subject_clocks(ret).exists()  # Enshi's rules set no date for agencies' statistics
        html = officer.get("/admin/programme/enshi/2026/").content.decode()
        assert "办法未规定报送日期" in html
        assert "已开展0次，尚需1次（每年至少1次）" in html
        assert "《恩施土家族苗族自治州行政执法监督办法》第十八条" in html
        assert "《恩施土家族苗族自治州行政执法监督办法》第十九条" in html
        assert "已开展0次（办法未规定）" in html  # inspections: no yearly number in 003
        # the Enshi template has Enshi's nine categories
        response = login(liaison).get(f"/admin/programme/returns/{ret.pk}/template.xlsx")
        ws = load_workbook(io.BytesIO(response.content))["行政执法统计"]
        assert ws["C1"].value == "行政许可（件）" and ws["K1"].value == "行政奖励（件）" and ws["L1"].value == "情况说明"


def test_provisional_2027_statistics_date(make_user, site_tree):
    """2026 statistics are due 2027-01-31 (a Sunday): rolled to 2027-02-01, provisional (no 2027 holidays)."""
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区交通运输局")
    liaison = make_user("lx_jt", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    with freeze_time("2026-12-01 09:00"):
        officer = login(make_user("officer_p", OFFICER))
        assert officer.post("/admin/programme/wulong/2026/statistics/open/").status_code == 302
        clock = subject_clocks(StatisticsReturn.objects.get()).get()
        assert clock.due_on == dt.date(2027, 2, 1) and clock.provisional_years == "2027"
        html = login(liaison).get("/admin/programme/returns/").content.decode()
        assert "2027-02-01" in html and "暂定日期：2027年节假日安排尚未录入" in html


def test_liaison_cannot_manage_and_officer_cannot_sign(wulong):
    liaison = login(wulong["liaisons"]["market"])
    with freeze_time("2026-01-05 09:00"):
        assert denied(liaison.post("/admin/programme/wulong/2025/statistics/open/"))
        assert denied(liaison.get("/admin/programme/wulong/2025/report/"))
        response = login(wulong["officer"]).post("/admin/programme/wulong/2025/notification/", {
            "title": "通报", "body": "正文", "period_n": "10", "period_unit": "working_days"})
        assert denied(response)
    assert not Document.objects.exists()
