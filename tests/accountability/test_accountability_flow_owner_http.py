"""The accountability flow owns where a case stands (issue 23 item 1), over HTTP as the role users, the clock
frozen: each step in the right person's 我的待办 with its literal due date, the matter's 当前环节 following the
steps, a task opened by the wrong person refused in Chinese, a task done twice refused with nothing written,
and the review whose month ran out completed by the scheduler through the flow (过错 第十条第（三）项).

Calendar 2026: intake Monday 11-02; two days for a transfer end Wednesday 11-04; a month from the decision
(11-02) ends Wednesday 12-02."""
import datetime as dt

import pytest
from freezegun import freeze_time
from viewflow.workflow.models import Task

from accountability.models import Case
from casework.models import MatterEvent
from clocks.scheduler import run_once
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db




def stage(user, matter) -> str:
    html = login(user).get(f"/admin/casework/{matter.pk}/").content.decode()
    start = html.index("<strong>状态</strong>：")
    return html[start:html.index("</div>", start)]


def test_each_step_waits_on_its_role_and_the_month_run_out_closes_the_case(make_user):
    agency, lx = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_a")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-11-02 09:00") as frozen:
        response = off.post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["procedure"],
            "title": "某餐饮店行政处罚案执法过错", "facts": "行政处罚决定被人民法院判决撤销。", "intake_on": "2026-11-02"})
        assert response.status_code == 302, response.content.decode()[-3000:]
        case = Case.objects.get()
        matter = case.matter
        assert case.state == "intake"
        # 过错 第十条第（一）项: screening waits on the officers, a transfer due within two days
        assert "期限：2026-11-04" in card(inbox(officer), "审查管辖")
        assert "审查管辖" not in inbox(leader) and "审查管辖" not in inbox(lx)
        assert "办理中 · 审查管辖" in stage(officer, matter)

        do_task(off, "审查管辖", {"competent": "yes"})
        assert Case.objects.get().state == "investigating"
        assert "办理中 · 调查组调查并认定责任人" in stage(officer, matter)
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "未告知陈述申辩权利。", "p0_name": "张明", "p0_position": "主办人员",
            "p0_share": "sole"})
        person = case.persons.get()
        # the collective decision waits on the leader, not on the officer
        assert "办理中 · 领导集体讨论作出处理决定" in stage(officer, matter)
        assert "领导集体讨论作出处理决定" in inbox(leader) and "领导集体讨论作出处理决定" not in inbox(officer)
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        for other in (officer, lx):
            refused = login(other).get(url)
            assert refused.status_code == 403 and "该待办不由您办理" in refused.content.decode()
        assert login(officer).post(url, {"discussion": "x", f"s_{person.pk}": ["criticism"]}).status_code == 403
        assert Case.objects.get().decided_on is None
        assert lead.post(url, {"discussion": "2026年11月2日局务会", f"s_{person.pk}": ["criticism"],
                               f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"}).status_code == 302
        assert Case.objects.get().state == "hearing"

        url = claim_and_open(off, "听取责任人陈述和申辩")
        assert off.post(url, {f"st_{person.pk}": "认可处理决定。"}).status_code == 302
        # done twice: refused in Chinese, nothing written again
        events = MatterEvent.objects.filter(matter=matter).count()
        again = off.post(url, {f"st_{person.pk}": "改口申辩。", f"ap_{person.pk}": "on"})
        assert again.status_code == 403 and "该待办已办结" in again.content.decode()
        person.refresh_from_db()
        assert person.statement == "认可处理决定。" and not person.appealed
        assert MatterEvent.objects.filter(matter=matter).count() == events

        # 过错 第十条第（三）项: no appeal → the leader's review, a re-investigation possible until 12-02
        assert Case.objects.get().state == "review"
        assert "办理中 · 复核处理决定（1个月内可责令重新调查）" in stage(officer, matter)
        assert "期限：2026-12-02" in card(inbox(leader), "复核处理决定")

        frozen.move_to("2026-12-02 08:00")  # 16:00 in Shanghai, the last day: nothing moves
        run_once()
        assert Case.objects.get().state == "review"
        frozen.move_to("2026-12-03 01:00")  # 09:00 in Shanghai: the month has run out
        run_once()
        case = Case.objects.get()
        assert case.state == "done" and case.confirmed_on == dt.date(2026, 12, 3)
        assert case.matter.status == "closed" and case.matter.closed_on == dt.date(2026, 12, 3)
        assert MatterEvent.objects.filter(matter=matter, by__isnull=True,
                                          text__startswith="可责令重新调查的期限已于2026-12-02届满").exists()
        review = Task.objects.get(flow_task="accountability/flows.AccountabilityFlow.review")
        assert review.status == "DONE"
        assert "复核处理决定" not in inbox(leader)
        assert "已办结" in stage(officer, matter)
        run_once()  # nothing left to move
    assert Case.objects.get().confirmed_on == dt.date(2026, 12, 3)
