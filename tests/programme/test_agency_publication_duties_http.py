"""The agencies' own publication duties for 2025 (004 行政执法统计年报制度 第三条、第五条; 行政执法监督情况通报制度
第七条), over HTTP as the role users: the response plan before publication and the follow-up after, the statistics
published and reported to the superior department, the 工作情况报告 sent and made public; the bureau's table names
the late agency, its officers' 我的待办 names it too; another agency's liaison cannot open the duties.

Calendar: 1月31日 2026 is a Saturday → the date rolls to Monday 2026-02-02 (both duties)."""
import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency
from programme.models import StatisticsReturn
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db

FIGURES = {"c_penalty": 12, "c_permit": 30, "c_coercion": 1, "c_levy": 0, "c_inspection": 41, "c_ruling": 0,
           "c_payment": 0, "c_confirmation": 3, "c_reward": 0, "c_other": 0, "explanation": "数据来源于办案系统。"}


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(make_user):
    agencies, liaisons = {}, {}
    for key, name in (("market", "武隆区市场监督管理局"), ("city", "武隆区城市管理局")):
        agencies[key] = Agency.objects.create(jurisdiction="wulong", name=name)
        liaisons[key] = make_user(f"lx_{key}", LIAISON)
        StaffProfile.objects.create(user=liaisons[key], agency=agencies[key], jurisdiction="wulong")
    return agencies, liaisons, make_user("officer_wl", OFFICER), make_user("leader_wl", LEADER)


def test_publication_duties_tracked_and_the_late_agency_named(people):
    agencies, liaisons, officer, leader = people
    market = login(liaisons["market"])
    with freeze_time("2026-01-05 09:00"):
        assert login(officer).post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        rets = {r.agency_id: r for r in StatisticsReturn.objects.all()}
        m_ret, c_ret = rets[agencies["market"].pk], rets[agencies["city"].pk]
        # the duties screen: each duty with its date and article
        page = market.get(f"/admin/programme/returns/{m_ret.pk}/duties/").content.decode()
        assert "2026-02-02" in page and "第三条" in page and "第七条" in page and "未到期" in page
        # another agency's liaison cannot open them
        other = login(liaisons["city"]).get(f"/admin/programme/returns/{m_ret.pk}/duties/")
        assert other.status_code == 302 and other["Location"] == "/admin/"
        # the work report is waiting in the liaison's 我的待办 with its date
        item = card(inbox(liaisons["market"]), "报送并公开2025年度工作情况报告")
        assert "2026-02-02" in item

    with freeze_time("2026-01-20 10:00"):
        url = f"/admin/programme/returns/{m_ret.pk}/duties/"
        # publication before the figures reached the bureau is refused
        early = market.post(url + "publish/", {"published_on": "2026-01-20", "where": "区政府网站", "superior_name": "市市场监管局",
                                               "superior_sent_on": "2026-01-20"})
        assert early.status_code == 400 and "请先向区司法局报送统计数据" in early.content.decode()
        assert market.post(f"/admin/programme/returns/{m_ret.pk}/", FIGURES).status_code == 302
        # 统计 第五条: no publication without the response plan first
        no_plan = market.post(url + "publish/", {"published_on": "2026-01-20", "where": "区政府网站",
                                                 "superior_name": "重庆市市场监督管理局", "superior_sent_on": "2026-01-20"})
        assert no_plan.status_code == 400 and "做好应对预案" in no_plan.content.decode()
        # nor a follow-up before publication
        assert market.post(url + "follow-up/", {"text": "无"}).status_code == 400
        assert market.post(url + "plan/", {"text": "预判行政检查数量增加可能引发关注，准备答问口径。"}).status_code == 302
        ok = market.post(url + "publish/", {"published_on": "2026-01-20", "where": "武隆区政府网站·政府信息公开",
                                            "superior_name": "重庆市市场监督管理局", "superior_sent_on": "2026-01-20"})
        assert ok.status_code == 302, ok.content.decode()[-2000:]
        # after publication the plan is closed and the follow-up opens
        assert market.post(url + "plan/", {"text": "补充预案"}).status_code == 400
        assert market.post(url + "follow-up/", {"text": "已在网站答复网民关于检查数量的提问。"}).status_code == 302
        empty = market.post(url + "work-report/", {"text": "", "published_on": "", "where": ""})
        assert empty.status_code == 400 and StatisticsReturn.objects.get(pk=m_ret.pk).work_report_on is None
        assert market.post(url + "work-report/", {"text": "2025年度行政执法工作情况……", "published_on": "2026-01-20",
                                                  "where": "武隆区政府网站"}).status_code == 302
        m_ret.refresh_from_db()
        assert str(m_ret.response_plan_on) == "2026-01-20" and str(m_ret.follow_up_on) == "2026-01-20"
        assert "报送并公开2025年度工作情况报告" not in inbox(liaisons["market"])

    with freeze_time("2026-02-03 09:00"):
        # the bureau's table: the market bureau on time, the city bureau named late (1 day after 2026-02-02)
        for user in (officer, leader):
            html = login(user).get("/admin/programme/wulong/2025/duties/").content.decode()
            assert "逾期机关（1个）：武隆区城市管理局" in html
            assert "2026-01-20完成，按时" in html and "未完成，已逾期1日" in html
            assert "2026-02-02前公开并报区司法局和上级主管部门（《行政执法统计年报制度》第三条）" in html
        # the officers' 我的待办 names the late agency; the liaison's shows its overdue duty
        item = card(inbox(officer), "2025年度统计年报、工作情况报告逾期：武隆区城市管理局")
        assert "2026-02-02" in item
        assert "已逾期" in card(inbox(liaisons["city"]), "报送并公开2025年度工作情况报告")
        # the liaison cannot read the bureau's table
        assert login(liaisons["city"]).get("/admin/programme/wulong/2025/duties/").status_code == 302

    with freeze_time("2026-02-05 09:00"):
        city = login(liaisons["city"])
        assert city.post(f"/admin/programme/returns/{c_ret.pk}/duties/work-report/", {
            "text": "2025年度工作情况报告。", "published_on": "2026-02-05", "where": "区政府网站"}).status_code == 302
        html = login(officer).get("/admin/programme/wulong/2025/duties/").content.decode()
        assert "2026-02-05完成，逾期3日" in html
