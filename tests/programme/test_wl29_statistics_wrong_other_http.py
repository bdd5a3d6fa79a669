"""004 行政执法统计年报制度 第六条第（二）项、第（四）项 over HTTP as the role users, the clock frozen: published data found
wrong, and another breach of the system, each handed into accountability with its own article, recorded on the
return and shown on the bureau's table; wrong data need figures reported; the facts must be written."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from programme.models import StatisticsBreach, StatisticsReturn
from tests.coordination.helpers import login
from tests.programme.test_wl1_statistics_accountability_http import FIGURES, people  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_wrong_published_data_and_other_breach_open_cases_with_their_articles(people):  # noqa: F811
    agencies, liaisons, officer = people
    off = login(officer)
    with freeze_time("2026-01-05 09:00"):
        assert off.post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        rets = {r.agency_id: r for r in StatisticsReturn.objects.all()}
        m_ret, c_ret = rets[agencies["market"].pk], rets[agencies["city"].pk]
    with freeze_time("2026-01-20 10:00"):
        # wrong data cannot be found before any figures were reported
        none = off.post(f"/admin/programme/returns/{m_ret.pk}/accountability/", {
            "violation": "wrong", "kind": "fault", "grounds": ["other"], "facts": "数据错误"})
        assert "该机关尚未报送统计数据，不能认定数据错误或篡改、虚构" in none.content.decode()
        market = login(liaisons["market"])
        assert market.post(f"/admin/programme/returns/{m_ret.pk}/", FIGURES).status_code == 302
        url = f"/admin/programme/returns/{m_ret.pk}/duties/"
        assert market.post(url + "plan/", {"text": "准备答问口径。"}).status_code == 302
        assert market.post(url + "publish/", {"published_on": "2026-01-20", "where": "武隆区政府网站",
                                              "superior_name": "重庆市市场监督管理局",
                                              "superior_sent_on": "2026-01-20"}).status_code == 302
    with freeze_time("2026-01-26 09:00"):
        m_url = f"/admin/programme/returns/{m_ret.pk}/accountability/"
        form = off.get(m_url).content.decode()
        assert "公开的行政执法数据错误、逾期并造成重大不良影响（第六条第（二）项）" in form
        assert "其他违反统计年报制度的行为（第六条第（四）项）" in form
        blank = off.post(m_url, {"violation": "wrong", "kind": "fault", "grounds": ["other"], "facts": " "})
        assert blank.status_code == 200 and not StatisticsBreach.objects.exists() and not Case.objects.exists()
        ok = off.post(m_url, {"violation": "wrong", "kind": "fault", "grounds": ["other"],
                              "facts": "公开的行政处罚件数12件实为21件，经媒体报道引起误解"})
        assert ok.status_code == 302, ok.content.decode()[-2000:]
        wrong = StatisticsBreach.objects.get(violation="wrong")
        assert wrong.article == "《行政执法统计年报制度》第六条第（二）项"
        assert wrong.found_on == dt.date(2026, 1, 26) and wrong.ret == m_ret
        assert wrong.case.matter.number == "武隆监案〔2026〕1号"
        assert wrong.case.matter.agency == agencies["market"] and wrong.case.intake_on == dt.date(2026, 1, 26)
        assert "依《行政执法统计年报制度》第六条第（二）项，对负有直接责任的主管人员和其他直接责任人追究责任" \
            in wrong.case.matter.facts
        # 第六条第（四）项: another breach by the city bureau, before its date has passed
        other = off.post(f"/admin/programme/returns/{c_ret.pk}/accountability/", {
            "violation": "other", "kind": "fault", "grounds": ["other"],
            "facts": "拒绝按区司法局要求提供统计台账"})
        assert other.status_code == 302, other.content.decode()[-2000:]
        row = StatisticsBreach.objects.get(violation="other")
        assert row.article == "《行政执法统计年报制度》第六条第（四）项"
        assert row.case.matter.number == "武隆监案〔2026〕2号" and row.case.matter.agency == agencies["city"]
        table = off.get("/admin/programme/wulong/2025/duties/").content.decode()
        assert ("公开的行政执法数据错误、逾期并造成重大不良影响（《行政执法统计年报制度》第六条第（二）项，2026-01-26）"
                in table)
        assert "其他违反统计年报制度的行为（《行政执法统计年报制度》第六条第（四）项，2026-01-26）" in table
        assert "武隆监案〔2026〕1号" in table and "武隆监案〔2026〕2号" in table
