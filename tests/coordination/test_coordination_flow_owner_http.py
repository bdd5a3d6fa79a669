"""The coordination flow owns where a dispute stands (issue 23 item 1), over HTTP as the role users, the
clock frozen: each step is in the right person's 我的待办 with its literal due date and nobody else's, the
matter screen shows the waiting step as 当前环节, a supplement period that ran out is moved on by the
scheduler (视为放弃申请) through the flow, a task opened by the wrong person is refused in Chinese and a
task done twice is refused the second time with nothing written.

Calendar 2026: Monday 11-02; five working days from it end on Monday 11-09, seven on Wednesday 11-11."""
import datetime as dt

import pytest
from freezegun import freeze_time
from viewflow.workflow.models import Task

from casework.models import Document, MatterEvent
from clocks.scheduler import run_once
from coordination.models import Dispute
from decisions.models import DecisionRecord
from tests.coordination.helpers import claim_and_open, do_task, login
from tests.coordination.test_coordination_http import apply, setup
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db




def stage(user, matter) -> str:
    html = login(user).get(f"/admin/casework/{matter.pk}/").content.decode()
    start = html.index("<strong>状态</strong>：")
    return html[start:html.index("</div>", start)]


def test_supplement_period_run_out_is_moved_on_by_the_scheduler(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="案件移送争议")
        matter = dispute.matter
        # 第十二条: the examination waits on the officers, due five working days after receipt
        item = card(inbox(officer), "审查争议协调申请")
        assert "期限：2026-11-09" in item and "第十二条" in item and "待领取" in item
        assert "审查争议协调申请" not in inbox(leader) and "审查争议协调申请" not in inbox(lx_a)
        assert "办理中 · 审查争议协调申请" in stage(officer, matter)
        assert dispute.state == "received"

        do_task(login(officer), "审查争议协调申请", {"decision": "supplement", "note": "缺少协商会议纪要。"})
        assert "办理中 · 登记补正材料" in stage(officer, matter)
        assert Dispute.objects.get().state == "supplement"
        notice = Document.objects.get(matter=matter, kind="coordination_supplement")
        assert login(lx_a).post(f"/admin/casework/documents/{notice.pk}/service/").status_code == 302
        # 第十二条第（二）项: the applicant owes the materials, the officer records them — both by 11-09
        assert "期限：2026-11-09" in card(inbox(lx_a), "补正争议协调申请材料")
        assert "期限：2026-11-09" in card(inbox(officer), "登记补正材料")

        frozen.move_to("2026-11-09 08:00")  # 16:00 in Shanghai, the last day: nothing moves
        run_once()
        assert Dispute.objects.get().state == "supplement"

        frozen.move_to("2026-11-10 01:00")  # 09:00 in Shanghai, the period has run out
        run_once()
    dispute = Dispute.objects.get()
    assert dispute.state == "withdrawn" and dispute.withdrawn_on == dt.date(2026, 11, 10)
    assert dispute.matter.status == "closed" and dispute.matter.closed_on == dt.date(2026, 11, 10)
    record = DecisionRecord.objects.get(process_kind="coordination", outcome="视为放弃")
    assert record.decided_on == dt.date(2026, 11, 10)
    assert MatterEvent.objects.filter(matter=matter, by__isnull=True,
                                      text__startswith="补正期限已于2026-11-09届满，申请机关未补正材料").exists()
    # the step was completed through the flow: nothing waits any more, in no one's 待办
    supplement = Task.objects.get(flow_task="coordination/flows.CoordinationFlow.supplement")
    assert supplement.status == "DONE"
    assert not Task.objects.filter(process=supplement.process, status__in=["NEW", "ASSIGNED", "STARTED"],
                                   flow_task_type="HUMAN").exists()
    with freeze_time("2026-11-10 09:00"):
        assert "登记补正材料" not in inbox(officer) and "补正争议协调申请材料" not in inbox(lx_a)
        assert "已办结" in stage(officer, matter)
        # a second round finds nothing to move
        run_once()
    assert DecisionRecord.objects.filter(outcome="视为放弃").count() == 1


def test_each_step_waits_on_its_role_wrong_person_refused_and_a_task_done_once(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="联合执法牵头争议")
        matter = dispute.matter
        do_task(off, "审查争议协调申请", {"decision": "accept"})
        assert Dispute.objects.get().state == "accepted"
        assert "办理中 · 协调并提出协调结果" in stage(officer, matter)
        notice = Document.objects.get(matter=matter, kind="coordination_notice")
        assert login(lx_b).post(f"/admin/casework/documents/{notice.pk}/service/").status_code == 302
        # 第十四条: coordinating is due seven working days after acceptance (11-11), whatever else runs:
        # the respondent's answer (第十二条第（一）项) is due five working days after its receipt (11-09)
        item = card(inbox(officer), "协调并提出协调结果")
        assert "期限：2026-11-11" in item and "第十四条" in item
        assert "期限：2026-11-09" in card(inbox(lx_b), "报送答复意见")
        assert "协调并提出协调结果" not in inbox(lx_b) and "协调并提出协调结果" not in inbox(leader)

        frozen.move_to("2026-11-10 09:00")
        url = claim_and_open(off, "协调并提出协调结果")
        # the wrong person: a party's liaison, or the leader, opening the officer's task
        for other in (lx_b, leader):
            refused = login(other).get(url)
            assert refused.status_code == 403 and "该待办不由您办理" in refused.content.decode()
        assert login(lx_b).post(url, {"agreed": "yes", "result": "x"}).status_code == 403
        assert Dispute.objects.get().agreed is None

        result = "由城市管理部门牵头，交通运输部门配合。"
        assert off.post(url, {"agreed": "yes", "result": result}).status_code == 302
        # done twice (a second tab, a double click): refused in Chinese, nothing written again
        events = MatterEvent.objects.filter(matter=matter).count()
        again = off.post(url, {"agreed": "no", "result": "另一结果"})
        assert again.status_code == 403 and "该待办已办结" in again.content.decode()
        dispute = Dispute.objects.get()
        assert dispute.agreed is True and dispute.result == result and dispute.state == "agreed"
        assert MatterEvent.objects.filter(matter=matter).count() == events
        assert not Document.objects.filter(kind="coordination_proposal").exists()

        # 第十八条第（一）项: signing the opinion waits on the leader, not the officer
        assert "办理中 · 报请区政府同意并签发协调意见书" in stage(officer, matter)
        assert "报请区政府同意并签发协调意见书" in inbox(leader)
        assert "报请区政府同意并签发协调意见书" not in inbox(officer)
        do_task(login(leader), "报请区政府同意并签发协调意见书", {"consent_on": "2026-11-10", "result": result})
        assert Dispute.objects.get().state == "opinion"
        assert "办理中 · 监督协调意见书执行" in stage(officer, matter)
        assert "监督协调意见书执行" in inbox(officer) and "监督协调意见书执行" not in inbox(lx_a)
