"""Cooperation in investigations (004 行政执法监督意见书制度 第六条、第十条), over HTTP as the role users: the
agency refuses to provide materials during a supervision; the officer records it in the matter, which leads to
a correction order in the same file (10 working days from receipt, the platform's default), then, not corrected
in time, the 通报; the serious case is recorded as needing referral. The agency's liaison cannot record one.

Calendar 2026: order received Monday 10-12 → 10 working days end Monday 10-26."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document, Matter
from clocks.models import Clock
from clocks.scheduler import run_once
from letters.cooperation import referral_needed
from letters.models import CooperationRefusal, Letter
from tests.letters.letters_http import do_task, login, matter_html, people, serve

pytestmark = pytest.mark.django_db


def test_a_refusal_leads_to_a_correction_order_then_the_circular(make_user):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    with freeze_time("2026-10-09 09:00") as frozen:
        # a supervision inspection opened as a matter; the agency refuses to hand over its case files
        response = login(p["officer"]).post("/admin/casework/new/", {
            "agency": p["agency"].pk, "source": "inspection", "title": "2026年行政处罚案卷评查",
            "facts": "评查2026年行政处罚案卷。"})
        assert response.status_code == 302, response.content.decode()[-2000:]
        matter = Matter.objects.get(title="2026年行政处罚案卷评查")
        url = f"/admin/letters/matter/{matter.pk}/cooperation/"
        html = matter_html(login(p["officer"]), matter)
        assert "登记不配合监督并责令限期纠正" in html and "第六条" in html
        # the agency's liaison may not record one (nor see the panel)
        refused = login(p["liaison"]).get(url)
        assert refused.status_code in (302, 403)
        assert "不配合监督" not in matter_html(login(p["liaison"]), matter)
        # bad input: a clear message, nothing written
        officer = login(p["officer"])
        bad = officer.post(url, {"kind": "no_cooperation", "occurred_on": "2026-10-09", "facts": "",
                                 "request": "提供资料。", "serious": "on", "serious_reason": ""})
        assert bad.status_code == 200 and "请写明不配合、妨碍监督的事实。" in bad.content.decode()
        future = officer.post(url, {"kind": "no_cooperation", "occurred_on": "2026-10-10", "facts": "拒绝。",
                                    "request": "提供资料。"})
        assert future.status_code == 200 and "发生日期不能晚于今天。" in future.content.decode()
        assert not CooperationRefusal.objects.exists() and not Letter.objects.filter(ground="obstruction").exists()

        r = officer.post(url, {"kind": "no_cooperation", "occurred_on": "2026-10-09",
                               "facts": "2026年10月9日调取行政处罚案卷，该局以案卷外借为由拒绝提供。",
                               "request": "于收到本通知书后提供2026年行政处罚案卷。", "serious": "on",
                               "serious_reason": "多次拒绝提供案卷，致监督无法进行。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        refusal = CooperationRefusal.objects.get()
        assert refusal.article == "《行政执法监督意见书制度》第六条、第十条" and refusal.serious
        order_letter = refusal.letter
        assert (order_letter.matter_id, order_letter.ground, order_letter.state) == (matter.pk, "obstruction",
                                                                                     "ordering")
        assert list(referral_needed("wulong")) == [refusal]
        # a second obstruction in the same matter is recorded beside the same order
        r = officer.post(url, {"kind": "obstruct", "occurred_on": "2026-10-09", "facts": "拒绝监督人员进入档案室。"})
        assert r.status_code == 302
        assert CooperationRefusal.objects.count() == 2 and Letter.objects.filter(ground="obstruction").count() == 1
        html = matter_html(login(p["officer"]), matter)
        assert "是，需移送处理：多次拒绝提供案卷，致监督无法进行。" in html

        frozen.move_to("2026-10-09 11:00")
        do_task(p["officer"], matter, "起草逾期处理文书", {"text": "提供2026年行政处罚案卷。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        order = Document.objects.get(kind="correction_order")
        assert order.doc_number == "武隆监纠〔2026〕1号" and order.matter_id == matter.pk
        assert order.article == "《行政执法监督意见书制度》第十条"
        frozen.move_to("2026-10-12 09:00")
        serve(p["officer"], order, "2026-10-12")
        due = Clock.objects.get(subject_id=str(matter.pk), rule_key="decision_report_period")
        assert due.due_on == dt.date(2026, 10, 26)

        # not corrected in time → 通报 (第十条)
        frozen.move_to("2026-10-27 02:00")
        run_once()
        order_letter.refresh_from_db()
        assert order_letter.state == "escalating"
        frozen.move_to("2026-10-28 09:00")
        do_task(p["leader"], matter, "约谈、移送或通报", {"circular": "该局拒不提供行政处罚案卷，逾期未纠正，予以通报。"})
    circular = Document.objects.get(kind="circular")
    assert circular.doc_number == "武隆监通〔2026〕1号" and circular.issued_on == dt.date(2026, 10, 28)
    assert circular.matter_id == matter.pk and "第十条" in circular.article
