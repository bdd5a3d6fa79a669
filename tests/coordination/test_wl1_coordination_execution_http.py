"""004 行政执法争议协调办法, the ends of a coordination over HTTP with role users and literal dates: the 5 WD refusal
(第十二条第（三）项) counted from receipt; the bureau supervising the execution of the 行政执法协调意见书 (第十九条) — all
executed, the file closes; an agency refusing gets a 监督意见书 drafted in its own file from the matter screen."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document, Matter
from clocks.models import Clock
from letters.models import Letter
from tests.coordination.helpers import do_task, login
from tests.coordination.test_coordination_http import apply, setup

pytestmark = pytest.mark.django_db


def clock(matter, rule_key):
    return Clock.objects.filter(subject_id=str(matter.pk), rule_key=rule_key).order_by("-pk").first()


def test_refusal_within_5_working_days_of_receipt(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-11-12 09:00") as frozen:  # Thursday
        dispute = apply(lx_a, b, title="行政相对人投诉处理争议")
        # 11-13 (Fri), 11-16, 11-17, 11-18, 11-19
        assert clock(dispute.matter, "dispute_accept_period").due_on == dt.date(2026, 11, 19)
        frozen.move_to("2026-11-19 10:00")
        do_task(login(officer), "审查争议协调申请", {"decision": "refuse", "ground": "with_public", "note": ""})
    refusal = Document.objects.get(matter=dispute.matter, kind="coordination_refusal")
    assert refusal.issued_on == dt.date(2026, 11, 19)
    assert refusal.article == "《行政执法争议协调办法》第十二条第（三）项、第八条第（三）项"
    assert clock(dispute.matter, "dispute_accept_period").status == "met"
    dispute.refresh_from_db()
    assert dispute.state == "refused" and dispute.matter.outcome == "不予受理（武隆协不〔2026〕1号）"


def _opinion(make_user, title):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title=title)
        do_task(off, "审查争议协调申请", {"decision": "accept"})
        assert clock(dispute.matter, "dispute_finish_period").due_on == dt.date(2026, 11, 11)
        frozen.move_to("2026-11-05 10:00")
        do_task(off, "协调并提出协调结果", {"agreed": "yes", "result": "由城市管理部门查处，市场监管部门配合。"})
        frozen.move_to("2026-11-06 10:00")
        do_task(login(leader), "报请区政府同意并签发协调意见书", {"consent_on": "2026-11-06",
                                                                  "result": "由城市管理部门查处，市场监管部门配合。"})
    opinion = Document.objects.get(matter=dispute.matter, kind="coordination_opinion")
    assert opinion.issued_on == dt.date(2026, 11, 6) and opinion.doc_number == "武隆协意〔2026〕1号"
    assert clock(dispute.matter, "dispute_finish_period").status == "met"
    return dispute, b, officer


def test_opinion_executed_by_every_agency_closes_the_file(make_user):
    dispute, b, officer = _opinion(make_user, "执法协助争议")
    with freeze_time("2026-11-16 09:00"):
        do_task(login(officer), "监督协调意见书执行", {"note": "两局已按协调意见书分工执法。"})
    dispute.refresh_from_db()
    assert dispute.state == "done" and dispute.finished_on == dt.date(2026, 11, 16)
    assert dispute.matter.status == "closed" and dispute.matter.outcome == "协调意见书已执行"
    assert not Matter.objects.filter(process="letter").exists()


def test_an_agency_refusing_the_opinion_gets_a_supervision_opinion_letter_in_its_file(make_user):
    dispute, b, officer = _opinion(make_user, "案件移送争议")
    off = login(officer)
    with freeze_time("2026-11-16 09:00"):
        do_task(off, "监督协调意见书执行", {"refusing": [b.pk], "note": "拒绝接收移送的案件。"})
        letter_matter = Matter.objects.get(process="letter")
        assert letter_matter.agency == b and letter_matter.source == "coordination"
        assert letter_matter.title == "拒不执行《行政执法协调意见书》（武隆协意〔2026〕1号）"
        dispute.refresh_from_db()
        assert dispute.matter.outcome == "部分机关拒不执行，已转监督意见书程序"
        # the matter screen offers the 监督意见书 in the same file; drafted from there
        page = off.get(f"/admin/casework/{letter_matter.pk}/").content.decode()
        assert f"/admin/letters/new/?matter={letter_matter.pk}" in page
        r = off.post(f"/admin/letters/new/?matter={letter_matter.pk}", {
            "ground": "procedure", "findings": "武隆区城市管理局拒不执行协调意见书，拒绝接收移送的案件。",
            "request": "按协调意见书接收移送案件并依法查处。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
    letter = Letter.objects.get()
    assert letter.matter_id == letter_matter.pk and letter.addressee == b
