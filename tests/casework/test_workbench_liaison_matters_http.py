"""A liaison's workbench (issue 28): its agency's open matters and those naming it a party (a coordination dispute's
other agencies), each counted once however many parties a matter names."""
import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from casework import services
from flows.badge import bump

pytestmark = pytest.mark.django_db


def test_a_liaison_sees_its_agencys_and_its_party_matters_each_once(staff, make_agency):
    market = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    city = make_agency("武隆区城市管理局", liaison="lx_cg")
    traffic = make_agency("武隆区交通运输局", liaison="lx_jt")
    officer = staff["officer"]
    with freeze_time("2026-09-21 10:00"):
        for k in range(11):  # eleven of its own: ten listed, eleven counted
            services.matter_open(by=officer, agency=market, source="inspection", title=f"第{k + 1}件抽查事项",
                                 facts="抽查案卷。", process="letter", opened_on=dt.date(2026, 9, 1) + dt.timedelta(days=k))
        # disputes naming other agencies as parties: its own (two parties) counted once, another's naming it seen
        own = services.matter_open(by=officer, agency=market, source="inspection", title="市场与城管职责争议",
                                   facts="执法职责争议。", process="coordination", opened_on=dt.date(2026, 9, 14))
        own.parties.add(city, traffic)
        other = services.matter_open(by=officer, agency=city, source="inspection", title="城管与交通职责争议",
                                     facts="执法职责争议。", process="coordination", opened_on=dt.date(2026, 9, 15))
        other.parties.add(market, traffic)
        services.matter_open(by=officer, agency=traffic, source="inspection", title="他机关事项", facts="抽查案卷。",
                             process="letter", opened_on=dt.date(2026, 9, 16))
        client = Client()
        client.force_login(market.staff_profiles.get().user)
        assert client.get("/admin/").status_code == 200  # the first request fills the process's caches
        bump()
        with CaptureQueriesContext(connection) as ctx:
            html = client.get("/admin/").content.decode()
    assert "本机关办理中的监督事项（13）" in html
    assert "他机关事项" not in html
    assert html.index("城管与交通职责争议") < html.index("市场与城管职责争议") < html.index("第11件抽查事项") \
        < html.index("第4件抽查事项")
    assert "第3件抽查事项" not in html  # the eleventh to thirteenth: counted, not listed
    assert "监督建议书（意见书）：<strong>11</strong> 件办理中" in html
    assert "争议协调：<strong>2</strong> 件办理中" in html  # a matter once, whatever the number of its parties
    sqls = [q["sql"] for q in ctx.captured_queries]
    # the matters listed without a DISTINCT over a join to the parties (casework.visibility: a UNION of ids)
    listed = [s for s in sqls if 'FROM "casework_matter"' in s and "LIMIT 10" in s]
    assert len(listed) == 1 and "DISTINCT" not in listed[0] and "UNION" in listed[0]
