"""Fixtures for complaints (and the referrals that follow them): a Wulong agency with its liaison and role users."""
import pytest

from casework.models import Agency
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile


@pytest.fixture(autouse=True)
def _clear_cache():
    """The throttle and duplicate guard live in the cache; every test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def people(db, make_user):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局", head_name="王局长")
    liaison = make_user("lx_wl", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency)
    return {"agency": agency, "liaison": liaison,
            "officer": make_user("officer1", OFFICER, first_name="赵经办"),
            "officer2": make_user("officer2", OFFICER, first_name="钱经办"),
            "officer3": make_user("officer3", OFFICER, first_name="孙经办"),
            "leader": make_user("leader1", LEADER, first_name="李局长")}
