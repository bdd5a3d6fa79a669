"""The 情节严重 branches of Wulong's systems after a correction order or a 通报, over HTTP as the role users with a
frozen clock, through the one door referrals.services.refer:

- 争议协调办法 第二十条: an agency not executing the government's decision on a dispute is ordered to correct; once the
  order ran out (then 通报) the officer's 我的待办 holds the case until it is handed to the relevant department;
- 通报制度 第六条: an agency whose rectification after the yearly notification ran out (整改落实不力) waits in the
  officer's 我的待办 until handed on, or found not serious (no referral, a confidential record).
A referral before the step ended, twice, after a finding of not serious, or by the liaison is refused in Chinese."""
import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from letters.models import Letter
from letters.services import mark_overdue
from referrals.models import Referral
from tests.coordination.test_coordination_handoff_http import _proposed
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import do_task, login, matter_html, people
from tests.referrals.notified import two_agencies_notified

pytestmark = pytest.mark.django_db
DISPUTE_TODO = "审查不执行调处决定或被通报是否情节严重"
RECTIFY_TODO = "审查整改落实不力是否情节严重"
DISPUTE_ARTICLE = "《行政执法争议协调办法》第二十条"
NOTIFY_ARTICLE = "《行政执法监督情况通报制度》第六条"


def test_dispute_decision_not_executed_is_handed_to_the_relevant_department(make_user):
    dispute, _a, _lx_a, b, lx_b, officer, leader = _proposed(make_user)
    off = login(officer)
    with freeze_time("2026-11-16 09:00"):
        assert off.post(f"/admin/coordination/{dispute.pk}/government-decision/", {
            "decided_by": "重庆市武隆区人民政府", "decided_on": "2026-11-13",
            "text": "由武隆区城市管理局牵头查处街面占道经营。"}).status_code == 302
    dispute.refresh_from_db()
    with freeze_time("2026-11-23 09:00"):
        assert off.post(f"/admin/coordination/{dispute.pk}/correction-order/", {
            "agency": b.pk, "findings": "武隆区城市管理局至今未组织查处街面占道经营",
            "request": "按区政府决定牵头查处街面占道经营。"}).status_code == 302
        do_task(officer, dispute.matter, "起草逾期处理文书", {"text": "按区政府决定牵头查处街面占道经营。"})
        do_task(leader, dispute.matter, "签发逾期处理文书", {"confirm": "on"})
    letter = Letter.objects.get()
    url = f"/admin/referrals/letter/{letter.pk}/"
    order = Document.objects.get(kind="correction_order")
    with freeze_time("2026-11-24 10:00"):
        assert login(lx_b).post(f"/admin/casework/documents/{order.pk}/service/").status_code == 302
    # within the period (to 2026-12-08): the step has not ended — no item, the referral refused, nothing written
    button = f'href="/admin/referrals/letter/{letter.pk}/">审查是否情节严重并移送</a>'
    with freeze_time("2026-11-25 09:00"):
        assert DISPUTE_TODO not in inbox(officer)
        assert button not in matter_html(off, dispute.matter)
        early = off.post(url, {"decision": "refer", "destination": "discipline", "to": "武隆区纪委监委",
                               "reasons": "拒不执行。"})
        assert early.status_code == 200
        assert ("移送须在其所依据的环节办结后进行：武隆区城市管理局的责令限期纠正尚未逾期未纠正，也未予以通报，"
                f"不能移送（{DISPUTE_ARTICLE}）。") in early.content.decode()
        assert not Referral.objects.exists()
    with freeze_time("2026-12-09 01:00"):
        assert mark_overdue() == 1
    with freeze_time("2026-12-09 08:00"):
        item = card(inbox(officer), DISPUTE_TODO)
        assert "武隆区城市管理局" in item and DISPUTE_ARTICLE in item and "责令限期纠正逾期未纠正" in item
        assert DISPUTE_TODO not in inbox(lx_b)
        denied = login(lx_b).post(url, {"decision": "refer", "destination": "discipline", "to": "x", "reasons": "y"})
        assert denied.status_code in (302, 403)
        assert not Referral.objects.exists()
    with freeze_time("2026-12-09 09:00"):  # 逾期不纠正的予以通报: the file closes, the item stays
        do_task(leader, dispute.matter, "约谈、移送或通报", {"circular": "对武隆区城市管理局予以通报。"})
        assert "逾期不纠正，已予以通报" in card(inbox(officer), DISPUTE_TODO)
        # the matter screen, where it shows the letter: the button for whoever may refer, not for the liaison
        screen = matter_html(off, dispute.matter)
        assert button in screen and f"情节严重的处理</strong>（{DISPUTE_ARTICLE}）" in screen
        assert "审查是否情节严重并移送" not in matter_html(login(lx_b), dispute.matter)
    with freeze_time("2026-12-10 10:00"):
        form = off.get(url).content.decode()
        assert f"情节严重，移送纪检监察机关依法依规处置（{DISPUTE_ARTICLE}）" in form
        assert "逾期仍未纠正，已予以通报（武隆监通〔2026〕1号）" in form
        # no destination: refused in Chinese, nothing written
        r = off.post(url, {"decision": "refer", "destination": "", "to": "武隆区纪委监委", "reasons": "拒不执行。"})
        assert r.status_code == 200 and "请选择移送去向（规则配置中列明的移送情形）。" in r.content.decode()
        assert not Referral.objects.exists()
        r = off.post(url, {"decision": "refer", "destination": "discipline", "to": "武隆区纪委监委",
                           "persons": "武隆区城市管理局局长", "reasons": "经责令限期纠正并通报，仍拒不执行区政府调处决定。"})
        assert r.status_code == 302, r.content.decode()[-1500:]
        referral = Referral.objects.get()
        assert (referral.source, referral.matter_id, str(referral.referred_on)) == ("dispute_decision",
                                                                                  dispute.matter_id, "2026-12-10")
        assert (referral.to, referral.article) == ("武隆区纪委监委", DISPUTE_ARTICLE)
        assert referral.destination_label == "情节严重，移送纪检监察机关依法依规处置"
        doc = referral.document
        assert (doc.doc_number, doc.addressee, doc.article, doc.matter_id) == (
            "武隆移〔2026〕1号", "武隆区纪委监委", DISPUTE_ARTICLE, dispute.matter_id)
        record = referral.record
        assert (record.process_kind, record.article, record.doc_number, record.confidential) == (
            "coordination", DISPUTE_ARTICLE, "武隆移〔2026〕1号", True)
        letter.refresh_from_db()
        assert letter.referral == referral
        assert DISPUTE_TODO not in inbox(officer)
        screen = matter_html(off, dispute.matter)
        assert "已于2026-12-10移送武隆区纪委监委（武隆移〔2026〕1号）。" in screen and button not in screen
        again = off.post(url, {"decision": "refer", "destination": "discipline", "to": "武隆区纪委监委",
                               "reasons": "再次移送。"})
        assert again.status_code == 200
        assert "武隆区城市管理局不执行调处决定的情况已于2026-12-10移送武隆区纪委监委，不能重复移送。" in again.content.decode()
        assert Referral.objects.count() == 1


def test_rectification_overdue_is_handed_on_or_found_not_serious(make_user, site_tree):
    p, market, late = two_agencies_notified(make_user)
    officer, liaison = p["officer"], p["liaison"]
    off = login(officer)
    # the period runs to 2026-03-13: before it ran out, no referral
    with freeze_time("2026-03-10 09:00"):
        r = off.post(f"/admin/referrals/rectification/{late.pk}/", {
            "decision": "refer", "destination": "superior", "to": "武隆区人民政府", "reasons": "未整改。"})
        assert r.status_code == 200
        assert ("移送须在其所依据的环节办结后进行：武隆其他局的整改报告尚未逾期（整改期限至2026-03-13），也未经审核认定"
                f"整改落实不力，不能移送（{NOTIFY_ARTICLE}）。") in r.content.decode()
        assert RECTIFY_TODO not in inbox(officer)
    with freeze_time("2026-03-16 10:00"):
        run_once()
        page = inbox(officer)
        assert page.count(RECTIFY_TODO) == 2
        item = card(page, RECTIFY_TODO)
        assert "2026-03-16限时整改逾期未报告，整改落实不力" in item and NOTIFY_ARTICLE in item
        assert RECTIFY_TODO not in inbox(liaison)
        # the destinations share one article: cited once, not after each
        form = off.get(f"/admin/referrals/rectification/{late.pk}/").content.decode()
        assert ("该局的整改报告已逾期1个工作日未报送（整改期限至2026-03-13），2026-03-16记为整改落实不力。"
                "</textarea>") in form
        assert (f"依据：{NOTIFY_ARTICLE}：情节严重，移送纪检监察机关依照监督条例等规定处理；情节严重，移送任免机关或上级主管部门"
                "依照监督条例等规定处理；情节严重，移送其他有权机关依照监督条例等规定处理。") in form
    with freeze_time("2026-03-17 09:00"):
        # the market: found not serious — a confidential record, no referral, its item gone
        r = off.post(f"/admin/referrals/rectification/{market.pk}/", {
            "decision": "not_serious", "reasons": "该局已口头说明整改进展，书面报告迟延，不属情节严重。"})
        assert r.status_code == 302, r.content.decode()[-1500:]
        market.refresh_from_db()
        assert str(market.not_serious_on) == "2026-03-17" and market.referral is None
        record = DecisionRecord.objects.get(outcome="不属情节严重，不予移送")
        assert (record.process_kind, record.article, record.agency, record.confidential) == (
            "notification", NOTIFY_ARTICLE, "武隆区市场监督管理局", True)
        assert inbox(officer).count(RECTIFY_TODO) == 1
        r = off.post(f"/admin/referrals/rectification/{market.pk}/", {
            "decision": "refer", "destination": "superior", "to": "武隆区人民政府", "reasons": "未整改。"})
        assert r.status_code == 200
        assert ("武隆区市场监督管理局整改落实不力的情况已于2026-03-17经审查认定不属情节严重，不予移送"
                f"（{NOTIFY_ARTICLE}）。") in r.content.decode()
        # the other agency: handed to its superior
        url = f"/admin/referrals/rectification/{late.pk}/"
        assert "被《关于2025年度行政执法情况的通报》通报" in off.get(url).content.decode()
        r = off.post(url, {"decision": "refer", "destination": "superior", "to": "武隆区人民政府",
                           "reasons": "被通报后逾期未整改，经催告仍未报告整改落实情况。"})
        assert r.status_code == 302, r.content.decode()[-1500:]
        referral = Referral.objects.get()
        assert (referral.source, referral.matter_id, str(referral.referred_on), referral.to) == (
            "notified", late.matter_id, "2026-03-17", "武隆区人民政府")
        assert referral.article == NOTIFY_ARTICLE
        assert (referral.document.doc_number, referral.document.addressee) == ("武隆移〔2026〕1号", "武隆区人民政府")
        assert (referral.record.process_kind, referral.record.article) == ("notification", NOTIFY_ARTICLE)
        late.refresh_from_db()
        assert late.referral == referral
        assert RECTIFY_TODO not in inbox(officer)


def test_a_letter_not_yet_notified_shows_why_and_no_form(make_user):
    """通报 第六条: a letter whose agency has not been 通报'd yet may not be handed on — its screen says why (once,
    in plain words) and offers no form to fill in vain; a POST writes nothing."""
    from tests.letters.letters_http import start_letter

    p = people(make_user, "wulong", "武隆区市场监督管理局")
    with freeze_time("2026-09-21 10:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        letter = Letter.objects.get(matter=matter)
        off = login(p["officer"])
        url = f"/admin/referrals/letter/{letter.pk}/"
        page = off.get(url).content.decode()
        assert (f"移送须在其所依据的环节办结后进行：武隆区市场监督管理局尚未被通报，不能移送（{NOTIFY_ARTICLE}）。"
                in page)
        assert "被通报或整改落实不力（情节严重）移送：" + matter.number in page
        assert 'name="reasons"' not in page and ">提交</button>" not in page
        r = off.post(url, {"decision": "refer", "destination": "superior", "to": "武隆区人民政府", "reasons": "未纠正。"})
        assert r.status_code == 200 and "尚未被通报，不能移送" in r.content.decode()
        assert not Referral.objects.exists()
