"""Casework fixtures: agencies in the register with (or without) a liaison account."""
import pytest

from casework.models import Agency
from roles.definitions import LIAISON
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
