"""The workbench's 预警 and 本周到期 for bureau staff (issue 28: read in two clock queries, 本周到期 being the start of
the clocks due from today): the overdue clocks, those due within 3 working days, and this week's (to Sunday) — a
clock due next Monday is soon but not this week's, one due in a month is in neither."""
import datetime as dt
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from clocks.models import Clock


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_warnings_and_this_week(staff, matter):
    for label, due in (("甲时限", dt.date(2026, 9, 21)), ("乙时限", dt.date(2026, 9, 25)),
                       ("丙时限", dt.date(2026, 9, 28)), ("丁时限", dt.date(2026, 10, 23))):
        Clock.objects.create(subject=matter, label=label, profile_code="wulong", rule_key="letter_rectify_period",
                             source="003", article="第十四条", started_on=dt.date(2026, 9, 1), n=10, unit="working_days",
                             due_on=due)
    client = Client()
    client.force_login(staff["officer"])
    with freeze_time("2026-09-23 02:00"):  # a Wednesday: the week ends on Sunday 2026-09-27; Friday 25th is 中秋节
        html = client.get("/admin/").content.decode()
    warn = _text(html.split('id="workbench-warn"', 1)[1].split('id="workbench-week"', 1)[0])
    week = _text(html.split('id="workbench-week"', 1)[1].split("</section>", 1)[0])
    overdue, rest = warn.split("3个工作日内到期", 1)
    soon = rest.split("暂定日期", 1)[0]
    assert "已逾期：1 项" in overdue and "甲时限 届满日 2026-09-21" in overdue and "已逾期2个工作日" in overdue
    assert "乙时限 届满日 2026-09-25 · 剩余1个工作日" in soon and "丙时限 届满日 2026-09-28 · 剩余2个工作日" in soon
    assert "丁时限" not in soon and "甲时限" not in soon
    assert "本周到期（至2026-09-27）" in week
    assert "乙时限 届满日 2026-09-25" in week
    assert "丙时限" not in week and "丁时限" not in week and "甲时限" not in week
