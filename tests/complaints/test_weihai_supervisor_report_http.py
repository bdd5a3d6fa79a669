"""001 第十三条 over HTTP with role users: in Weihai only the enforcement agencies and their officers report a social
supervisor's breach of discipline to the bureau — no public channel; the bureau's officer enters the agency's letter,
the report runs the same process (accepted citing 第十三条), and found true it proposes the dismissal on 第十六条
第（八）项. Weihai's rules provide no referral to another department (第十六条), so the one referral door refuses it."""
import pytest
from django.test import Client
from freezegun import freeze_time

from complaints.models import ANSWERED, Complaint
from referrals.models import Referral
from roles.definitions import LEADER, OFFICER
from supervisors.models import Dismissal
from tests.complaints.helpers import login, valid_id
from tests.supervisors.lifecycle import recruit

WEIHAI = "《威海市行政执法社会监督员管理办法》"


@pytest.mark.django_db
def test_an_agency_reports_a_weihai_supervisors_breach_through_the_bureau(site_tree, make_user):
    officer, officer2 = make_user("officer", OFFICER), make_user("officer2", OFFICER)
    leader = make_user("leader", LEADER)
    _, (term,) = recruit("weihai", officer, leader)
    supervisor = term.supervisor
    closed = Client().get("/complaints/weihai/").content.decode()
    assert "本辖区暂未开通网上投诉举报。" in closed and supervisor.name not in closed
    with freeze_time("2026-09-01 10:00"):
        entry = login(officer).post("/admin/complaints/new/?jurisdiction=weihai", {
            "jurisdiction": "weihai", "channel": "letter", "received_on": "2026-08-31", "category": "supervisor",
            "supervisor": str(supervisor.pk), "name": "威海市市场监督管理局法制科", "id_number": valid_id("37100219800101001"),
            "address": "山东省威海市环翠区某路1号", "contact": "0631-5201234",
            "request": "请求核查社会监督员在检查中收受当事人财物的行为。",
            "facts": "2026年8月20日联合检查中，该监督员收受被检查单位赠送的购物卡。"})
        assert entry.status_code == 302, entry.content.decode()
        complaint = Complaint.objects.get()
        assert complaint.category == "supervisor" and complaint.supervisor == supervisor
        client = login(officer)
        assert client.post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        complaint.refresh_from_db()
        assert complaint.notices.get().article == f"{WEIHAI}第十三条"
        assert client.post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [officer.pk, officer2.pk], "no_interest": "on"}).status_code == 302
        assert client.post(f"/admin/complaints/{complaint.pk}/opinion/", {
            "text": "经核实，收受购物卡属实。"}).status_code == 302
        assert login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "局长、副局长", "outcome": "substantiated", "decision": "建议解聘。",
            "dismissal_ground": "gifts"}).status_code == 302
        assert client.post(f"/admin/complaints/{complaint.pk}/reply/", {
            "text": "经查属实，已提出解聘建议。"}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ANSWERED
    dismissal = Dismissal.objects.get(supervisor=supervisor)
    assert dismissal.status == Dismissal.PROPOSED and dismissal.ground == "gifts"
    assert dismissal.article == f"{WEIHAI}第十六条第（三）项"
    assert complaint.receipt_number in dismissal.statement

    refused = login(officer).post(f"/admin/supervisor-duties/referrals/{complaint.pk}/",
                                  {"department": "市纪委监委", "facts": "收受购物卡"})
    assert "山东省威海市的办法未规定将监督员违法违纪行为移送相关部门，不能办理（" in refused.content.decode()
    assert f"{WEIHAI}第十六条：办法未规定移送" in refused.content.decode()
    assert not Referral.objects.exists()
