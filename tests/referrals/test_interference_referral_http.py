"""干预插手规定 第九条 over HTTP with a frozen clock: an insider who interfered (第八条) — 构成违纪 → the discipline organs,
构成犯罪 → the judicial organs — is handed on from the interference record's screen through the one door
referrals.services.refer (source interference): a 移送函 numbered like every other, a confidential decision record,
the record linked to its referral once. Twice, a corrected record, no destination → a Chinese message, nothing
written; the liaison (who records, does not refer) → 403."""
import pytest
from freezegun import freeze_time

from casework.models import Document, Matter
from complaints.models import InterferenceRecord
from decisions.models import DecisionRecord
from referrals.models import Referral
from tests.complaints.helpers import login
from tests.complaints.test_interference import record

pytestmark = pytest.mark.django_db
ARTICLE_1 = "《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第九条第一款"
DISCIPLINE = "干预办案涉嫌违纪，移送纪检监察机关依照《中国共产党纪律处分条例》《行政机关公务员处分条例》等规定给予处分"


def test_interferer_referred_once_with_its_letter(people):
    off = login(people["officer"])
    with freeze_time("2026-08-03 16:00"):
        assert record(login(people["liaison"])).status_code == 302
    rec = InterferenceRecord.objects.get()
    url = f"/admin/complaints/interference/{rec.pk}/followups/"
    data = {"action": "refer", "refer-destination": "discipline", "refer-to": "武隆区纪委监委",
            "refer-persons": "某副局长", "refer-reasons": "某副局长为当事人说情，要求从轻处罚，涉嫌违反工作纪律。"}
    # the liaison records interference; it neither sees the screen nor refers
    with freeze_time("2026-08-20 10:00"):
        assert login(people["liaison"]).get(url).status_code == 403
        assert login(people["liaison"]).post(url, data).status_code == 403
        assert not Referral.objects.exists()
        page = off.get(url).content.decode()
        assert "移送（第九条）" in page and f"{DISCIPLINE}（{ARTICLE_1}）" in page
        # the basis line cites each paragraph once, before the destinations it founds (not after each of them)
        law = "《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》"
        assert (f"依据：{law}第九条第一款：{DISCIPLINE}；干预办案涉嫌犯罪，移送司法机关依法追究刑事责任。"
                f"{law}第九条第二款：对如实记录的办案人员打击报复涉嫌违纪，") in page
        assert page.count(f"{law}第九条第一款") == 3  # the basis line once, the two choices in the form
        assert "对如实记录的办案人员打击报复涉嫌犯罪，移送司法机关依法追究刑事责任" in page
        empty = off.post(url, {**data, "refer-destination": ""})
        assert empty.status_code == 200 and "请选择移送去向。" in empty.content.decode()
        assert not Referral.objects.exists() and not Document.objects.exists()
        done = off.post(url, data, follow=True)
        assert done.redirect_chain == [(url, 302)]
        html = done.content.decode()
        assert f"已决定{DISCIPLINE}，移送函武隆移〔2026〕1号已生成。" in html
        assert (f"已于2026-08-20移送武隆区纪委监委。移送去向：{DISCIPLINE}（{ARTICLE_1}）。涉及人员：某副局长。"
                "移送函武隆移〔2026〕1号") in html
        assert f"{DISCIPLINE}：移送" not in html and "已于2026-08-20干预" not in html
    referral = Referral.objects.get()
    assert (referral.source, referral.destination, referral.to, str(referral.referred_on), referral.article) == (
        "interference", "discipline", "武隆区纪委监委", "2026-08-20", ARTICLE_1)
    doc = referral.document
    assert (doc.doc_number, doc.kind, doc.addressee, str(doc.issued_on), doc.article) == (
        "武隆移〔2026〕1号", "matter_referral", "武隆区纪委监委", "2026-08-20", ARTICLE_1)
    assert doc.title == "关于区某局副局长某副局长违反规定干预、插手案件的移送函"
    # the file's name ends 案件, so the letter does not read 在办理…插手案件办理（…）中
    assert doc.body.startswith("本机关在办理区某局副局长某副局长违反规定干预、插手案件（武隆监案〔2026〕1号）中查明：")
    assert "办理办理" not in doc.body and "案件办理（" not in doc.body
    assert doc.pdf.read().startswith(b"%PDF")
    # the record names its case only as text: the referral opened a file of its own (no agency) and closed it
    file = Matter.objects.get()
    assert (file.number, file.process, file.agency_id, file.status, str(file.closed_on)) == (
        "武隆监案〔2026〕1号", "interference", None, "closed", "2026-08-20")
    assert referral.matter == file and doc.matter == file
    record_ = referral.record
    assert (record_.process_kind, record_.doc_number, record_.article, record_.agency, record_.confidential) == (
        "accountability", "武隆移〔2026〕1号", ARTICLE_1, "区某局副局长", True)
    rec = InterferenceRecord.objects.get()
    assert rec.referral == referral and rec.content == "来电为当事人说情，要求从轻处罚；已当场拒绝并告知依程序办理。"
    with freeze_time("2026-08-21 09:00"):
        assert login(people["leader"]).get(f"/admin/casework/files/document/{doc.pk}.pdf").status_code == 200
        screen = off.get(f"/admin/casework/{file.pk}/")
        assert screen.status_code == 200
        assert "移送与追偿" in screen.content.decode() and "武隆移〔2026〕1号" in screen.content.decode()
        assert login(people["liaison"]).get(f"/admin/casework/{file.pk}/").status_code in (302, 403, 404)
        again = off.post(url, {**data, "refer-destination": "criminal", "refer-to": "武隆区公安局"})
        assert again.status_code == 200
        assert (f"第{rec.pk}号干预插手记录（区某局副局长某副局长）已于2026-08-20移送武隆区纪委监委，不能重复移送。"
                in again.content.decode())
    assert Referral.objects.count() == 1 and Document.objects.count() == 1 and Matter.objects.count() == 1
    assert DecisionRecord.objects.filter(process_kind="accountability").count() == 1


def test_a_corrected_record_is_referred_through_its_correction(people):
    off = login(people["officer"])
    with freeze_time("2026-08-03 16:00"):
        record(off)
        original = InterferenceRecord.objects.get()
        assert off.post(f"/admin/complaints/interference/new/?corrects={original.pk}", {
            "occurred_at": "2026-08-03T15:30", "interferer_name": "某副局长", "interferer_unit": "区某局副局长",
            "kind": "pleading", "manner": "in_person", "case_ref": "武隆市监罚〔2026〕88号 某超市案",
            "corrects": original.pk, "content": "更正：系当面说情。"}).status_code == 302
    correction = InterferenceRecord.objects.exclude(pk=original.pk).get()
    data = {"action": "refer", "refer-destination": "criminal", "refer-to": "武隆区公安局",
            "refer-reasons": "收受当事人财物后为其说情，涉嫌受贿。"}
    with freeze_time("2026-09-01 10:00"):
        r = off.post(f"/admin/complaints/interference/{original.pk}/followups/", data)
        assert (f"第{original.pk}号干预插手记录已被第{correction.pk}号记录更正，请从更正后的记录移送。"
                in r.content.decode())
        assert not Referral.objects.exists()
        assert off.post(f"/admin/complaints/interference/{correction.pk}/followups/", data).status_code == 302
    referral = Referral.objects.get()
    assert (referral.destination_label, referral.document.doc_number, str(referral.referred_on)) == (
        "干预办案涉嫌犯罪，移送司法机关依法追究刑事责任", "武隆移〔2026〕1号", "2026-09-01")
