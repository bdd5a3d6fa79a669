"""Accountability in Enshi (《恩施土家族苗族自治州行政执法监督办法》第三十二条) over HTTP as the role users, the clock
frozen: the intake offers the seven behaviours of 第一款 (refusing to carry out a 监督决定 among them), the decision
cites the behaviour and the article; 容错 (第二款) is a recorded exemption — causes, both conditions, facts and
reasons, who decided — that ends the case without sanction; a 容错 without its grounds is refused in Chinese with
nothing written. Where the measures are silent the profile says so (转送期限: 办法未规定, 5 working days applied).

Calendar 2026: intake Thursday 09-03; five working days end Thursday 09-10."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document, MatterEvent
from clocks.models import Clock
from decisions.models import DecisionRecord
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login
from tests.flows.worklist_pages import inbox

pytestmark = pytest.mark.django_db

ENSHI = "《恩施土家族苗族自治州行政执法监督办法》"
INTAKE = "/admin/accountability/intake/?jurisdiction=enshi"


@pytest.fixture
def people(make_user):
    agency, lx = agency_with_liaison(make_user, "恩施州市场监督管理局", "lx_es", "enshi")
    zhou = make_user("zhoujun", LIAISON)
    StaffProfile.objects.create(user=zhou, agency=agency)
    officer = make_user("officer_es", OFFICER)
    leader = make_user("leader_es", LEADER, first_name="田局长")
    return {"agency": agency, "lx": lx, "zhou": zhou, "officer": officer, "leader": leader}


def open_case(p, title, grounds):
    off = login(p["officer"])
    response = off.post(INTAKE, {
        "kind": "fault", "agency": p["agency"].pk, "origin": "letter", "grounds": grounds, "title": title,
        "facts": "被监督机关收到监督决定书后逾期未执行。", "intake_on": "2026-09-03"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    case = Case.objects.get(matter__title=title)
    do_task(off, "审查管辖", {"competent": "yes"})
    do_task(off, "调查组调查并认定责任人", {
        "team": "向红、覃明", "findings": "该局收到《行政执法监督决定书》后三十日内未撤销违法的行政处罚决定。",
        "p0_name": "周军", "p0_username": "zhoujun", "p0_position": "分管副局长", "p0_share": "supervisor",
        "p1_name": "谭林", "p1_position": "执法大队队长", "p1_share": "direct"})
    return case


def test_intake_offers_the_seven_behaviours_and_the_decision_cites_refusing_a_decision(people):
    p = people
    off, lead = login(p["officer"]), login(p["leader"])
    with freeze_time("2026-09-03 09:00"):
        wulong = off.get("/admin/accountability/intake/").content.decode()
        assert 'href="?jurisdiction=enshi"' in wulong and "湖北省恩施土家族苗族自治州" in wulong
        html = off.get(INTAKE).content.decode()
        for behaviour in ("不履行或者不正确履行行政执法职责（第三十二条第一款第（一）项）",
                          "粗暴、野蛮等不文明执法造成不良影响（第三十二条第一款第（二）项）",
                          "执法主体、权限、程序不合法，执法决定不合法或者明显不当（第三十二条第一款第（三）项）",
                          "不配合、不接受行政执法监督或者弄虚作假（第三十二条第一款第（四）项）",
                          "拒不执行行政执法监督决定（第三十二条第一款第（五）项）",
                          "利用行政执法职权谋取不正当利益（第三十二条第一款第（六）项）",
                          "其他违法或者不当的行政执法行为（第三十二条第一款第（七）项）"):
            assert behaviour in html
        # one kind of case in Enshi; Wulong's wrong-case grounds and auxiliary staff's acts are not offered
        assert "行政执法错案责任倒查" not in html and "认定为错案的情形" not in html and "辅助人员" not in html
        assert f"应予处理的行为（{ENSHI}第三十二条第一款）" in html
        assert f"行政执法责任追究（{ENSHI}第三十二条第一款）" in html
        # the measures set no transfer period: the profile says so and the reading applied
        assert "5个工作日" in html and "办法未规定转送期限" in html
        # a jurisdiction whose rules provide no accountability: a Chinese 404, not a server error
        other = off.get("/admin/accountability/intake/?jurisdiction=weihai")
        assert other.status_code == 404 and "山东省威海市的办法没有规定行政执法人员的责任追究" in other.content.decode()
        # no behaviour chosen: refused in Chinese, nothing written
        bad = off.post(INTAKE, {"kind": "fault", "agency": p["agency"].pk, "origin": "letter", "title": "无情形",
                                "facts": "x", "intake_on": "2026-09-03"})
        assert bad.status_code == 200 and f"请选择应予处理的行为（{ENSHI}第三十二条第一款）" in bad.content.decode()
        assert not Case.objects.exists()

        case = open_case(p, "某局拒不执行行政执法监督决定", ["refuse_decision"])
        clock = Clock.objects.get(subject_id=str(case.matter_id), rule_key="fault_transfer_period")
        assert clock.due_on == dt.date(2026, 9, 10) and clock.article == "第三十二条"
        persons = {x.name: x for x in case.persons.all()}
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        page = lead.get(url).content.decode()
        assert f"予以容错，不予处理（{ENSHI}第三十二条第二款）" in page
        assert "按照有关规定和程序予以容错" in page and "从重情形" not in page
        response = lead.post(url, {
            "discussion": "2026年9月3日局务会，局长、副局长参加", "outcome": "decide",
            f"s_{persons['周军'].pk}": ["criticism"], f"s_{persons['谭林'].pk}": ["written_review", "discipline"]})
        assert response.status_code == 302, response.content.decode()[-3000:]

    decision = Document.objects.get(matter=case.matter, kind="accountability_decision")
    assert decision.doc_number == "恩施追决〔2026〕1号" and decision.article == f"{ENSHI}第三十二条第一款"
    assert "应予处理的行为：拒不执行行政执法监督决定（第三十二条第一款第（五）项）" in decision.body
    record = DecisionRecord.objects.get(process_kind="accountability", party_user=p["zhou"])
    assert record.article == f"{ENSHI}第三十二条第一款" and record.outcome == "通报批评"
    assert "拒不执行行政执法监督决定（第三十二条第一款第（五）项）" in record.body
    assert "直接负责的主管人员（第三十二条第一款）" in record.body
    tan = DecisionRecord.objects.get(process_kind="accountability", title__startswith="行政执法责任追究：谭林")
    assert "移送有权机关依纪依法给予处分（第三十二条第一款）" in tan.body
    assert Case.objects.get(pk=case.pk).state == "hearing"


def test_fault_tolerance_is_a_recorded_exemption_that_ends_the_case(people):
    p = people
    lead = login(p["leader"])
    with freeze_time("2026-09-03 09:00") as frozen:
        case = open_case(p, "某局未按期执行监督决定（洪灾）", ["non_performance", "refuse_decision"])
        frozen.move_to("2026-09-08 10:00")
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        base = {"discussion": "2026年9月8日局务会", "outcome": "tolerate", "tolerance_causes": ["objective"],
                "tolerance_conditions": ["in_duty", "duty_done"]}
        events = MatterEvent.objects.filter(matter=case.matter).count()
        # without the facts and reasons, or without one of the two conditions: refused, nothing written
        for data, message in (
                (base, f"请写明予以容错的事实和理由（{ENSHI}第三十二条第二款）。"),
                ({**base, "tolerance_grounds": "洪灾", "tolerance_conditions": ["in_duty"]},
                 f"予以容错须同时具备：已经按照职能分工、岗位职责和监督管理工作计划要求履行职责（{ENSHI}第三十二条第二款）。"),
                ({**base, "tolerance_grounds": "洪灾", "tolerance_causes": []},
                 f"请选择容错的原因：客观因素或者难以预见情形（{ENSHI}第三十二条第二款）。")):
            refused = lead.post(url, data)
            assert refused.status_code == 200 and message in refused.content.decode()
            assert not DecisionRecord.objects.filter(process_kind="accountability").exists()
            assert MatterEvent.objects.filter(matter=case.matter).count() == events
            assert Case.objects.get(pk=case.pk).state == "deciding"
        ok = lead.post(url, {**base, "tolerance_grounds": "8月特大洪灾致执法人员全部投入抢险，已按工作计划安排执行，洪灾后立即执行。"})
        assert ok.status_code == 302, ok.content.decode()[-3000:]

    case = Case.objects.get(pk=case.pk)
    assert case.state == "done" and case.tolerated_on == dt.date(2026, 9, 8) and case.tolerated_by == p["leader"]
    assert case.matter.status == "closed" and case.matter.outcome == "予以容错，不予处理"
    records = DecisionRecord.objects.filter(process_kind="accountability")
    assert records.count() == 2 and {r.outcome for r in records} == {"予以容错，不予处理"}
    zhou = records.get(party_user=p["zhou"])
    assert zhou.article == f"{ENSHI}第三十二条第二款" and zhou.decided_on == dt.date(2026, 9, 8)
    assert "容错原因：客观因素" in zhou.body and "决定人：田局长" in zhou.body and "8月特大洪灾" in zhou.body
    # no sanction, no decision document, no hearing: the flow ended
    assert not Document.objects.filter(matter=case.matter).exists()
    assert all(not x.sanctions for x in case.persons.all())
    assert "听取责任人陈述和申辩" not in inbox(p["officer"])
    # the person concerned reads it; the file shows the exemption with who decided
    assert "予以容错，不予处理" in login(p["zhou"]).get("/admin/accountability/mine/").content.decode()
    panel = login(p["officer"]).get(f"/admin/casework/{case.matter_id}/").content.decode()
    assert "2026-09-08，全部责任人予以容错，原因：客观因素（第三十二条第二款）" in panel and "决定人：田局长" in panel
    assert "予以容错，不予处理（原因：客观因素（第三十二条第二款）；事实和理由：8月特大洪灾" in panel
