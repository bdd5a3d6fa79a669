"""Every app's admin menu item shows itself through one class (roles.menu.RoleMenuItem): what each role
sees in the menu and in the 监督办案 submenu."""
import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from casework.models import Agency
from roles.definitions import LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile


def labels_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    top = admin_menu.menu_items_for_request(request)
    casework = next((item for item in top if item.name == "casework"), None)
    sub = [item.label for item in casework.menu.menu_items_for_request(request)] if casework else []
    return {str(item.label) for item in top}, [str(label) for label in sub]


@pytest.mark.django_db
def test_each_role_sees_the_items_its_work_needs(make_user):
    agency = Agency.objects.create(name="万州区市场监督管理局", jurisdiction="wanzhou")
    liaison = make_user("liaison", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wanzhou")

    top, sub = labels_for(make_user("officer", OFFICER))
    assert {"监督办案", "后台任务", "我的待办"} <= top
    assert "监督事项（一案一档）" in sub and "制发监督建议书" in sub and "受理责任追究" in sub

    top, sub = labels_for(make_user("leader", LEADER))
    assert {"监督办案", "后台任务"} <= top

    top, sub = labels_for(liaison)
    assert "监督办案" in top and "后台任务" not in top
    assert "监督事项（一案一档）" in sub and "我的争议协调" in sub
    assert "制发监督建议书" not in sub and "受理责任追究" not in sub
    # Wanzhou's rules have no dispute coordination (Wulong's 004 争议协调办法 has): no 申请 item to a dead end
    assert "申请争议协调" not in sub
    wulong = make_user("liaison_wl", LIAISON)
    StaffProfile.objects.create(user=wulong, agency=Agency.objects.create(name="武隆区市场监督管理局",
                                                                          jurisdiction="wulong"), jurisdiction="wulong")
    assert "申请争议协调" in labels_for(wulong)[1]

    top, sub = labels_for(make_user("supervisor", SUPERVISOR))
    assert "后台任务" not in top and "我的责任追究" not in top
    assert sub == ["干预插手记录"]  # a supervisor records interference he meets; nothing else of casework
