"""Article-by-article checks of Wulong's 《行政执法辅助人员管理办法》 (004) not covered elsewhere, over HTTP:
第二条 (only Wulong's register), 第七条 (each basic condition, a special post's lower age with its reason),
第八条 (each of the six barring grounds), 第九条 (at least one duty), 第十四条第（六）项 (a reward in the file),
第十六条 (岗位调整 on the assessment; the liaison's 我的待办: assessment due, term ended, dismissal proposed),
第十七条 (criminal liability), 第十五条第（三）项 quotas and a clean check, 第十八条 (the head's accountability
taken in as a 过错责任 case)."""
from __future__ import annotations

import pytest
from django.urls import reverse
from freezegun import freeze_time

from accountability.models import Case
from auxiliary.models import AgencyCheck, AuxiliaryStaff, Sanction, StaffRecord, StatusChange
from casework.models import Agency
from decisions.models import DecisionRecord
from roles.definitions import LIAISON
from roles.models import StaffProfile
from tests.auxiliary.test_staff_management_http import assess, login, people, status  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db]
AUX = "《行政执法辅助人员管理办法》"
ADULT = "110105199001010010"
MINOR = "110105200906010010"  # 17 on 2026-12-01


def hire(**over):
    data = {"name": "冉小东", "id_number": "110105198005010013", "education": "high_school",
            "dispatch_unit": "重庆某人力资源有限公司", "dispatch_agreement": "WL-PQ-2026-009", "post": "停车秩序辅助岗",
            "duties": ["order"], "supervising_officer": "刘执法", "officer_certificate": "50015600123",
            "start": "2026-12-01", "end": "2027-11-30", "conditions": ["conduct", "health", "ability", "other"]}
    data.update(over)
    return data


def todo(user) -> str:
    response = login(user).get("/workflow/")
    assert response.status_code == 200
    return response.content.decode()


# ---------------------------------------------------------------- 第七条、第八条、第九条: hiring
def test_each_unconfirmed_condition_and_no_duty_refused_with_its_article(people):  # noqa: F811
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    with freeze_time("2026-12-01T10:00:00+08:00"):
        html = login(people["liaison"]).post(url, hire(conditions=["conduct"], duties=[])).content.decode()
    assert f"未确认“具备履行职责的身体条件”，不符合招聘条件（{AUX}第七条第（三）项）。" in html
    assert f"未确认“具有符合岗位要求的能力和资格条件”，不符合招聘条件（{AUX}第七条第（五）项）。" in html
    assert f"未确认“符合法律法规规定的其他情形”，不符合招聘条件（{AUX}第七条第（六）项）。" in html
    assert "道德品行良好，无违法犯罪等不良记录”，不符合" not in html  # confirmed
    assert f"请至少选择一项岗位职责（{AUX}第九条）。" in html
    assert AuxiliaryStaff.objects.count() == 1  # the fixture's person only


@pytest.mark.parametrize("code,label,item", [
    ("criminal", "受过刑事处罚或者涉嫌违法犯罪尚未查清", "（一）"),
    ("detention_drugs", "曾被行政拘留或者有吸毒史", "（二）"),
    ("dismissed", "被国家机关、事业单位开除公职或者辞退", "（三）"),
    ("contract_ended", "曾因违反行政执法机关管理规定被解除劳动合同", "（四）"),
    ("credit", "有较为严重的个人不良信用记录", "（五）"),
    ("unfit", "其他不适合从事行政执法辅助工作", "（六）"),
])
def test_each_barring_ground_refuses(people, code, label, item):  # noqa: F811
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = login(people["liaison"]).post(url, hire(barring=[code]))
    assert response.status_code == 200
    assert f"属于不得招聘为行政执法辅助人员的情形：{label}（{AUX}第八条第{item}项）。" in response.content.decode()
    assert AuxiliaryStaff.objects.count() == 1


def test_special_post_lower_age_with_its_reason(people):  # noqa: F811
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    with freeze_time("2026-12-01T10:00:00+08:00"):
        client = login(people["liaison"])
        html = client.post(url, hire(id_number=MINOR, post_age_min="16")).content.decode()
        assert f"特殊行政执法辅助岗位调整招聘条件的，应当注明原因（{AUX}第七条第二款）。" in html
        response = client.post(url, hire(id_number=MINOR, post_age_min="16",
                                         special_reason="景区季节性引导岗，招聘公告已注明年满16周岁"))
        assert response.status_code == 302, response.content.decode()
        html = client.post(url, hire(id_number="110105201101010018", name="小小", post_age_min="16",
                                     special_reason="景区季节性引导岗")).content.decode()
    assert "该人员于2026年12月1日（使用起始日期）为15周岁，未满16周岁，不符合招聘条件（特殊岗位注明的条件）。" in html, \
        html[html.find("help-critical"):][:1500]
    person = AuxiliaryStaff.objects.get(name="冉小东")
    assert person.post_age_min == 16 and person.birth_date.isoformat() == "2009-06-01"


def test_wanzhou_has_no_register(people, make_user):  # noqa: F811
    """第二条: the measures apply in Wulong; Wanzhou's rules have no such register."""
    agency = Agency.objects.create(jurisdiction="wanzhou", name="万州区城市管理局")
    liaison = make_user("lx_wz", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wanzhou")
    client = login(liaison)
    assert client.get(f"/admin/auxiliary/agencies/{agency.pk}/new/").status_code == 404
    response = client.get("/admin/auxiliary/checklist/wanzhou/", follow=True)
    assert "该辖区的规则中没有行政执法辅助人员管理制度。" in response.content.decode()


# ---------------------------------------------------------------- 第十四条、第十六条、第十七条: the agency's management
def test_reward_filed_and_transfer_rests_on_the_assessment(people):  # noqa: F811
    person = people["person"]
    with freeze_time("2027-12-05T10:00:00+08:00"):
        liaison = login(people["liaison"])  # signed in on the day
        html = status(liaison, person, kind="transfer", reason="工作需要", decided_on="2027-12-05",
                      new_post="停车秩序辅助岗").content.decode()
        assert f"岗位调整应当以考核结果为依据（{AUX}第十六条），该人员尚无考核记录，请先登记考核。" in html
        assert assess(liaison, person, "excellent", decided_on="2027-12-01").status_code == 302
        html = status(liaison, person, kind="transfer", reason="工作需要", decided_on="2027-12-05",
                      new_post="市容巡查辅助岗").content.decode()
        assert "调整后的岗位与现岗位（市容巡查辅助岗）相同。" in html
        assert status(liaison, person, kind="transfer", reason="考核优秀，调整至停车秩序辅助岗",
                      decided_on="2027-12-05", new_post="停车秩序辅助岗").status_code == 302
        assert liaison.post(f"/admin/auxiliary/{person.pk}/record/", {
            "kind": "reward", "day": "2027-12-05", "title": "年度考核优秀，通报表扬"}).status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    person.refresh_from_db()
    assert person.post == "停车秩序辅助岗" and person.status == "active"
    assert ("岗位调整：在岗→在岗，岗位由市容巡查辅助岗调整为停车秩序辅助岗"
            "（依据2026年12月1日至2027年11月30日考核：优秀）") in detail
    change = StatusChange.objects.get()
    assert change.article == f"{AUX}第十六条" and change.from_post == "市容巡查辅助岗"
    record = DecisionRecord.objects.get(outcome="岗位调整")
    assert record.decided_on.isoformat() == "2027-12-05"
    assert "岗位由市容巡查辅助岗调整为停车秩序辅助岗；依据2026年12月1日至2027年11月30日考核结果（优秀）" in record.body
    assert StaffRecord.objects.get().article == f"{AUX}第十四条第（六）项"
    assert f"{AUX}第十四条第（六）项" in detail and "年度考核优秀，通报表扬" in detail


def test_crime_referred_for_criminal_liability(people):  # noqa: F811
    person = people["person"]
    with freeze_time("2027-05-10T10:00:00+08:00"):
        liaison = login(people["liaison"])
        assert liaison.post(f"/admin/auxiliary/{person.pk}/sanction/", {
            "measure": "criminal", "acts": ["bribe"], "facts": "索取当事人财物二万元，涉嫌受贿",
            "decided_on": "2027-05-10", "decider": "王局长"}).status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    sanction = Sanction.objects.get()
    assert sanction.measure_label == "移送司法机关依法追究刑事责任（构成犯罪的）"
    assert sanction.article == f"{AUX}第十七条" and sanction.status_change is None
    assert "移送司法机关依法追究刑事责任（构成犯罪的）" in detail
    assert f"索取或者收受贿赂（{AUX}第十条第（六）项）" in detail
    assert DecisionRecord.objects.get().decided_on.isoformat() == "2027-05-10"


def test_the_liaisons_todo_assessment_term_and_dismissal(people):  # noqa: F811
    person, liaison = people["person"], people["liaison"]
    with freeze_time("2027-10-30T10:00:00+08:00"):
        assert "登记辅助人员定期考核" not in todo(liaison)
    with freeze_time("2027-10-31T10:00:00+08:00"):
        waiting = todo(liaison)
        assert "登记辅助人员定期考核" in waiting and "陈小军（市容巡查辅助岗）" in waiting
        assert "期限：2027-11-30" in waiting and f"依据：{AUX}第十六条" in waiting
        assert f"/admin/auxiliary/{person.pk}/assess/" in waiting
        assert "登记续聘或期满离岗" not in waiting
        assert "陈小军" not in todo(people["other"]) and "陈小军" not in todo(people["officer"])
    with freeze_time("2027-12-01T10:00:00+08:00"):
        waiting = todo(liaison)
        assert "登记续聘或期满离岗" in waiting and "使用期限已于2027年11月30日届满" in waiting
        assert "期限：2027-11-30" in waiting and "已逾期" in waiting
        assert assess(login(liaison), person, "unqualified", decided_on="2027-12-01").status_code == 302
        waiting = todo(liaison)
        assert "登记辅助人员定期考核" not in waiting
        assert "按考核结果决定是否解除劳动关系" in waiting
        assert "最近一次考核为不合格，考核结果作为解除劳动关系的依据" in waiting
        assert status(login(liaison), person, kind="dismiss", reason="考核不合格", decided_on="2027-12-01"
                      ).status_code == 302
        waiting = todo(liaison)
    assert "陈小军" not in waiting


# ---------------------------------------------------------------- 第十五条、第十八条: the bureau's check
def test_quota_found_then_the_heads_accountability_taken_in(people):  # noqa: F811
    agency = people["agency"]
    url = f"/admin/auxiliary/agencies/{agency.pk}/checks/"
    with freeze_time("2027-06-10T10:00:00+08:00"):
        officer = login(people["officer"])
        assert officer.post(url, {"checked_on": "2027-06-01", "findings": "辅助人员管理制度齐全，经费按预算列支"}
                            ).status_code == 302
        assert officer.post(url, {"checked_on": "2027-06-09", "violations": ["quota"],
                                  "findings": "大队向协管员按月下达罚款任务数", "head_name": "张某某"}
                            ).status_code == 302
        clean, failed = AgencyCheck.objects.order_by("checked_on")
        listing = officer.get(url).content.decode()
        assert f"/admin/auxiliary/checks/{failed.pk}/accountability/" in listing
        assert f"/admin/auxiliary/checks/{clean.pk}/accountability/" not in listing
        assert "转入责任追究" not in login(people["liaison"]).get(url).content.decode()
        refused = login(people["liaison"]).get(f"/admin/auxiliary/checks/{failed.pk}/accountability/")
        assert refused.status_code == 403
        assert "只有司法局经办人可以将检查发现的问题转入责任追究。" in refused.content.decode()
        html = officer.post(f"/admin/auxiliary/checks/{clean.pk}/accountability/",
                            {"kind": "fault", "grounds": ["other"]}).content.decode()
        assert f"该次检查未发现问题，没有应当追究责任的机关负责人（{AUX}第十八条）。" in html
        form = officer.get(f"/admin/auxiliary/checks/{failed.pk}/accountability/").content.decode()
        assert "2027年6月9日检查：大队向协管员按月下达罚款任务数。机关负责人：张某某。" in form
        response = officer.post(f"/admin/auxiliary/checks/{failed.pk}/accountability/",
                                {"kind": "fault", "grounds": ["other"]})
        assert response.status_code == 302, response.content.decode()
        again = officer.post(f"/admin/auxiliary/checks/{failed.pk}/accountability/",
                             {"kind": "fault", "grounds": ["other"]}).content.decode()
        assert "该次检查发现的问题已转入责任追究，不能重复转入。" in again
        listing = officer.get(url).content.decode()
    records = {r.outcome: r for r in DecisionRecord.objects.filter(process_kind="auxiliary")}
    assert records["未发现问题"].article == f"{AUX}第十五条"
    assert records["存在问题，建议追究机关负责人责任"].decided_on.isoformat() == "2027-06-09"
    assert f"向执法辅助人员下达或者变相下达罚款、收费指标（{AUX}第十五条第（三）项）" in \
        records["存在问题，建议追究机关负责人责任"].body
    case = Case.objects.get()
    failed.refresh_from_db()
    assert failed.case == case and case.origin == "inspection" and case.grounds == ["other"]
    assert case.matter.agency == agency and case.intake_on.isoformat() == "2027-06-10"
    assert case.matter.facts.startswith("2027年6月9日辅助人员管理监督检查：大队向协管员按月下达罚款任务数。")
    assert f"发现的问题：向执法辅助人员下达或者变相下达罚款、收费指标（{AUX}第十五条第（三）项）" in case.matter.facts
    assert f"机关负责人：张某某。按相关规定追究该行政机关负责人的责任（{AUX}第十八条）。" in case.matter.facts
    matter_url = reverse("casework:matter", args=[case.matter_id])
    assert f'已转入责任追究：<a href="{matter_url}">{case.matter.number}</a>' in listing
