"""意见书 第十条 情节严重的，依法依规予以处理 (通报 第六条: 按照《重庆市行政执法监督条例》等规定予以处理), over HTTP as
the role users: a serious refusal recorded on 2026-10-09 waits in the officer's 我的待办 until the officer hands it
on (移送, referrals.services.refer, source cooperation) on 2026-10-15; the 移送函 is in the matter's file with the
article; a refusal not found serious, or one already handed on, is refused in Chinese; the liaison may not."""
import pytest
from freezegun import freeze_time

from casework.models import Matter
from letters.models import CooperationRefusal
from referrals.models import Referral
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, matter_html, people

pytestmark = pytest.mark.django_db
TODO = "移送情节严重的不配合监督"


def test_serious_refusal_waits_in_the_todo_until_handed_on(make_user):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    officer = login(p["officer"])
    with freeze_time("2026-10-09 09:00"):
        r = officer.post("/admin/casework/new/", {
            "agency": p["agency"].pk, "source": "inspection", "title": "2026年行政处罚案卷评查",
            "facts": "评查2026年行政处罚案卷。"})
        assert r.status_code == 302
        matter = Matter.objects.get(title="2026年行政处罚案卷评查")
        url = f"/admin/letters/matter/{matter.pk}/cooperation/"
        r = officer.post(url, {"kind": "no_cooperation", "occurred_on": "2026-10-09",
                               "facts": "该局以案卷外借为由拒绝提供行政处罚案卷", "request": "提供2026年行政处罚案卷。",
                               "serious": "on", "serious_reason": "多次拒绝提供案卷，致监督无法进行。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        r = officer.post(url, {"kind": "obstruct", "occurred_on": "2026-10-09", "facts": "拒绝监督人员进入档案室"})
        assert r.status_code == 302
        serious = CooperationRefusal.objects.get(serious=True)
        minor = CooperationRefusal.objects.get(serious=False)
        # the officer's 我的待办: the serious one only, with its article
        item = card(inbox(p["officer"]), TODO)
        assert "武隆区市场监督管理局" in item and "《行政执法监督意见书制度》第十条" in item
        assert "2026-10-09发生" in item
        assert inbox(p["officer"]).count(TODO) == 1
        assert TODO not in inbox(p["liaison"])
        assert "是，需移送处理：多次拒绝提供案卷，致监督无法进行。" in matter_html(officer, matter)

    with freeze_time("2026-10-15 10:00"):
        # the agency's liaison may not hand it on
        assert login(p["liaison"]).get(f"/admin/referrals/refusal/{serious.pk}/").status_code in (302, 403)
        # one not found serious: refused in Chinese, nothing written
        r = officer.post(f"/admin/referrals/refusal/{minor.pk}/", {
            "destination": "handle", "to": "武隆区纪委监委", "reasons": "拒绝进入档案室。"})
        assert r.status_code == 200
        assert "该不配合监督记录未认定情节严重，不需移送" in r.content.decode()
        assert not Referral.objects.exists()
        # the serious one: the form offers the article, the officer hands it on
        form = officer.get(f"/admin/referrals/refusal/{serious.pk}/").content.decode()
        assert "情节严重，移送有权机关依法依规予以处理（《行政执法监督意见书制度》第十条）" in form
        assert f"不配合监督（情节严重）移送：{matter.number}" in form and "移送（不配合监督（" not in form
        assert "情节严重：多次拒绝提供案卷，致监督无法进行。</textarea>" in form
        r = officer.post(f"/admin/referrals/refusal/{serious.pk}/", {
            "destination": "handle", "to": "武隆区纪委监委", "persons": "王大明",
            "reasons": "该局多次拒绝提供行政处罚案卷，致监督无法进行。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        referral = Referral.objects.get()
        assert (referral.source, referral.matter_id, str(referral.referred_on)) == ("cooperation", matter.pk,
                                                                                  "2026-10-15")
        assert referral.article == "《行政执法监督意见书制度》第十条"
        assert (referral.document.matter_id, referral.document.doc_number) == (matter.pk, "武隆移〔2026〕1号")
        # the item is gone; the file shows the referral with its date, organ and article
        assert TODO not in inbox(p["officer"])
        html = matter_html(officer, matter)
        assert "已于2026-10-15移送武隆区纪委监委" in html
        assert "（武隆移〔2026〕1号，《行政执法监督意见书制度》第十条）" in html
        # twice: refused in Chinese
        r = officer.post(f"/admin/referrals/refusal/{serious.pk}/", {
            "destination": "handle", "to": "武隆区纪委监委", "reasons": "再次移送。"})
        assert r.status_code == 200
        assert "该不配合监督情况已于2026-10-15移送武隆区纪委监委，不能重复移送。" in r.content.decode()
        assert Referral.objects.count() == 1


def test_a_row_referral_checks_the_permission_once(make_user):
    """refer() from a row (source cooperation): the permission is checked once, before the row is locked."""
    from unittest import mock

    from roles.access import require

    p = people(make_user, "wulong", "武隆区市场监督管理局")
    officer = login(p["officer"])
    with freeze_time("2026-10-09 09:00"):
        officer.post("/admin/casework/new/", {
            "agency": p["agency"].pk, "source": "inspection", "title": "2026年行政处罚案卷评查",
            "facts": "评查2026年行政处罚案卷。"})
        matter = Matter.objects.get(title="2026年行政处罚案卷评查")
        r = officer.post(f"/admin/letters/matter/{matter.pk}/cooperation/", {
            "kind": "no_cooperation", "occurred_on": "2026-10-09", "facts": "该局拒绝提供行政处罚案卷",
            "request": "提供2026年行政处罚案卷。", "serious": "on", "serious_reason": "多次拒绝提供案卷。"})
        assert r.status_code == 302
    serious = CooperationRefusal.objects.get()
    with freeze_time("2026-10-15 10:00"), mock.patch("referrals.services.require", wraps=require) as spy:
        r = officer.post(f"/admin/referrals/refusal/{serious.pk}/", {
            "destination": "handle", "to": "武隆区纪委监委", "reasons": "该局多次拒绝提供行政处罚案卷。"})
        assert r.status_code == 302, r.content.decode()[-2000:]
    assert spy.call_count == 1
    assert str(Referral.objects.get().referred_on) == "2026-10-15"
