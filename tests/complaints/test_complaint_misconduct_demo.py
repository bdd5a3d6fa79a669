"""Demo content for 004 投诉举报制度 第十三条 (retaliation → accountability in the complaint's file) and 第十五条
(the bureau's own investigator → a case against the bureau's staff, no agency in that file); idempotent."""
import datetime as dt

import pytest
from freezegun import freeze_time

from complaints.models import ComplaintMisconduct


@pytest.mark.django_db
def test_demo_retaliation_and_bureau_staff_handoffs(site_tree):
    from casework.demo import load_agencies
    from complaints.demo import load_complaint_misconduct, load_complaints
    from demo.site_tree import load_users

    load_users()
    load_agencies()
    with freeze_time("2026-11-27 10:00"):
        load_complaints()
        assert load_complaint_misconduct() == \
            "投诉举报办理中打击报复（第十三条）、受理机关工作人员违法（第十五条）转入责任追究各 1 件"
        assert load_complaint_misconduct() == "已有投诉举报办理中追究责任的演示数据"
    retaliation = ComplaintMisconduct.objects.get(kind="retaliation")
    handler = ComplaintMisconduct.objects.get(kind="handler")
    assert retaliation.article == "《行政执法投诉举报制度》第十三条"
    assert retaliation.case.matter_id == retaliation.complaint.matter_id
    assert retaliation.case.matter.agency.name == "武隆区市场监督管理局"
    assert handler.article == "《行政执法投诉举报制度》第十五条" and handler.found_on == dt.date(2026, 11, 27)
    assert handler.case.matter.agency_id is None
    assert handler.case.matter.respondent_name == "武隆区司法局（本机关工作人员）"
