"""Wulong accountability choices that no test picked before, over HTTP as the role users, the clock frozen:
- 过错 第七条第（三）（四）项 shares (appraiser, reviewer, approver, the handler who misled them) and 第八条第（一）—（四）项
  aggravating circumstances, chosen in the case and cited literally in the decision;
- 过错 第十条第（二）项 the investigation team of one is refused; 第十条第（三）项 no decision without the collective
  discussion;
- 错案 第十二条第三款: a wrong case's person suspected of crime is referred to the judicial organs (移送函, record).

Calendar 2026: intake and decision Monday 11-02; the referral Tuesday 11-03."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from accountability import services
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


def test_shares_seven_three_four_and_aggravating_eight_one_to_four_are_cited(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_sh")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-11-02 09:00"):
        case = intake(off, agency, kind="fault", grounds=["facts"], title="某食品抽检处罚案执法过错",
                      facts="检验报告错误，处罚被法院撤销。")
        do_task(off, "审查管辖", {"competent": "yes"})
        url = claim_and_open(off, "调查组调查并认定责任人")
        people = {"p0_name": "周平", "p0_position": "鉴定人", "p0_share": "appraiser",
                  "p1_name": "吴芳", "p1_position": "审核人", "p1_share": "reviewer",
                  "p2_name": "郑军", "p2_position": "批准人", "p2_share": "approver",
                  "p3_name": "冯涛", "p3_position": "承办人", "p3_share": "handler_misled"}
        alone = off.post(url, {"team": "刘洋", "findings": "检验报告错误。", **people})
        assert alone.status_code == 200
        assert "调查组应由两名以上人员组成，请用顿号分隔填写。" in alone.content.decode()
        assert not case.persons.exists()
        ok = off.post(url, {"team": "刘洋、陈静", "findings": "检验报告错误，审核、批准未发现。", **people})
        assert ok.status_code == 302, ok.content.decode()[-3000:]
        p = {x.name: x for x in case.persons.filter(active=True)}
        assert len(p) == 4

        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        data = {}
        for name, aggr in (("周平", "intent"), ("吴芳", "refuse_correct"), ("郑军", "obstruct"), ("冯涛", "retaliate")):
            pk = p[name].pk
            data.update({f"s_{pk}": ["criticism"], f"c_{pk}": "gross", f"h_{pk}": "rights", f"a_{pk}": [aggr]})
        empty = lead.post(url, {"discussion": "", **data})
        assert empty.status_code == 200  # the form stays on screen, nothing decided
        assert not DecisionRecord.objects.exists() and Case.objects.get().decided_on is None
        # the door itself refuses a blank discussion (the form strips spaces before it)
        with pytest.raises(ValidationError) as refused:
            services.case_decide(case=case, by=leader, discussion="   ", decisions={
                x.pk: {"sanctions": ["criticism"], "culpability": "gross", "harm": "rights"} for x in p.values()})
        assert refused.value.messages == ["请填写集体讨论的时间、参加人员和讨论意见。"]
        assert not DecisionRecord.objects.exists()
        done = lead.post(url, {"discussion": "2026年11月2日局务会集体讨论", **data})
        assert done.status_code == 302, done.content.decode()[-3000:]

    body = Document.objects.get(kind="accountability_decision").body
    for line in ("周平（鉴定人）：",
                 "责任划分：鉴定人、勘验人，相应责任（第七条第（三）项）", "从重情形：故意造成执法过错（第八条第（一）项）",
                 "吴芳（审核人）：",
                 "责任划分：审核人，相应责任（第七条第（四）项）", "从重情形：拒不纠正过错行为（第八条第（二）项）",
                 "郑军（批准人）：",
                 "责任划分：批准人，同时追究（第七条第（四）项）", "从重情形：阻碍过错责任调查（第八条第（三）项）",
                 "冯涛（承办人）：", "责任划分：承办人员过错致审核人、批准人失误，承担相应责任（第七条第（四）项）",
                 "从重情形：威胁或者打击报复（第八条第（四）项）"):
        assert line in body, line
    record = DecisionRecord.objects.get(title__contains="郑军")
    assert record.decided_on == dt.date(2026, 11, 2)
    assert "批准人，同时追究（第七条第（四）项）" in record.body and "阻碍过错责任调查（第八条第（三）项）" in record.body


def test_a_wrong_case_suspected_of_crime_is_referred_to_the_judicial_organs(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区城市管理局", "lx_wj")
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-11-02 09:00"):
        case = intake(off, agency, kind="wrong_case", wrong_ground="court", title="某违建拆除错案",
                      facts="拆除决定被终审判决撤销，执法人员收受财物。")
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {"team": "刘洋、陈静", "findings": "李强收受当事人相邻方财物后作出拆除决定。",
                                                "p0_name": "李强", "p0_position": "执法人员", "p0_share": "direct"})
        person = case.persons.get()
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年11月2日局务会", f"s_{person.pk}": ["transfer"], f"a_{person.pk}": ["intent"]})
    url = f"/admin/referrals/matter/{case.matter_id}/accountability/"
    with freeze_time("2026-11-03 10:00"):
        form = lead.get(url).content.decode()
        assert f"涉嫌犯罪，移送司法机关追究刑事责任（{WRONG}第十二条第三款）" in form
        r = lead.post(url, {"destination": "judicial", "to": "重庆市武隆区人民检察院", "persons": "李强",
                            "reasons": "李强收受财物后作出错误拆除决定，涉嫌受贿"})
        assert r.status_code == 302, r.content.decode()[-3000:]
    referral = Referral.objects.get()
    assert (referral.destination, referral.referred_on) == ("judicial", dt.date(2026, 11, 3))
    assert referral.article == f"{WRONG}第十二条第三款"
    letter = referral.document
    assert letter.doc_number == "武隆移〔2026〕1号" and letter.addressee == "重庆市武隆区人民检察院"
    assert letter.body.split("\n")[1] == (
        f"上述问题属于涉嫌犯罪，移送司法机关追究刑事责任的情形。依据{WRONG}第十二条第三款的规定，"
        "现将李强有关问题移送你单位依法处理，相关材料随函附送。")
    record = referral.record
    assert record.outcome == "涉嫌犯罪，移送司法机关追究刑事责任" and record.decided_on == dt.date(2026, 11, 3)
    assert record.article == f"{WRONG}第十二条第三款"
