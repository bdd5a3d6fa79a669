"""过错 第十条第（三）项, third outcome of the review: the deciding body finds the investigation team's decision
unclear or improper and, within the month, sends its own staff to investigate and decides directly. An agency ran
the case itself (第五条); the bureau takes it over (the take-over door), then reviews it and sends its staff.

Calendar 2026: intake Thursday 09-03; the agency decides Monday 09-07 (the month runs to 10-07, National Day →
10-08); the bureau takes the case over 09-14 and decides to send its staff 09-15; its own decision 09-21."""
import datetime as dt
import re

import pytest
from freezegun import freeze_time

from accountability.models import Case, Dispatch
from casework.models import Document
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db

FAULT = "《行政执法过错纠正和责任追究制度》"


def own_task(user, title, data):
    """The step assigned to the agency's legal unit: from its 我的待办 card to the task screen, then submitted."""
    client = login(user)
    url = re.search(r'href="(/workflow/[^"]+)"', card(inbox(user), title)).group(1)
    page = client.get(url)
    if page.status_code == 302:
        url = page["Location"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]


def intake(client, agency, title):
    return client.post("/admin/accountability/intake/", {
        "kind": "fault", "agency": agency.pk, "origin": "complaint", "grounds": ["procedure"],
        "title": title, "facts": "执法人员未告知当事人陈述申辩权利。", "intake_on": "2026-09-03"})


def test_the_bureau_takes_over_and_sends_its_own_staff_to_investigate_and_decide(make_user):
    agency, unit = agency_with_liaison(make_user, "武隆区市场监督管理局", "fz_dir")
    agency.doc_code = "武隆市监"
    agency.save()
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    liu = make_user("liuyang", OFFICER, first_name="刘洋")
    chen = make_user("chenjing", OFFICER, first_name="陈静")
    off, lead = login(officer), login(leader)
    with freeze_time("2026-09-03 09:00") as frozen:
        assert intake(login(unit), agency, "某餐馆行政处罚案执法过错").status_code == 302
        case = Case.objects.get()
        own_task(unit, "审查管辖", {"competent": "yes"})
        own_task(unit, "调查组调查并认定责任人", {
            "team": "王强、赵敏", "findings": "未告知陈述申辩权利。",
            "p0_name": "张明", "p0_position": "主办人员", "p0_share": "sole"})
        person = case.persons.get(active=True)
        frozen.move_to("2026-09-07 15:00")
        own_task(unit, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会", f"s_{person.pk}": ["correct"],
            f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"})
        assert Document.objects.get(kind="accountability_decision").doc_number == "武隆市监追决〔2026〕1号"
        own_task(unit, "听取责任人陈述和申辩", {})
        assert "复核处理决定" in inbox(unit)

        # the bureau takes the case over through its door, the review step moves to its leader
        frozen.move_to("2026-09-14 10:00")
        r = lead.post(f"/admin/accountability/{case.pk}/take-over/", {"reason": "处理明显偏轻，由司法局复核。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        assert "复核处理决定" not in inbox(unit)

        frozen.move_to("2026-09-15 10:00")
        url = claim_and_open(lead, "复核处理决定（1个月内可责令重新调查）")
        form = lead.get(url).content.decode()
        assert "直接派员调查并作出处理决定" in form
        # the period, its last day (09-07 + 1 month = 10-07, 国庆 → 10-08) and the article, from the profile and the clock
        assert (f"可以在1个月内，即2026年10月8日前责令重新组织调查、处理，或者直接派员调查并作出处理决定"
                f"（{FAULT}第十条第（三）项）。") in form
        # the bureau's staff are offered by name; the agency's legal unit is not among them
        assert f'value="{liu.pk}"' in form and "刘洋" in form and f'value="{unit.pk}"' not in form
        # the staff sent must be chosen from the bureau's staff; no reason, a date before the decision or in the
        # future are refused too — nothing recorded
        direct = {"decision": "direct", "reason": "认定的过错情节与案卷记载不符", "sent_on": "2026-09-15"}
        no_staff = lead.post(url, {**direct, "staff": []})
        assert no_staff.status_code == 200
        assert "请选择本机关派出调查的人员（至少一名）。" in no_staff.content.decode()
        outsider = lead.post(url, {**direct, "staff": [liu.pk, unit.pk]})
        assert outsider.status_code == 200 and not Dispatch.objects.exists()  # the form again, nothing sent
        no_reason = lead.post(url, {**direct, "reason": "", "staff": [liu.pk, chen.pk]})
        assert no_reason.status_code == 200 and "请写明事实不清或处理不当的理由。" in no_reason.content.decode()
        for day in ("2026-09-06", "2026-09-16"):
            early = lead.post(url, {**direct, "sent_on": day, "staff": [liu.pk, chen.pk]})
            assert "派员日期应在处理决定作出之日（2026-09-07）至今天之间。" in early.content.decode()
        assert not DecisionRecord.objects.filter(outcome="直接派员调查并作出处理决定").exists()
        assert not Dispatch.objects.exists()
        ok = lead.post(url, {**direct, "staff": [liu.pk, chen.pk]})
        assert ok.status_code == 302, ok.content.decode()[-3000:]
        dispatch = Dispatch.objects.get()
        assert sorted(u.username for u in dispatch.staff.all()) == ["chenjing", "liuyang"]
        assert (dispatch.case, dispatch.sent_on, dispatch.decided_by) == (case, dt.date(2026, 9, 15), leader)

        record = DecisionRecord.objects.get(outcome="直接派员调查并作出处理决定")
        assert record.decided_on == dt.date(2026, 9, 15)
        assert record.article == f"{FAULT}第十条第（三）项"
        assert record.body == (f"司法局复核认为2026-09-07作出的处理决定认定的过错情节与案卷记载不符，决定直接派员（陈静、刘洋，"
                               f"2026-09-15派出）调查并作出处理决定（{FAULT}第十条第（三）项）。")
        case.refresh_from_db()
        assert case.state == "investigating" and case.reinvestigations == 1
        # no order to another team: the body investigates itself
        assert not Document.objects.filter(kind="reinvestigation_order").exists()
        page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
        assert "直接派员（陈静、刘洋，2026-09-15派出）调查并作出处理决定" in page
        assert "直接派员调查</strong>（过错 第十条第（三）项）：2026-09-15派出陈静、刘洋；理由：认定的过错情节与案卷记载不符" in page
        # the sending is shown as what it is, not counted as an order to re-investigate
        assert "责令重新调查</strong>" not in page

        # the bureau's officers investigate, its leadership decides: the bureau's own decision number
        assert "调查组调查并认定责任人" in inbox(officer) and "调查组调查并认定责任人" not in inbox(unit)
        frozen.move_to("2026-09-21 10:00")
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "未告知陈述申辩权利，且拒不纠正。",
            "p0_name": "张明", "p0_position": "主办人员", "p0_share": "sole"})
        person = case.persons.get(active=True)
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月21日司法局局务会", f"s_{person.pk}": ["correct", "criticism"],
            f"c_{person.pk}": "gross", f"h_{person.pk}": "rights", f"a_{person.pk}": ["refuse_correct"]})
    second = Document.objects.filter(kind="accountability_decision").order_by("-pk").first()
    assert second.doc_number == "武隆追决〔2026〕1号" and second.issued_on == dt.date(2026, 9, 21)
    assert "拒不纠正过错行为（第八条第（二）项）" in second.body
    # the decision names the staff the bureau sent, with the day (过错 第十条第（三）项)
    assert f"本案由本机关于2026年9月15日直接派员（陈静、刘洋）调查（{FAULT}第十条第（三）项）。" in second.body
    first = Document.objects.filter(kind="accountability_decision").order_by("pk").first()
    assert "直接派员" not in first.body
