"""The letter flow owns where a letter stands (issue 23 item 1), over HTTP as the role users with a frozen
clock — an Enshi 监督建议书 (003 第二十七条—第三十一条) from service to escalation: at each step the right
person's 我的待办 has the step with its literal due date and article and nobody else's does, the matter screen
shows the step as its 当前环节; the rectification period running out is moved on by the scheduler's round
(the system completes the liaison's waiting task through the flow), as is the 决定书's execution period; a
step opened by the wrong person is refused in Chinese; a step done twice is refused in Chinese with nothing
written twice."""
import re

import pytest
from freezegun import freeze_time

from casework.models import Document, MatterEvent
from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from letters.models import Letter
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import do_task, login, matter_html, open_task, people, serve, start_letter

AGENCY = "恩施州农业农村局"




def stage(user, matter) -> str:
    html = matter_html(login(user), matter)
    return re.search(r"<strong>状态</strong>：([^<]*)</div>", html).group(1)


def state(matter) -> str:
    return Letter.objects.get(matter=matter).state


@pytest.mark.django_db
def test_enshi_letter_served_overdue_decision_escalation_moved_by_the_flow(make_user):
    p = people(make_user, "enshi", AGENCY)
    officer, leader, liaison, other = p["officer"], p["leader"], p["liaison"], p["other"]
    with freeze_time("2026-06-01 02:00") as frozen:
        matter = start_letter(officer, "enshi", p["agency"], ground="systems")
        assert stage(officer, matter) == "办理中 · 起草监督建议书（意见书）"
        assert state(matter) == "drafting"
        assert "起草监督建议书（意见书）" in inbox(officer)
        assert "起草监督建议书（意见书）" not in inbox(leader) and "起草监督建议书（意见书）" not in inbox(liaison)

        do_task(officer, matter, "起草监督建议书（意见书）", {
            "ground": "systems", "findings": "未建立行政执法公示制度。", "request": "限期建立并落实公示制度。"})
        assert stage(officer, matter) == "办理中 · 签发监督建议书（意见书）"
        assert "签发监督建议书（意见书）" in inbox(leader) and "签发监督建议书（意见书）" not in inbox(liaison)

        # the wrong person: the liaison may not take up the leader's signing — refused in Chinese, nothing moves
        html = matter_html(login(leader), matter)
        claim = re.search(r'action="(/workflow/tasks/\d+/claim/)"', html[html.index("签发监督建议书（意见书）"):]).group(1)
        refused = login(liaison).post(claim)
        assert refused.status_code == 403 and "您无权领取该待办，或该待办已由他人领取或办结。" in refused.content.decode()
        assert state(matter) == "signing"

        # signed: the flow waits for the receipt (送达), the officer enters it
        url, _screen = open_task(login(leader), matter, "签发监督建议书（意见书）")
        wrong = login(officer).get(url)  # the leader's screen, opened by an officer
        assert wrong.status_code == 403 and "该待办不由您办理" in wrong.content.decode()
        assert login(leader).post(url, {"decision": "sign", "note": ""}).status_code == 302
        doc = Document.objects.get(matter=matter, kind="suggestion")
        assert doc.doc_number == "恩施监建〔2026〕1号"
        assert stage(officer, matter) == "办理中 · 送达" and state(matter) == "serving"
        # the same screen posted twice: a clear Chinese refusal, no second number, no second record
        twice = login(leader).post(url, {"decision": "sign", "note": ""})
        assert twice.status_code == 403 and "该待办已办结，不能重复办理。" in twice.content.decode()
        assert Document.objects.filter(matter=matter, kind="suggestion").count() == 1
        assert DecisionRecord.objects.filter(subject_id=str(matter.pk), outcome="已签发").count() == 1

        serve(officer, doc, "2026-06-01")
        # 003 第二十七条第二款: 30 days from receipt on 2026-06-01 = 2026-07-01 (a Wednesday)
        assert stage(officer, matter) == "办理中 · 报送整改情况" and state(matter) == "rectifying"
        item = card(inbox(liaison), "报送整改情况")
        assert "期限：2026-07-01" in item and "第二十七条" in item and "worklist__item--overdue" not in item
        assert "报送整改情况" not in inbox(officer) and "报送整改情况" not in inbox(other)

        # the last day: the scheduler's round moves nothing
        frozen.move_to("2026-07-01 10:00")
        run_once()
        assert state(matter) == "rectifying" and "报送整改情况" in inbox(liaison)

        # the day after: the round completes the liaison's step through the flow; the officer drafts the 决定书
        frozen.move_to("2026-07-02 01:00")
        results = run_once()
        assert results["监督建议书（意见书）整改逾期处理"] == "转入逾期处理 1 件"
        assert state(matter) == "overdue"
        assert stage(officer, matter) == "办理中 · 起草逾期处理文书"
        assert "报送整改情况" not in inbox(liaison)
        assert "起草逾期处理文书" in inbox(officer) and "起草逾期处理文书" not in inbox(liaison)
        assert MatterEvent.objects.filter(
            matter=matter, text__startswith="整改期限已于2026-07-01届满，未报送整改情况").count() == 1
        # a second round the same day moves nothing more
        assert run_once()["监督建议书（意见书）整改逾期处理"] == "转入逾期处理 0 件"

        frozen.move_to("2026-07-02 02:00")
        do_task(officer, matter, "起草逾期处理文书", {"order": "perform", "text": "限期建立并落实公示制度。"})
        assert stage(officer, matter) == "办理中 · 签发逾期处理文书" and state(matter) == "decision_signing"
        do_task(leader, matter, "签发逾期处理文书", {"confirm": "on"})
        decision = Document.objects.get(matter=matter, kind="supervision_decision")
        assert decision.doc_number == "恩施监决〔2026〕1号"
        assert stage(officer, matter) == "办理中 · 送达逾期处理文书" and state(matter) == "decision_serving"
        serve(officer, decision, "2026-07-02")
        # 003 第二十八条第二款: 30 days from 2026-07-02 = 2026-08-01, a Saturday -> Monday 2026-08-03
        assert stage(officer, matter) == "办理中 · 报送执行（纠正）情况" and state(matter) == "executing"
        item = card(inbox(liaison), "报送执行（纠正）情况")
        assert "期限：2026-08-03" in item and "第二十八条" in item

        frozen.move_to("2026-08-04 01:00")
        assert run_once()["监督建议书（意见书）整改逾期处理"] == "转入逾期处理 1 件"
        assert state(matter) == "escalating"
        assert stage(officer, matter) == "办理中 · 约谈、移送或通报"
        assert "报送执行（纠正）情况" not in inbox(liaison)
        assert "约谈、移送或通报" in inbox(leader) and "约谈、移送或通报" not in inbox(liaison)

        frozen.move_to("2026-08-05 02:00")
        do_task(leader, matter, "约谈、移送或通报", {
            "interview_record": "约谈该局负责人，指出问题并提出整改要求。",
            "referral": "发现执法人员涉嫌失职的问题线索，移送监察机关。"})
    matter.refresh_from_db()
    assert (matter.status, matter.closed_on.isoformat()) == ("closed", "2026-08-05")
    assert state(matter) == "closed"
    assert "约谈、移送或通报" not in inbox(leader)
    from flows.services import process_for
    from letters.flows import LetterFlow

    assert process_for(Letter.objects.get(matter=matter), LetterFlow).status == "DONE"


@pytest.mark.django_db
def test_enshi_objection_review_waits_for_the_answer_receipt_then_the_period_restarts(make_user):
    """003 第二十七条: the objection stops the period; rejected, it restarts from the answer's receipt — the review
    waits for that receipt (送达复查答复), a step the system completes when the receipt is entered."""
    p = people(make_user, "enshi", AGENCY)
    officer, leader, liaison = p["officer"], p["leader"], p["liaison"]
    with freeze_time("2026-09-01 09:00") as frozen:
        matter = start_letter(officer, "enshi", p["agency"], ground="non_performance")
        do_task(officer, matter, "起草监督建议书（意见书）", {
            "ground": "non_performance", "findings": "未按计划开展抽检。", "request": "限期完成抽检。"})
        do_task(leader, matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        frozen.move_to("2026-09-07 09:00")
        serve(officer, Document.objects.get(matter=matter, kind="suggestion"), "2026-09-05")
        assert "期限：2026-10-08" in card(inbox(liaison), "报送整改情况")

        frozen.move_to("2026-09-14 10:00")
        letter = Letter.objects.get(matter=matter)
        assert login(liaison).post(f"/admin/letters/{letter.pk}/objection/", {"reasons": "已开展抽检，附记录。"}).status_code == 302
        assert state(matter) == "reviewing"
        assert stage(officer, matter) == "办理中 · 报送整改情况、复查并答复"
        # answered within 15 days of receiving it: 2026-09-29 (003 第二十七条第一款)
        item = card(inbox(leader), "复查并答复")
        assert "期限：2026-09-29" in item and "第二十七条" in item
        assert "复查并答复" not in inbox(liaison) and "复查并答复" not in inbox(officer)

        frozen.move_to("2026-09-28 10:00")
        do_task(leader, matter, "复查并答复", {"decision": "rejected", "answer": "抽检记录不完整。"})
        assert state(matter) == "reviewing"
        assert stage(officer, matter) == "办理中 · 报送整改情况、送达复查答复"
        frozen.move_to("2026-09-30 08:00")
        serve(officer, Document.objects.get(matter=matter, kind="review_answer"), "2026-09-30")
        assert state(matter) == "rectifying"
        assert stage(officer, matter) == "办理中 · 报送整改情况"
        # restarted: 30 days from 2026-09-30 = 2026-10-30
        assert "期限：2026-10-30" in card(inbox(liaison), "报送整改情况")
        # the receipt entered again changes nothing: one running period, one waiting step
        again = login(officer).post(f"/admin/casework/documents/{Document.objects.get(kind='review_answer').pk}/service/", {
            "received_on": "2026-09-30", "method": "直接送达", "received_by_name": "李小红"})
        assert again.status_code == 200 and "已于2026-09-30送达，不能重复登记。" in again.content.decode()
        assert state(matter) == "rectifying"
        from clocks.models import Clock

        assert Clock.objects.filter(subject_id=str(matter.pk), status="running", label__contains="整改").count() == 1
