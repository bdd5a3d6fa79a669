"""004 争议协调办法 第十一条第（二）—（四）项: the application's materials are uploaded with it into the file, where
the bureau and both parties' liaisons see them; an application without the materials of 第（二）、（三）项 is
still received (第十二条第（二）项: the bureau may ask for 补正) and the applicant is told so in Chinese."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time

from casework.models import Attachment
from coordination.models import Dispute
from tests.coordination.helpers import login
from tests.coordination.test_coordination_http import setup

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BASE = {"category": "duties", "facts": "街面占道经营的查处职责存在分歧。",
        "negotiation": "2026年9月15日两局协商未达成一致。", "proposal_text": "建议按职责清单划分。"}


def pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_materials_uploaded_with_the_application_are_in_the_file_for_bureau_and_both_parties(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    applicant = login(lx_a)
    form = applicant.get("/admin/coordination/apply/").content.decode()
    assert "涉及争议协调事项的有关法律、法规、规章和其他规范性文件（第十一条第（二）项）" in form
    assert "行政执法机关编制事项文件和职责运行情况（第十一条第（三）项）" in form
    with freeze_time("2026-09-22 09:00"):
        r = applicant.post("/admin/coordination/apply/", {
            **BASE, "parties": [b.pk], "title": "占道经营监管职责争议",
            "material_laws": pdf("城市管理执法办法.pdf"), "material_establishment": pdf("三定方案.pdf"),
            "material_other": pdf("协商会议纪要.pdf")}, follow=True)
    page = r.content.decode()
    assert r.status_code == 200 and "争议协调申请已提交" in page
    assert "申请未附" not in page
    dispute = Dispute.objects.get()
    atts = {x.original_name: x.description for x in Attachment.objects.filter(matter=dispute.matter)}
    assert atts == {"城市管理执法办法.pdf": "涉及争议协调事项的有关法律、法规、规章和其他规范性文件（第十一条第（二）项）",
                    "三定方案.pdf": "行政执法机关编制事项文件和职责运行情况（第十一条第（三）项）",
                    "协商会议纪要.pdf": "其他涉及争议协调事项的有关材料（第十一条第（四）项）"}
    url = f"/admin/casework/{dispute.matter_id}/"
    for user in (officer, lx_a, lx_b):
        html = login(user).get(url).content.decode()
        for name in ("城市管理执法办法.pdf", "三定方案.pdf", "协商会议纪要.pdf"):
            assert name in html, (user.username, name)
    # the respondent's liaison downloads the applicant's 编制 file
    att = Attachment.objects.get(original_name="三定方案.pdf")
    assert login(lx_b).get(f"/admin/casework/files/attachment/{att.pk}/").status_code == 200


def test_application_without_the_materials_is_received_and_the_applicant_is_told_what_is_missing(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-09-22 09:00"):
        r = login(lx_a).post("/admin/coordination/apply/", {
            **BASE, "parties": [b.pk], "title": "联合执法争议", "material_laws": pdf("城市管理执法办法.pdf")},
            follow=True)
    page = r.content.decode()
    assert "申请未附下列材料，区司法局审查时可能通知补正（第十二条第（二）项）：" \
           "行政执法机关编制事项文件和职责运行情况（第十一条第（三）项）" in page
    assert "（第十一条第（二）项）" not in page.split("申请未附下列材料")[1].split("</")[0]
    dispute = Dispute.objects.get()
    assert dispute.received_on.isoformat() == "2026-09-22"
    assert "申请未附：行政执法机关编制事项文件和职责运行情况（第十一条第（三）项）。" in \
           login(officer).get(f"/admin/casework/{dispute.matter_id}/").content.decode()
    # a file that is not an accepted document is refused on the form, nothing written
    with freeze_time("2026-09-22 10:00"):
        bad = login(lx_a).post("/admin/coordination/apply/", {
            **BASE, "parties": [b.pk], "title": "执法协助争议",
            "material_laws": SimpleUploadedFile("x.exe", b"MZ\x90\x00", content_type="application/octet-stream")})
    assert bad.status_code == 200
    assert not Dispute.objects.filter(matter__title="执法协助争议").exists()
