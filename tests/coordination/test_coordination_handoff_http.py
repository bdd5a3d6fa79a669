"""After an unresolved coordination (004 争议协调办法 第十八条第（二）项): the district government's decision is
recorded in the same file (who, when, what, its file), a party that does not execute it is ordered to correct
(第二十条), and overdue → 通报 — all in one matter. Over HTTP, the clock frozen."""
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time

from casework.models import Attachment, Document
from clocks.models import Clock
from coordination.models import Dispute
from letters.models import Letter
from letters.services import mark_overdue
from tests.coordination.helpers import do_task, login
from tests.coordination.test_coordination_http import apply, setup
from tests.letters.letters_http import do_task as do_matter_task

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _proposed(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="联合执法牵头争议")
        do_task(off, "审查争议协调申请", {"decision": "accept"})
        url = f"/admin/coordination/{dispute.pk}/government-decision/"
        # the coordination has not ended: no decision can be recorded, nothing written
        early = off.post(url, {"decided_by": "重庆市武隆区人民政府", "decided_on": "2026-11-02", "text": "x"})
        assert early.status_code == 200
        assert "争议协调尚未以“未达成一致、报请区政府决定”结束，不能登记区政府的决定。" in early.content.decode()
        frozen.move_to("2026-11-10 09:00")
        do_task(off, "协调并提出协调结果", {"agreed": "no", "result": "倾向于由市场监管部门牵头。"})
    dispute.refresh_from_db()
    assert dispute.state == "proposed" and dispute.decided_on is None
    return dispute, a, lx_a, b, lx_b, officer, leader


def test_government_decision_then_correction_order_then_circular_in_one_file(make_user):
    dispute, a, lx_a, b, lx_b, officer, leader = _proposed(make_user)
    matter_id = dispute.matter_id
    off = login(officer)
    url = f"/admin/coordination/{dispute.pk}/government-decision/"
    with freeze_time("2026-11-16 09:00"):
        # wrong role: the liaison of a party may not record the government's decision
        denied = login(lx_b).post(url, {"decided_by": "x", "decided_on": "2026-11-13", "text": "x"})
        assert denied.status_code == 403 and "只有司法局经办人可以登记区政府的决定。" in denied.content.decode()
        assert "登记区政府的决定" in off.get(f"/admin/casework/{matter_id}/").content.decode()
        r = off.post(url, {"decided_by": "重庆市武隆区人民政府", "decided_on": "2026-11-13",
                           "text": "由武隆区城市管理局牵头查处街面占道经营，市场监管部门配合。",
                           "file": SimpleUploadedFile("区政府决定.pdf", PDF, content_type="application/pdf")})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter_id}/"
        again = off.post(url, {"decided_by": "重庆市武隆区人民政府", "decided_on": "2026-11-13", "text": "再次"})
        assert again.status_code == 200 and "区政府的决定已经登记，不能重复登记。" in again.content.decode()
    dispute.refresh_from_db()
    assert dispute.state == "decided" and dispute.decided_on == dt.date(2026, 11, 13)
    assert dispute.decided_by == "重庆市武隆区人民政府" and dispute.decision_recorded_by == officer
    att = Attachment.objects.get(matter_id=matter_id)
    assert dispute.decision_attachment == att and att.original_name == "区政府决定.pdf"
    assert dispute.matter.status == "open"  # the file reopened for what follows the decision

    order_url = f"/admin/coordination/{dispute.pk}/correction-order/"
    with freeze_time("2026-11-23 09:00"):
        r = off.post(order_url, {"agency": b.pk, "findings": "武隆区城市管理局至今未组织查处街面占道经营。",
                                 "request": "按区政府决定牵头查处街面占道经营，并报告查处情况。"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter_id}/"
        again = off.post(order_url, {"agency": b.pk, "findings": "x", "request": "y"})
        assert again.status_code == 200 and "不能重复制发" in again.content.decode()
        do_matter_task(officer, dispute.matter, "起草逾期处理文书", {"text": "按区政府决定牵头查处街面占道经营。"})
        do_matter_task(leader, dispute.matter, "签发逾期处理文书", {"confirm": "on"})
    letter = Letter.objects.get()
    assert letter.matter_id == matter_id and letter.agency == b
    order = Document.objects.get(kind="correction_order")
    assert order.matter_id == matter_id and order.doc_number == "武隆监纠〔2026〕1号"
    assert order.addressee == "武隆区城市管理局" and order.article == "《行政执法争议协调办法》第二十条"
    assert "经查，你单位不执行区政府及其有决定权的机构对行政执法争议的调处决定。" in order.body
    # the party's own liaison signs for it online; the 10 WD count starts from receipt (Tue 11-24 → Tue 12-08)
    with freeze_time("2026-11-24 10:00"):
        assert login(lx_b).post(f"/admin/casework/documents/{order.pk}/service/").status_code == 302
    due = Clock.objects.get(subject_id=str(matter_id), rule_key="decision_report_period")
    assert due.started_on == dt.date(2026, 11, 24) and due.due_on == dt.date(2026, 12, 8)
    # overdue → 通报 (第二十条: 逾期不纠正的予以通报), still in the same file
    with freeze_time("2026-12-09 01:00"):
        assert mark_overdue() == 1
    with freeze_time("2026-12-09 09:00"):
        do_matter_task(leader, dispute.matter, "约谈、移送或通报", {"circular": "对武隆区城市管理局予以通报。"})
    circular = Document.objects.get(kind="circular")
    assert circular.matter_id == matter_id and circular.doc_number == "武隆监通〔2026〕1号"
    assert circular.addressee == "武隆区城市管理局"
    dispute.matter.refresh_from_db()
    assert dispute.matter.status == "closed"


def test_correction_order_before_the_decision_is_refused_and_writes_nothing(make_user):
    dispute, a, lx_a, b, lx_b, officer, leader = _proposed(make_user)
    with freeze_time("2026-11-16 09:00"):
        r = login(officer).post(f"/admin/coordination/{dispute.pk}/correction-order/", {
            "agency": b.pk, "findings": "x", "request": "y"})
        assert r.status_code == 200 and "尚未登记区政府对争议的决定，不能责令限期纠正（第二十条）。" in r.content.decode()
        denied = login(lx_a).post(f"/admin/coordination/{dispute.pk}/correction-order/", {
            "agency": b.pk, "findings": "x", "request": "y"})
        assert denied.status_code == 403 and "只有司法局经办人可以起草责令限期纠正通知书。" in denied.content.decode()
    assert not Letter.objects.exists()
    assert Dispute.objects.get().matter.status == "closed"
    # executed without a correction order: recorded, the coordination and its file end
    off = login(officer)
    with freeze_time("2026-11-17 09:00"):
        early = off.post(f"/admin/coordination/{dispute.pk}/decision-executed/", {"note": ""})
        assert early.status_code == 200 and "尚未登记区政府对争议的决定，不能登记执行完毕。" in early.content.decode()
        assert off.post(f"/admin/coordination/{dispute.pk}/government-decision/", {
            "decided_by": "重庆市武隆区人民政府", "decided_on": "2026-11-16", "text": "由市场监管部门牵头。"}).status_code == 302
        assert Dispute.objects.get().matter.status == "open"
        r = off.post(f"/admin/coordination/{dispute.pk}/decision-executed/", {"note": "两局已按决定分工。"})
        assert r.status_code == 302
    dispute.refresh_from_db()
    assert dispute.state == "done" and dispute.matter.status == "closed"
    assert dispute.matter.outcome == "重庆市武隆区人民政府的调处决定已执行：两局已按决定分工。"
