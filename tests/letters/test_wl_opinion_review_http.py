"""004 行政执法监督意见书制度 over HTTP as the role users: the ten 监督内容 of 第七条 offered with their items when an
officer starts a 意见书; 第九条 a review request after the 10 working days is refused with the date, on time it is
decided within 15 working days, and upheld (不存在所述情形) it ends the supervision with no date left running.

Calendar 2026: 意见书 received Monday 09-28 → 10 WD (National Day week, make-up Saturday 10-10) end Friday 10-16."""

import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.models import Clock
from clocks.scheduler import run_once
from letters.models import Letter
from tests.letters.letters_http import do_task, login, matter_html, people, serve, start_letter

pytestmark = pytest.mark.django_db


def test_the_new_letter_form_offers_the_ten_supervision_contents(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    html = login(p["officer"]).get("/admin/letters/new/?jurisdiction=wulong").content.decode()
    for text in ("法律、法规、规章的施行情况（第七条第（一）项）", "行政执法程序的合法性（第七条第（三）项）",
                 "复议、应诉和赔偿工作情况（第七条第（八）项）", "其他行政执法工作情况（第七条第（十）项）"):
        assert text.replace("（第七条", "（《行政执法监督意见书制度》第七条") in html, text


def test_late_review_request_refused_then_upheld_ends_the_supervision(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        frozen.move_to("2026-09-28 02:00")
        serve(p["officer"], Document.objects.get(matter=matter, kind="opinion_letter"), "2026-09-28")
        url = f"/admin/letters/{matter.letter.pk}/objection/"

        frozen.move_to("2026-10-19 02:00")  # the Monday after the window closed
        late = login(p["liaison"]).post(url, {"reasons": "已履行告知程序。"})
        assert late.status_code == 200
        assert "申请复查期限已于2026-10-16届满" in late.content.decode()
        assert not Letter.objects.get(pk=matter.letter.pk).objections.exists()

    with freeze_time("2026-10-16 02:00") as frozen:  # the last day of the window
        assert login(p["liaison"]).post(url, {"reasons": "已履行告知程序，附送达回证。"}).status_code == 302
        answer = Clock.objects.get(subject_id=str(matter.pk), rule_key="letter_review_answer_period")
        assert str(answer.due_on) == "2026-11-06"  # 15 WD from 10-16
        assert "复查期间不停止执行，整改期限照常计算" in matter_html(login(p["officer"]), matter)
        frozen.move_to("2026-11-05 02:00")
        do_task(p["leader"], matter, "复查并答复", {"decision": "upheld", "answer": "经复查，已履行告知程序。"})
    review = Document.objects.get(matter=matter, kind="review_decision")
    assert review.doc_number == "武隆监复决〔2026〕1号" and str(review.issued_on) == "2026-11-05"
    matter.refresh_from_db()
    letter = Letter.objects.get(pk=matter.letter.pk)
    assert (letter.state, matter.status) == ("terminated", "closed")
    assert not Clock.objects.filter(subject_id=str(matter.pk), status="running").exists()
    with freeze_time("2026-12-01 02:00"):
        run_once()  # the 20 WD (due 2026-10-30) would have run out: nothing is overdue, no 责令限期纠正通知书
    assert Letter.objects.get(pk=letter.pk).state == "terminated"
    assert not Document.objects.filter(matter=matter, kind="correction_order").exists()
