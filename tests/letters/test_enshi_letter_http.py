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
    from flows.services import process_for
    from letters.flows import LetterFlow

    assert process_for(letter, LetterFlow).status == "DONE"


@pytest.mark.django_db
def test_enshi_objection_upheld_ends_supervision_no_clock_no_decision_then_typical_case(make_user, site_tree):
    """003 第二十七条: 经复查异议成立的，终止本次监督 — no rectification date, nothing overdue, no 决定书.
    The closed matter becomes an unpublished 典型案例 draft without personal data (003 第二十九条)."""
    p = people(make_user, "enshi", "恩施州生态环境局")
    with freeze_time("2026-09-01 02:00") as frozen:
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="illegal_decision")
        doc = sign(p, matter)
        frozen.move_to("2026-09-07 02:00")
        serve(p["officer"], doc, "2026-09-05")
        # the liaison of another agency sees nothing of it; the public neither
        other = login(p["other"])
        denied = other.get(f"/admin/casework/{matter.pk}/")
        assert denied.status_code in (302, 403) and matter.title not in denied.content.decode(), denied.status_code
        assert matter.title not in other.get("/admin/casework/").content.decode()
        assert other.post(f"/admin/letters/{matter.letter.pk}/objection/", {"reasons": "x"}).status_code in (302, 403)
        assert not matter.letter.objections.exists()
        assert login(p["liaison"]).get("/admin/casework/").content.decode().count(matter.title) >= 1

        # a late objection is refused with the window's date: 10 days from 2026-09-05 end 2026-09-15
        frozen.move_to("2026-09-16 02:00")
        late = login(p["liaison"]).post(f"/admin/letters/{matter.letter.pk}/objection/", {"reasons": "迟到的异议"})
        assert late.status_code == 200 and "2026-09-15" in late.content.decode()
        frozen.move_to("2026-09-15 02:00")
        ok = login(p["liaison"]).post(f"/admin/letters/{matter.letter.pk}/objection/", {"reasons": "决定合法，附依据。"})
        assert ok.status_code == 302
        # 15 days from receiving the objection on 2026-09-15: 2026-09-30
        assert clock(matter, "复查答复期限").due_on == dt.date(2026, 9, 30)
        frozen.move_to("2026-09-29 02:00")
        do_task(p["leader"], matter, "复查并答复", {"decision": "upheld", "answer": "经核查，原决定合法。"})
    matter.refresh_from_db()
    letter = Letter.objects.get(pk=matter.letter.pk)
    assert (letter.state, matter.status, matter.outcome) == ("terminated", "closed", "经复查异议成立，终止本次监督")
    assert not Clock.objects.filter(subject_id=str(matter.pk), status="running").exists()
    with freeze_time("2026-12-31 02:00"):
        run_once()
    assert not Document.objects.filter(matter=matter, kind="supervision_decision").exists()
    letter.refresh_from_db()
    assert letter.state == "terminated"
    from flows.services import process_for
    from letters.flows import LetterFlow

    assert process_for(letter, LetterFlow).status == "DONE"
    assert DecisionRecord.objects.filter(subject_id=str(matter.pk), outcome="异议成立").exists()

    # typical case: a draft revision, not live, no personal data; the public sees nothing until published
    with freeze_time("2026-10-10 02:00"):
        response = login(p["officer"]).post(f"/admin/letters/{letter.pk}/typical-case/")
    assert response.status_code == 302
    from django.test import Client

    from public_notices.models import TypicalCasePage

    page = TypicalCasePage.objects.get(pk=Letter.objects.get(pk=letter.pk).typical_case_page_id)
    assert not page.live and page.get_latest_revision() is not None
    text = page.title + page.body
    for personal in ("王大明", "110105198005010011", "13812345678", "李小红", "赵负责", "张经办"):
        assert personal not in text
    assert "恩施州生态环境局" in text and "终止本次监督" in text
    public = Client()
    assert page.url and public.get(page.url).status_code == 404  # a draft is not served
    assert public.get(f"/admin/casework/{matter.pk}/").status_code == 302  # to the login
    assert "恩施州生态环境局" not in public.get("/api/v2/pages/?type=public_notices.TypicalCasePage").content.decode()
    assert matter.title not in public.get("/search/?q=" + "终止本次监督").content.decode()
    page.save_revision().publish()
    page.refresh_from_db()
    assert "恩施州生态环境局" in public.get(page.url).content.decode()


@pytest.mark.django_db
def test_enshi_decision_ignored_leads_to_interview_and_confidential_referral(make_user, settings,
                                                                            django_capture_on_commit_callbacks):
    """003 第二十九条第二款 约谈, 第三十一条 移送监察机关: after the 决定书's 30 days run out unanswered."""
    p = people(make_user, "enshi", "恩施州交通运输局")
    with freeze_time("2026-06-01 02:00") as frozen:
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="systems")
        doc = sign(p, matter)
        serve(p["officer"], doc, "2026-06-01")
        # 30 days from 2026-06-01 = 2026-07-01 (a Wednesday)
        assert clock(matter, "整改并报送期限").due_on == dt.date(2026, 7, 1)
        frozen.move_to("2026-07-02 02:00")
        run_once()
        do_task(p["officer"], matter, "起草逾期处理文书", {"order": "redo", "text": "重新作出处理决定。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        serve(p["officer"], Document.objects.get(matter=matter, kind="supervision_decision"), "2026-07-02")
        # 30 days from 2026-07-02 = 2026-08-01, a Saturday -> Monday 2026-08-03
        assert clock(matter, "执行（纠正）情况报告期限").due_on == dt.date(2026, 8, 3)
        frozen.move_to("2026-08-04 02:00")
        run_once()
        settings.ELASTICSEARCH_URL = ""  # the embedded engine, indexed when the step commits
        with django_capture_on_commit_callbacks(execute=True):
            html = do_task(p["leader"], matter, "约谈、移送或通报", {
                "interview_record": "约谈该局负责人，指出问题并提出整改要求。",
                "referral": "发现执法人员涉嫌失职的问题线索，移送监察机关。"})
        assert "第二十九条第二款" in html and "第三十一条" in html
    assert set(Document.objects.filter(matter=matter).values_list("kind", flat=True)) >= {
        "interview_record", "referral"}
    matter.refresh_from_db()
    assert matter.status == "closed"
    referral = DecisionRecord.objects.get(subject_id=str(matter.pk), doc_number__startswith="恩施监移")
    assert referral.confidential
    # the liaison sees their agency's records on the matter screen but never the confidential referral
    html = matter_html(login(p["liaison"]), matter)
    assert "约谈" in html and referral.title not in html
    assert referral.title in matter_html(login(p["officer"]), matter)
    # staff find every record of the matter in the decision search; the liaison never the referral
    found = login(p["officer"]).get("/admin/search/decisions/", {"q": "移送"}).content.decode()
    assert referral.title in found
    hidden = login(p["liaison"]).get("/admin/search/decisions/", {"q": "移送"})
    assert referral.title not in hidden.content.decode()
    shown = login(p["liaison"]).get("/admin/search/decisions/", {"q": "约谈"}).content.decode()
    assert "约谈被监督机关负责人" in shown
