"""issue 26 item 4: the 执法机关名录 keeps each agency's liaison accounts — create one (姓名, 登录账号, 初始密码),
link an existing account, disable one — officers and administrators only, in Chinese; and the register names
people, not accounts."""
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from casework.models import Agency
from roles.access import agency_of
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")


def url(agency):
    return f"/admin/casework/agencies/{agency.pk}/liaisons/"


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def test_officer_creates_a_liaison_account_who_can_then_log_in(make_user, agency):
    officer = as_user(make_user("officer", OFFICER))
    response = officer.post(url(agency), {"action": "create", "username": "liaison_cg", "full_name": "周联络",
                                          "password": "Wulong-cg-2026"}, follow=True)
    assert "已为“武隆区城市管理局”建立联络员账号：周联络（liaison_cg）。" in response.content.decode()
    user = get_user_model().objects.get(username="liaison_cg")
    assert user.first_name == "周联络" and user.is_staff and user.groups.filter(name=LIAISON).exists()
    assert agency_of(user) == agency and agency.has_liaison
    assert Client().login(username="liaison_cg", password="Wulong-cg-2026")
    listing = officer.get("/admin/agencies/").content.decode()
    assert "周联络" in listing and url(agency) in listing


def test_a_taken_account_name_or_a_weak_password_is_refused_in_chinese(make_user, agency):
    officer = as_user(make_user("officer", OFFICER))
    taken = officer.post(url(agency), {"action": "create", "username": "OFFICER", "full_name": "周联络",
                                       "password": "Wulong-cg-2026"})
    assert taken.status_code == 400
    assert "登录账号“OFFICER”已被使用，请换一个，或用“关联已有账号”。" in taken.content.decode()
    weak = officer.post(url(agency), {"action": "create", "username": "liaison_cg", "full_name": "周联络",
                                      "password": "12345678"})
    assert weak.status_code == 400 and "密码" in weak.content.decode()
    assert not get_user_model().objects.filter(username="liaison_cg").exists()


def test_linking_an_existing_account_and_disabling_it(make_user, agency):
    officer = as_user(make_user("officer", OFFICER))
    existing = get_user_model().objects.create_user("zhou", password="pw-zhou", first_name="周联络")
    response = officer.post(url(agency), {"action": "link", "link_username": "zhou"}, follow=True)
    assert "已将周联络（zhou）设为“武隆区城市管理局”的联络员。" in response.content.decode()
    assert agency_of(existing) == agency and agency.has_liaison
    # a liaison of one agency is not silently moved to another
    other = Agency.objects.create(jurisdiction="wulong", name="武隆区交通运输局")
    moved = officer.post(url(other), {"action": "link", "link_username": "zhou"})
    assert moved.status_code == 400 and "周联络现为“武隆区城市管理局”的联络员，请先在该机关停用。" in moved.content.decode()
    # bureau staff are never liaisons
    make_user("leader", LEADER, first_name="李局长")
    staff = officer.post(url(agency), {"action": "link", "link_username": "leader"})
    assert "李局长是司法局工作人员或管理员，不能作为执法机关联络员。" in staff.content.decode()
    # disabled: cannot log in, no longer the agency's liaison, still listed
    page = officer.post(url(agency), {"action": "disable", "user": existing.pk}, follow=True).content.decode()
    assert "已停用周联络的联络员账号；其办理记录保留。" in page and "已停用</td>" in page
    assert not Client().login(username="zhou", password="pw-zhou") and not agency.has_liaison
    # and linked again
    officer.post(url(agency), {"action": "link", "link_username": "zhou"})
    assert agency.has_liaison


def test_only_officers_and_administrators_manage_liaison_accounts(make_user, agency):
    leader = as_user(make_user("leader", LEADER))
    page = leader.get(url(agency))
    assert page.status_code == 200 and "新建联络员账号" not in page.content.decode()
    refused = leader.post(url(agency), {"action": "create", "username": "x1", "full_name": "某某", "password": "Wulong-cg-2026"})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # refused, sent home with the message
    for user in (make_user("liaison", LIAISON), make_user("editor", EDITOR)):
        response = as_user(user).get(url(agency))  # the admin sends a refused staff member home with the message
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not get_user_model().objects.filter(username="x1").exists()
    admin = as_user(make_user("admin"))
    assert "新建联络员账号" in admin.get(url(agency)).content.decode()
