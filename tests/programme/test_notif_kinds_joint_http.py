"""Wulong 行政执法监督情况通报制度 over HTTP: unscheduled and urgent notifications beside the yearly one (第四条),
the contents items a notification covers (第三条), and the departments notifying jointly (第一条) — recorded on the
notification, on the decision record and in the public notice's header."""
import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency
from clocks.models import MET, RUNNING
from decisions.models import DecisionRecord
from programme.deadlines import subject_clocks
from programme.models import Notification, ProgrammeYear, RectificationTask
from public_notices.models import SupervisionNotificationPage
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db
SPECIAL = "/admin/programme/wulong/2026/notification/special/"


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def wulong(make_user, site_tree):
    market = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    city = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    liaison = make_user("lx_market_nt", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=market, jurisdiction="wulong")
    return {"market": market, "city": city, "officer": make_user("officer_nt", OFFICER),
            "leader": make_user("leader_nt", LEADER)}


def test_urgent_notification_with_contents_and_joint_department_reaches_the_notice(wulong):
    market = wulong["market"]
    leader = login(wulong["leader"])
    with freeze_time("2026-05-12 10:00"):
        form = leader.get(SPECIAL).content.decode()
        assert "不定期通报（专项检查、案卷评查及其他需要通报的情况）（第四条）" in form
        assert "紧急通报（遇紧急情况随时通报）（第四条）" in form
        assert "定期通报（上年度全区行政执法情况" not in form  # the yearly one has its own screen and clock
        assert "行政执法案卷评查中发现的突出问题（第三条第（二）项）" in form
        assert "其他需要通报的行政执法情况（第三条第（九）项）" in form
        assert "联合通报部门（《行政执法监督情况通报制度》第一条：必要时可以联合其他相关职能部门联合通报）" in form
        year_page = leader.get("/admin/programme/wulong/2026/").content.decode()
        assert "起草不定期、紧急通报" in year_page

        data = {"kind": "urgent", "contents": ["complaints", "case_files"],
                "joint_issuers": "武隆区应急管理局\n武隆区市场监督管理局",
                "title": "关于餐饮燃气安全执法问题的紧急通报", "body": "近期投诉举报查实的执法问题通报如下。",
                "period_n": "5", "period_unit": "working_days",
                f"name_{market.pk}": "on", f"problems_{market.pk}": "燃气安全检查未制作现场笔录"}
        # no contents chosen: refused in Chinese, nothing written
        html = leader.post(SPECIAL, {**data, "contents": []}).content.decode()
        assert "请至少选择一项通报内容。" in html
        # the yearly kind is not offered here
        html = leader.post(SPECIAL, {**data, "kind": "annual"}).content.decode()
        assert "请选择规则配置中的不定期或紧急通报方式。" in html
        # the bureau itself is not a joint department
        html = leader.post(SPECIAL, {**data, "joint_issuers": "武隆区司法局"}).content.decode()
        assert "武隆区司法局是通报机关，不必列为联合通报部门。" in html
        assert not Notification.objects.exists() and not RectificationTask.objects.exists()
        # an officer may not sign
        assert login(wulong["officer"]).post(SPECIAL, data).status_code in (302, 403)
        assert not Notification.objects.exists()

        response = leader.post(SPECIAL, data)
        assert response.status_code == 302, response.content.decode()
        assert response["Location"] == "/admin/programme/wulong/2026/"

    n = Notification.objects.get()
    assert (n.kind, n.contents, n.joint_issuers) == ("urgent", ["case_files", "complaints"],
                                                      ["武隆区应急管理局", "武隆区市场监督管理局"])
    assert n.year.year == 2026 and str(n.issued_on) == "2026-05-12"
    task = RectificationTask.objects.get()
    assert task.agency == market and task.document.doc_number == "武隆整改〔2026〕1号"
    record = DecisionRecord.objects.get(process_kind="notification")
    assert record.outcome == "紧急通报（与武隆区应急管理局、武隆区市场监督管理局联合通报），责令1家限时整改"
    assert record.article == "《行政执法监督情况通报制度》第四条"

    with freeze_time("2026-05-12 11:00"):
        year_page = leader.get("/admin/programme/wulong/2026/").content.decode()
        assert "关于餐饮燃气安全执法问题的紧急通报（2026-05-12）" in year_page
        assert "通报方式：紧急通报（遇紧急情况随时通报）（第四条）" in year_page
        assert ("通报内容：行政执法案卷评查中发现的突出问题（第三条第（二）项）；"
                "经投诉举报并查实的问题（第三条第（三）项）") in year_page
        assert "联合通报部门：武隆区应急管理局、武隆区市场监督管理局" in year_page

    page = SupervisionNotificationPage.objects.get()
    assert page.notification_kind == "紧急通报（遇紧急情况随时通报）（《行政执法监督情况通报制度》第四条）"
    assert page.joint_issuers == "武隆区司法局、武隆区应急管理局、武隆区市场监督管理局"
    with freeze_time("2026-05-13 09:00"):
        page.get_latest_revision().publish()
        html = Client().get(SupervisionNotificationPage.objects.get().url).content.decode()
    assert "通报方式" in html and "紧急通报（遇紧急情况随时通报）（《行政执法监督情况通报制度》第四条）" in html
    assert "行政执法案卷评查中发现的突出问题（《行政执法监督情况通报制度》第三条第（二）项）" in html
    assert "联合通报" in html and "武隆区司法局、武隆区应急管理局、武隆区市场监督管理局" in html
    assert "5个工作日内完成整改" in html


def test_yearly_notification_always_covers_item_eight_and_records_joint_departments(wulong):
    city = wulong["market"]  # the agency with a liaison (a notification addresses only those)
    leader = login(wulong["leader"])
    with freeze_time("2026-02-10 10:00"):
        form = leader.get("/admin/programme/wulong/2025/notification/").content.decode()
        assert "通报内容（《行政执法监督情况通报制度》第三条）" in form
        assert "定期通报当然包含“全区年度行政执法情况”。" in form
        response = leader.post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "contents": ["filings"], "joint_issuers": "武隆区人力资源和社会保障局",
            "period_n": "30", "period_unit": "calendar_days",
            f"name_{city.pk}": "on", f"problems_{city.pk}": "规范性文件未按期报送备案"})
        assert response.status_code == 302, response.content.decode()
    n = Notification.objects.get()
    assert (n.kind, n.contents, n.joint_issuers) == ("annual", ["filings", "annual"], ["武隆区人力资源和社会保障局"])
    assert n.year.year == 2025
    assert DecisionRecord.objects.get().outcome == "定期通报（与武隆区人力资源和社会保障局联合通报），责令1家限时整改"
    page = SupervisionNotificationPage.objects.get()
    assert page.notification_kind == "定期通报（上年度全区行政执法情况，每年一季度完成）（《行政执法监督情况通报制度》第四条）"
    assert page.notification_contents == ("规范性文件备案审查中发现的问题（《行政执法监督情况通报制度》第三条第（六）项）；"
                                          "全区年度行政执法情况（《行政执法监督情况通报制度》第三条第（八）项）")
    with freeze_time("2026-02-10 11:00"):
        html = leader.get("/admin/programme/wulong/2026/").content.decode()
    assert "通报方式：定期通报（上年度全区行政执法情况，每年一季度完成）（第四条）" in html
    assert "联合通报部门：武隆区人力资源和社会保障局" in html


def test_special_notification_only_where_the_rules_give_it_and_in_its_year(wulong, make_user):
    leader = login(wulong["leader"])
    with freeze_time("2026-05-12 10:00"):
        assert leader.get("/admin/programme/enshi/2026/notification/special/").status_code == 404
        response = leader.get("/admin/programme/wulong/2025/notification/special/")
        assert response.status_code == 404
        assert "不定期、紧急通报在签发当年的年度监督中办理（本年度为2026年）。" in response.content.decode()
    assert not ProgrammeYear.objects.exists()


def test_running_yearly_clock_untouched_by_unscheduled(wulong):
    """An unscheduled notification in the first quarter leaves the yearly notification still due."""
    market = wulong["market"]
    leader = login(wulong["leader"])
    with freeze_time("2026-01-05 09:00"):
        # opening the 2025 statistics starts the yearly clocks on 2025
        assert login(wulong["officer"]).post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
    py = ProgrammeYear.objects.get(year=2025)
    clock = subject_clocks(py).filter(rule_key="annual_notification_due").first()
    with freeze_time("2026-02-03 10:00"):
        response = leader.post(SPECIAL, {
            "kind": "unscheduled", "contents": ["inspection"], "title": "关于专项检查发现问题的通报",
            "body": "专项检查发现问题通报如下。", "period_n": "15", "period_unit": "calendar_days",
            f"name_{market.pk}": "on", f"problems_{market.pk}": "执法全过程记录不完整"})
        assert response.status_code == 302, response.content.decode()
    assert Notification.objects.get().kind == "unscheduled"
    clock.refresh_from_db()
    assert clock.status == RUNNING and str(clock.due_on) == "2026-03-31"
    # the yearly notification then stops it
    with freeze_time("2026-03-02 10:00"):
        response = leader.post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "period_n": "30", "period_unit": "calendar_days"})
        assert response.status_code == 302, response.content.decode()
    clock.refresh_from_db()
    assert clock.status == MET
