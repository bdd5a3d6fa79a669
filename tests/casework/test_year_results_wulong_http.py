"""Wulong's results that feed the 全面依法治区 assessment (004 通报制度 第六条), over HTTP: an interference lapse
(干预 第十条) and an inspection poorly implemented (检查 第十条) recorded by the officer are counted per agency
in 年度监督结果 and its Excel, beside the items 第六条 deducts for; the workbench shows the year in one line."""
import io

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from programme.models import Activity
from tests.casework.test_year_results_http import NOW, results_data, row  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_lapses_and_poor_implementation_feed_the_results_and_the_workbench(results_data, staff):  # noqa: F811
    a, b = results_data["a"], results_data["b"]
    officer = Client()
    officer.force_login(staff["officer"])
    with freeze_time("2026-05-11 10:00"):
        assert officer.post("/admin/complaints/interference/lapses/new/", {
            "agency": a.pk, "officer_name": "周办案", "kind": "not_recorded", "found_on": "2026-05-11",
            "case_ref": "武隆市监罚〔2026〕90号", "facts": "说情未记录。"}).status_code == 302
        assert officer.post("/admin/programme/wulong/2026/activities/new/", {
            "kind": "inspection", "schedule": "periodic", "forms": "enforcement_check", "agency": b.pk,
            "held_on": "2026-05-08", "title": "定期检查",
            "mode": "desk", "has_problems": "on", "findings": "着装不规范。"}).status_code == 302
        activity = Activity.objects.get(title="定期检查")
        assert officer.post(f"/admin/programme/activities/{activity.pk}/followup/", {
            "outcome": "accountability", "decided_on": "2026-05-11", "note": "逾期未整改着装问题。"}).status_code == 302
    with freeze_time(NOW):
        page = officer.get("/admin/casework/year/2026/results/?jurisdiction=wulong").content.decode()
        assert "<th scope=\"col\">干预插手案件不记录或不如实记录</th>" in page
        assert "<th scope=\"col\">检查决定未按期落实或落实不力</th>" in page
        assert row(page, a.pk) == ["2", "1", "1", "0", "2", "2", "0", "1", "0", "0", "1", "0", "0", "2"]
        assert row(page, b.pk) == ["1", "0", "1", "0", "1", "0", "0", "0", "1", "1", "0", "1", "0", "2"]
        sheet = officer.get("/admin/casework/year/2026/results.xlsx?jurisdiction=wulong")
        rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
        assert rows[2] == ("重庆市武隆区", "武隆区城市管理局", 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 2)
        assert rows[3] == ("重庆市武隆区", "武隆区市场监督管理局", 2, 1, 1, 0, 2, 2, 0, 1, 0, 0, 1, 0, 0, 2)
        home = officer.get("/admin/").content.decode()
    assert ("2026年度纳入考核的监督结果：被通报1项、逾期未整改3项、投诉举报查证属实2件、统计年报逾期报送1件、"
            "统计年报逾期未报送1件、干预插手不记录或不如实记录1次、检查决定落实不力1项、经审核认定整改落实不力0项") in home
