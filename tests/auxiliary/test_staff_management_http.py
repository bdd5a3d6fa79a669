"""Wulong's auxiliary staff managed by their agency over HTTP (004《行政执法辅助人员管理办法》第四、十四至十八条):
status changes with reason, date and decider (each a decision record); the person's file with a private
attachment; periodic assessment driving renewal and dismissal; the handling of breaches citing the prohibited
acts; the bureau's check of the agency (pay tied to fines, quotas) and the head's accountability."""
from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from freezegun import freeze_time

from auxiliary.models import AgencyCheck, Assessment, AuxiliaryStaff, Sanction, StaffRecord, StatusChange
from auxiliary.selectors import cite_prohibited_acts, prohibited_act_choices
from casework.models import Agency
from decisions.models import DecisionRecord
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = [pytest.mark.django_db]
AUX = "《行政执法辅助人员管理办法》"


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(make_user):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    other_agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("lx_cg", LIAISON, first_name="赵联络")
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    other = make_user("lx_sj", LIAISON)
    StaffProfile.objects.create(user=other, agency=other_agency, jurisdiction="wulong")
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = login(liaison).post(f"/admin/auxiliary/agencies/{agency.pk}/new/", {
            "name": "陈小军", "id_number": "110105199001010010", "education": "high_school",
            "dispatch_unit": "重庆某人力资源有限公司", "dispatch_agreement": "WL-PQ-2026-007", "post": "市容巡查辅助岗",
            "duties": ["patrol"], "supervising_officer": "刘执法", "officer_certificate": "50015600123",
            "start": "2026-12-01", "end": "2027-11-30", "conditions": ["conduct", "health", "ability", "other"]})
        assert response.status_code == 302, response.content.decode()
    return {"agency": agency, "liaison": liaison, "other": other, "person": AuxiliaryStaff.objects.get(),
            "officer": make_user("officer_wl", OFFICER)}


def status(client, person, follow=False, **data):
    return client.post(f"/admin/auxiliary/{person.pk}/status/", {"decider": "王局长", **data}, follow=follow)


def assess(client, person, grade, decided_on="2027-11-20"):
    return client.post(f"/admin/auxiliary/{person.pk}/assess/", {
        "period_start": "2026-12-01", "period_end": "2027-11-30", "grade": grade, "decided_on": decided_on,
        "remarks": "工作绩效、遵章守纪、教育培训情况如实记载", "decider": "王局长"})


def test_status_changes_are_the_agencys_each_with_reason_date_decider_and_record(people):
    with freeze_time("2027-03-20T10:00:00+08:00"):
        person, liaison = people["person"], login(people["liaison"])
        refused = status(login(people["officer"]), person, kind="suspend", reason="巡查中与当事人发生争执",
                         decided_on="2027-03-01", follow=True)
        assert refused.redirect_chain[0] == ("/admin/", 302)
        assert "由所在行政执法机关负责" in refused.content.decode() and f"{AUX}第四条" in refused.content.decode()
        assert status(login(people["other"]), person, kind="suspend", reason="x", decided_on="2027-03-01"
                      ).status_code == 404
        html = status(liaison, person, kind="resume", reason="无", decided_on="2027-03-01").content.decode()
        assert "该人员目前为“在岗”，不能恢复在岗。" in html
        assert "原因：请填写原因。" in status(liaison, person, kind="suspend", reason="", decided_on="2027-03-01"
                                            ).content.decode()
        html = status(liaison, person, kind="suspend", reason="停岗调查", decided_on="2027-03-21").content.decode()
        assert "决定日期：决定日期不能晚于今天。" in html
        assert StatusChange.objects.count() == 0 and DecisionRecord.objects.count() == 0

        assert status(liaison, person, kind="suspend", reason="巡查中与当事人发生争执，停岗调查",
                      decided_on="2027-03-01").status_code == 302
        assert status(liaison, person, kind="resume", reason="调查结束，未发现违反办法的行为",
                      decided_on="2027-03-15").status_code == 302
        html = status(liaison, person, kind="renew", reason="表现良好", decided_on="2027-03-15",
                      new_end="2028-11-30").content.decode()
        assert f"续聘应当以考核结果为依据（{AUX}第十六条），该人员尚无考核记录，请先登记考核。" in html
        html = status(liaison, person, kind="expire", reason="期满", decided_on="2027-03-15").content.decode()
        assert "使用期限至2027年11月30日届满，届满前不能登记期满离岗；提前结束使用的，请选择解除劳动关系。" in html

        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    assert "2027年3月1日" in detail and "停岗（暂停履行辅助职责）：在岗→停岗" in detail
    assert "巡查中与当事人发生争执，停岗调查" in detail and "王局长（登记人：赵联络）" in detail
    assert f"{AUX}第十四条第（二）项" in detail and "恢复在岗：停岗→在岗" in detail
    person.refresh_from_db()
    assert person.status == "active"
    records = list(DecisionRecord.objects.order_by("decided_on").values_list("decided_on", "outcome", "agency"))
    assert [(d.isoformat(), o, a) for d, o, a in records] == [
        ("2027-03-01", "停岗（暂停履行辅助职责）", "武隆区城市管理局"), ("2027-03-15", "恢复在岗", "武隆区城市管理局")]


def test_assessment_schedules_the_next_and_a_good_grade_allows_renewal(people):
    with freeze_time("2027-11-25T10:00:00+08:00"):
        person, liaison = people["person"], login(people["liaison"])
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
        assert ("下一次考核应于2027年11月30日前完成：每1年考核一次（《行政执法辅助人员管理办法》第十六条；"
                "办法只规定“定期”考核，未规定周期；平台默认每年考核一次）") in detail
        assert "请选择考核等次" in assess(liaison, person, "").content.decode()
        assert assess(liaison, person, "qualified").status_code == 302
        html = assess(liaison, person, "excellent").content.decode()
        assert "与已登记的考核期间（2026年12月1日至2027年11月30日）重叠。" in html
        assert Assessment.objects.count() == 1
        html = status(liaison, person, kind="renew", reason="考核合格，续聘一年", decided_on="2027-11-25",
                      new_end="2027-11-30").content.decode()
        assert "续聘后的使用截止日期应当晚于2027年11月30日。" in html
        assert status(liaison, person, kind="renew", reason="考核合格，续聘一年", decided_on="2027-11-25",
                      new_end="2028-11-30").status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    person.refresh_from_db()
    assert person.end.isoformat() == "2028-11-30" and person.status == "active"
    assert "下一次考核应于2028年11月30日前完成" in detail
    assert "续聘（延长使用期限）：在岗→在岗，续聘至2028年11月30日" in detail
    assert StatusChange.objects.get().assessment.grade_label == "合格"


def test_unsatisfactory_grade_proposes_dismissal_through_the_status_change(people):
    with freeze_time("2027-11-25T10:00:00+08:00"):
        person, liaison = people["person"], login(people["liaison"])
        assert assess(liaison, person, "unqualified").status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
        assert f"考核不合格：考核结果作为解除劳动关系的依据，建议解除劳动关系（{AUX}第十六条）。" in detail
        assert "按考核结果解除劳动关系" in detail
        assert "按考核结果解除劳动关系" not in login(people["officer"]).get(f"/admin/auxiliary/{person.pk}/"
                                                                       ).content.decode()
        html = status(liaison, person, kind="renew", reason="续聘", decided_on="2027-11-25",
                      new_end="2028-11-30").content.decode()
        assert f"最近一次考核（2026年12月1日至2027年11月30日）为不合格，不能作为续聘依据（{AUX}第十六条）。" in html
        assessment = Assessment.objects.get()
        form = liaison.get(f"/admin/auxiliary/{person.pk}/status/?kind=dismiss&assessment={assessment.pk}"
                           "&reason=2026年12月1日至2027年11月30日考核不合格").content.decode()
        assert 'value="dismiss" selected' in form and "2026年12月1日至2027年11月30日考核不合格" in form
        assert "当前状态：在岗；岗位：市容巡查辅助岗；使用期间：" in form
        assert status(liaison, person, kind="dismiss", assessment=assessment.pk, decided_on="2027-11-25",
                      reason="2026年12月1日至2027年11月30日考核不合格").status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    person.refresh_from_db()
    assert person.status == "dismissed" and person.end.isoformat() == "2027-11-25"
    change = StatusChange.objects.get()
    assert change.assessment == assessment and change.article == f"{AUX}第十六条、第十七条"
    assert "建议解除劳动关系" not in detail and "解除劳动关系：在岗→已解除劳动关系" in detail
    assert "下一次考核" not in detail


def test_breach_handled_citing_prohibited_acts_and_serious_one_dismisses(people):
    with freeze_time("2027-05-10T10:00:00+08:00"):
        person, liaison = people["person"], login(people["liaison"])
        url = f"/admin/auxiliary/{person.pk}/sanction/"
        html = liaison.post(url, {"measure": "criticize", "acts": ["conduct"], "facts": "执法现场态度粗暴",
                                  "decided_on": "2027-05-11", "decider": "王局长"}).content.decode()
        assert "决定日期不能晚于今天" in html and Sanction.objects.count() == 0
        assert liaison.post(url, {"measure": "criticize", "acts": ["conduct"], "facts": "执法现场态度粗暴",
                                  "decided_on": "2027-05-08", "decider": "王局长"}).status_code == 302
        assert liaison.post(url, {"measure": "dismiss", "acts": ["bribe", "alone"], "facts": "收受当事人财物并单独作出处罚",
                                  "decided_on": "2027-05-10", "decider": "王局长"}).status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    assert f"在履职中有不规范、不公正、不文明行为（{AUX}第十条第（八）项）" in detail
    assert f"索取或者收受贿赂（{AUX}第十条第（六）项）" in detail and "依法解除劳动合同（情节严重的）" in detail
    person.refresh_from_db()
    assert person.status == "dismissed"
    change = StatusChange.objects.get()
    assert change.reason == f"违反办法规定，情节严重（{AUX}第十七条）：收受当事人财物并单独作出处罚"
    assert Sanction.objects.get(measure="dismiss").status_change == change
    assert DecisionRecord.objects.filter(process_kind="auxiliary").count() == 3


def test_the_persons_file_with_a_private_attachment(people):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    with freeze_time("2027-01-10T10:00:00+08:00"):
        person, liaison = people["person"], login(people["liaison"])
        url = f"/admin/auxiliary/{person.pk}/record/"
        html = liaison.post(url, {"kind": "training", "day": "2027-01-11", "title": "岗前培训"}).content.decode()
        assert "日期不能晚于今天" in html
        assert liaison.post(url, {"kind": "confidentiality", "day": "2026-12-01", "title": "签订保密承诺书",
                                  "file": SimpleUploadedFile("保密承诺书.pdf", pdf, "application/pdf")}
                            ).status_code == 302
        assert liaison.post(url, {"kind": "training", "day": "2027-01-05", "title": "岗前培训",
                                  "content": "行政执法基础知识16学时"}).status_code == 302
        detail = login(people["officer"]).get(f"/admin/auxiliary/{person.pk}/").content.decode()
        record = StaffRecord.objects.get(kind="confidentiality")
        response = liaison.get(f"/admin/auxiliary/records/{record.pk}/file/")
        assert response.status_code == 200 and b"".join(response.streaming_content) == pdf
        assert login(people["other"]).get(f"/admin/auxiliary/records/{record.pk}/file/").status_code == 404
    assert "2026年12月1日" in detail and "保密承诺" in detail and f"{AUX}第十四条第（四）项" in detail
    assert "岗前培训：行政执法基础知识16学时" in detail and f"{AUX}第十四条第（三）项" in detail
    assert "保密承诺书" not in record.file.name  # random name in the private storage


def test_bureau_checks_pay_tied_to_fines_and_holds_the_head_accountable(people):
    agency = people["agency"]
    url = f"/admin/auxiliary/agencies/{agency.pk}/checks/"
    with freeze_time("2027-06-10T10:00:00+08:00"):
        officer = login(people["officer"])
        form = officer.get(url).content.decode()
        assert "将执法辅助人员的经费支出与罚没款项挂钩（第十五条第（二）项）" in form
        assert "向执法辅助人员下达或者变相下达罚款、收费指标（第十五条第（三）项）" in form
        assert f"按相关规定追究该行政机关负责人的责任（{AUX}第十八条）" in form
        html = officer.post(url, {"checked_on": "2027-06-09", "violations": ["pay_fines"],
                                  "findings": "辅助人员绩效奖金按罚没款比例计发"}).content.decode()
        assert (f"机关未按办法执行的，按相关规定追究该行政机关负责人的责任（{AUX}第十八条），请填写机关负责人姓名。"
                in html)
        assert AgencyCheck.objects.count() == 0
        assert officer.post(url, {"checked_on": "2027-06-09", "violations": ["pay_fines"],
                                  "missing_systems": ["secrecy"], "findings": "辅助人员绩效奖金按罚没款比例计发",
                                  "head_name": "张某某"}).status_code == 302
        refused = login(people["liaison"]).post(url, {"checked_on": "2027-06-09", "findings": "x"}, follow=True)
        assert "只有司法局工作人员可以对执法机关的辅助人员管理开展监督检查。" in refused.content.decode()
        listing = login(people["liaison"]).get(url).content.decode()
        assert login(people["other"]).get(url).status_code == 404
    assert "2027年6月9日" in listing and f"未建立或未落实保密制度（{AUX}第十四条第（四）项）" in listing
    assert f"建议追究张某某的责任（{AUX}第十八条）" in listing
    record = DecisionRecord.objects.get()
    assert record.outcome == "存在问题，建议追究机关负责人责任" and record.article == f"{AUX}第十八条"


def test_prohibited_acts_selector_for_complaints_and_accountability(db):
    choices = prohibited_act_choices("wulong")
    assert len(choices) == 9
    assert choices[0] == ("alone", f"单独从事具体行政执法活动或者超出职责范围协助具体行政执法活动（{AUX}第十条第（一）项）")
    both = prohibited_act_choices("wulong", agency_acts=True)
    assert len(both) == 12 and both[-1][0] == "agency:quota"
    assert cite_prohibited_acts("wulong", ["bribe", "agency:pay_fines", "nonsense"]) == (
        f"索取或者收受贿赂（{AUX}第十条第（六）项）；机关：将执法辅助人员的经费支出与罚没款项挂钩（{AUX}第十五条第（二）项）")
    assert prohibited_act_choices("wanzhou") == [] and prohibited_act_choices("nowhere") == []


def test_roster_names_an_overdue_assessment(people):
    person = people["person"]
    with freeze_time("2027-11-30T10:00:00+08:00"):
        assert "考核逾期" not in login(people["officer"]).get("/admin/auxiliary/").content.decode()
    with freeze_time("2027-12-01T10:00:00+08:00"):
        roster = login(people["officer"]).get("/admin/auxiliary/").content.decode()
        assert "考核逾期：应于2027年11月30日前完成" in roster
        assert "使用期限已于2027年11月30日届满，请登记续聘或期满离岗" in roster
        liaison = login(people["liaison"])
        assert assess(liaison, person, "qualified", decided_on="2027-12-01").status_code == 302
        assert "考核逾期" not in liaison.get("/admin/auxiliary/").content.decode()
