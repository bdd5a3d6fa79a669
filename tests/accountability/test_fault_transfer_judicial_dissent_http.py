"""Three Wulong accountability rules over HTTP as the role users, the clock frozen, literal dates:
- a matter not ours is transferred to the competent body, late after the 2 days (过错 第十条第（一）项);
- a fault suspected of crime goes to the judicial organs as a recorded step with its 移送函 (过错 第十一条第（七）项);
- a member who raised and kept the correct view in a collective decision bears no wrong-case responsibility and
  cannot be sanctioned (错案 第八条第（三）项).

Calendar 2026: intake Monday 11-02; the transfer was due Wednesday 11-04."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from referrals.models import Referral
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login

pytestmark = pytest.mark.django_db

FAULT, WRONG = "《行政执法过错纠正和责任追究制度》", "《行政执法错案责任倒查问责制度》"


def intake(off, agency, **data):
    r = off.post("/admin/accountability/intake/", {"agency": agency.pk, "origin": "court", "intake_on": "2026-11-02",
                                                   **data})
    assert r.status_code == 302, r.content.decode()[-3000:]
    return Case.objects.get(matter__title=data["title"])


def test_a_matter_not_ours_is_transferred_and_a_late_transfer_is_marked(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区城市管理局", "lx_tr")
    off = login(make_user("officer", OFFICER))
    with freeze_time("2026-11-02 09:00") as frozen:
        case = intake(off, agency, kind="fault", grounds=["inaction"], title="某渣土车超载未处理",
                      facts="举报称执法人员对渣土车超载不予处理，属交通运输部门职责。")
        frozen.move_to("2026-11-05 10:00")
        url = claim_and_open(off, "审查管辖")
        empty = off.post(url, {"competent": "no", "transferred_to": ""})
        assert empty.status_code == 200 and "请填写转送的有权部门。" in empty.content.decode()
        assert Case.objects.get().transferred_on is None
        assert off.post(url, {"competent": "no", "transferred_to": "武隆区交通运输局"}).status_code == 302
    case.refresh_from_db()
    assert (case.state, case.transferred_to, case.transferred_on) == ("transferred", "武隆区交通运输局",
                                                                      dt.date(2026, 11, 5))
    assert case.matter.status == "closed" and case.matter.outcome == "转送武隆区交通运输局（逾期）"


def test_a_fault_suspected_of_crime_is_referred_to_the_judicial_organs(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_jd")
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-11-02 09:00"):
        case = intake(off, agency, kind="fault", grounds=["corruption"], title="某执法人员收受财物案",
                      facts="执法人员张明收受当事人财物后撤销处罚。")
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {"team": "刘洋、陈静", "findings": "张明收受当事人现金五万元。",
                                                "p0_name": "张明", "p0_position": "主办人员", "p0_share": "sole"})
        person = case.persons.get()
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年11月2日局务会", f"s_{person.pk}": ["suspend", "criminal"],
            f"c_{person.pk}": "intent", f"h_{person.pk}": "serious"})
    url = f"/admin/referrals/matter/{case.matter_id}/accountability/"
    with freeze_time("2026-11-03 10:00"):
        form = lead.get(url).content.decode()
        assert f"涉嫌犯罪，移交司法机关处理（{FAULT}第十一条第（七）项）" in form
        r = lead.post(url, {"destination": "judicial", "to": "重庆市武隆区人民检察院", "persons": "张明",
                            "reasons": "张明收受当事人现金五万元，涉嫌受贿"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
    referral = Referral.objects.get()
    assert (referral.source, referral.destination, referral.referred_on) == ("accountability", "judicial",
                                                                             dt.date(2026, 11, 3))
    assert referral.article == f"{FAULT}第十一条第（七）项"
    letter = referral.document
    assert letter.doc_number == "武隆移〔2026〕1号" and letter.addressee == "重庆市武隆区人民检察院"
    assert letter.body.split("\n")[1] == (
        f"上述问题属于涉嫌犯罪，移交司法机关处理的情形。依据{FAULT}第十一条第（七）项的规定，"
        "现将张明有关问题移送你单位依法处理，相关材料随函附送。")
    record = referral.record
    assert record.confidential and record.outcome == "涉嫌犯罪，移交司法机关处理"
    assert record.decided_on == dt.date(2026, 11, 3) and record.doc_number == "武隆移〔2026〕1号"
    assert "重庆市武隆区人民检察院" in page and "武隆移〔2026〕1号" in page


def test_the_correct_dissent_bears_no_wrong_case_responsibility(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区城市管理局", "lx_ds")
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-11-02 09:00"):
        case = intake(off, agency, kind="wrong_case", wrong_ground="reconsideration", title="某拆除决定错案",
                      facts="拆除决定经集体讨论作出，被行政复议决定撤销。")
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "赵刚决策，孙丽坚持认为证据不足应缓拆。",
            "p0_name": "赵刚", "p0_share": "decider_main", "p1_name": "孙丽", "p1_share": "dissent_exempt"})
        zhao, sun = case.persons.get(name="赵刚"), case.persons.get(name="孙丽")
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        refused = lead.post(url, {"discussion": "局务会", f"s_{zhao.pk}": ["written_review"],
                                  f"s_{sun.pk}": ["criticism"]})
        assert refused.status_code == 200
        assert "孙丽提出并坚持正确意见，不负错案责任（第八条第（三）项），不能对其选择处理方式。" in refused.content.decode()
        assert not DecisionRecord.objects.exists() and Case.objects.get().decided_on is None
        ok = lead.post(url, {"discussion": "局务会", f"s_{zhao.pk}": ["written_review"]})
        assert ok.status_code == 302, ok.content.decode()[-3000:]
        page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
    record = DecisionRecord.objects.get(title__contains="孙丽")
    assert record.outcome == "不负错案责任" and record.decided_on == dt.date(2026, 11, 2)
    assert "提出并坚持正确意见，不负错案责任（第八条第（三）项）" in record.body
    assert f"{WRONG}第八条、第十二条" == record.article
    decision = Document.objects.get(kind="accountability_decision")
    assert "孙丽（行政执法人员）：责任划分：提出并坚持正确意见，不负错案责任（第八条第（三）项）。不负错案责任。" in decision.body
    assert "<td>不负错案责任</td>" in page
