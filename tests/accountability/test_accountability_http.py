"""Fault accountability over HTTP with role users (004 行政执法过错纠正和责任追究制度 第七条、第八条、
第十条至第十二条): two people sharing responsibility, one with an earlier fault within the year, an
appeal upheld, the one-month re-investigation bound. Dates are literals counted by hand."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case, Person
from casework.models import Document, Matter
from clocks.models import Clock
from decisions.models import DecisionRecord
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import agency_with_liaison, do_task, login

pytestmark = pytest.mark.django_db


def clock(matter, rule_key):
    return Clock.objects.filter(subject_id=str(matter.pk), rule_key=rule_key).order_by("-pk").first()


def enforcement_officer(make_user, username, agency):
    user = make_user(username, LIAISON)
    StaffProfile.objects.create(user=user, agency=agency)
    return user


def earlier_fault(agency, user, officer):
    """A fault of `user` decided on 2026-03-10 (the record the ≥ 2 faults rule counts)."""
    matter = Matter.objects.create(number="武隆监案〔2026〕90号", jurisdiction="wulong", source="complaint",
                                   process="accountability", agency=agency, title="先前过错", facts="先前过错",
                                   opened_on=dt.date(2026, 3, 1), opened_by=officer, status="closed")
    case = Case.objects.create(matter=matter, kind="fault", origin="complaint", grounds=["procedure"],
                               intake_on=dt.date(2026, 3, 1), decided_on=dt.date(2026, 3, 10),
                               confirmed_on=dt.date(2026, 3, 10))
    Person.objects.create(case=case, user=user, name="张明", share="sole", sanctions=["criticism"])


def test_fault_case_two_people_share_responsibility_with_an_appeal(make_user):
    agency, lx = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_a")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    zhang, wang = enforcement_officer(make_user, "zhangming", agency), enforcement_officer(make_user, "wanglei", agency)
    earlier_fault(agency, zhang, officer)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-09-03 09:00") as frozen:
        # 第十条第（一）项: intake; not ours → transfer within 2 days (09-05 is a Saturday → Monday 09-07)
        response = off.post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["procedure", "facts"],
            "title": "某食品经营户行政处罚案执法过错", "facts": "行政处罚决定被人民法院判决撤销。",
            "intake_on": "2026-09-03"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get(matter__title="某食品经营户行政处罚案执法过错")
        matter = case.matter
        assert matter.process == "accountability" and matter.source == "court"
        assert clock(matter, "fault_transfer_period").due_on == dt.date(2026, 9, 7)
        do_task(off, "审查管辖", {"competent": "yes"})
        assert clock(matter, "fault_transfer_period").status == "met"
        # 第十条第（二）项; 第七条第（二）项: the lead officer main, the assistant secondary
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "未告知陈述申辩权利，主要证据不足。",
            "p0_name": "张明", "p0_username": "zhangming", "p0_position": "主办人员", "p0_share": "main",
            "p1_name": "王磊", "p1_username": "wanglei", "p1_position": "协办人员", "p1_share": "secondary"})
        p_zhang, p_wang = case.persons.get(name="张明", active=True), case.persons.get(name="王磊")

        frozen.move_to("2026-09-07 15:00")
        # 第十条第（三）项: collective decision; sanctions combinable (第十一条); 第八条第（五）项 computed
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会，局长、分管副局长、法制科长参加",
            f"s_{p_zhang.pk}": ["correct", "criticism"], f"s_{p_wang.pk}": ["correct", "pay"],
            f"m_{p_wang.pk}": ["self_corrected"], f"c_{p_zhang.pk}": "intent", f"h_{p_zhang.pk}": "rights",
            f"c_{p_wang.pk}": "gross", f"h_{p_wang.pk}": "rights"})
        p_zhang.refresh_from_db()
        assert p_zhang.prior_faults == 1 and "repeat" in p_zhang.aggravating
        p_wang.refresh_from_db()
        assert p_wang.prior_faults == 0 and p_wang.aggravating == []
        decision = Document.objects.get(matter=matter, kind="accountability_decision")
        assert decision.doc_number == "武隆追决〔2026〕1号" and decision.issued_on == dt.date(2026, 9, 7)
        records = DecisionRecord.objects.filter(process_kind="accountability", doc_number="武隆追决〔2026〕1号")
        assert {r.party_user for r in records} == {zhang, wang}
        assert "第八条第（五）项" in records.get(party_user=zhang).body
        # the month for ordering a re-investigation: 10-07 is National Day → 10-08
        assert clock(matter, "fault_reinvestigation_period").due_on == dt.date(2026, 10, 8)

        frozen.move_to("2026-09-08 10:00")
        # 第十二条: statements; 王磊 contests the decision
        do_task(off, "听取责任人陈述和申辩", {
            f"st_{p_zhang.pk}": "认可处理决定。", f"st_{p_wang.pk}": "本人仅按主办人员指示记录，且已主动纠正。",
            f"ap_{p_wang.pk}": "on"})
        frozen.move_to("2026-09-10 10:00")
        do_task(lead, "申辩复核", {f"o_{p_wang.pk}": "upheld", f"n_{p_wang.pk}": "协办情节较轻，免于扣发津贴。",
                                   f"s_{p_wang.pk}": ["correct"]})
        p_wang.refresh_from_db()
        assert p_wang.sanctions == ["correct"] and p_wang.appeal_outcome == "upheld"
        appeal = DecisionRecord.objects.get(process_kind="accountability", party_user=wang, outcome="申辩成立，变更处理")
        assert appeal.decided_on == dt.date(2026, 9, 10)

        # staff search finds the decision; the agency's liaison (not a person concerned) does not (confidential)
        assert "王磊" in off.get("/admin/search/decisions/", {"q": "王磊"}).content.decode()
        assert "申辩复核：王磊" not in login(lx).get("/admin/search/decisions/", {"q": "王磊"}).content.decode()
        # each person sees their own decisions only
        mine = login(wang).get("/admin/accountability/mine/").content.decode()
        assert "申辩成立" in mine and "王磊" in mine and "张明（" not in mine
        assert "王磊" not in login(zhang).get("/admin/accountability/mine/").content.decode()

        frozen.move_to("2026-10-09 10:00")
        # past the month (due 10-08): a re-investigation can no longer be ordered
        url_html = lead.get("/workflow/").content.decode()
        assert "复核处理决定" in url_html
        from tests.coordination.helpers import claim_and_open

        url = claim_and_open(lead, "复核处理决定")
        late = lead.post(url, {"decision": "reinvestigate", "reason": "事实不清"})
        assert late.status_code == 200 and "2026-10-08" in late.content.decode()
        assert lead.post(url, {"decision": "confirm"}).status_code == 302
    case.refresh_from_db()
    matter.refresh_from_db()
    assert case.state == "done" and matter.status == "closed"
    page = off.get(f"/admin/casework/{matter.pk}/").content.decode()
    assert "主办人员，主要责任（第七条第（二）项）" in page and "协办人员，次要责任（第七条第（二）项）" in page


def test_wrong_case_reinvestigation_within_the_month_and_an_exemption(make_user):
    """错案 第七条第（三）项 ground, 第八条第（三）项 shares, 第十一条 exemption; 过错 第十条第（三）项 order."""
    agency, _ = agency_with_liaison(make_user, "武隆区城市管理局", "lx_b")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-11-02 09:00") as frozen:
        response = off.post("/admin/accountability/intake/", {
            "kind": "wrong_case", "agency": agency.pk, "origin": "other", "wrong_ground": "reconsideration",
            "title": "某拆除决定错案", "facts": "行政复议决定撤销。", "intake_on": "2026-11-02"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get()
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "集体讨论作出。",
            "p0_name": "赵刚", "p0_share": "decider_main", "p1_name": "孙丽", "p1_share": "dissent_exempt"})
        persons = {p.name: p for p in case.persons.all()}
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "局务会", f"s_{persons['赵刚'].pk}": ["written_review"],
            f"e_{persons['孙丽'].pk}": "other"})
        assert DecisionRecord.objects.filter(process_kind="accountability", outcome="免予追究",
                                             party_user__isnull=True).count() == 1
        # 11-02 + 1 month = 12-02 (Wednesday)
        assert clock(case.matter, "fault_reinvestigation_period").due_on == dt.date(2026, 12, 2)
        do_task(off, "听取责任人陈述和申辩", {})
        frozen.move_to("2026-11-20 09:00")
        do_task(lead, "复核处理决定（1个月内可责令重新调查）", {"decision": "reinvestigate", "reason": "事实不清"})
        case.refresh_from_db()
        assert case.state == "investigating" and case.reinvestigations == 1
        assert Document.objects.filter(matter=case.matter, kind="reinvestigation_order").count() == 1
        assert "<strong>责令重新调查</strong>：1次" in off.get(f"/admin/casework/{case.matter_id}/").content.decode()
        assert "调查组调查并认定责任人" in off.get("/workflow/").content.decode()
