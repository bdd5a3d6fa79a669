"""Enshi 监督建议书 over HTTP (003 第二十六条—第三十一条): dates as literal calendar dates across National
Day 2026 (10-01..10-07 holidays; 10-05 is a holiday so a period ending then rolls to 10-08)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.models import Clock
from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from letters.models import Letter

from tests.letters.letters_http import do_task, login, matter_html, people, serve, start_letter


def clock(matter, label_part, status=None):
    qs = Clock.objects.filter(subject_id=str(matter.pk), label__contains=label_part)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-pk").first()


def sign(p, matter):
    do_task(p["officer"], matter, "起草监督建议书（意见书）", {
        "ground": "non_performance", "findings": "未按计划开展抽检。", "request": "限期完成抽检。"})
    html = do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
    assert "第二十六条第（三）项" in html
    doc = Document.objects.get(matter=matter, kind="suggestion")
    assert doc.doc_number == "恩施监建〔2026〕1号"
    return doc


@pytest.mark.django_db
def test_enshi_objection_rejected_restarts_30_days_then_overdue_decision_and_execution(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-09-01 09:00") as frozen:
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="non_performance")
        frozen.move_to("2026-09-02 09:00")
        doc = sign(p, matter)
        frozen.move_to("2026-09-07 09:00")
        serve(p["officer"], doc, "2026-09-05")  # received on a Saturday: receipt starts the clock, even a rest day
        # 003 第二十七条第二款: 30 days from 2026-09-05 = 10-05, a National Day holiday
        # (10-01..10-07) -> rolls to Thursday 10-08, a working day
        rectify = clock(matter, "整改并报送期限", "running")
        assert rectify.due_on == dt.date(2026, 10, 8)
        html = matter_html(login(p["officer"]), matter)
        assert "2026-10-08" in html and "第二十七条" in html
        # objection window: 10 days from receipt = 2026-09-15 (003 第二十七条第一款)
        assert "2026-09-15" in html

        # the liaison objects on 2026-09-14 (within the window)
        frozen.move_to("2026-09-14 10:00")
        liaison = login(p["liaison"])
        assert "申请复查" in matter_html(liaison, matter)
        response = liaison.post(f"/admin/letters/{matter.letter.pk}/objection/", {"reasons": "已开展抽检，附记录。"})
        assert response.status_code == 302, response.content.decode()
        # review answer within 15 days of RECEIVING the objection: 2026-09-14 + 15 = 2026-09-29
        assert clock(matter, "复查答复期限").due_on == dt.date(2026, 9, 29)
        # the rectification period no longer runs from the letter (it restarts from the review answer)
        rectify.refresh_from_db()
        assert rectify.status == "cancelled"
        assert Letter.objects.get(pk=matter.letter.pk).state == "reviewing"

        # the leader rejects the objection on 2026-09-28; the answer is received 2026-09-30
        frozen.move_to("2026-09-28 10:00")
        do_task(p["leader"], matter, "复查并答复", {"decision": "rejected", "answer": "抽检记录不完整。"})
        answer = Document.objects.get(matter=matter, kind="review_answer")
        assert answer.doc_number == "恩施监复〔2026〕1号"
        assert DecisionRecord.objects.filter(subject_id=str(matter.pk), outcome="异议不成立").exists()
        frozen.move_to("2026-09-30 08:00")
        serve(p["officer"], answer, "2026-09-30")
        # restarts: 30 days from 2026-09-30 = 2026-10-30 (003 第二十七条第二款 分别自…复查答复之日起)
        restarted = clock(matter, "重新计算", "running")
        assert restarted.due_on == dt.date(2026, 10, 30)

        # nothing reported: on 2026-10-31 the scheduler moves the flow to the 决定书 (003 第二十八条)
        frozen.move_to("2026-10-30 12:00")
        run_once()
        assert Letter.objects.get(pk=matter.letter.pk).state == "rectifying"
        frozen.move_to("2026-10-31 01:00")
        run_once()
        assert Letter.objects.get(pk=matter.letter.pk).state == "overdue"
        frozen.move_to("2026-11-02 09:00")
        do_task(p["officer"], matter, "起草逾期处理文书", {"order": "perform", "text": "限期完成抽检并办结投诉件。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        decision = Document.objects.get(matter=matter, kind="supervision_decision")
        assert decision.doc_number == "恩施监决〔2026〕1号"
        assert DecisionRecord.objects.filter(process_kind="decision", doc_number="恩施监决〔2026〕1号").exists()
        frozen.move_to("2026-11-04 09:00")
        serve(p["officer"], decision, "2026-11-04")
        # execution report within 30 days of receipt: 2026-11-04 + 30 = 2026-12-04 (003 第二十八条第二款)
        assert clock(matter, "执行（纠正）情况报告期限").due_on == dt.date(2026, 12, 4)

        frozen.move_to("2026-11-20 09:00")
        do_task(p["liaison"], matter, "报送执行（纠正）情况", {"text": "已完成抽检，投诉件全部办结。"})
        do_task(p["officer"], matter, "审核执行（纠正）情况", {"decision": "accept", "note": "核实到位。"})
    matter.refresh_from_db()
    assert matter.status == "closed"
    letter = Letter.objects.get(pk=matter.letter.pk)
    assert letter.state == "closed"
    from flows.letters import LetterFlow
    from flows.services import process_for

    assert process_for(letter, LetterFlow).status == "DONE"
