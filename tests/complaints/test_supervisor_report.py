"""A report about a supervisor's conduct (000 第十七条: the public may report to the bureau, which investigates
and feeds back the result), substantiated after collective review, feeds the dismissal proposal of the
supervisor lifecycle (000 第十八条第（二）项) — over HTTP with role users."""
import pytest
from django.test import Client
from freezegun import freeze_time

from complaints.models import ANSWERED, Complaint
from roles.definitions import LEADER, OFFICER
from supervisors.models import Dismissal
from tests.complaints.helpers import login, submit, valid_id
from tests.supervisors.lifecycle import recruit


@pytest.mark.django_db
def test_substantiated_report_about_a_supervisor_proposes_dismissal(site_tree, make_user):
    officer, officer2 = make_user("officer", OFFICER), make_user("officer2", OFFICER)
    leader = make_user("leader", LEADER)
    _, (term,) = recruit("wanzhou", officer, leader)
    supervisor = term.supervisor
    form = Client().get("/complaints/wanzhou/").content.decode()
    assert "被举报的监督员" in form and supervisor.name in form and 'name="agency"' not in form
    with freeze_time("2026-09-01 10:00"):
        _, number, code = submit(Client(), {
            "category": "supervisor", "name": "刘群众", "id_number": valid_id("50010119700101002"),
            "address": "重庆市万州区某路1号", "contact": "023-58812345", "supervisor": str(supervisor.pk),
            "request": "请求调查监督员收受当事人财物的行为。", "facts": "监督员在检查中收受商户购物卡。"},
            jurisdiction="wanzhou")
        assert number.startswith("万州投〔2026〕")
        complaint = Complaint.objects.get()
        officer_client = login(officer)
        assert officer_client.post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "accepted" and complaint.matter is None
        assert complaint.notices.get().article == "《万州区行政执法监督员管理办法》第十七条"
        assert officer_client.post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [officer.pk, officer2.pk], "no_interest": "on"}).status_code == 302
        assert officer_client.post(f"/admin/complaints/{complaint.pk}/opinion/", {
            "text": "经核实，监督员收受购物卡属实，违反第十一条纪律要求。"}).status_code == 302
        r = login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "局长、副局长", "outcome": "substantiated", "decision": "建议解聘。",
            "dismissal_ground": "discipline_breach"})
        assert r.status_code == 302
        assert officer_client.post(f"/admin/complaints/{complaint.pk}/reply/", {
            "text": "经查属实，已提出解聘建议。"}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ANSWERED
    dismissal = Dismissal.objects.get(supervisor=supervisor)
    assert dismissal.status == Dismissal.PROPOSED and dismissal.ground == "discipline_breach"
    assert dismissal.article == "《万州区行政执法监督员管理办法》第十八条第（二）项" or "第十八条第（二）项" in dismissal.article
    assert number in dismissal.statement and dismissal.proposed_by == officer
