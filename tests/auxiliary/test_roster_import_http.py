"""Importing an agency's roster of auxiliary staff from Excel over HTTP: every bad cell is named by row and
column in Chinese and nothing is stored; a clean sheet stores every row, ID numbers masked in the list."""
from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from freezegun import freeze_time
from openpyxl import Workbook

from auxiliary.models import AuxiliaryStaff
from auxiliary.roster_import import COLUMNS
from casework.models import Agency
from roles.definitions import LIAISON
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db

GOOD = ["陈小军", "110105199001010010", "高中（含中专、职高、技校）", "否", "重庆某人力资源有限公司", "WL-PQ-2026-007",
        "市容巡查辅助岗", "开展日常巡查、维护行政执法现场秩序", "刘执法", "50015600123", "2026-12-01", "2027-11-30", "是",
        "", "", "", ""]


def sheet(*rows) -> SimpleUploadedFile:
    wb = Workbook()
    wb.active.append([h for h, _ in COLUMNS])
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("名册.xlsx", buf.getvalue())


@pytest.fixture
def liaison(make_user):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    user = make_user("lx_cg", LIAISON)
    StaffProfile.objects.create(user=user, agency=agency, jurisdiction="wulong")
    client = Client()
    client.force_login(user)
    return client, agency


def test_every_bad_cell_reported_and_nothing_stored(liaison):
    client, agency = liaison
    minor = list(GOOD)
    minor[0], minor[1] = "王小明", "110105200906010010"
    bad = list(GOOD)
    bad[0], bad[1], bad[2], bad[7], bad[10], bad[13] = ("李四", "110105199001010011", "小学", "开飞机", "明天",
                                                        "有较为严重的个人不良信用记录")
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = client.post(f"/admin/auxiliary/agencies/{agency.pk}/import/", {"file": sheet(GOOD, minor, bad)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "未导入任何人员" in html
    assert "第3行“身份证号”列：按身份证号，该人员于2026年12月1日（使用起始日期）为17周岁，未满18周岁" in html
    assert "第4行“身份证号”列：身份证号不正确" in html
    assert "第4行“学历”列：“小学”不是可选学历" in html
    assert "第4行“岗位职责”列：“开飞机”不是规则列明的职责" in html
    assert "第4行“使用起始日期”列：“明天”不是日期（如 2026-12-01）" in html
    assert "第4行“不得招聘情形”列：属于不得招聘为行政执法辅助人员的情形：有较为严重的个人不良信用记录" in html
    assert "第2行" not in html
    assert html.count("<li>第4行") == 5
    assert AuxiliaryStaff.objects.count() == 0


def test_clean_sheet_imports_every_row(liaison):
    client, agency = liaison
    second = list(GOOD)
    second[0], second[1], second[2], second[3] = "周大勇", "110105198005010013", "大学专科", "是"
    with freeze_time("2026-12-01T10:00:00+08:00"):
        response = client.post(f"/admin/auxiliary/agencies/{agency.pk}/import/", {"file": sheet(GOOD, second)})
        assert response.status_code == 302, response.content.decode()
        roster = client.get(response["Location"]).content.decode()
    assert "已导入2名行政执法辅助人员" in roster
    assert "110105********0010" in roster and "110105********0013" in roster
    assert "110105199001010010" not in roster
    assert sorted(AuxiliaryStaff.objects.values_list("name", flat=True)) == ["周大勇", "陈小军"]
    assert AuxiliaryStaff.objects.get(name="周大勇").veteran is True


def test_empty_start_date_named(liaison):
    client, agency = liaison
    row = list(GOOD)
    row[10] = ""
    response = client.post(f"/admin/auxiliary/agencies/{agency.pk}/import/", {"file": sheet(row)})
    assert "第2行“使用起始日期”列：不能为空。" in response.content.decode()
    assert AuxiliaryStaff.objects.count() == 0


def test_not_a_workbook(liaison):
    client, agency = liaison
    response = client.post(f"/admin/auxiliary/agencies/{agency.pk}/import/",
                           {"file": SimpleUploadedFile("名册.xlsx", b"not a workbook")})
    assert "文件不是有效的Excel（.xlsx）文件，请使用名册模板。" in response.content.decode()
    assert AuxiliaryStaff.objects.count() == 0
