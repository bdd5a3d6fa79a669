"""The 追偿决定书's title (错案 第十二条第二款; 过错 第十一条第（六）项) for a case whose name already ends in 赔偿追偿:
"关于{事项名称}的行政赔偿追偿决定" must not read "…赔偿追偿的行政赔偿追偿决定". Over HTTP as the bureau's officer and
leader, the clock frozen; the title on the document, its PDF and the matter screen, the body keeps the case's name.

Calendar 2026: intake Thursday 09-03, decision Monday 09-07, compensation paid 09-15, recovery decided Monday 09-21."""
import io

import pdfplumber
import pytest
from freezegun import freeze_time

from accountability.models import Case
from referrals.models import Recovery
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, do_task, login

pytestmark = pytest.mark.django_db

TITLE = "关于某建材店行政处罚案的行政赔偿追偿决定"


def test_the_recovery_title_says_compensation_recovery_once(make_user):
    agency, _liaison = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_scj")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-09-03 09:00") as frozen:
        r = off.post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "court", "grounds": ["facts"],
            "title": "某建材店行政处罚案赔偿追偿", "facts": "处罚决定被判决撤销，已支付行政赔偿金。",
            "intake_on": "2026-09-03"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        case = Case.objects.get()
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "主办人员重大过失认定事实错误。",
            "p0_name": "张明", "p0_position": "主办人员", "p0_share": "sole"})
        person = case.persons.get(active=True)
        frozen.move_to("2026-09-07 15:00")
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年9月7日局务会集体讨论", f"s_{person.pk}": ["correct", "compensation"],
            f"c_{person.pk}": "gross", f"h_{person.pk}": "rights"})
        frozen.move_to("2026-09-21 10:00")
        r = lead.post(f"/admin/referrals/matter/{case.matter_id}/recovery/", {
            "compensation": "12000", "paid_on": "2026-09-15", "basis": "主办人员重大过失认定事实错误，导致行政赔偿。",
            f"share_{person.pk}": "6000"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
    doc = Recovery.objects.get().document
    assert doc.doc_number == "武隆追偿〔2026〕1号"
    assert doc.title == TITLE
    assert TITLE in page and "赔偿追偿的行政赔偿追偿决定" not in page
    assert ("某建材店行政处罚案赔偿追偿（" + case.matter.number + "）一案，武隆区市场监督管理局已于2026年9月15日"
            "支付行政赔偿金12000.00元。") in doc.body
    pdf = off.get(f"/admin/casework/files/document/{doc.pk}.pdf")
    assert pdf.status_code == 200
    with pdfplumber.open(io.BytesIO(b"".join(pdf.streaming_content))) as d:
        text = "".join(p.extract_text() for p in d.pages).replace("\n", "")
    assert TITLE in text and "赔偿追偿的行政赔偿追偿" not in text
