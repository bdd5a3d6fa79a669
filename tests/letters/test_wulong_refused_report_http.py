"""武隆《行政执法监督意见书制度》第十条, the two refusals no test recorded before (audit
docs/audit/wulong-casework.md): an agency that refuses to report how it carried out a supervision decision, and one
that refuses to carry out the 监督意见书, over HTTP as the role users with the clock frozen. Each is recorded in the
letter's own file citing 第十条 alone (not 第六条), and leads to one correction order (责令限期纠正通知书) there,
10 working days from its receipt (the platform's default, the rule names no period).

Calendar 2026: letter signed Monday 11-02, served Tuesday 11-03 (its 20 working days end Tuesday 12-01); the
refusals and the order Tuesday 11-10; the order received Wednesday 11-11 → the 10th working day is Wednesday 11-25."""
import datetime as dt
import re

import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.models import Clock
from letters.models import CooperationRefusal, Letter
from tests.letters.letters_http import do_task, login, matter_html, people, serve, start_letter

pytestmark = pytest.mark.django_db

TENTH = "《行政执法监督意见书制度》第十条"


def test_refusing_to_report_or_to_carry_out_the_letter_orders_correction_citing_article_10(make_user):
    p = people(make_user, "wulong", "武隆区交通运输局")
    with freeze_time("2026-11-02 09:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="duties")
        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "duties", "findings": "未按计划开展食品安全抽检。", "request": "限期完成抽检并书面报告。"})
        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        letter_doc = Document.objects.get(matter=matter, kind="opinion_letter")
        assert letter_doc.doc_number == "武隆监意〔2026〕1号"
    with freeze_time("2026-11-03 09:00"):
        serve(p["officer"], letter_doc, "2026-11-03")
    rectify = Clock.objects.get(subject_id=str(matter.pk), rule_key="letter_rectify_period")
    assert rectify.due_on == dt.date(2026, 12, 1)
    with freeze_time("2026-11-10 09:00"):
        url = f"/admin/letters/matter/{matter.pk}/cooperation/"
        form = login(p["officer"]).get(url).content.decode()
        options = re.findall(r"<option[^>]*>([^<]*)</option>", re.search(
            r'<select name="kind"[^>]*>(.*?)</select>', form, re.S).group(1))
        assert options == ["请选择", "不配合行政执法监督机构调查工作（未为调查提供便利、未主动说明情况或提供相关资料）（第六条、第十条）",
                           "妨碍行政执法监督人员依法履行监督职责（第十条）", "拒绝执行《行政执法监督意见书》（第十条）",
                           "拒绝报告行政执法监督决定执行情况（第十条）"]
        r = login(p["officer"]).post(url, {
            "kind": "refuse_report", "occurred_on": "2026-11-10",
            "facts": "2026年11月10日电话催报，该局答复不报送意见书整改落实情况。",
            "request": "于收到本通知书后书面报告《行政执法监督意见书》整改落实情况。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        refusal = CooperationRefusal.objects.get()
        assert (refusal.kind_label, refusal.article) == ("拒绝报告行政执法监督决定执行情况", TENTH)
        assert not refusal.serious
        order_letter = refusal.letter
        assert (order_letter.matter_id, order_letter.ground, order_letter.state) == (matter.pk, "obstruction",
                                                                                     "ordering")
        # the refusal to carry out the letter itself: beside the same order, with the same article
        r = login(p["officer"]).post(url, {"kind": "refuse_letter", "occurred_on": "2026-11-10",
                                           "facts": "该局书面答复不执行意见书。"})
        assert r.status_code == 302
        assert list(CooperationRefusal.objects.order_by("pk").values_list("article", flat=True)) == [TENTH, TENTH]
        assert Letter.objects.filter(matter=matter, ground="obstruction").count() == 1
        html = matter_html(login(p["officer"]), matter)
        assert f"<td>2026-11-10</td><td>拒绝报告行政执法监督决定执行情况（{TENTH}）</td>" in html

        do_task(p["officer"], matter, "起草逾期处理文书", {"text": "书面报告意见书整改落实情况。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
    order = Document.objects.get(kind="correction_order")
    assert order.doc_number == "武隆监纠〔2026〕1号" and order.matter_id == matter.pk
    assert order.article == TENTH and order.issued_on == dt.date(2026, 11, 10)
    with freeze_time("2026-11-11 09:00"):
        serve(p["officer"], order, "2026-11-11")
    due = Clock.objects.get(subject_id=str(matter.pk), rule_key="decision_report_period")
    assert due.due_on == dt.date(2026, 11, 25)
    # the letter's own 20 working days run on beside the order
    rectify.refresh_from_db()
    assert (rectify.status, rectify.due_on) == ("running", dt.date(2026, 12, 1))
