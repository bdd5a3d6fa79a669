"""Wulong 监督意见书 over HTTP (004 行政执法监督意见书制度 第八条—第十条): 20 working days across National
Day 2026 (10-01..10-07 holidays, Saturday 10-10 a make-up workday); a review request does not suspend it."""
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
        "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
    do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
    return Document.objects.get(matter=matter, kind="opinion_letter")


@pytest.mark.django_db
def test_wulong_review_request_does_not_suspend_20_working_days_then_report_and_close(make_user):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        doc = sign(p, matter)
        assert doc.doc_number == "武隆监意〔2026〕1号"
        frozen.move_to("2026-09-28 02:00")
        serve(p["officer"], doc, "2026-09-28")
        # 20 WD from 2026-09-28: 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12 ... 10-30
        rectify = clock(matter, "整改并报送期限", "running")
        assert rectify.due_on == dt.date(2026, 10, 30)
        # the task is the liaison's, in their inbox; another agency's liaison sees nothing of it
        assert "报送整改情况" in login(p["liaison"]).get("/workflow/").content.decode()
        assert matter.title not in login(p["other"]).get("/workflow/").content.decode()
        html = matter_html(login(p["liaison"]), matter)
        # review request window: 10 WD -> 2026-10-16 (004 第九条)
        assert "2026-10-16" in html and "2026-10-30" in html and "第九条" in html

        frozen.move_to("2026-10-12 02:00")
        response = login(p["liaison"]).post(f"/admin/letters/{matter.letter.pk}/objection/",
                                            {"reasons": "已履行告知程序，附送达回证。"})
        assert response.status_code == 302
        # decided within 15 WD of receiving it: 2026-10-12 -> 2026-11-02
        assert clock(matter, "复查答复期限").due_on == dt.date(2026, 11, 2)
        # not suspended (004 第九条 复查期间不停止执行): the rectification clock runs on, same date
        rectify.refresh_from_db()
        assert (rectify.status, rectify.due_on) == ("running", dt.date(2026, 10, 30))
        letter = Letter.objects.get(pk=matter.letter.pk)
        assert letter.state == "rectifying"
        # the liaison still has the rectification task during the review
        assert "报送整改情况" in matter_html(login(p["liaison"]), matter)

        frozen.move_to("2026-10-20 02:00")
        do_task(p["leader"], matter, "复查并答复", {"decision": "rejected", "answer": "送达回证不能证明已告知。"})
        assert Document.objects.get(matter=matter, kind="review_decision").doc_number == "武隆监复决〔2026〕1号"
        rectify.refresh_from_db()
        assert (rectify.status, rectify.due_on) == ("running", dt.date(2026, 10, 30))

        frozen.move_to("2026-10-29 02:00")
        do_task(p["liaison"], matter, "报送整改情况", {"text": "已撤销原处罚决定并重新履行告知程序。"})
        rectify.refresh_from_db()
        assert rectify.status == "met"
        # returned for more: the same period runs on (still due 2026-10-30); the liaison reports again
        do_task(p["officer"], matter, "审核整改情况", {"decision": "return", "note": "请补充重新告知的送达回证。"})
        rectify.refresh_from_db()
        assert (rectify.status, rectify.due_on) == ("running", dt.date(2026, 10, 30))
        frozen.move_to("2026-10-30 02:00")
        do_task(p["liaison"], matter, "报送整改情况", {"text": "补充送达回证。"})
        frozen.move_to("2026-11-03 02:00")
        run_once()  # reported in time: nothing overdue although the date has passed
        do_task(p["officer"], matter, "审核整改情况", {"decision": "accept", "note": "整改到位。"})
    matter.refresh_from_db()
    assert matter.status == "closed"
    assert not Document.objects.filter(matter=matter, kind="correction_order").exists()
    assert DecisionRecord.objects.filter(subject_id=str(matter.pk), outcome="整改到位，办结").exists()


@pytest.mark.django_db
def test_wulong_overdue_correction_order_then_circular(make_user):
    """004 第十条: 拒绝执行意见书 → 责令限期纠正; 逾期不纠正的予以通报."""
    p = people(make_user, "wulong", "武隆区城市管理局")
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="duties")
        doc = sign(p, matter)
        frozen.move_to("2026-09-28 02:00")
        serve(p["officer"], doc, "2026-09-28")
        frozen.move_to("2026-10-30 12:00")  # 20:00 in Shanghai on the last day: not yet overdue
        run_once()
        assert Letter.objects.get(pk=matter.letter.pk).state == "rectifying"
        frozen.move_to("2026-11-02 02:00")
        run_once()
        assert Letter.objects.get(pk=matter.letter.pk).state == "overdue"
        assert "整改逾期" in matter_html(login(p["officer"]), matter)
        do_task(p["officer"], matter, "起草逾期处理文书", {"text": "限期重新履行法定职责。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        order = Document.objects.get(matter=matter, kind="correction_order")
        assert order.doc_number == "武隆监纠〔2026〕1号"
        serve(p["officer"], order, "2026-11-02")
        # platform default 10 WD (004 第十条 sets no figure): 11-03 .. 11-16
        assert clock(matter, "执行（纠正）情况报告期限").due_on == dt.date(2026, 11, 16)
        frozen.move_to("2026-11-17 02:00")
        run_once()
        do_task(p["leader"], matter, "约谈、移送或通报", {"circular": "对该局拒不纠正的情况在全区予以通报。"})
    assert Document.objects.get(matter=matter, kind="circular").doc_number == "武隆监通〔2026〕1号"
    matter.refresh_from_db()
    assert matter.status == "closed" and "予以通报" in matter.outcome
