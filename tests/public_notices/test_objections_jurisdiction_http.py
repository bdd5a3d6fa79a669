"""Objections to a publicity list (staff-only personal data) over HTTP: an officer bound to 武隆 sees none of
万州's, gets a 404 on one and cannot resolve it (nothing changes); the officer bound to 万州 and an officer
working in every jurisdiction see it."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from public_notices.models import Objection
from roles.definitions import OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, publish_list):
    with freeze_time("2026-09-29 08:00:00"):
        page = publish_list("wanzhou", start=dt.date(2026, 9, 29))
    objection = Objection.objects.create(page=page, person_concerned="刘明", objector_name="张三",
                                         contact="13700001111", facts="该同志存在应回避的利害关系。")
    clients = {}
    for key, code in (("wl", "wulong"), ("wz", "wanzhou"), ("all", "")):
        user = make_user(f"{key}_officer", OFFICER)
        StaffProfile.objects.create(user=user, jurisdiction=code)
        clients[key] = Client()
        clients[key].force_login(user)
    return clients, objection


@freeze_time("2026-09-30 10:00:00")
def test_only_the_own_jurisdictions_objections_are_listed_and_opened(world):
    clients, objection = world
    listed = {key: "137****1111" in clients[key].get("/admin/objections/").content.decode()
              for key in ("wl", "wz", "all")}
    assert listed == {"wl": False, "wz": True, "all": True}
    assert clients["wl"].get(f"/admin/objections/inspect/{objection.pk}/").status_code == 404
    assert clients["wz"].get(f"/admin/objections/inspect/{objection.pk}/").status_code == 200
    assert "待处理的公示异议（1）" in clients["wz"].get("/admin/").content.decode()
    assert "待处理的公示异议（1）" not in clients["wl"].get("/admin/").content.decode()


@freeze_time("2026-09-30 10:00:00")
def test_another_jurisdictions_objection_cannot_be_resolved(world):
    clients, objection = world
    response = clients["wl"].post(f"/admin/objections/edit/{objection.pk}/",
                                  {"status": "rejected", "resolution_note": "经核实，所反映情况不属实。"})
    assert response.status_code == 404
    objection.refresh_from_db()
    assert objection.status == "pending" and objection.resolved_by is None
