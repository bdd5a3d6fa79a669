"""The register of enforcement personnel and certificates (恩施 003 第八条、第十四条第（七）项) over HTTP: a
liaison imports its own agency's sheet (every bad cell named by row and column, nothing stored), adds a person,
cannot touch another agency's register; bureau staff see every agency of their jurisdiction; certificates
expiring within the profile's window (60 days, a platform reading) are on the workbench."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from freezegun import freeze_time
from openpyxl import Workbook

from casework.models import Agency
from personnel.models import EnforcementOfficer
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db
HEADER = ["姓名", "岗位", "执法证号", "发证机关", "有效期起", "有效期至", "证件状态"]
GOOD = ["向执法", "执法科科长", "42280012345", "湖北省人民政府", "2024-03-01", "2029-02-28", "有效"]


def sheet(*rows) -> SimpleUploadedFile:
    wb = Workbook()
    wb.active.append(HEADER)
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("名册.xlsx", buf.getvalue())


@pytest.fixture
def people(make_user):
    traffic = Agency.objects.create(jurisdiction="enshi", name="恩施州交通运输局")
    market = Agency.objects.create(jurisdiction="enshi", name="恩施州市场监督管理局")
    wulong = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    liaison = make_user("lx_jt", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=traffic, jurisdiction="enshi")
    officer = make_user("es_officer", OFFICER)
    StaffProfile.objects.create(user=officer, jurisdiction="enshi")
    wl_officer = make_user("wl_officer", OFFICER)
    StaffProfile.objects.create(user=wl_officer, jurisdiction="wulong")
    clients = {}
    for key, user in (("liaison", liaison), ("officer", officer), ("wl_officer", wl_officer)):
        clients[key] = Client()
        clients[key].force_login(user)
    return clients, traffic, market, wulong


def test_every_bad_cell_named_and_nothing_stored(people):
    clients, traffic, *_ = people
    twin = list(GOOD)
    twin[0] = "田执法"  # same certificate number as row 2
    bad = ["", "执法队员", "12-3", "", "明天", "2023-01-01", "作废"]
    backwards = ["谭执法", "执法队员", "42280012399", "湖北省人民政府", "2026-05-01", "2026-04-30", ""]
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = clients["liaison"].post(f"/admin/personnel/agencies/{traffic.pk}/import/",
                                           {"file": sheet(GOOD, twin, bad, backwards)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "未导入任何人员" in html
    assert "第3行“执法证号”列：与第2行重复。" in html
    assert "第4行“姓名”列：请填写姓名。" in html
    assert "第4行“执法证号”列：执法证号应为6至40位数字、字母或连字符。" in html
    assert "第4行“发证机关”列：请填写发证机关。" in html
    assert "第4行“有效期起”列：“明天”不是日期（如 2026-12-01）。" in html
    assert "第4行“证件状态”列：“作废”不是证件状态（可填：有效、暂扣、注销、离岗收回）。" in html
    assert "第5行“有效期至”列：有效期截止日期不能早于起始日期。" in html
    assert "第2行" not in html.replace("与第2行重复", "")
    assert html.count("<li>第") == 7
    assert EnforcementOfficer.objects.count() == 0


def test_clean_sheet_stored_and_a_number_already_registered_refused(people):
    clients, traffic, market, _ = people
    second = ["田执法", "执法队员", "42280012346", "湖北省人民政府", dt.datetime(2022, 1, 1), "2026/12/31", ""]
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = clients["liaison"].post(f"/admin/personnel/agencies/{traffic.pk}/import/",
                                           {"file": sheet(GOOD, second)})
        assert response.status_code == 302, response.content.decode()
        register = clients["liaison"].get(response["Location"]).content.decode()
    assert "已导入2名行政执法人员" in register
    assert "2022年1月1日至2026年12月31日" in register and "2024年3月1日至2029年2月28日" in register
    assert sorted(EnforcementOfficer.objects.values_list("name", "status")) == [("向执法", "valid"), ("田执法", "valid")]
    # the bureau officer adds a person to another agency with a number already on Enshi's register
    form = {"name": "覃执法", "post": "稽查员", "certificate_number": "42280012345", "issuing_body": "湖北省人民政府",
            "valid_from": "2025-01-01", "valid_to": "2030-01-01", "status": "valid"}
    page = clients["officer"].post(f"/admin/personnel/agencies/{market.pk}/new/", form).content.decode()
    assert "执法证号：该执法证号已在本辖区名册中，不能重复登记。" in page
    form["certificate_number"] = "42280012347"
    response = clients["officer"].post(f"/admin/personnel/agencies/{market.pk}/new/", form)
    assert response.status_code == 302
    assert EnforcementOfficer.objects.get(certificate_number="42280012347").agency == market


def test_a_liaison_manages_only_its_own_agency(people):
    clients, traffic, market, _ = people
    other = EnforcementOfficer.objects.create(
        jurisdiction="enshi", agency=market, name="覃执法", post="稽查员", certificate_number="42280099999",
        issuing_body="湖北省人民政府", valid_from=dt.date(2025, 1, 1), valid_to=dt.date(2030, 1, 1),
        created_by=_any_user())
    liaison = clients["liaison"]
    assert liaison.get(f"/admin/personnel/agencies/{market.pk}/new/").status_code == 404
    assert liaison.post(f"/admin/personnel/agencies/{market.pk}/import/", {"file": sheet(GOOD)}).status_code == 404
    assert liaison.get(f"/admin/personnel/{other.pk}/").status_code == 404
    register = liaison.get("/admin/personnel/").content.decode()
    assert "覃执法" not in register and "恩施州市场监督管理局" not in register
    officer_view = clients["officer"].get("/admin/personnel/").content.decode()
    assert "覃执法" in officer_view and "恩施州市场监督管理局" in officer_view
    # Wulong's rules keep no such register: its bureau staff see none of Enshi's
    wl = clients["wl_officer"].get("/admin/personnel/").content.decode()
    assert "覃执法" not in wl and "您所在辖区的规则中没有行政执法人员名册" in wl
    assert EnforcementOfficer.objects.count() == 1


def _any_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.order_by("pk").first()


def test_status_change_needs_a_reason(people):
    clients, traffic, *_ = people
    person = EnforcementOfficer.objects.create(
        jurisdiction="enshi", agency=traffic, name="向执法", post="执法科科长", certificate_number="42280012345",
        issuing_body="湖北省人民政府", valid_from=dt.date(2024, 3, 1), valid_to=dt.date(2029, 2, 28),
        created_by=_any_user())
    url = f"/admin/personnel/{person.pk}/"
    page = clients["liaison"].post(url, {"status": "suspended", "reason": ""}).content.decode()
    assert "变更原因：请填写变更原因。" in page
    assert clients["liaison"].post(url, {"status": "suspended", "reason": "涉嫌违法执法，暂扣执法证"}).status_code == 302
    person.refresh_from_db()
    assert (person.status, person.status_reason) == ("suspended", "涉嫌违法执法，暂扣执法证")
    assert "暂扣（涉嫌违法执法，暂扣执法证）" in clients["officer"].get(url).content.decode()


def test_expiring_certificates_on_the_workbench(people):
    clients, traffic, market, wulong = people
    user = _any_user()
    for name, number, agency, to, status in (
            ("向执法", "42280000001", traffic, dt.date(2027, 1, 30), "valid"),   # 60 days after 2026-12-01
            ("田执法", "42280000002", market, dt.date(2027, 1, 31), "valid"),    # 61 days: not yet
            ("谭执法", "42280000003", traffic, dt.date(2026, 11, 30), "valid"),  # expired yesterday
            ("覃执法", "42280000004", traffic, dt.date(2026, 12, 10), "revoked"),  # revoked: no reminder
            ("冉执法", "42280000005", market, dt.date(2026, 12, 31), "valid")):
        EnforcementOfficer.objects.create(jurisdiction=agency.jurisdiction, agency=agency, name=name, post="执法队员",
                                          certificate_number=number, issuing_body="湖北省人民政府",
                                          valid_from=dt.date(2022, 1, 1), valid_to=to, status=status, created_by=user)
    with freeze_time("2026-12-01T10:00:00+08:00"):
        bureau = clients["officer"].get("/admin/").content.decode()
        liaison = clients["liaison"].get("/admin/").content.decode()
        listing = clients["officer"].get("/admin/personnel/expiring/").content.decode()
    assert "执法证件到期提醒（3）" in bureau
    assert "执法证件到期提醒60日（办法未规定期限，平台默认），依据" in bureau
    assert "第十四条第（七）项" in bureau
    assert "谭执法</a> · 恩施州交通运输局 · 执法证号42280000003 · 有效期至2026-11-30 · 已过期" in bureau
    assert "冉执法</a> · 恩施州市场监督管理局 · 执法证号42280000005 · 有效期至2026-12-31 · 还有30日到期" in bureau
    assert "向执法</a> · 恩施州交通运输局 · 执法证号42280000001 · 有效期至2027-01-30 · 还有60日到期" in bureau
    assert "田执法" not in bureau and "覃执法" not in bureau
    assert bureau.index("谭执法") < bureau.index("冉执法") < bureau.index("向执法")
    assert "执法证件到期提醒（2）" in liaison and "冉执法" not in liaison
    assert "还有30日到期" in listing and "田执法" not in listing
