"""An agency runs its own accountability case (004 过错纠正和责任追究制度 第五条, 错案责任倒查问责制度 第四条):
its legal unit (the agency's liaison) takes the case in, screens, investigates and records the collective
decision, then hands the person over to the supervisory organ with a 移送函; the bureau sees and supervises
(read-only) and may take a case over by a recorded decision; another agency's liaison sees nothing.

Calendar 2026: intake Thursday 09-03; the 2-day transfer period (过错 第十条第（一）项) ends Saturday 09-05 →
Monday 09-07; a decision on Monday 09-07 leaves until 10-07 (National Day) → 10-08 to order a re-investigation."""
import datetime as dt
import re

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document, DocumentSequence
from clocks.models import Clock
from decisions.models import DecisionRecord
from referrals.models import Referral
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db


def clock(matter, rule_key):
    return Clock.objects.filter(subject_id=str(matter.pk), rule_key=rule_key).order_by("-pk").first()


def own_task(user, title, data):
    """The step assigned to the agency's legal unit: from its 我的待办 card to the task screen, then submitted."""
    client = login(user)
    item = card(inbox(user), title)
    url = re.search(r'href="(/workflow/[^"]+)"', item).group(1)
    page = client.get(url)
    if page.status_code == 302:  # the card led to a claim/confirmation; follow it
        url = page["Location"]
        page = client.get(url)
    assert page.status_code == 200, page
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return response


def intake(client, agency, title):
    return client.post("/admin/accountability/intake/", {
        "kind": "fault", "agency": agency.pk, "origin": "complaint", "grounds": ["procedure"],
        "title": title, "facts": "执法人员未告知当事人陈述申辩权利。", "intake_on": "2026-09-03"})


def test_the_agency_runs_its_own_case_and_hands_it_over_the_bureau_supervises(make_user):
    agency, unit = agency_with_liaison(make_user, "武隆区市场监督管理局", "fz_scj")
    agency.doc_code = "武隆市监"  # its own 发文机关代字 (执法机关名录)
    agency.save()
    other, stranger = agency_with_liaison(make_user, "武隆区城市管理局", "fz_cgj")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    with freeze_time("2026-09-03 09:00") as frozen:
        # the legal unit's intake screen offers its own agency only
        page = login(unit).get("/admin/accountability/intake/").content.decode()
        assert "武隆区市场监督管理局" in page and "武隆区城市管理局" not in page
        # another agency's legal unit cannot take in a case against this agency's staff
        refused = intake(login(stranger), agency, "越权受理")
        assert refused.status_code == 200 and not Case.objects.filter(matter__title="越权受理").exists()

        response = intake(login(unit), agency, "某超市行政处罚案执法过错")
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get(matter__title="某超市行政处罚案执法过错")
        matter = case.matter
        assert case.run_by == "agency" and matter.agency == agency
        assert clock(matter, "fault_transfer_period").due_on == dt.date(2026, 9, 7)

        # the step waits on the legal unit, not on the bureau's officers, and not on the other agency
        assert "审查管辖" in inbox(unit)
        assert matter.title not in inbox(officer) and matter.title not in inbox(stranger)
        # need-to-know: the other agency sees nothing of the file, nor in the list of agencies' own cases
        assert login(stranger).get(f"/admin/casework/{matter.pk}/").status_code in (302, 403)
        assert matter.title not in login(stranger).get("/admin/accountability/agency-cases/").content.decode()
        # the legal unit sees its whole file (facts included); the bureau sees it and who runs it
        own_page = login(unit).get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "执法人员未告知当事人陈述申辩权利。" in own_page
        bureau_page = login(officer).get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "武隆区市场监督管理局法制工作机构" in bureau_page and "过错 第五条" in bureau_page
        listing = login(officer).get("/admin/accountability/agency-cases/").content.decode()
        assert "某超市行政处罚案执法过错" in listing and "行政执法机关法制工作机构办理" in listing

        own_task(unit, "审查管辖", {"competent": "yes"})
        assert clock(matter, "fault_transfer_period").status == "met"
        own_task(unit, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "未告知陈述申辩权利。",
            "p0_name": "张明", "p0_position": "主办人员", "p0_share": "sole"})
        person = case.persons.get(active=True)
        # read-only for the bureau: its officer and leader cannot perform the agency's step
        assert "领导集体讨论作出处理决定" not in inbox(leader)
        frozen.move_to("2026-09-07 15:00")
        own_task(unit, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会集体讨论", f"s_{person.pk}": ["criticism", "sanction"],
            f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"})
        decision = Document.objects.get(matter=matter, kind="accountability_decision")
        assert decision.issued_on == dt.date(2026, 9, 7) and decision.issued_by == unit
        # the agency issues in its own name: its own 代字 and number sequence, not the bureau's (过错 第五条)
        assert decision.doc_number == "武隆市监追决〔2026〕1号"
        assert clock(matter, "fault_reinvestigation_period").due_on == dt.date(2026, 10, 8)

        # 过错 第五条: handed over to the supervisory organ for the sanction, with its 移送函 — through the one referral
        # door (referrals.services.refer), which lets the agency's legal unit decide on the case it runs itself
        frozen.move_to("2026-09-08 10:00")
        client = login(unit)
        assert "移送（" in client.get(f"/admin/casework/{matter.pk}/").content.decode()
        url = f"/admin/referrals/matter/{matter.pk}/accountability/"
        empty = client.post(url, {"destination": "supervisory", "to": "", "reasons": ""})
        assert empty.status_code == 200 and not Referral.objects.exists()
        done = client.post(url, {"destination": "supervisory", "to": "武隆区监察委员会", "persons": "张明",
                                 "reasons": "建议对张明给予政务处分。"})
        assert done.status_code == 302, done.content.decode()[-2000:]
        referral = Referral.objects.get(matter=matter)
        letter = referral.document
        assert (letter.kind, letter.addressee, letter.issued_on) == ("matter_referral", "武隆区监察委员会",
                                                                     dt.date(2026, 9, 8))
        assert letter.doc_number == "武隆市监移〔2026〕1号" and "第五条" in letter.article
        assert not DocumentSequence.objects.filter(issuer="", kind="matter_referral").exists()  # the bureau's untouched
        # the other agency cannot refer (nor see) this case, nor can the bureau before it takes the case over
        assert login(stranger).post(url, {"destination": "personnel", "to": "某局", "reasons": "x"}).status_code in (
            302, 403, 404)
        assert login(leader).post(url, {"destination": "personnel", "to": "某局", "reasons": "x"}).status_code == 403
        assert Referral.objects.count() == 1
        page = login(officer).get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "武隆区监察委员会" in page and "武隆市监移〔2026〕1号" in page
        assert "移送（" not in login(leader).get(f"/admin/casework/{matter.pk}/").content.decode()  # the unit acts


def test_the_bureau_takes_over_an_agency_case_by_a_recorded_decision(make_user):
    agency, unit = agency_with_liaison(make_user, "武隆区市场监督管理局", "fz_scj")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    with freeze_time("2026-09-03 09:00") as frozen:
        assert intake(login(unit), agency, "某药店行政处罚案执法过错").status_code == 302
        case = Case.objects.get()
        # an officer may not decide a take-over; a leader may, with a reason
        assert login(officer).get(f"/admin/accountability/{case.pk}/take-over/").status_code in (302, 403)
        lead = login(leader)
        assert "司法局接办" in lead.get(f"/admin/casework/{case.matter_id}/").content.decode()
        blank = lead.post(f"/admin/accountability/{case.pk}/take-over/", {"reason": ""})
        assert blank.status_code == 200 and Case.objects.get().run_by == "agency"
        frozen.move_to("2026-09-04 10:00")
        response = lead.post(f"/admin/accountability/{case.pk}/take-over/",
                             {"reason": "案情涉及本机关负责人，由司法局办理。"})
        assert response.status_code == 302, response.content.decode()[-2000:]
        case.refresh_from_db()
        assert (case.run_by, case.taken_over_on) == ("bureau", dt.date(2026, 9, 4))
        record = DecisionRecord.objects.get(process_kind="accountability", outcome="司法局接办")
        assert record.decided_on == dt.date(2026, 9, 4) and "第二条" in record.article
        # the waiting step left the legal unit and waits on the bureau's officers
        assert "审查管辖" not in inbox(unit)
        assert "审查管辖" in inbox(officer)
        from tests.coordination.helpers import do_task

        do_task(login(officer), "审查管辖", {"competent": "yes"})
        case.refresh_from_db()
        assert case.state == "investigating"
        # a second take-over is refused in Chinese
        again = lead.post(f"/admin/accountability/{case.pk}/take-over/", {"reason": "再次"})
        assert again.status_code == 200 and "本案由司法局办理，无需接办。" in again.content.decode()
        # once taken over, the case's documents are the bureau's again: its name, its 代字 and its sequence
        do_task(login(officer), "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "未告知陈述申辩权利。", "p0_name": "张明", "p0_position": "主办人员",
            "p0_share": "sole"})
        person = case.persons.get(active=True)
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月4日局务会", f"s_{person.pk}": ["criticism"], f"c_{person.pk}": "gross",
            f"h_{person.pk}": "rights"})
        decision = Document.objects.get(matter=case.matter, kind="accountability_decision")
        assert decision.doc_number == "武隆追决〔2026〕1号" and decision.issued_by == leader
