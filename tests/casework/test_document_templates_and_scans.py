"""文书模板 in the admin (each role opens it; preview with a real document's data; unknown placeholder and
overflow refused with the old template kept; change history) and signed scans (checked, private, then
the served version); the .docx beside the PDF for bureau staff only."""
import io

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from casework import documents, wording
from casework.models import DocumentTemplate, DocumentTemplateChange

URL = "/admin/casework/templates/"
EDIT = "/admin/casework/templates/wulong/opinion_letter/"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def refused(response) -> bool:
    """The admin answers a refused permission with 403, or sends the user back to its home page."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


@pytest.fixture
def issued(matter, staff):
    w = wording.get("opinion_letter")
    words = wording.compose("opinion_letter", "wulong", {**w.sample, "查明事实": "抽查的12件案卷中，3件罚款数额超出裁量基准。"})
    with freeze_time("2026-09-24 10:00"):
        return documents.issue(matter=matter, kind="opinion_letter", title=words.title, paragraphs=words.paragraphs,
                               by=staff["leader"], values=words.values)


@pytest.mark.django_db
def test_each_role_opens_the_template_screens(staff, make_agency, make_user):
    from roles.definitions import LIAISON

    liaison = make_user("tpl_liaison", LIAISON)
    for role in ("officer", "leader"):
        c = client_for(staff[role])
        listing = c.get(URL)
        assert listing.status_code == 200
        html = listing.content.decode()
        assert "行政执法监督意见书" in html and "投诉举报受理告知书" in html and "信函格式" in html
        page = c.get(EDIT)
        assert page.status_code == 200 and "{查明事实}" in page.content.decode()
    for user in (staff["editor"], staff["supervisor"], liaison):
        assert refused(client_for(user).get(URL))
        assert refused(client_for(user).get(EDIT))
    assert client_for(staff["officer"]).get("/admin/casework/templates/wuhan/opinion_letter/").status_code == 404


@pytest.mark.django_db
def test_preview_fills_the_template_with_a_real_documents_data(staff, issued):
    c = client_for(staff["officer"])
    title, body, notes = wording.current("opinion_letter", "wulong")
    key = f"casework.document:{issued.pk}"
    text = c.post(EDIT, {"title": title, "body": body, "notes": notes, "sample": key, "action": "preview"})
    assert text.status_code == 200
    assert "经查明：抽查的12件案卷中，3件罚款数额超出裁量基准。" in text.content.decode()
    pdf = c.post(EDIT, {"title": title, "body": body, "notes": notes, "sample": key, "action": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as doc:
        assert "3件罚款数额超出裁量基准" in doc.pages[0].extract_text().replace("\n", "")
    assert not DocumentTemplate.objects.exists()  # previews change nothing


@pytest.mark.django_db
def test_unknown_placeholder_and_overflow_are_refused_and_the_old_template_kept(staff):
    c = client_for(staff["leader"])
    title, body, notes = wording.current("opinion_letter", "wulong")
    bad = c.post(EDIT, {"title": title, "body": body + "\n请于{整改日期}前报送。", "notes": notes,
                        "reason": "加上日期", "action": "save"})
    html = bad.content.decode()
    assert bad.status_code == 200 and "模板中有未知的占位符：{整改日期}" in html and "原模板继续有效" in html
    long = c.post(EDIT, {"title": title, "body": "\n".join([body] * 8), "notes": notes, "reason": "加长",
                         "action": "save"})
    assert "超过本文书的2页上限" in long.content.decode()
    broken = c.post(EDIT, {"title": title, "body": "经查{查明事实", "notes": "", "reason": "x", "action": "save"})
    assert "花括号" in broken.content.decode()
    assert not DocumentTemplate.objects.exists() and not DocumentTemplateChange.objects.exists()


@pytest.mark.django_db
def test_a_saved_template_is_recorded_and_used_for_the_next_document(staff, matter):
    c = client_for(staff["leader"])
    title, body, notes = wording.current("opinion_letter", "wulong")
    new_body = body.replace("现提出如下监督意见：", "现提出以下监督意见：")
    with freeze_time("2026-11-02 09:30:00+08:00"):
        saved = c.post(EDIT, {"title": title, "body": new_body, "notes": notes, "reason": "统一用语", "action": "save"})
    assert saved.status_code == 302
    change = DocumentTemplateChange.objects.get()
    assert change.changed_by == staff["leader"] and change.reason == "统一用语"
    assert f"{timezone.localtime(change.changed_at):%Y-%m-%d %H:%M}" == "2026-11-02 09:30"
    assert "现提出如下监督意见" in change.body_before and "现提出以下监督意见" in change.body
    page = c.get(EDIT).content.decode()
    assert "2026-11-02 09:30" in page and "统一用语" in page
    words = wording.compose("opinion_letter", "wulong", dict(wording.get("opinion_letter").sample))
    assert words.paragraphs[1].startswith("现提出以下监督意见：")
    # the officer may edit too; nobody else may save
    assert refused(client_for(staff["editor"]).post(EDIT, {"title": title, "body": body, "reason": "x",
                                                           "action": "save"}))


@pytest.mark.django_db
def test_signed_scan_becomes_the_served_version(staff, issued, make_user):
    officer = client_for(staff["officer"])
    url = f"/admin/casework/documents/{issued.pk}/scan/"
    not_scan = officer.post(url, {"file": SimpleUploadedFile("签章.docx", b"PK\x03\x04" + b"\x00" * 64)}, follow=True)
    assert "签章扫描件只能是PDF或图片" in not_scan.content.decode()
    renamed = officer.post(url, {"file": SimpleUploadedFile("签章.pdf", b"MZ\x90\x00" + b"\x00" * 100)}, follow=True)
    assert "与扩展名“.pdf”不符" in renamed.content.decode()
    issued.refresh_from_db()
    assert not issued.signed_scan
    with freeze_time("2026-09-25 15:00:00+08:00"):
        ok = officer.post(url, {"file": SimpleUploadedFile("签章.pdf", PDF_BYTES)}, follow=True)
    assert "此后以扫描件为送达版本" in ok.content.decode()
    issued.refresh_from_db()
    assert issued.signed_by == staff["officer"] and f"{timezone.localtime(issued.signed_at):%Y-%m-%d %H:%M}" == "2026-09-25 15:00"
    assert not issued.signed_scan.name.startswith("/") and "signed/2026/" in issued.signed_scan.name
    served = officer.get(f"/admin/casework/files/document/{issued.pk}.pdf")
    assert b"".join(served.streaming_content) == PDF_BYTES
    liaison = client_for(make_user("lx_scjg_2", "执法机关联络员"))
    assert refused(liaison.get(f"/admin/casework/files/document/{issued.pk}.pdf"))
    # only bureau staff may upload
    assert refused(client_for(staff["editor"]).post(url, {"file": SimpleUploadedFile("a.pdf", PDF_BYTES)}))


@pytest.mark.django_db
def test_word_version_for_bureau_staff_only(staff, issued):
    from django.contrib.auth import get_user_model

    got = client_for(staff["officer"]).get(f"/admin/casework/files/document/{issued.pk}.docx")
    assert got.status_code == 200 and b"".join(got.streaming_content)[:2] == b"PK"
    liaison = get_user_model().objects.get(username="lx_scjg")
    assert refused(client_for(liaison).get(f"/admin/casework/files/document/{issued.pk}.docx"))


def test_a_matter_named_guanyu_gets_one_guanyu_in_the_title():
    """A matter title that itself starts with 关于 (a notification's rectification) fills 关于{事项名称}的移送函."""
    from referrals import texts  # noqa: F401  (registers the 移送函 wording)

    w = wording.get("matter_referral")
    values = {**w.sample, "事项名称": "关于2025年度行政执法监督情况的通报：限时整改"}
    words = wording.compose("matter_referral", "wulong", values, template=(w.title, w.body, ""))
    assert words.title == "关于2025年度行政执法监督情况的通报：限时整改的移送函"


def test_a_name_ending_in_the_title_own_words_does_not_repeat_them():
    """关于{事项名称}的行政赔偿追偿决定 for a case named …赔偿追偿: the title says 赔偿追偿 once; the body keeps the name.
    A shared tail of two characters (处罚决定 / 监督决定书) is two different things and stays."""
    from referrals import texts  # noqa: F401  (registers the 追偿决定书 wording)

    w = wording.get("recovery_decision")
    values = {**w.sample, "事项名称": "某建材店行政处罚案赔偿追偿"}
    words = wording.compose("recovery_decision", "wulong", values, template=(w.title, w.body, ""))
    assert words.title == "关于某建材店行政处罚案的行政赔偿追偿决定"
    assert words.paragraphs[0].startswith("某建材店行政处罚案赔偿追偿（武隆监案〔2026〕3号）一案，")
    template = ("关于{事项名称}的行政执法监督决定书", "{事项名称}", "")
    kept = wording.compose("recovery_decision", "wulong", {**w.sample, "事项名称": "某公司行政处罚决定"},
                           template=template)
    assert kept.title == "关于某公司行政处罚决定的行政执法监督决定书"


def test_guanyu_is_dropped_at_the_value_only_where_the_template_writes_it_before_the_placeholder():
    """"关于{事项名称}" with a matter titled "关于某某的投诉": one 关于 in the title; the body, which writes
    "办理{事项名称}", keeps the matter's own 关于; a 关于 inside a title is never touched."""
    from referrals import texts  # noqa: F401  (registers the 移送函 wording)

    w = wording.get("matter_referral")
    words = wording.compose("matter_referral", "wulong", {**w.sample, "事项名称": "关于某某的投诉"},
                            template=(w.title, w.body, ""))
    assert words.title == "关于某某的投诉的移送函"
    assert words.paragraphs[0].startswith("本机关在办理关于某某的投诉（武隆监案〔2026〕12号）中查明：")
    words = wording.compose("matter_referral", "wulong", {**w.sample, "事项名称": "张某关于罚款数额的投诉"},
                            template=(w.title, w.body, ""))
    assert words.title == "关于张某关于罚款数额的投诉的移送函"
    # the template's own text "关于关于" (a template typed so) is not the value's to mend
    words = wording.compose("matter_referral", "wulong", {**w.sample, "事项名称": "某某的投诉"},
                            template=("关于关于{事项名称}的移送函", "{{正文}}{事项名称}", ""))
    assert words.title == "关于关于某某的投诉的移送函"
    assert words.paragraphs == ["{正文}某某的投诉"]
