"""Need-to-know in an accountability case against an agency's staff (004 行政执法过错纠正和责任追究制度
第十条; casework.visibility), over HTTP per role. A case the bureau runs: the agency sees nothing of it — not
even that it exists — until the decision is issued to it; then it sees the decision, never who investigated.
(A case the agency runs itself, 过错 第五条: tests/accountability/test_agency_own_accountability_http.py.)"""
import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from roles.definitions import LEADER, OFFICER, SUPERVISOR
from tests.casework.need_to_know import absent, login, page, present, refused
from tests.coordination.helpers import agency_with_liaison, do_task

pytestmark = pytest.mark.django_db

TITLE = "某食品经营户行政处罚案执法过错"
INTERNAL = ("刘洋、陈静", "调查组", "属本单位管辖", "调查终结", "行政处罚决定被人民法院判决撤销")


def test_a_case_against_the_agencys_staff_is_hidden_until_the_decision_is_issued(make_user):
    agency, lx = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_a")
    _, lx_other = agency_with_liaison(make_user, "武隆区城市管理局", "lx_b")
    officer, leader, supervisor = make_user("officer", OFFICER), make_user("leader", LEADER), make_user("sup", SUPERVISOR)
    off, lead = login(officer), login(leader)
    intake = {"kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["procedure", "facts"],
              "title": TITLE, "facts": "行政处罚决定被人民法院判决撤销。", "intake_on": "2026-09-03"}
    with freeze_time("2026-09-03 09:00") as frozen:
        # another agency's liaison cannot take in a case against this agency's staff (过错 第五条: only its own)
        assert login(lx_other).post("/admin/accountability/intake/", intake).status_code == 200
        assert not Case.objects.exists()
        assert off.post("/admin/accountability/intake/", intake).status_code == 302
        matter = Case.objects.get().matter
        url = f"/admin/casework/{matter.pk}/"
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "未告知陈述申辩权利，主要证据不足。",
            "p0_name": "张明", "p0_position": "主办人员", "p0_share": "main"})

        # at intake and under investigation: not in the agency's list, the file refused with the reason
        liaison = login(lx)
        absent(page(liaison, "/admin/casework/"), TITLE, matter.number)
        refused(liaison, url, "您无权查看该监督事项：执法机关联络员只能查看送达本机关的事项。")
        for user in (officer, leader):
            present(page(login(user), url), TITLE, "刘洋、陈静", "行政处罚决定被人民法院判决撤销")

        frozen.move_to("2026-09-07 15:00")
        pk = Case.objects.get().persons.get().pk
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会，局长、分管副局长、法制科长参加", f"s_{pk}": ["correct", "criticism"],
            f"c_{pk}": "gross", f"h_{pk}": "rights"})
        decision = Document.objects.get(matter=matter, kind="accountability_decision")
        assert decision.doc_number == "武隆追决〔2026〕1号" and decision.addressee == "武隆区市场监督管理局"

        # the decision is issued to the agency: it sees the file, the decision to sign for, never the team
        html = page(login(lx), url)
        present(html, "武隆追决〔2026〕1号", "签收", "张明")
        absent(html, *INTERNAL)
        present(page(login(lx), "/admin/casework/"), matter.number)
        assert login(lx).get(f"/admin/casework/files/document/{decision.pk}.pdf").status_code == 200
        # another agency and a supervisor: never
        refused(login(lx_other), url, "您无权查看该监督事项：执法机关联络员只能查看送达本机关的事项。")
        refused(login(supervisor), url, "您无权查看该监督事项。")
        present(page(off, url), "刘洋、陈静", "武隆追决〔2026〕1号")
