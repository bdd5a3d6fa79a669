"""Qualification checks per profile: 000 第三条、第五条; 001 第二条、第七条; 002 第五条."""
import datetime as dt

import pytest

from rules.profiles import get_profile
from supervisors.eligibility import check_application
from supervisors.models import Application
from tests.supervisors.helpers import application_data

APPLIED = dt.date(2026, 6, 1)


def build(jurisdiction, **extra):
    data = application_data(jurisdiction, **extra)
    data.pop("materials_true")
    return Application(applied_on=APPLIED, **data)


def results(jurisdiction, **extra):
    return {r.check: r for r in check_application(build(jurisdiction, **extra), get_profile(jurisdiction))}


@pytest.mark.django_db
class TestAge:
    def test_wanzhou_age_18_to_60_on_application_date_000_art5_4(self):
        assert results("wanzhou", birth=dt.date(1966, 6, 1))["age"].passed  # exactly 60
        r = results("wanzhou", birth=dt.date(1966, 5, 31))  # 60 and a day... 61? no: turns 60 the day before
        assert r["age"].passed
        too_old = results("wanzhou", birth=dt.date(1965, 5, 31))
        assert not too_old["age"].passed and "超过60周岁" in too_old["age"].reason
        assert "第五条第（四）项" in too_old["age"].citation
        young = results("wanzhou", birth=dt.date(2008, 6, 2))  # 17 on the application date
        assert not young["age"].passed

    def test_wuhan_age_25_to_65_002_art5_1(self):
        assert not results("wuhan", birth=dt.date(2001, 6, 2))["age"].passed  # 24
        assert results("wuhan", birth=dt.date(1962, 6, 1))["age"].passed  # 64
        old = results("wuhan", birth=dt.date(1960, 5, 1))  # 66
        assert not old["age"].passed and "《武汉市行政执法义务监督员管理办法》第五条第（一）项" == old["age"].citation

    def test_weihai_sets_no_age_bound(self):
        assert results("weihai", birth=dt.date(1950, 1, 1))["age"].passed


@pytest.mark.django_db
class TestEducationOccupationRecords:
    def test_wanzhou_requires_junior_college_000_art5_2(self):
        r = results("wanzhou", education="high_school")["education"]
        assert not r.passed and "大专以上学历" in r.reason and "第五条第（二）项" in r.citation
        assert results("wanzhou", education="junior_college")["education"].passed

    def test_weihai_and_wuhan_set_no_education_threshold(self):
        assert results("weihai", education="junior_high")["education"].passed
        assert results("wuhan", education="junior_high")["education"].passed

    def test_auxiliary_staff_excluded_in_wanzhou_only_000_art3(self):
        r = results("wanzhou", occupations=["auxiliary_staff"])["occupation"]
        assert not r.passed and "行政执法辅助人员" in r.reason and "第三条" in r.citation
        assert results("weihai", occupations=["auxiliary_staff"])["occupation"].passed
        assert not results("weihai", occupations=["enforcement_staff"])["occupation"].passed
        assert results("wuhan", occupations=["enforcement_staff"])["occupation"].passed

    def test_disqualifying_records_follow_each_profile(self):
        assert not results("wanzhou", records=["dishonesty"])["records"].passed
        assert not results("weihai", records=["public_security_penalty"])["records"].passed
        # a record the Wuhan rules do not name does not disqualify there (002 第五条第（二）项)
        assert results("wuhan", records=["public_security_penalty"])["records"].passed
        assert not results("wuhan", records=["bad_credit"])["records"].passed


@pytest.mark.django_db
def test_id_number_is_validated_and_birth_date_cross_checked():
    ok = results("wanzhou")
    assert ok["id_number"].passed
    data = application_data("wanzhou")
    bad = results("wanzhou", id_number=data["id_number"][:-1] + ("0" if data["id_number"][-1] != "0" else "1"))
    assert not bad["id_number"].passed and "校验位" in bad["id_number"].reason
    mismatch = results("wanzhou", id_number=data["id_number"], birth=dt.date(1980, 5, 2))
    assert not mismatch["id_number"].passed and "不一致" in mismatch["id_number"].reason
