"""The clock list shows any window: due within 7 or 30 days, overdue, all running (issue 23 item 5)."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from clocks.services import clock_start, clock_stop
from rules.profiles import get_profile


@pytest.mark.django_db
def test_clock_list_window_filter(make_user):
    officer = make_user("officer", "司法局经办人")
    holder = make_user("holder", "司法局经办人")  # any model instance can carry a clock
    wulong = get_profile("wulong")
    # complaint_accept_period: 7 working days (004 投诉举报制度 第七条)
    late = clock_start(subject=holder, profile=wulong, rule_key="complaint_accept_period",
                       started_on=dt.date(2026, 9, 28), label="甲件受理审核")       # due 2026-10-13
    near = clock_start(subject=holder, profile=wulong, rule_key="complaint_accept_period",
                       started_on=dt.date(2026, 10, 12), label="乙件受理审核")      # due 2026-10-21
    far = clock_start(subject=holder, profile=wulong, rule_key="complaint_finish_period",
                      started_on=dt.date(2026, 10, 14), label="丙件办结期限")       # due 2026-11-13
    done = clock_start(subject=holder, profile=wulong, rule_key="complaint_accept_period",
                       started_on=dt.date(2026, 10, 12), label="丁件受理审核")
    clock_stop(clock=done)
    assert (late.due_on, near.due_on, far.due_on) == (dt.date(2026, 10, 13), dt.date(2026, 10, 21),
                                                     dt.date(2026, 11, 13))
    client = Client()
    client.force_login(officer)
    with freeze_time("2026-10-15 10:00"):
        def listed(window):
            html = client.get("/admin/clocks/", {"window": window}).content.decode()
            return {name for name in ("甲件", "乙件", "丙件", "丁件") if name in html}

        assert listed("7") == {"乙件"}
        assert listed("30") == {"乙件", "丙件"}
        assert listed("overdue") == {"甲件"}
        assert listed("running") == {"甲件", "乙件", "丙件"}
        assert listed("") == {"甲件", "乙件", "丙件", "丁件"}
        assert "时间窗口" in client.get("/admin/clocks/").content.decode()
