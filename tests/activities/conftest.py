"""Fixtures for the activities app: serving supervisors, role users, activities in the past or future."""

import datetime as dt
import itertools

import pytest

from roles.definitions import LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile
from supervisors.models import SERVING, Supervisor
from tests.activities.agencies import register_entry

_seq = itertools.count(1)


@pytest.fixture
def officer(make_user):
    return make_user("officer1", OFFICER)


@pytest.fixture
def make_supervisor(db, make_user):
    def make(jurisdiction="wanzhou", name=None, *, login=False, status=SERVING):
        i = next(_seq)
        user = make_user(f"sup{i}", SUPERVISOR) if login else None
        return Supervisor.objects.create(
            jurisdiction=jurisdiction,
            name=name or f"监督员{i}号",
            gender="female",
            birth_date=dt.date(1980, 1, 1),
            id_number=f"11010119800101{i:04d}",
            phone="13800000000",
            workplace="某律师事务所",
            status=status,
            user=user,
        )

    return make


@pytest.fixture
def make_liaison(make_user):
    """make_liaison("li", "市城市管理局") -> a liaison of that register entry (the existing one of that name)."""

    def make(username, agency, jurisdiction=None):
        user = make_user(username, LIAISON)
        StaffProfile.objects.create(user=user, agency=register_entry(agency, jurisdiction))
        return user

    return make


@pytest.fixture
def make_activity(officer):
    from activities.services import activity_create

    def make(
        jurisdiction="wanzhou",
        held_on=dt.date(2026, 3, 2),
        agency="区市场监督管理局",
        case_ref="",
        kind="inspection",
        title=None,
    ):
        return activity_create(
            by=officer,
            jurisdiction=jurisdiction,
            kind=kind,
            title=title or f"{held_on:%m月%d日}执法检查",
            held_on=held_on,
            place="区政务中心",
            agency=register_entry(agency, jurisdiction),
            case_ref=case_ref,
        )

    return make
