"""Wulong's auxiliary enforcement staff register over HTTP (004《行政执法辅助人员管理办法》第五、七、八条):
a person under 18 on the start date and a barred person are refused with the article; a valid one is listed
with the ID number masked; a liaison of another agency sees nothing of the roster."""
from __future__ import annotations

import pytest
from django.test import Client
from freezegun import freeze_time

from auxiliary.models import AuxiliaryStaff
from casework.models import Agency
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

ADULT = "110105199001010010"  # born 1990-01-01
MINOR = "110105200906010010"  # born 2009-06-01: 17 on 2026-12-01


@pytest.fixture
def frozen():
    with freeze_time("2026-12-01T10:00:00+08:00"):
        yield


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(make_user):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    other_agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("lx_cg", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    other = make_user("lx_sj", LIAISON)
    StaffProfile.objects.create(user=other, agency=other_agency, jurisdiction="wulong")
    return {"agency": agency, "other_agency": other_agency, "liaison": liaison, "other": other,
            "officer": make_user("officer_wl", OFFICER)}


def form(**over):
    data = {"name": "陈小军", "id_number": ADULT, "education": "high_school", "dispatch_unit": "重庆某人力资源有限公司",
            "dispatch_agreement": "WL-PQ-2026-007", "post": "市容巡查辅助岗", "duties": ["patrol", "order"],
            "supervising_officer": "刘执法", "officer_certificate": "50015600123", "start": "2026-12-01",
            "end": "2027-11-30", "conditions": ["conduct", "health", "ability", "other"]}
    data.update(over)
    return data


def test_minor_refused_with_article(people):
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    response = login(people["officer"]).post(url, form(id_number=MINOR))
    assert response.status_code == 200
    html = response.content.decode()
    assert "该人员于2026年12月1日（使用起始日期）为17周岁，未满18周岁" in html
    assert "《行政执法辅助人员管理办法》第七条第（一）项" in html
    assert AuxiliaryStaff.objects.count() == 0


def test_barred_person_refused(people):
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    response = login(people["liaison"]).post(url, form(barring=["detention_drugs"]))
    html = response.content.decode()
    assert "属于不得招聘为行政执法辅助人员的情形：曾被行政拘留或者有吸毒史" in html
    assert "《行政执法辅助人员管理办法》第八条第（二）项" in html
    assert AuxiliaryStaff.objects.count() == 0


def test_education_and_dispatch_and_special_post(people):
    url = f"/admin/auxiliary/agencies/{people['agency'].pk}/new/"
    client = login(people["officer"])
    html = client.post(url, form(education="junior", dispatch_agreement="")).content.decode()
    assert "学历为初中及以下，不符合“高中及以上学历（退伍军人优先）”的招聘条件" in html
    assert "新使用行政执法辅助人员一律采取劳务派遣方式，请填写劳务派遣协议编号" in html
    assert "《行政执法辅助人员管理办法》第五条" in html
    html = client.post(url, form(education="junior", post_education="junior")).content.decode()
    assert "特殊行政执法辅助岗位调整招聘条件的，应当注明原因（《行政执法辅助人员管理办法》第七条第二款）" in html
    assert AuxiliaryStaff.objects.count() == 0
    response = client.post(url, form(education="junior", post_education="junior",
                                     special_reason="山区护林防火巡查岗，招聘公告已注明当地村民优先"))
    assert response.status_code == 302, response.content.decode()
    assert AuxiliaryStaff.objects.get().special_reason.startswith("山区护林防火巡查岗")


def test_valid_person_listed_masked_and_hidden_from_other_agency(people):
    response = login(people["liaison"]).post(f"/admin/auxiliary/agencies/{people['agency'].pk}/new/", form())
    assert response.status_code == 302, response.content.decode()
    person = AuxiliaryStaff.objects.get()
    assert person.birth_date.isoformat() == "1990-01-01"
    roster = login(people["officer"]).get("/admin/auxiliary/").content.decode()
    assert "陈小军" in roster and "110105********0010" in roster and ADULT not in roster
    assert "重庆某人力资源有限公司（WL-PQ-2026-007）" in roster
    assert "2026年12月1日至2027年11月30日" in roster
    detail = login(people["liaison"]).get(f"/admin/auxiliary/{person.pk}/").content.decode()
    assert "开展日常巡查（《行政执法辅助人员管理办法》第九条第（二）项）" in detail
    assert "索取或者收受贿赂（《行政执法辅助人员管理办法》第十条第（六）项）" in detail
    other = login(people["other"])
    listing = other.get("/admin/auxiliary/").content.decode()
    assert "陈小军" not in listing and "110105********0010" not in listing
    assert other.get(f"/admin/auxiliary/{person.pk}/").status_code == 404
    assert other.post(f"/admin/auxiliary/agencies/{people['agency'].pk}/new/", form()).status_code == 404
    assert AuxiliaryStaff.objects.count() == 1


def test_checklist_cites_nine_prohibited_acts(people):
    html = login(people["other"]).get("/admin/auxiliary/checklist/wulong/").content.decode()
    assert "法律、法规、规章规定的其他禁止行为" in html and "第十条第（九）项" in html
    assert "向执法辅助人员下达或者变相下达罚款、收费指标" in html and "第十五条第（三）项" in html
