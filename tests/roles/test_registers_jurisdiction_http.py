"""Bureau staff bound to a jurisdiction see and act on only its records in the registers and admin lists
(complaints, interference records, supervisors' register and terms, activities, opinions, the yearly programme,
filings, the power list), over HTTP: an officer bound to 武隆 and one bound to 万州, a record of each kind in
each jurisdiction; each sees only its own, gets 403/404 on the other's, cannot act on it (nothing changes); an
officer whose profile names no jurisdiction sees both."""
from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from activities.models import Activity, Opinion
from casework.models import Agency
from complaints.models import RECEIVED, Complaint, InterferenceRecord
from roles.definitions import LEADER, OFFICER
from roles.models import StaffProfile
from supervisors.models import SERVING, Supervisor

pytestmark = pytest.mark.django_db
NOW = "2026-12-01T10:00:00+08:00"


@pytest.fixture
def world(make_user):
    with freeze_time(NOW):
        users = {}
        for key, group, code in (("wl", OFFICER, "wulong"), ("wz", OFFICER, "wanzhou"), ("all", OFFICER, ""),
                                 ("wl_leader", LEADER, "wulong")):
            users[key] = make_user(f"{key}_user", group)
            StaffProfile.objects.create(user=users[key], jurisdiction=code)
        rows = {}
        for code, short, person, idno in (("wulong", "WL", "武监督", "110101198001010011"),
                                          ("wanzhou", "WZ", "万监督", "110101198001010022")):
            agency = Agency.objects.create(jurisdiction=code, name=f"{short}城市管理局")
            sup = Supervisor.objects.create(jurisdiction=code, name=person, gender="female",
                                            birth_date=dt.date(1980, 1, 1), id_number=idno, phone="13800000000",
                                            workplace=f"{short}律师事务所", status=SERVING)
            complaint = Complaint.objects.create(jurisdiction=code, receipt_number=f"{short}-TS-2026-0001",
                                                 agency=agency, request="请求", facts=f"{short}的事实",
                                                 received_on=dt.date(2026, 11, 20), status=RECEIVED)
            activity = Activity.objects.create(jurisdiction=code, kind="inspection", title=f"{short}执法检查",
                                               held_on=dt.date(2026, 11, 10), place="现场", agency=agency,
                                               created_by=users["all"])
            opinion = Opinion.objects.create(jurisdiction=code, supervisor=sup, kind="opinion", agency=agency,
                                             title=f"{short}的意见建议", body="内容")
            record = InterferenceRecord.objects.create(
                jurisdiction=code, occurred_at=dt.datetime(2026, 11, 5, 9, tzinfo=dt.UTC),
                interferer_name=f"{short}干预人", case_ref=f"{short}案", content="打招呼", recorded_by=users["all"])
            rows[code] = {"agency": agency, "supervisor": sup, "complaint": complaint, "activity": activity,
                          "opinion": opinion, "record": record}
    clients = {}
    for key, user in users.items():
        clients[key] = Client()
        clients[key].force_login(user)
    return clients, rows


def get(client, url):
    with freeze_time(NOW):
        return client.get(url)


def post(client, url, data):
    with freeze_time(NOW):
        return client.post(url, data)


def refused(client, url, message: str, data: dict | None = None) -> None:
    """A refusal: 403, or the admin's redirect to its home page, with the Chinese `message` shown."""
    with freeze_time(NOW):
        response = client.post(url, data, follow=True) if data is not None else client.get(url, follow=True)
    assert response.status_code in (200, 403), response.status_code
    if response.status_code == 200:
        assert response.redirect_chain and response.redirect_chain[-1][0] == "/admin/", response.redirect_chain
    assert message in response.content.decode()


LISTS = [  # (list URL, the text naming 武隆's row, the text naming 万州's)
    ("/admin/complaints/", "WL-TS-2026-0001", "WZ-TS-2026-0001"),
    ("/admin/complaints/interference/", "WL干预人", "WZ干预人"),
    ("/admin/supervisor_register/", "武监督", "万监督"),
    ("/admin/activities/", "WL执法检查", "WZ执法检查"),
    ("/admin/activities/opinions/", "WL的意见建议", "WZ的意见建议"),
]


@pytest.mark.parametrize("url,wulong,wanzhou", LISTS)
def test_each_bound_officer_sees_only_its_own_jurisdiction_in_the_list(world, url, wulong, wanzhou):
    clients, _rows = world
    seen = {}
    for key in ("wl", "wz", "all"):
        response = get(clients[key], url)
        assert response.status_code == 200, (key, url)
        html = response.content.decode()
        seen[key] = (wulong in html, wanzhou in html)
    assert seen == {"wl": (True, False), "wz": (False, True), "all": (True, True)}


def test_another_jurisdictions_complaint_is_refused_and_nothing_changes(world):
    clients, rows = world
    other = rows["wanzhou"]["complaint"]
    refused(clients["wl"], f"/admin/complaints/{other.pk}/", "您无权查看该投诉举报。")
    assert get(clients["wz"], f"/admin/complaints/{other.pk}/").status_code == 200
    refused(clients["wl_leader"], f"/admin/complaints/{other.pk}/take-over/", "您无权查看该投诉举报。",
            {"reason": "接办"})
    refused(clients["wl"], f"/admin/complaints/{other.pk}/accept/", "您无权查看该投诉举报。", {})
    other.refresh_from_db()
    assert other.status == RECEIVED
    assert other.handled_by == Complaint._meta.get_field("handled_by").default


def test_another_jurisdictions_supervisor_is_a_404_on_inspect_and_edit(world):
    clients, rows = world
    sup = rows["wanzhou"]["supervisor"]
    assert get(clients["wl"], f"/admin/supervisor_register/inspect/{sup.pk}/").status_code == 404
    assert get(clients["wz"], f"/admin/supervisor_register/inspect/{sup.pk}/").status_code == 200
    assert get(clients["all"], f"/admin/supervisor_register/inspect/{sup.pk}/").status_code == 200
    response = post(clients["wl"], f"/admin/supervisor_register/edit/{sup.pk}/",
                    {"phone": "13900000000", "address": "", "workplace": "改了", "post": "", "user": ""})
    assert response.status_code == 404
    sup.refresh_from_db()
    assert (sup.phone, sup.workplace) == ("13800000000", "WZ律师事务所")


def test_another_jurisdictions_activity_and_opinion_are_404(world):
    clients, rows = world
    activity, opinion = rows["wanzhou"]["activity"], rows["wanzhou"]["opinion"]
    assert get(clients["wl"], f"/admin/activities/{activity.pk}/").status_code == 404
    assert get(clients["wl"], f"/admin/activities/opinions/{opinion.pk}/").status_code == 404
    assert get(clients["wz"], f"/admin/activities/{activity.pk}/").status_code == 200
    assert get(clients["wz"], f"/admin/activities/opinions/{opinion.pk}/").status_code == 200


def test_another_jurisdictions_interference_record_cannot_be_corrected(world):
    clients, rows = world
    other = rows["wanzhou"]["record"]
    assert get(clients["wl"], f"/admin/complaints/interference/{other.pk}/followups/").status_code == 404
    assert get(clients["wl"], f"/admin/complaints/interference/new/?corrects={other.pk}").status_code == 404
    before = InterferenceRecord.objects.count()
    refused(clients["wl"], "/admin/complaints/interference/new/", "该记录属于其他辖区",
            {"jurisdiction": "wanzhou"})
    assert InterferenceRecord.objects.count() == before


def test_the_yearly_programme_of_another_jurisdiction_is_refused(world):
    clients, _rows = world
    refused(clients["wl"], "/admin/programme/wanzhou/2026/", "该记录属于其他辖区")
    refused(clients["wl"], "/admin/programme/wanzhou/2026/plan/", "该记录属于其他辖区", {"plan": "计划"})
    from programme.models import ProgrammeYear

    assert not ProgrammeYear.objects.filter(jurisdiction="wanzhou").exists()
    assert get(clients["wl"], "/admin/programme/wulong/2026/").status_code == 200
    assert get(clients["all"], "/admin/programme/wanzhou/2026/").status_code == 200
    index = get(clients["wl"], "/admin/programme/").content.decode()
    assert "重庆市武隆区" in index and "重庆市万州区" not in index


def test_the_dashboard_counts_only_the_own_jurisdictions_opinions(world):
    """The 待办 panel of activities on the admin home: two opinions wait, one in each jurisdiction."""
    clients, _rows = world
    counts = {}
    for key in ("wl", "wz", "all"):
        html = get(clients[key], "/admin/").content.decode()
        counts[key] = "待转送的意见建议</a>：1 项" in html, "待转送的意见建议</a>：2 项" in html
    assert counts == {"wl": (True, False), "wz": (True, False), "all": (False, True)}


def test_a_bound_officer_is_offered_no_jurisdiction_filter_in_the_admin_lists(world):
    """The supervisors' register filters by 辖区 (its field's choices): a bound account lists its own 辖区's rows only
    and is offered no 辖区 to pick (neither 全部 nor another); an account of every jurisdiction each one."""
    import re

    clients, _rows = world
    offered = re.compile(r'name="jurisdiction"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="jurisdiction"')

    def values(key):
        html = get(clients[key], "/admin/supervisor_register/").content.decode()
        return [a or b for a, b in offered.findall(html)]

    assert values("wl") == [] and values("wz") == []
    assert values("all") == ["", "wanzhou", "weihai", "wuhan", "enshi", "wulong"]
