"""通报制度 第六条 over HTTP with a frozen clock: a rectification reported in time but judged 整改落实不力 on its merits
(the review's other outcome, programme.services.rectification_ineffective) waits for the 情节严重 judgement like an
overdue one — from 我的待办 and from the matter screen's rectification panel (the button for whoever may refer) —
and is referred, or found not serious, through the one door referrals.services."""
import pytest
from freezegun import freeze_time

from decisions.models import DecisionRecord
from referrals.models import Referral
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, matter_html
from tests.referrals.notified import two_agencies_notified

pytestmark = pytest.mark.django_db
TODO = "审查整改落实不力是否情节严重"
ARTICLE = "《行政执法监督情况通报制度》第六条"


def test_rectification_found_ineffective_on_review_is_referred_or_found_not_serious(make_user, site_tree):
    p, market, late = two_agencies_notified(make_user)
    officer, liaison, other = p["officer"], p["liaison"], p["other"]
    off = login(officer)
    with freeze_time("2026-03-09 09:00"):  # both report in time (period to 2026-03-13)
        for user, task in ((liaison, market), (other, late)):
            assert login(user).post(f"/admin/programme/tasks/{task.pk}/report/", {
                "report": "已全部整改到位。"}).status_code == 302
    with freeze_time("2026-03-10 09:00"):
        screen = matter_html(off, late.matter)
        assert "认定整改落实不力" in screen and f"/admin/referrals/rectification/{late.pk}/" not in screen
        assert TODO not in inbox(officer)
        # reported in time and not yet judged: no referral
        r = off.post(f"/admin/referrals/rectification/{late.pk}/", {
            "decision": "refer", "destination": "superior", "to": "武隆区人民政府", "reasons": "未整改。"})
        assert ("移送须在其所依据的环节办结后进行：武隆其他局已于2026-03-09按期报送整改报告，也未经审核认定整改落实不力，"
                f"不能移送（{ARTICLE}）。") in r.content.decode()
        # the liaison may not judge it; the officer must give the facts
        denied = login(other).post(f"/admin/programme/tasks/{late.pk}/ineffective/", {"findings": "自评"})
        assert denied.status_code == 403 and "只有司法局经办人或负责人可以认定整改落实不力。" in denied.content.decode()
        empty = off.post(f"/admin/programme/tasks/{late.pk}/ineffective/", {"findings": ""}, follow=True)
        assert "请写明整改落实不力的事实（哪些问题未整改、报告与实际不符等）。" in empty.content.decode()
        late.refresh_from_db()
        assert late.ineffective_on is None and late.matter.status == "open"
        done = off.post(f"/admin/programme/tasks/{late.pk}/ineffective/", {
            "findings": "抽查发现2026年2月以后的12件处罚决定仍未公示，报告与实际不符。"}, follow=True)
        assert "已认定整改落实不力，事项办结；请审查是否情节严重。" in done.content.decode()
        assert off.post(f"/admin/programme/tasks/{market.pk}/ineffective/", {
            "findings": "3件案卷仍未补正陈述申辩告知。"}).status_code == 302
    late.refresh_from_db()
    assert (str(late.ineffective_on), late.matter.status, late.matter.outcome, late.accepted_at) == (
        "2026-03-10", "closed", "审核认定整改落实不力", None)
    finding = DecisionRecord.objects.get(outcome="整改落实不力", agency="武隆其他局")
    assert (str(finding.decided_on), finding.article, finding.confidential) == ("2026-03-10", ARTICLE, False)
    with freeze_time("2026-03-11 09:00"):
        page = inbox(officer)
        assert page.count(TODO) == 2
        assert "2026-03-10经审核认定整改落实不力" in card(page, TODO) and ARTICLE in card(page, TODO)
        screen = matter_html(off, late.matter)
        assert ("司法局已于2026-03-10审核认定整改落实不力（《行政执法监督情况通报制度》第六条）："
                "抽查发现2026年2月以后的12件处罚决定仍未公示，报告与实际不符。") in screen
        assert f'href="/admin/referrals/rectification/{late.pk}/">审查是否情节严重并移送</a>' in screen
        assert f"情节严重的处理</strong>（{ARTICLE}）" in screen
        their = matter_html(login(other), late.matter)
        assert "审查是否情节严重并移送" not in their
        assert "审核认定整改落实不力（《行政执法监督情况通报制度》第六条）：抽查发现" in their
        form = off.get(f"/admin/referrals/rectification/{late.pk}/").content.decode()
        assert "经审核书面报告，于2026-03-10认定整改落实不力：抽查发现2026年2月以后的12件处罚决定仍未公示，报告与实际不符。" in form
        # the market: not serious; the other agency: handed to its superior
        assert off.post(f"/admin/referrals/rectification/{market.pk}/", {
            "decision": "not_serious", "reasons": "未补正的案卷已在整改中，不属情节严重。"}).status_code == 302
        r = off.post(f"/admin/referrals/rectification/{late.pk}/", {
            "decision": "refer", "destination": "superior", "to": "武隆区人民政府",
            "reasons": "被通报后报告已整改，经审核仍有12件处罚决定未公示，整改落实不力。"})
        assert r.status_code == 302, r.content.decode()[-1500:]
    referral = Referral.objects.get()
    assert (referral.source, str(referral.referred_on), referral.to, referral.article, referral.document.doc_number) == (
        "notified", "2026-03-11", "武隆区人民政府", ARTICLE, "武隆移〔2026〕1号")
    market.refresh_from_db()
    assert str(market.not_serious_on) == "2026-03-11" and market.referral is None
    with freeze_time("2026-03-12 09:00"):
        assert TODO not in inbox(officer)
        screen = matter_html(off, late.matter)
        assert "已于2026-03-11移送武隆区人民政府（武隆移〔2026〕1号）。" in screen and "审查是否情节严重并移送" not in screen
        assert "已于2026-03-11经审查认定不属情节严重，不予移送。" in matter_html(off, market.matter)
        # a task already judged has no review left
        again = off.post(f"/admin/programme/tasks/{late.pk}/ineffective/", {"findings": "再次认定。"}, follow=True)
        assert "该整改任务当前没有待审核的整改落实情况" in again.content.decode()
