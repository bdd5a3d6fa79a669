"""追偿 on an accountability case the agency runs itself (过错 第五条、错案 第四条; 过错 第十一条第（六）项): the agency
is the accountability body for its own staff, so its legal unit (the agency's liaison) decides the recovery and records
what is paid back — through the same door (referrals.services.recovery_decide / recovery_collect) the bureau's head
uses on the cases the bureau runs. The bureau sees the recovery and supervises; it acts only after it took the case
over (then the legal unit no longer may). Over HTTP as the role users, the clock frozen, literal amounts and dates.

Calendar 2026: intake Thursday 09-03, decision Monday 09-07, compensation paid Tuesday 09-15, recovery decided
Monday 09-21, first instalment Friday 09-25."""
import datetime as dt
import re

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import DocumentSequence
from decisions.models import DecisionRecord
from referrals.models import Recovery, RecoveryPayment
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import agency_with_liaison, do_task, login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db

FAULT = "《行政执法过错纠正和责任追究制度》"
AGENCY_RUNS = ("本案由武隆区市场监督管理局法制工作机构办理（过错 第五条、错案 第四条）；"
               "司法局可查看、监督，作出接办决定后方可办理。")


def own_task(user, title, data):
    """The step assigned to the agency's legal unit: from its 我的待办 card to the task screen, then submitted."""
    client = login(user)
    url = re.search(r'href="(/workflow/[^"]+)"', card(inbox(user), title)).group(1)
    page = client.get(url)
    if page.status_code == 302:
        url = page["Location"]
        page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]


def decided_agency_case(make_user):
    """The market regulator's legal unit runs a fault case against 张明 and decides on 2026-09-07 that he bears part
    of the compensation (过错 第十一条第（六）项) besides a 通报批评."""
    agency, unit = agency_with_liaison(make_user, "武隆区市场监督管理局", "fz_scj")
    agency.doc_code = "武隆市监"
    agency.save()
    zhang = make_user("zhangming", LIAISON)
    StaffProfile.objects.create(user=zhang, agency=agency)
    with freeze_time("2026-09-03 09:00") as frozen:
        r = login(unit).post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["facts"],
            "title": "某超市行政处罚案执法过错", "facts": "行政处罚决定被人民法院判决撤销，已作出行政赔偿。",
            "intake_on": "2026-09-03"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        case = Case.objects.get()
        assert case.run_by == "agency"
        own_task(unit, "审查管辖", {"competent": "yes"})
        own_task(unit, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "张明未核实进货票据即认定违法所得。",
            "p0_name": "张明", "p0_username": "zhangming", "p0_position": "主办人员", "p0_share": "sole"})
        person = case.persons.get(active=True)
        frozen.move_to("2026-09-07 15:00")
        own_task(unit, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会集体讨论", f"s_{person.pk}": ["criticism", "compensation"],
            f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"})
    case.refresh_from_db()
    assert case.decided_on == dt.date(2026, 9, 7)
    return case, person, unit, zhang


def test_the_agency_decides_and_collects_the_recovery_on_its_own_case(make_user):
    case, person, unit, zhang = decided_agency_case(make_user)
    _other, stranger = agency_with_liaison(make_user, "武隆区城市管理局", "fz_cgj")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    matter_url = f"/admin/casework/{case.matter_id}/"
    recover = f"/admin/referrals/matter/{case.matter_id}/recovery/"
    collect = f"/admin/referrals/matter/{case.matter_id}/recovery/collect/"
    data = {"compensation": "12000", "paid_on": "2026-09-15", "basis": "张明重大过失认定违法所得错误，导致行政赔偿。",
            f"share_{person.pk}": "5000"}
    with freeze_time("2026-09-21 10:00"):
        # the bureau's head sees the file but the recovery is not his to decide: no button, refused, nothing written
        lead = login(leader)
        assert "行政赔偿追偿" not in lead.get(matter_url).content.decode()
        for response in (lead.get(recover), lead.post(recover, data)):
            assert response.status_code == 403 and AGENCY_RUNS in response.content.decode()
        # another agency's legal unit cannot reach the file at all
        assert login(stranger).post(recover, data).status_code in (302, 403)
        assert not Recovery.objects.exists()

        client = login(unit)
        assert "行政赔偿追偿" in client.get(matter_url).content.decode()
        form = client.get(recover).content.decode()
        assert f"{FAULT}第十一条第（六）项" in form
        over = client.post(recover, {**data, f"share_{person.pk}": "12000.01"})
        assert over.status_code == 200
        assert "追偿金额合计12000.01元，超过已支付的行政赔偿金额12000.00元。" in over.content.decode()
        assert not Recovery.objects.exists()
        done = client.post(recover, data)
        assert done.status_code == 302, done.content.decode()[-3000:]

    recovery = Recovery.objects.get()
    assert recovery.decided_by == unit and recovery.decided_on == dt.date(2026, 9, 21)
    assert recovery.paid_on == dt.date(2026, 9, 15) and str(recovery.compensation) == "12000.00"
    assert recovery.article == f"{FAULT}第十一条第（六）项"
    # the agency issues the 追偿决定书 in its own name and number sequence; the bureau's sequence is untouched
    doc = recovery.document
    assert doc.doc_number == "武隆市监追偿〔2026〕1号" and doc.issued_by == unit
    assert doc.issued_on == dt.date(2026, 9, 21) and doc.addressee == "张明"
    assert "张明（主办人员）：5000.00元" in doc.body and "以上合计5000.00元。" in doc.body
    # the agency issues it and paid the compensation itself: 本机关
    assert "某超市行政处罚案执法过错（" + case.matter.number + "）一案，本机关已于2026年9月15日支付行政赔偿金12000.00元。" \
        in doc.body
    assert not DocumentSequence.objects.filter(issuer="", kind="recovery_decision").exists()
    own = DecisionRecord.objects.get(party_user=zhang, outcome="追偿5000.00元")
    assert own.doc_number == "武隆市监追偿〔2026〕1号" and own.decided_on == dt.date(2026, 9, 21)
    assert own.article == f"{FAULT}第十一条第（六）项"
    # a second decision is refused
    with freeze_time("2026-09-22 10:00"):
        again = login(unit).post(recover, data)
        assert again.status_code in (200, 403)
        assert Recovery.objects.count() == 1

    with freeze_time("2026-09-25 10:00"):
        # the bureau's officer sees what was decided, but recording payments is the agency's
        off = login(officer)
        page = off.get(matter_url).content.decode()
        assert "已支付行政赔偿金12000.00元（2026-09-15）；张明5000.00元" in page
        assert "<tr><td>张明</td><td>5000.00</td><td>0.00</td><td>5000.00</td></tr>" in page
        assert "登记追回的追偿款" not in page
        refused = off.post(collect, {"person": person.pk, "amount": "2000", "paid_on": "2026-09-25"})
        assert refused.status_code == 403 and AGENCY_RUNS in refused.content.decode()
        assert not RecoveryPayment.objects.exists()
        client = login(unit)
        assert "登记追回的追偿款" in client.get(matter_url).content.decode()
        r = client.post(collect, {"person": person.pk, "amount": "2000", "paid_on": "2026-09-25",
                                  "receipt": "市监缴2026-0925"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        page = off.get(matter_url).content.decode()
    assert "<tr><td>张明</td><td>5000.00</td><td>2000.00</td><td>3000.00</td></tr>" in page
    assert "<tr><td>2026-09-25</td><td>张明</td><td>2000.00</td><td>市监缴2026-0925</td><td>" in page
    payment = RecoveryPayment.objects.get()
    assert payment.recorded_by == unit and payment.paid_on == dt.date(2026, 9, 25)
    with freeze_time("2026-09-26 09:00"):
        assert "追偿5000.00元" in login(zhang).get("/admin/accountability/mine/").content.decode()


def test_the_agency_s_own_case_shows_no_summary_told_by_the_bureau(make_user):
    """The legal unit runs the case and reads its facts: the matter screen has no "事项摘要" the bureau did not tell
    (司法局未告知事实摘要), and the bureau is not asked for a summary for a party that runs the case itself."""
    case, _person, unit, zhang = decided_agency_case(make_user)
    officer = make_user("officer", OFFICER)
    matter_url = f"/admin/casework/{case.matter_id}/"
    with freeze_time("2026-09-08 10:00"):
        for user in (unit, zhang):  # the legal unit, and the agency's other liaison (the person concerned)
            page = login(user).get(matter_url).content.decode()
            assert "司法局未告知事实摘要" not in page and "<h2>事项摘要</h2>" not in page
            assert '<h2>基本事实</h2><p style="white-space:pre-wrap">行政处罚决定被人民法院判决撤销，已作出行政赔偿。</p>' \
                in page
            assert "<strong>状态</strong>：办理中 · 听取责任人陈述和申辩" in page  # the step it runs, as the bureau reads it
        page = login(officer).get(matter_url).content.decode()
    assert "告知被监督机关的事实摘要" not in page and "尚未填写：被监督机关联络员看不到基本事实。" not in page
    assert "保存摘要" not in page


def test_after_the_bureau_took_the_case_over_its_head_decides_the_recovery(make_user):
    agency, unit = agency_with_liaison(make_user, "武隆区市场监督管理局", "fz_scj")
    agency.doc_code = "武隆市监"
    agency.save()
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    with freeze_time("2026-09-03 09:00") as frozen:
        r = login(unit).post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["facts"],
            "title": "某药店行政处罚案执法过错", "facts": "行政处罚决定被判决撤销并赔偿。", "intake_on": "2026-09-03"})
        assert r.status_code == 302
        case = Case.objects.get()
        own_task(unit, "审查管辖", {"competent": "yes"})
        own_task(unit, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "王磊未核实证据。", "p0_name": "王磊", "p0_position": "主办人员",
            "p0_share": "sole"})
        person = case.persons.get(active=True)
        frozen.move_to("2026-09-07 15:00")
        own_task(unit, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会", f"s_{person.pk}": ["compensation"],
            f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"})
        frozen.move_to("2026-09-08 10:00")
        lead = login(leader)
        r = lead.post(f"/admin/accountability/{case.pk}/take-over/", {"reason": "赔偿数额较大，由司法局办理。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        do_task(login(officer), "听取责任人陈述和申辩", {f"st_{person.pk}": "认可处理决定。"})
    recover = f"/admin/referrals/matter/{case.matter_id}/recovery/"
    data = {"compensation": "3000", "paid_on": "2026-09-10", "basis": "王磊重大过失导致行政赔偿。",
            f"share_{person.pk}": "1500.50"}
    with freeze_time("2026-09-14 10:00"):
        # the legal unit no longer runs the case: refused, nothing written
        denied = login(unit).post(recover, data)
        assert denied.status_code == 403 and "只有司法局负责人可以决定追偿。" in denied.content.decode()
        assert not Recovery.objects.exists()
        assert login(officer).post(recover, data).status_code == 403  # an officer does not decide it either
        screen = lead.get(f"/admin/casework/{case.matter_id}/").content.decode()
        assert "行政赔偿追偿" in screen
        # the bureau runs it now: the summary it may tell the agency, as on any case it runs
        assert "<h2>告知被监督机关的事实摘要</h2>" in screen and "尚未填写：被监督机关联络员看不到基本事实。" in screen
        done = lead.post(recover, data)
        assert done.status_code == 302, done.content.decode()[-3000:]
    recovery = Recovery.objects.get()
    assert recovery.decided_by == leader and recovery.decided_on == dt.date(2026, 9, 14)
    assert recovery.document.doc_number == "武隆追偿〔2026〕1号"
    # the bureau issues it after the take-over, but the agency paid: the decision names the agency, not 本机关
    assert ("某药店行政处罚案执法过错（" + case.matter.number + "）一案，武隆区市场监督管理局已于2026年9月10日"
            "支付行政赔偿金3000.00元。") in recovery.document.body
    assert "本机关已于" not in recovery.document.body
    own = DecisionRecord.objects.get(outcome="追偿1500.50元")
    assert own.body.startswith("武隆区市场监督管理局已于2026-09-10支付行政赔偿金3000.00元，决定向你追偿1500.50元。")
    assert recovery.shares == [{"person": person.pk, "name": "王磊", "amount": "1500.50"}]
