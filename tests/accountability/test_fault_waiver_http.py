"""免予处理 (《行政执法过错纠正和责任追究制度》第九条): a person found liable (第二条: gross negligence causing harm) may be
spared any sanction with one of 第九条's circumstances — only with one chosen and with no sanction; without the
finding there is nothing to spare. Over HTTP as the role users, the clock frozen; the decision, the person's record
and the case screen state it with the article.

Calendar 2026: intake Thursday 09-03, decision Monday 09-07."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login

pytestmark = pytest.mark.django_db

FAULT = "《行政执法过错纠正和责任追究制度》"


def test_a_liable_person_is_spared_only_with_an_article_nine_circumstance(make_user):
    agency, _lx = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_waive")
    zhou = make_user("zhouqiang", LIAISON)
    StaffProfile.objects.create(user=zhou, agency=agency)
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-09-03 09:00") as frozen:
        r = off.post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["procedure"],
            "title": "某餐馆行政处罚案执法过错", "facts": "行政处罚决定被人民法院判决撤销。", "intake_on": "2026-09-03"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        case = Case.objects.get()
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {"team": "刘洋、陈静", "findings": "未告知陈述申辩权利。",
                                                "p0_name": "周强", "p0_username": "zhouqiang",
                                                "p0_position": "承办人员", "p0_share": "sole"})
        person = case.persons.get()
        frozen.move_to("2026-09-07 15:00")
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        page = lead.get(url).content.decode()
        assert f"周强：免予处理（{FAULT}第九条，须选定上列情形之一，不选处理方式）" in page
        base = {"discussion": "2026年9月7日局务会", f"c_{person.pk}": "gross", f"h_{person.pk}": "rights",
                f"w_{person.pk}": "on"}
        refusals = [
            ({}, f"对周强免予处理，须选定从轻、减轻或免予处理情形之一（{FAULT}第九条）。"),
            ({f"m_{person.pk}": ["self_corrected"], f"s_{person.pk}": ["correct"]},
             f"对周强免予处理的，不再选择处理方式（{FAULT}第九条）。"),
            ({f"m_{person.pk}": ["self_corrected"], f"c_{person.pk}": ""},
             f"未认定周强的过错责任的，不承担过错责任，无需免予处理（{FAULT}第二条、{FAULT}第九条）。"),
        ]
        for extra, message in refusals:
            refused = lead.post(url, {**base, **extra})
            assert refused.status_code == 200 and message in refused.content.decode()
            assert not DecisionRecord.objects.exists() and not Document.objects.exists()
            assert Case.objects.get().decided_on is None
        ok = lead.post(url, {**base, f"m_{person.pk}": ["self_corrected"]})
        assert ok.status_code == 302, ok.content.decode()[-3000:]

    person.refresh_from_db()
    assert person.exemption == "fault_waiver" and person.sanctions == [] and person.culpability == "gross"
    record = DecisionRecord.objects.get(party_user=zhou)
    assert record.outcome == "免予处理" and record.decided_on == dt.date(2026, 9, 7)
    stated = f"从轻、减轻情形：主动认识并自觉纠正执法过错（第九条第（一）项）。免予处理（{FAULT}第九条）。"
    assert stated in record.body
    assert "主观过错：重大过失（第二条）" in record.body
    decision = Document.objects.get(kind="accountability_decision")
    assert decision.doc_number == "武隆追决〔2026〕1号" and stated in decision.body
    with freeze_time("2026-09-08 09:00"):
        assert "免予处理（第九条）" in off.get(f"/admin/casework/{case.matter_id}/").content.decode()
        assert "免予处理" in login(zhou).get("/admin/accountability/mine/").content.decode()
