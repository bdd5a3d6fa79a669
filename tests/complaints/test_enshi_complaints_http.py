"""Enshi complaints (issue 24 item 1, 003 第十条第二款) over HTTP as the role users with a frozen clock: the public form
takes a complaint with Enshi's particulars (姓名 and 联系方式; no ID number: 办法未规定, the reading on screen), the
status lookup shows Enshi's dates, and the complaint runs acceptance → investigators → opinion → collective review →
reply with Enshi's figures (7 working days / 30 days, each cited to 第十条第二款 with its reading)."""
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency
from clocks.models import Clock
from complaints.models import Complaint, Notice
from decisions.models import DecisionRecord
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.complaints.helpers import login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db
ENSHI_ARTICLE = "《恩施土家族苗族自治州行政执法监督办法》第十条第二款"


@pytest.fixture
def enshi(db, make_user):
    agency = Agency.objects.create(jurisdiction="enshi", name="恩施州交通运输局", head_name="田局长")
    liaison = make_user("lx_es", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency)
    return {"agency": agency, "liaison": liaison,
            "officer": make_user("es_officer1", OFFICER, first_name="向经办"),
            "officer2": make_user("es_officer2", OFFICER, first_name="谭经办"),
            "leader": make_user("es_leader", LEADER, first_name="覃局长")}


def public_data(agency, **extra) -> dict:
    data = {"category": "enforcement", "name": "杨明", "contact": "13907180001", "agency": str(agency.pk),
            "ground": "uncivil", "request": "请求查处执法人员粗暴执法。",
            "facts": "2026年10月30日，执法人员在恩施城区检查货车时推搡驾驶员，未出示执法证件。"}
    data.update(extra)
    return data


def test_public_complaint_runs_to_the_reply_with_enshis_dates_and_readings(enshi):
    officer, officer2, leader = enshi["officer"], enshi["officer2"], enshi["leader"]
    with freeze_time("2026-11-02 10:00"):
        form = Client().get("/complaints/enshi/")
        html = form.content.decode()
        assert form.status_code == 200 and "恩施州司法局 行政执法投诉举报" in html
        assert ("投诉举报应当提供：姓名、联系方式、明确的被投诉举报机关或行政执法人员、具体的投诉举报请求事项和事实依据"
                f"（{ENSHI_ARTICLE}；办法未规定投诉举报应当提供的内容") in html
        assert "自收到之日起7个工作日内审核决定是否受理（办法未规定这一期限，按下述平台的理解执行）" in html
        assert "办法未规定受理审核期限" in html
        assert "也可以拨打12345政务服务便民热线反映（《恩施土家族苗族自治州行政执法监督办法》第十条）" in html
        assert "粗暴、野蛮等不文明执法（第三十二条第（二）项）" in html
        # no ID number and no address: Enshi's reading asks for name and contact only
        client = Client()
        response = client.post("/complaints/enshi/", public_data(enshi["agency"]))
        assert response.status_code == 302
        receipt = client.get(response["Location"]).content.decode()
        number = re.search(r"受理编号：<span class=\"cp-code\">([^<]+)</span>", receipt).group(1)
        code = re.search(r"查询码：<span class=\"cp-code\">([^<]+)</span>", receipt).group(1)
        assert number == "恩施投〔2026〕1号"
        complaint = Complaint.objects.get()
        assert complaint.id_number == "" and complaint.address == ""
        # a complaint without a contact is refused in Chinese, nothing stored
        missing = Client().post("/complaints/enshi/", public_data(enshi["agency"], contact="", facts="另一件事"))
        assert missing.status_code == 200 and "请填写联系方式。" in missing.content.decode()
        assert Complaint.objects.count() == 1
        # 受理审核 in the officers' 待办: 7 working days from 2026-11-02, cited to 第十条第二款
        item = card(inbox(officer), "受理审核")
        assert "恩施投〔2026〕1号" in item and "期限：2026-11-11" in item
        lookup = Client().post("/complaints/enshi/status/", {"receipt_number": number, "code": code}).content.decode()
        assert "已收到，待审核" in lookup and "2026-11-11" in lookup and "杨明" not in lookup
        screen = login(officer).get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "办法未规定受理审核期限，平台的理解：参照武隆投诉举报制度" in screen
        assert "办法未规定办结期限，平台的理解：参照武隆投诉举报制度，自受理之日起30日内办结" in screen

    with freeze_time("2026-11-04 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "accepted" and complaint.matter.number.startswith("恩施监案〔2026〕")
        finish = Clock.objects.get(rule_key="complaint_finish_period")
        assert finish.due_on.isoformat() == "2026-12-04" and finish.article == "第十条第二款"
        notice = Notice.objects.get(kind="complaint_acceptance")
        assert "自受理之日起30日内办结，即于2026年12月4日前办结" in notice.body
        assert notice.doc_number == "恩施投受〔2026〕1号" and notice.article == ENSHI_ARTICLE
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/investigators/", {"users": [officer.pk],
                                                                                     "no_interest": "on"})
        page = r.content.decode()
        assert r.status_code == 400 and ("应当确定2名以上调查人员（《恩施土家族苗族自治州行政执法监督办法》"
                                         "第二十四条第（一）项），请至少选择2人。") in page
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [officer.pk, officer2.pk], "no_interest": "on"})
        assert r.status_code == 302
        assert "期限：2026-12-04" in card(inbox(officer), "调查并提出初步处理意见")

    with freeze_time("2026-11-16 09:00"):
        assert login(officer2).post(f"/admin/complaints/{complaint.pk}/opinion/",
                                    {"text": "执法人员推搡驾驶员属实。"}).status_code == 302
        review_screen = login(leader).get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert f"领导集体讨论审定（{ENSHI_ARTICLE}）" in review_screen
        r = login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "覃局长、冉副局长", "outcome": "substantiated", "decision": "责令批评教育并规范执法。"})
        assert r.status_code == 302
        record = DecisionRecord.objects.get(title__startswith="投诉举报集体审定")
        assert record.article == ENSHI_ARTICLE and record.decided_on.isoformat() == "2026-11-16"

    with freeze_time("2026-11-20 09:00"):
        assert "期限：2026-12-04" in card(inbox(officer), "告知处理结果并归档")
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/reply/", {"text": "经查属实，已责令整改。"})
        assert r.status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "answered" and complaint.answered_on.isoformat() == "2026-11-20"
        reply = Notice.objects.get(kind="complaint_reply")
        assert reply.doc_number == "恩施投复〔2026〕1号" and reply.article == ENSHI_ARTICLE
        finish.refresh_from_db()
        assert finish.status == "met"
        lookup = Client().post("/complaints/enshi/status/", {"receipt_number": number, "code": code}).content.decode()
        assert "已办结并告知" in lookup


def test_a_jurisdiction_without_a_public_procedure_still_shows_its_closed_page(db):
    r = Client().get("/complaints/weihai/")
    assert r.status_code == 200 and "本辖区暂未开通网上投诉举报" in r.content.decode()
