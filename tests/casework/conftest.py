"""Casework fixtures: agencies in the register with (or without) a liaison account."""
import pytest
from freezegun import freeze_time

from casework import services
from casework.models import Agency
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile


@pytest.fixture
def make_agency(make_user):
    """make_agency("武隆区城市管理局", liaison="lx_cg") -> Agency (with that liaison account, or none)."""

    def make(name, *, jurisdiction="wulong", liaison=None):
        agency = Agency.objects.create(jurisdiction=jurisdiction, name=name)
        if liaison:
            StaffProfile.objects.create(user=make_user(liaison, LIAISON), agency=agency, jurisdiction=jurisdiction)
        return agency

    return make


@pytest.fixture
def staff(make_user):
    return {"officer": make_user("cw_officer", OFFICER), "leader": make_user("cw_leader", LEADER),
            "editor": make_user("cw_editor", EDITOR), "supervisor": make_user("cw_sup", SUPERVISOR)}


@pytest.fixture
def matter(staff, make_agency):
    agency = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    with freeze_time("2026-09-21 10:00"):
        return services.matter_open(by=staff["officer"], agency=agency, source="inspection", title="未按裁量基准处罚",
                                    facts="抽查案卷发现罚款数额超出裁量基准。", process="letter")
