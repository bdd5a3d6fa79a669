"""过错 第十条第（三）项, third outcome of the review: the deciding body finds the investigation team's decision
unclear or improper and, within the month, sends its own staff to investigate and decides directly. An agency ran
the case itself (第五条); the bureau takes it over (the take-over door), then reviews it and sends its staff.

Calendar 2026: intake Thursday 09-03; the agency decides Monday 09-07 (the month runs to 10-07, National Day →
10-08); the bureau takes the case over 09-14 and decides to send its staff 09-15; its own decision 09-21."""
import datetime as dt
import re

import pytest
from freezegun import freeze_time

from accountability.models import Case
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
        # the staff sent must be named; no reason is refused too — nothing recorded
        no_staff = lead.post(url, {"decision": "direct", "reason": "认定的过错情节与案卷记载不符", "staff": ""})
        assert no_staff.status_code == 200
        assert "请填写本机关派出调查的人员，多人用顿号分隔。" in no_staff.content.decode()
        no_reason = lead.post(url, {"decision": "direct", "reason": "", "staff": "刘洋、陈静"})
        assert no_reason.status_code == 200 and "请写明事实不清或处理不当的理由。" in no_reason.content.decode()
        assert not DecisionRecord.objects.filter(outcome="直接派员调查并作出处理决定").exists()
        ok = lead.post(url, {"decision": "direct", "reason": "认定的过错情节与案卷记载不符", "staff": "刘洋、陈静"})
        assert ok.status_code == 302, ok.content.decode()[-3000:]

        record = DecisionRecord.objects.get(outcome="直接派员调查并作出处理决定")
        assert record.decided_on == dt.date(2026, 9, 15)
        assert record.article == f"{FAULT}第十条第（三）项"
        assert record.body == (f"司法局复核认为2026-09-07作出的处理决定认定的过错情节与案卷记载不符，决定直接派员（刘洋、陈静）"
                               f"调查并作出处理决定（{FAULT}第十条第（三）项）。")
        case.refresh_from_db()
        assert case.state == "investigating" and case.reinvestigations == 1
        # no order to another team: the body investigates itself
        assert not Document.objects.filter(kind="reinvestigation_order").exists()
        page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
        assert "直接派员（刘洋、陈静）调查并作出处理决定" in page

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
