"""The casework foundation: agency register with liaisons, matters (一案一档), attachments, numbered documents,
service records (送达回证) that start clocks, and private files served only to those who may see the matter."""
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from freezegun import freeze_time

from casework import dispatch, documents, services
from casework.models import Agency, Document, Matter
from casework.selectors import addressable_agencies, visible_matters

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def test_credit_code_is_checked_with_its_check_digit(db):
    agency = Agency(jurisdiction="wulong", name="某局", credit_code="91110000600037341L")
    agency.full_clean()  # a valid 统一社会信用代码 (GB 32100 check character)
    agency.credit_code = "91110000600037341A"
    with pytest.raises(ValidationError) as exc:
        agency.full_clean()
    assert "统一社会信用代码" in str(exc.value)


def test_an_agency_without_liaison_cannot_be_addressed(staff, make_agency):
    lonely = make_agency("武隆区林业局")
    with pytest.raises(ValidationError) as exc:
        services.matter_open(by=staff["officer"], agency=lonely, source="inspection", title="t", facts="f")
    assert "尚未设置联络员" in exc.value.messages[0]
    assert lonely not in addressable_agencies("wulong")
    assert Matter.objects.count() == 0


def test_matter_numbers_run_per_jurisdiction_and_year(matter, staff, make_agency):
    assert matter.number == "武隆监案〔2026〕1号"
    other = make_agency("恩施州生态环境局", jurisdiction="enshi", liaison="lx_es_hb")
    second = services.matter_open(by=staff["officer"], agency=matter.agency, source="complaint", title="二",
                                  facts="事实", opened_on=dt.date(2026, 10, 9))
    enshi = services.matter_open(by=staff["officer"], agency=other, source="own_initiative", title="三", facts="事实",
                                 opened_on=dt.date(2026, 10, 9))
    assert (second.number, enshi.number) == ("武隆监案〔2026〕2号", "恩施监案〔2026〕1号")


def test_only_officers_open_matters(staff, make_agency):
    agency = make_agency("武隆区城市管理局", liaison="lx_cg")
    for role in ("editor", "supervisor", "leader"):
        with pytest.raises(PermissionDenied):
            services.matter_open(by=staff[role], agency=agency, source="inspection", title="t", facts="f")


def test_document_numbers_come_from_a_per_year_sequence_and_render_a_pdf(matter, staff):
    first = documents.issue(matter=matter, kind="opinion_letter", title="关于规范裁量的监督意见书",
                            paragraphs=["请你局自行纠正。"], by=staff["leader"], issued_on=dt.date(2026, 9, 24))
    second = documents.issue(matter=matter, kind="opinion_letter", title="第二份", paragraphs=["正文"],
                             by=staff["leader"], issued_on=dt.date(2026, 9, 25))
    decision = documents.issue(matter=matter, kind="correction_order", title="责令纠正", paragraphs=["正文"],
                               by=staff["leader"], issued_on=dt.date(2026, 9, 25))
    assert [first.doc_number, second.doc_number, decision.doc_number] == [
        "武隆监意〔2026〕1号", "武隆监意〔2026〕2号", "武隆监纠〔2026〕1号"]
    assert first.addressee == "武隆区市场监督管理局"
    data = first.pdf.read()
    assert data.startswith(b"%PDF") and b"FontFile2" in data  # the Chinese font is embedded
    assert not first.served
    with pytest.raises(ValidationError):
        documents.issue(matter=matter, kind="opinion_letter", title="空", paragraphs=["  "], by=staff["leader"])


def test_service_records_the_receipt_date_once_and_signals_it(matter, staff, monkeypatch):
    doc = documents.issue(matter=matter, kind="opinion_letter", title="意见书", paragraphs=["正文"],
                          by=staff["leader"], issued_on=dt.date(2026, 9, 24))
    heard = []
    # the receipt reaches the kind's owner (casework.dispatch), once
    monkeypatch.setitem(dispatch._OWNERS, "opinion_letter",
                        dispatch.Owner("letter", lambda *, document, by: heard.append(document.received_on)))
    with freeze_time("2026-09-30 09:00"):
        with pytest.raises(ValidationError, match="不能早于成文日期"):
            services.document_serve(document=doc, by=staff["officer"], received_on=dt.date(2026, 9, 23))
        with pytest.raises(ValidationError, match="不能晚于今天"):
            services.document_serve(document=doc, by=staff["officer"], received_on=dt.date(2026, 10, 1))
        services.document_serve(document=doc, by=staff["officer"], received_on=dt.date(2026, 9, 28),
                                method="直接送达", received_by_name="尤某")
        with pytest.raises(ValidationError, match="不能重复登记"):
            services.document_serve(document=doc, by=staff["officer"], received_on=dt.date(2026, 9, 29))
    doc.refresh_from_db()
    assert doc.received_on == dt.date(2026, 9, 28) and heard == [dt.date(2026, 9, 28)]
    with pytest.raises(PermissionDenied):
        services.document_serve(document=Document.objects.create(
            matter=matter, kind="opinion_letter", kind_label="x", doc_number="x1", year=2026, seq=99, title="x",
            addressee="x", body="x", issued_on=dt.date(2026, 9, 24), issued_by=staff["leader"]),
            by=staff["editor"], received_on=dt.date(2026, 9, 28))


def test_the_liaison_acknowledges_receipt_online_dated_today(matter, staff):
    doc = documents.issue(matter=matter, kind="opinion_letter", title="意见书", paragraphs=["正文"],
                          by=staff["leader"], issued_on=dt.date(2026, 9, 24))
    liaison = matter.agency.liaisons.get()
    with freeze_time("2026-09-29 15:00"):
        page = client_for(liaison).get(f"/admin/casework/{matter.pk}/")
        assert "签收" in page.content.decode()
        response = client_for(liaison).post(f"/admin/casework/documents/{doc.pk}/service/")
    assert response.status_code == 302
    doc.refresh_from_db()
    assert doc.received_on == dt.date(2026, 9, 29) and doc.service_method == "联络员在线签收"


def test_uploads_are_checked_by_type_size_and_content(matter, staff, settings):
    officer = staff["officer"]
    ok = services.attachment_add(matter=matter, upload=SimpleUploadedFile("检查记录.pdf", PDF_BYTES), by=officer)
    assert ok.content_type == "application/pdf" and ok.file.name.endswith(".pdf")
    assert "检查记录" not in ok.file.name  # stored under a random name
    for name, data, message in [
        ("病毒.exe", b"MZ\x90\x00", "不支持的文件类型"),
        ("伪装.pdf", b"MZ\x90\x00" + b"\x00" * 100, "与扩展名“.pdf”不符"),
        ("空.pdf", b"", "文件为空"),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.attachment_add(matter=matter, upload=SimpleUploadedFile(name, data), by=officer)
    settings.CASEWORK_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError, match="文件过大"):
        services.attachment_add(matter=matter, upload=SimpleUploadedFile("大.pdf", PDF_BYTES + b"0" * 2048),
                                by=officer)
    assert matter.attachments.count() == 1


def test_upload_over_http_shows_a_chinese_error_and_keeps_the_file_list(matter, staff):
    client = client_for(staff["officer"])
    bad = client.post(f"/admin/casework/{matter.pk}/attachments/",
                      {"file": SimpleUploadedFile("a.exe", b"MZ"), "description": ""}, follow=True)
    assert "上传失败：不支持的文件类型" in bad.content.decode()
    good = client.post(f"/admin/casework/{matter.pk}/attachments/",
                       {"file": SimpleUploadedFile("询问笔录.pdf", PDF_BYTES), "description": "询问笔录"}, follow=True)
    assert "询问笔录.pdf" in good.content.decode()


def test_private_files_are_served_only_to_those_who_may_see_the_matter(matter, staff, make_agency):
    att = services.attachment_add(matter=matter, upload=SimpleUploadedFile("证据.pdf", PDF_BYTES),
                                  by=staff["officer"])
    doc = documents.issue(matter=matter, kind="opinion_letter", title="意见书", paragraphs=["正文"],
                          by=staff["leader"])
    other = make_agency("武隆区城市管理局", liaison="lx_other")
    own_liaison = matter.agency.liaisons.get()
    urls = [f"/admin/casework/files/attachment/{att.pk}/", f"/admin/casework/files/document/{doc.pk}.pdf"]
    for url in urls:
        anonymous = Client().get(url)
        assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
        for outsider in (other.liaisons.get(), staff["editor"]):
            refused = client_for(outsider).get(url)  # Wagtail turns the refusal into a redirect with a message
            assert refused.status_code == 302 and refused["Location"] == "/admin/"
        served = client_for(own_liaison).get(url)
        assert served.status_code == 200 and "no-store" in served["Cache-Control"]
        assert b"".join(served.streaming_content).startswith(b"%PDF")
    # nothing under the public media URL
    assert Client().get("/media/" + att.file.name).status_code == 404


def test_a_liaison_sees_only_their_agencys_matters(matter, staff, make_agency):
    other = make_agency("武隆区城市管理局", liaison="lx_cg2")
    theirs = services.matter_open(by=staff["officer"], agency=other, source="inspection", title="城管事项", facts="f")
    own_liaison = matter.agency.liaisons.get()
    assert list(visible_matters(own_liaison)) == [matter]
    listing = client_for(own_liaison).get("/admin/casework/").content.decode()
    assert matter.number in listing and theirs.number not in listing
    assert client_for(own_liaison).get(f"/admin/casework/{theirs.pk}/")["Location"] == "/admin/"
    assert client_for(staff["supervisor"]).get("/admin/casework/")["Location"] == "/admin/"
    assert list(visible_matters(staff["editor"])) == []


def test_officer_opens_a_matter_over_http_choosing_only_agencies_with_liaisons(staff, make_agency):
    make_agency("武隆区市场监督管理局", liaison="lx_a")
    lonely = make_agency("武隆区林业局")
    client = client_for(staff["officer"])
    form = client.get("/admin/casework/new/").content.decode()
    assert "武隆区市场监督管理局" in form and "武隆区林业局" not in form
    refused = client.post("/admin/casework/new/", {"agency": lonely.pk, "source": "inspection", "title": "t",
                                                   "facts": "f"})
    assert refused.status_code == 200 and "选择一个有效的选项" in refused.content.decode()
    agency = Agency.objects.get(name="武隆区市场监督管理局")
    with freeze_time("2026-11-27 10:00"):
        made = client.post("/admin/casework/new/", {"agency": agency.pk, "source": "casefile_review",
                                                    "title": "案卷评查发现问题", "facts": "三份案卷缺少法制审核意见。"})
    assert made.status_code == 302
    detail = client.get(made["Location"]).content.decode()
    assert "武隆监案〔2026〕1号" in detail and "案卷评查" in detail and "立案登记" in detail


def test_another_party_to_the_matter_sees_it_and_acknowledges_what_is_addressed_to_it(matter, staff, make_agency):
    """e.g. the respondent of a dispute (004 争议协调办法 第十二条): its liaison signs for its own notice only."""
    respondent = make_agency("武隆区城市管理局", liaison="lx_party")
    outsider = make_agency("武隆区交通运输局", liaison="lx_outsider")
    matter.parties.add(respondent)
    to_respondent = documents.issue(matter=matter, kind="coordination_notice", title="协调通知", paragraphs=["请答复。"],
                                    by=staff["leader"], addressee="武隆区城市管理局", issued_on=dt.date(2026, 9, 24))
    to_applicant = documents.issue(matter=matter, kind="coordination_acceptance", title="受理通知", paragraphs=["已受理。"],
                                   by=staff["leader"], issued_on=dt.date(2026, 9, 24))
    liaison = respondent.liaisons.get()
    assert list(visible_matters(liaison)) == [matter] and list(visible_matters(outsider.liaisons.get())) == []
    with freeze_time("2026-09-25 10:00"):  # a holiday (Mid-autumn): receipt still counts from that day
        services.document_serve(document=to_respondent, by=liaison)
        with pytest.raises(PermissionDenied):
            services.document_serve(document=to_applicant, by=liaison)
    to_respondent.refresh_from_db()
    assert to_respondent.received_on == dt.date(2026, 9, 25)
