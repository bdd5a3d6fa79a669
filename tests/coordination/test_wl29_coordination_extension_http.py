"""004 行政执法争议协调办法 over HTTP with role users, the clock frozen (November 2026 has no public holiday;
dates counted by hand):

- 第十四条: the extension approved by the bureau head is told to the agencies of the dispute in writing (延期告知书,
  one letter addressed to every agency) and each party's liaison sees the document and the new date;
- 第十二条第（一）项: the respondent's answer not given within its 5 working days does not stop the coordination;
- 第十八条第（一）项: the 协调意见书 states the matter, the basis, the result and the opinion."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.models import Clock
from tests.coordination.helpers import do_task, login, serve
from tests.coordination.test_coordination_http import apply, setup

pytestmark = pytest.mark.django_db


def clock(matter, rule_key):
    return Clock.objects.filter(subject_id=str(matter.pk), rule_key=rule_key).order_by("-pk").first()


def test_extension_told_in_writing_and_a_missing_answer_does_not_stop_the_coordination(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="户外广告设置监管职责争议")
        matter = dispute.matter
        do_task(off, "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        # 7 WD from Monday 11-02: 11-03 … 11-11
        assert clock(matter, "dispute_finish_period").due_on == dt.date(2026, 11, 11)
        frozen.move_to("2026-11-03 09:00")
        serve(off, Document.objects.get(matter=matter, kind="coordination_notice"), "2026-11-03")
        # the respondent's 5 WD from its receipt on 11-03: 11-04 … 11-10
        assert clock(matter, "dispute_answer_period").due_on == dt.date(2026, 11, 10)

        frozen.move_to("2026-11-10 10:00")
        # an empty reason is refused with its Chinese message, nothing written
        empty = lead.post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "5", "reason": " "})
        assert empty.status_code == 200 and "请填写情况复杂需要延长的理由" in empty.content.decode()
        assert not Document.objects.filter(kind="coordination_extension").exists()
        assert lead.post(f"/admin/coordination/{dispute.pk}/extend/", {
            "n": "5", "reason": "需听取区委编办意见"}).status_code == 302
        assert clock(matter, "dispute_finish_period").due_on == dt.date(2026, 11, 18)  # 11-11 + 5 WD
        notice = Document.objects.get(matter=matter, kind="coordination_extension")
        assert notice.doc_number == "武隆协延〔2026〕1号" and notice.issued_on == dt.date(2026, 11, 10)
        assert notice.addressee == "武隆区市场监督管理局、武隆区城市管理局"
        assert notice.article == "《行政执法争议协调办法》第十四条"
        assert "本局于2026年11月2日受理，原应于2026年11月11日前办结" in notice.body
        assert "因需听取区委编办意见" in notice.body
        # the title ends in 争议 and the wording adds 争议协调: said once, not 争议争议协调
        assert notice.title == "关于延长户外广告设置监管职责争议协调办理期限的告知书"
        assert notice.body.startswith("户外广告设置监管职责争议协调事项，本局于2026年11月2日受理") and "争议争议" not in notice.body
        assert "办理期限延长5个工作日，延长后于2026年11月18日前办结" in notice.body
        assert notice.pdf
        # each party's liaison sees the letter in its file and the new date under 我的争议协调
        for lx in (lx_a, lx_b):
            client = login(lx)
            assert "武隆协延〔2026〕1号" in client.get(f"/admin/casework/{matter.pk}/").content.decode()
            assert "2026-11-18届满" in client.get("/admin/coordination/mine/").content.decode()
        assert login(lx_a).get(f"/admin/casework/files/document/{notice.pk}.pdf").status_code == 200
        page = off.get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "已以武隆协延〔2026〕1号告知争议各方" in page

        # 第十二条第（一）项: no answer by 11-10; the coordination goes on without it
        frozen.move_to("2026-11-16 10:00")
        assert not dispute.answers.exists()
        do_task(off, "协调并提出协调结果", {"agreed": "yes",
                                            "result": "户外广告设置由城市管理部门审批监管，市场监管部门查处违法广告内容。"})
        dispute.refresh_from_db()
        assert dispute.state == "agreed"
        frozen.move_to("2026-11-17 15:00")
        do_task(lead, "报请区政府同意并签发协调意见书", {
            "consent_on": "2026-11-17", "result": "户外广告设置由城市管理部门审批监管，市场监管部门查处违法广告内容。"})
    opinion = Document.objects.get(matter=matter, kind="coordination_opinion")
    assert opinion.doc_number == "武隆协意〔2026〕1号" and opinion.issued_on == dt.date(2026, 11, 17)
    # 第十八条第（一）项: 协调事项、依据、结果和意见
    assert "协调事项：武隆区市场监督管理局、武隆区城市管理局之间的行政执法职责争议（第七条第（一）项）" in opinion.body
    assert "协调依据：《行政执法争议协调办法》第十七条" in opinion.body
    assert "协调结果和意见：户外广告设置由城市管理部门审批监管，市场监管部门查处违法广告内容。" in opinion.body
    assert "经重庆市武隆区人民政府于2026年11月17日同意" in opinion.body
    assert clock(matter, "dispute_finish_period").status == "met"


def test_extension_only_by_the_head_and_only_while_coordinating(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-11-02 09:00"):
        dispute = apply(lx_a, b, title="联合执法牵头争议")
        # not yet accepted: nothing to extend
        early = login(leader).post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "5", "reason": "复杂"})
        assert "争议协调不在办理中" in early.content.decode()
        do_task(login(officer), "审查争议协调申请", {"decision": "accept"})
        # the officer and the party's liaison may not extend; no letter issued
        for user in (officer, lx_b):
            refused = login(user).post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "5", "reason": "复杂"})
            assert refused.status_code in (302, 403)
        assert not Document.objects.filter(kind="coordination_extension").exists()
        assert clock(dispute.matter, "dispute_finish_period").due_on == dt.date(2026, 11, 11)


def test_an_application_without_the_self_negotiation_is_refused(make_user):
    """第九条第一款、第十一条第（一）项: agencies negotiate first; the application states how, or it is refused."""
    from coordination.models import Dispute

    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-11-02 09:00"):
        response = login(lx_a).post("/admin/coordination/apply/", {
            "parties": [b.pk], "category": "duties", "title": "占道经营监管职责争议", "facts": "查处职责存在分歧。",
            "negotiation": "  ", "proposal_text": ""})
    assert response.status_code == 200
    assert "请填写自行协商情况及分歧意见" in response.content.decode()
    assert not Dispute.objects.exists()
