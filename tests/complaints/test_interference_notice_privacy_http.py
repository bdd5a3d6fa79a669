"""干预 第八条 public 通报: before the text goes on the public site it is compared with the personal data stored on
the case (the complainant's name, address, landline, ID number), normalised for spaces and full-width digits, and
screened for plain addresses; a refusal names what was found, masked, and publishes nothing."""
import pytest
from django.test import Client
from freezegun import freeze_time
from wagtail.models import Page

from complaints.models import InterferenceAction, InterferenceRecord
from decisions.models import DecisionRecord
from tests.complaints.helpers import complaint_data, login, submit, valid_id
from tests.complaints.test_interference import record

pytestmark = pytest.mark.django_db

NOTICE = {"action": "notice", "notice-authority": "区委组织部", "notice-approved_on": "2026-10-12",
          "notice-decided_on": "2026-10-13", "notice-scope": "全区行政执法机关", "notice-published": "on"}


def test_public_notice_refuses_the_complainants_stored_data_and_plain_addresses(people, site_tree):
    with freeze_time("2026-09-28 10:00"):
        _page, number, _code = submit(Client(), complaint_data(
            people["agency"], name="陈建国", address="重庆市武隆区芙蓉路8号", contact="023-77712345",
            id_number=valid_id()))
    assert number
    off = login(people["officer"])
    with freeze_time("2026-10-08 16:00"):
        assert record(off, case_ref=f"投诉举报{number}").status_code == 302
    url = f"/admin/complaints/interference/{InterferenceRecord.objects.get().pk}/followups/"
    pages_before = Page.objects.count()
    refused = {
        "某副局长为投诉人陈 建国说情。": "投诉举报人的姓名（陈**）",
        "说情涉及重庆市武隆区芙蓉路8号的店铺。": "投诉举报人的住址（重庆市****）",
        "当事人电话０２３－７７７１ ２３４５。": "投诉举报人的联系电话（023****2345）",
        "当事人电话7771 2345。": "投诉举报人的联系电话（023****2345）",
        f"当事人身份证号{valid_id()}。": "投诉举报人的身份证号码（500232********001X）",
        "当事人身份证号５００２３２ １９８５０３１２ ００１ｘ。": "投诉举报人的身份证号码（500232********001X）",
        "说情人到仙女山镇白果小区3栋2单元501室找人。": "疑似住址（仙女山****）",
        # the masked span is exactly the address: not the words before it (为住在…), not a stray part of it
        "为住在桐梓路15号的商户说情。": "疑似住址（桐梓路****）",
        "说情对象当事人住在重庆市武隆区桐梓路15号。": "疑似住址（重庆市****）",
        "其住址为白马村3组12号，说情人多次前往。": "疑似住址（白马村****）",
    }
    with freeze_time("2026-10-13 10:00"):
        for text, phrase in refused.items():
            page = off.post(url, {**NOTICE, "notice-content": text}).content.decode()
            assert f"通报内容中含有{phrase}，向社会公开的通报不得包含" in page, (text, page[-3000:])
        assert not InterferenceAction.objects.exists() and Page.objects.count() == pages_before
        assert not DecisionRecord.objects.filter(process_kind="notification").exists()
        # the same words, kept internal (not public), are not checked against the public-site rule
        internal = {k: v for k, v in NOTICE.items() if k != "notice-published"}
        assert off.post(url, {**internal, "notice-content": "某副局长为投诉人陈建国说情。"}).status_code == 302
        # accepted: no person of the case, an office address of the agency by name only, the district named
        done = off.post(url, {**NOTICE, "notice-content": "区某局副局长为武隆区芙蓉街道一商户说情，"
                                                          "要求办案人员从轻处罚，办案人员如实记录。"}, follow=True)
        assert "已登记通报（2026-10-13）。" in done.content.decode()
    public = InterferenceAction.objects.get(published=True).public_page
    # the notice, and the jurisdiction's 通报 index that public_notices.services.index_for makes for the first one
    assert public.live and Page.objects.count() == pages_before + 2
    assert InterferenceAction.objects.count() == 2


@pytest.mark.parametrize("text, masked", [
    ("当事人住在重庆市武隆区芙蓉路15号", "当事人住在重庆市****"),
    ("为住在桐梓路15号的商户说情。", "为住在桐梓路****的商户说情。"),
    ("说情人到仙女山镇白果小区3栋2单元501室找人。", "说情人到仙女山****找人。"),
    ("其住址为白马村3组12号，电话未留。", "其住址为白马村****，电话未留。"),
    ("投诉人家住芙蓉中路８-２号，联系未果。", "投诉人家住芙蓉中****，联系未果。"),
    ("区某局副局长为武隆区芙蓉街道一商户说情。", "区某局副局长为武隆区芙蓉街道一商户说情。"),
])
def test_the_masked_span_is_exactly_the_address(text, masked):
    from public_notices.privacy import mask_addresses

    assert mask_addresses(text) == masked
