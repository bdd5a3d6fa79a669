"""Wulong's 《行政执法辅助人员管理办法》 (004) rows the audit (docs/audit/wulong-auxiliary.md) found built but not
tested, over HTTP with role users and a frozen clock:
第七条第一款 — the age and education bounds come from the rule profile and the form states them with the article;
第七条第二款 — a special post may RAISE them too (a higher minimum age, a higher education), with its reason, and the
  person's screen shows that reason; the 退伍军人 mark and 第九条's supervising officer on the person's screen;
roster import — every other kind of bad cell (退伍军人, 符合招聘基本条件, 特殊岗位 columns, dates in the wrong
  order, a person twice in the sheet, a person already on the roster) named by row and column, nothing stored;
  another agency's liaison cannot import into this agency;
第十五条第（一）项 — assigning a person to act alone as a check item; 第十七条 — 责令改正 recorded, the person stays;
第十六条 — a term ended without renewal recorded as 期满离岗, after which nothing waits and no assessment is taken."""
from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time
from openpyxl import Workbook

from auxiliary.models import AgencyCheck, AuxiliaryStaff, Sanction, StatusChange
from auxiliary.roster_import import COLUMNS
from decisions.models import DecisionRecord
from tests.auxiliary.test_staff_management_http import login, people  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db]
AUX = "《行政执法辅助人员管理办法》"
BORN_1990 = "110105199001010010"  # 36 on 2026-12-01 (already on the fixture's roster as 陈小军)
BORN_1980 = "110105198005010013"  # 46 on 2026-12-01
BORN_2006 = "110105200612010015"  # 20 on 2026-12-01


def hire(**over):
    data = {"name": "冉小东", "id_number": BORN_1980, "education": "high_school",
            "dispatch_unit": "重庆某人力资源有限公司", "dispatch_agreement": "WL-PQ-2026-009", "post": "执法记录仪管理辅助岗",
            "duties": ["duty"], "supervising_officer": "刘执法", "officer_certificate": "50015600123",
            "start": "2026-12-01", "end": "2027-11-30", "conditions": ["conduct", "health", "ability", "other"]}
    data.update(over)
    return data


# ---------------------------------------------------------------- 第七条: bounds from the profile, raised by a post
def test_the_form_states_the_bounds_and_a_special_post_raises_them_with_its_reason(people):  # noqa: F811
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    with freeze_time("2026-12-01T10:00:00+08:00"):
        client = login(people["liaison"])
        form = client.get(url).content.decode()
        assert f"（{AUX}第七条第（一）项）" in form and "18" in form
        assert f"高中及以上学历（退伍军人优先）（{AUX}第七条第（四）项）" in form
        # a higher education for the post, without its reason: refused with 第七条第二款
        html = client.post(url, hire(post_education="bachelor")).content.decode()
        assert f"特殊行政执法辅助岗位调整招聘条件的，应当注明原因（{AUX}第七条第二款）。" in html
        # with the reason, a high-school applicant is below the post's raised requirement
        reason = "执法记录仪数据管理岗，招聘公告注明须大学本科及以上学历"
        html = client.post(url, hire(post_education="bachelor", special_reason=reason)).content.decode()
        assert "学历为高中（含中专、职高、技校），低于本特殊岗位注明的学历要求（大学本科）。" in html
        # a raised minimum age: a 20-year-old is under the post's 22, though over the profile's 18
        html = client.post(url, hire(id_number=BORN_2006, education="bachelor", post_age_min="22",
                                     special_reason="夜间巡查岗，招聘公告注明年满22周岁")).content.decode()
        assert "该人员于2026年12月1日（使用起始日期）为20周岁，未满22周岁，不符合招聘条件（特殊岗位注明的条件）。" in html
        assert AuxiliaryStaff.objects.count() == 1  # the fixture's person only
        # a bachelor veteran meets the raised requirement
        response = client.post(url, hire(education="bachelor", veteran="on", post_education="bachelor",
                                         special_reason=reason))
        assert response.status_code == 302, response.content.decode()
        person = AuxiliaryStaff.objects.get(name="冉小东")
        detail = client.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    assert person.post_education == "bachelor" and person.special_reason == reason and person.veteran is True
    assert f"执法记录仪管理辅助岗（特殊岗位，调整招聘条件的原因：{reason}）" in detail
    assert "大学本科（退伍军人）" in detail
    assert "刘执法（执法证号50015600123）" in detail
    assert f"值班和后勤服务工作（{AUX}第九条第（八）项）" in detail


# ---------------------------------------------------------------- the roster import: every other bad cell
GOOD = ["冉小东", BORN_1980, "高中（含中专、职高、技校）", "否", "重庆某人力资源有限公司", "WL-PQ-2026-009",
        "停车秩序辅助岗", "维护行政执法现场秩序", "刘执法", "50015600123", "2026-12-01", "2027-11-30", "是",
        "", "", "", ""]


def sheet(*rows) -> SimpleUploadedFile:
    wb = Workbook()
    wb.active.append([h for h, _ in COLUMNS])
    for r in rows:
        wb.active.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("名册.xlsx", buf.getvalue())


def row(**cells):
    r = list(GOOD)
    index = {field: i for i, (_, field) in enumerate(COLUMNS)}
    for field, value in cells.items():
        r[index[field]] = value
    return r


def test_import_names_every_other_bad_cell_and_stores_nothing(people):  # noqa: F811
    agency = people["agency"]
    url = f"/admin/auxiliary/agencies/{agency.pk}/import/"
    rows = [
        row(),                                                                    # 2: good
        row(name="冉小东二", veteran="可能", conditions="不确定"),                       # 3 (and a repeat of row 2)
        row(name="李四", id_number="110105199203040015", post_age_min="15", post_education="博士后",
            end="2026-11-30"),                                                    # 4
        row(name="王五", id_number="110105198811110019", post_age_min="20"),          # 5: no reason
        row(name="陈小军", id_number=BORN_1990),                                    # 6: already on the roster
    ]
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = login(people["liaison"]).post(url, {"file": sheet(*rows)})
    html = response.content.decode()
    assert response.status_code == 200 and "未导入任何人员" in html
    assert "第3行“退伍军人”列：应填“是”或“否”，不是“可能”。" in html
    assert "第3行“符合招聘基本条件”列：应填“是”或“否”，不是“不确定”。" in html
    assert "第3行“身份证号”列：与第2行重复。" in html
    assert "第4行“特殊岗位最低年龄”列：“15”不是16至70之间的整数。" in html
    assert "第4行“特殊岗位学历要求”列：“博士后”不是可选学历。" in html
    assert "第4行“使用截止日期”列：使用截止日期不能早于使用起始日期。" in html
    assert f"第5行“特殊岗位调整条件原因”列：特殊行政执法辅助岗位调整招聘条件的，应当注明原因（{AUX}第七条第二款）。" in html
    assert "第6行“身份证号”列：该人员已在本机关名册中（在岗）。" in html
    assert "第2行" not in html.replace("与第2行重复", "")
    assert "身份证号不正确" not in html  # every row's ID is genuine: what is named is the cell under test
    assert AuxiliaryStaff.objects.count() == 1  # the fixture's person only


def test_another_agencys_liaison_cannot_import_here(people):  # noqa: F811
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/import/"
    with freeze_time("2026-12-01T10:00:00+08:00"):
        assert login(people["other"]).post(url, {"file": sheet(row())}).status_code == 404
    assert AuxiliaryStaff.objects.count() == 1


# ---------------------------------------------------------------- 第十五条第（一）项、第十七条
def test_assigning_a_person_to_act_alone_is_a_check_item(people):  # noqa: F811
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/checks/"
    with freeze_time("2027-06-10T10:00:00+08:00"):
        officer = login(people["officer"])
        assert officer.post(url, {"checked_on": "2027-06-08", "violations": ["assign_alone"],
                                  "findings": "中队指派协管员单独开具违停处罚单", "head_name": "张某某"}).status_code == 302
        listing = login(people["liaison"]).get(url).content.decode()
    assert f"指派执法辅助人员单独从事行政执法活动或者超出其职责范围的活动（{AUX}第十五条第（一）项）" in listing
    check = AgencyCheck.objects.get()
    assert check.head_accountability is True and check.decision.decided_on.isoformat() == "2027-06-08"


def test_order_to_correct_is_recorded_and_the_person_stays(people):  # noqa: F811
    person = people["person"]
    with freeze_time("2027-04-02T10:00:00+08:00"):
        liaison = login(people["liaison"])
        assert liaison.post(f"/admin/auxiliary/{person.pk}/sanction/", {
            "measure": "correct", "acts": ["refuse"], "facts": "拒不按排班参加夜间巡查",
            "decided_on": "2027-04-01", "decider": "王局长"}).status_code == 302
        detail = liaison.get(f"/admin/auxiliary/{person.pk}/").content.decode()
    sanction = Sanction.objects.get()
    assert sanction.measure_label == "责令改正" and sanction.article == f"{AUX}第十七条"
    assert sanction.status_change is None and not StatusChange.objects.exists()
    person.refresh_from_db()
    assert person.status == "active"
    assert f"拒不执行行政执法机关确定的工作职责（{AUX}第十条第（二）项）" in detail and "2027年4月1日" in detail
    record = DecisionRecord.objects.get()
    assert record.outcome == "责令改正" and record.decided_on.isoformat() == "2027-04-01"


# ---------------------------------------------------------------- 第十六条: the term ends without renewal
def test_term_ended_recorded_as_departure_then_nothing_waits(people):  # noqa: F811
    person, liaison = people["person"], people["liaison"]
    with freeze_time("2027-12-02T10:00:00+08:00"):
        client = login(liaison)
        assert "登记续聘或期满离岗" in client.get("/workflow/").content.decode()
        response = client.post(f"/admin/auxiliary/{person.pk}/status/", {
            "kind": "expire", "reason": "使用期限届满，机关决定不再续聘", "decided_on": "2027-12-01", "decider": "王局长"})
        assert response.status_code == 302, response.content.decode()
        detail = client.get(f"/admin/auxiliary/{person.pk}/").content.decode()
        roster = login(people["officer"]).get("/admin/auxiliary/").content.decode()
        waiting = client.get("/workflow/").content.decode()
        html = client.post(f"/admin/auxiliary/{person.pk}/assess/", {
            "period_start": "2026-12-01", "period_end": "2027-11-30", "grade": "qualified", "decided_on": "2027-12-01",
            "remarks": "补登考核", "decider": "王局长"}).content.decode()
    person.refresh_from_db()
    assert person.status == "ended" and person.end.isoformat() == "2027-11-30"
    assert "使用期满离岗（不再续聘）：在岗→期满离岗" in detail and f"{AUX}第十六条" in detail
    assert "下一次考核" not in detail
    assert "使用期限已于2027年11月30日届满" not in roster and "考核逾期" not in roster
    assert "陈小军" not in waiting
    assert "该人员已期满离岗，不再考核。" in html
    record = DecisionRecord.objects.get()
    assert record.outcome == "使用期满离岗（不再续聘）" and record.decided_on.isoformat() == "2027-12-01"
