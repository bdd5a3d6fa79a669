"""Breaches of the statistics system handed into accountability (004 行政执法统计年报制度 第六条), over HTTP as the
role users: a return not published by its date (第三条: 1月31日 2026 is a Saturday → Monday 2026-02-02) can be taken
up only once the date has passed (第六条第（一）项); falsified figures need figures reported (第六条第（三）项); each
breach recorded on the return with its article and the accountability case it opened, shown on the bureau's table."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Agency
from clocks.models import Clock
from programme.models import StatisticsBreach, StatisticsReturn
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import login

pytestmark = pytest.mark.django_db

FIGURES = {"c_penalty": 12, "c_permit": 30, "c_coercion": 1, "c_levy": 0, "c_inspection": 41, "c_ruling": 0,
           "c_payment": 0, "c_confirmation": 3, "c_reward": 0, "c_other": 0, "explanation": "数据来源于办案系统。"}


@pytest.fixture
def people(make_user):
    agencies, liaisons = {}, {}
    for key, name in (("market", "武隆区市场监督管理局"), ("city", "武隆区城市管理局")):
        agencies[key] = Agency.objects.create(jurisdiction="wulong", name=name)
        liaisons[key] = make_user(f"lx_{key}", LIAISON)
        StaffProfile.objects.create(user=liaisons[key], agency=agencies[key], jurisdiction="wulong")
    return agencies, liaisons, make_user("officer_wl", OFFICER)


def test_late_and_falsified_returns_open_accountability_cases(people):
    agencies, liaisons, officer = people
    off = login(officer)
    with freeze_time("2026-01-05 09:00"):
        assert off.post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        rets = {r.agency_id: r for r in StatisticsReturn.objects.all()}
        m_ret, c_ret = rets[agencies["market"].pk], rets[agencies["city"].pk]
    with freeze_time("2026-01-20 10:00"):
        market = login(liaisons["market"])
        assert market.post(f"/admin/programme/returns/{m_ret.pk}/", FIGURES).status_code == 302
        url = f"/admin/programme/returns/{m_ret.pk}/duties/"
        assert market.post(url + "plan/", {"text": "准备答问口径。"}).status_code == 302
        assert market.post(url + "publish/", {"published_on": "2026-01-20", "where": "武隆区政府网站",
                                              "superior_name": "重庆市市场监督管理局",
                                              "superior_sent_on": "2026-01-20"}).status_code == 302

    c_url = f"/admin/programme/returns/{c_ret.pk}/accountability/"
    with freeze_time("2026-02-02 15:00"):
        # the last day (Saturday 01-31 rolled to Monday 02-02): nothing is late yet
        form = off.get(c_url).content.decode()
        assert "违反统计年报制度应追究责任的情形（《行政执法统计年报制度》第六条）" in form
        assert "未按规定的时限和要求公开行政执法统计年报（第六条第（一）项）" in form
        early = off.post(c_url, {"violation": "late", "kind": "fault", "grounds": ["inaction"],
                                 "facts": "未公开统计年报。"})
        assert early.status_code == 200
        assert ("武隆区城市管理局的2025年度统计年报没有逾期的事项（截至2026-02-02），不能按《行政执法统计年报制度》"
                "第六条第（一）项追究责任") in early.content.decode()
        # falsified figures need figures
        none = off.post(c_url, {"violation": "falsified", "kind": "fault", "grounds": ["other"], "facts": "x"})
        assert "该机关尚未报送统计数据，不能认定数据错误或篡改、虚构" in none.content.decode()
        assert not Case.objects.exists() and not StatisticsBreach.objects.exists()
        # the liaison cannot hand off
        assert login(liaisons["city"]).get(c_url).status_code in (302, 403)

    with freeze_time("2026-02-03 09:00"):
        done = off.post(c_url, {"violation": "late", "kind": "fault", "grounds": ["inaction"],
                                "facts": "截至期限届满未公开2025年度统计年报，也未报送区司法局"})
        assert done.status_code == 302, done.content.decode()[-2000:]
        breach = StatisticsBreach.objects.get()
        case = breach.case
        assert breach.ret == c_ret and breach.found_on == dt.date(2026, 2, 3)
        assert breach.article == "《行政执法统计年报制度》第六条第（一）项"
        assert case.matter.agency == agencies["city"] and case.matter.number == "武隆监案〔2026〕1号"
        assert case.origin == "other" and case.kind == "fault" and case.intake_on == dt.date(2026, 2, 3)
        assert "逾期事项：报送区司法局、公开统计年报、报上级主管部门" in case.matter.facts
        assert "依《行政执法统计年报制度》第六条第（一）项，对负有直接责任的主管人员和其他直接责任人追究责任" \
            in case.matter.facts
        assert Clock.objects.get(subject_id=str(case.matter.pk), rule_key="fault_transfer_period").due_on == \
            dt.date(2026, 2, 5)
        again = off.post(c_url, {"violation": "late", "kind": "fault", "grounds": ["inaction"], "facts": "再次"})
        assert "已就“未按规定的时限和要求公开行政执法统计年报”转入责任追究，不能重复转入" in again.content.decode()
        # 第六条第（三）项: the market bureau's figures found falsified
        ok = off.post(f"/admin/programme/returns/{m_ret.pk}/accountability/", {
            "violation": "falsified", "kind": "fault", "grounds": ["other"],
            "facts": "行政检查件数虚报，实为14件"})
        assert ok.status_code == 302, ok.content.decode()[-2000:]
        falsified = StatisticsBreach.objects.get(violation="falsified")
        assert falsified.case.matter.number == "武隆监案〔2026〕2号"
        assert falsified.article == "《行政执法统计年报制度》第六条第（三）项"
        # the bureau's table names each breach with its article, date and file
        table = off.get("/admin/programme/wulong/2025/duties/").content.decode()
        assert "追究责任（《行政执法统计年报制度》第六条）" in table
        assert "未按规定的时限和要求公开行政执法统计年报（《行政执法统计年报制度》第六条第（一）项，2026-02-03）" in table
        assert "篡改、虚构行政执法数据（《行政执法统计年报制度》第六条第（三）项，2026-02-03）" in table
        assert "武隆监案〔2026〕1号" in table and "武隆监案〔2026〕2号" in table
