"""An Enshi letter on the ground 行政执法队伍管理、证件管理不规范 (003 第二十六条第（五）项) names the people picked from
the register of enforcement personnel; a person of another agency is refused in Chinese and nothing is opened."""
from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency, Matter
from letters.models import Letter
from personnel.models import EnforcementOfficer
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db


def test_the_officer_picks_the_person_from_the_register(make_user):
    officer = make_user("es_off", OFFICER)
    traffic = Agency.objects.create(jurisdiction="enshi", name="恩施州交通运输局")
    market = Agency.objects.create(jurisdiction="enshi", name="恩施州市场监督管理局")
    for username, agency in (("lx_jt", traffic), ("lx_sj", market)):  # a letter goes to an agency with a liaison
        StaffProfile.objects.create(user=make_user(username, LIAISON), agency=agency, jurisdiction="enshi")
    person = EnforcementOfficer.objects.create(
        jurisdiction="enshi", agency=traffic, name="向执法", post="执法大队队员", certificate_number="42280012345",
        issuing_body="湖北省人民政府", valid_from=dt.date(2021, 3, 1), valid_to=dt.date(2026, 2, 28), created_by=officer)
    stranger = EnforcementOfficer.objects.create(
        jurisdiction="enshi", agency=market, name="田执法", post="稽查员", certificate_number="42280012346",
        issuing_body="湖北省人民政府", valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2029, 1, 1), created_by=officer)
    client = Client()
    client.force_login(officer)
    form = client.get("/admin/letters/new/?jurisdiction=enshi").content.decode()
    assert "涉及的行政执法人员（从执法人员名册选择，可多选）" in form
    assert "向执法（恩施州交通运输局，执法证号42280012345）" in form
    post = {"agency": traffic.pk, "source": "casefile_review", "title": "执法证件过期仍上岗执法",
            "facts": "案卷评查发现执法证件过期的人员仍在执法文书上署名。", "ground": "staff_certificates",
            "findings": "2026年4月的处罚案卷中，执法人员证件已过期。", "request": "立即停止其执法资格并换发证件。"}
    with freeze_time("2026-05-06T10:00:00+08:00"):
        refused = client.post("/admin/letters/new/?jurisdiction=enshi", {**post, "personnel": [stranger.pk]})
        assert refused.status_code == 200
        assert "只能选择恩施州交通运输局的行政执法人员。" in refused.content.decode()
        assert Matter.objects.count() == 0
        response = client.post("/admin/letters/new/?jurisdiction=enshi", {**post, "personnel": [person.pk]})
    assert response.status_code == 302, response.content.decode()
    letter = Letter.objects.get()
    assert letter.findings == (
        "涉及行政执法人员（执法人员名册）：向执法（恩施州交通运输局执法大队队员，执法证号42280012345，发证机关湖北省人民政府，"
        "有效期2021年03月01日至2026年02月28日，已过期）。\n2026年4月的处罚案卷中，执法人员证件已过期。")
    assert letter.ground_label == "行政执法队伍管理、证件管理不规范"


def test_no_register_no_field(make_user):
    officer = make_user("wl_off", OFFICER)
    Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    client = Client()
    client.force_login(officer)
    page = client.get("/admin/letters/new/?jurisdiction=wulong")
    assert page.status_code == 200
    assert "涉及的行政执法人员" not in page.content.decode()
