"""Public supervisor pages: the roster (names and workplaces only, where the profile publishes one:
000 第六条第（三）项, 002 第七条第（三）项), the application form's Chinese validation, links from the
jurisdiction section, and a supervisor's own record."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from roles.definitions import LEADER, OFFICER, SUPERVISOR
from supervisors import processes as supervisor_processes
from supervisors.models import Supervisor
from tests.supervisors.helpers import application_data, form_post
from tests.supervisors.lifecycle import recruit


@pytest.mark.django_db
def test_roster_shows_names_and_workplaces_only_and_only_where_published(site_tree, make_user):
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    recruit("wanzhou", officer, leader)
    sup = Supervisor.objects.get()
    html = Client().get("/supervisors/wanzhou/roster/").content.decode()
    assert sup.name in html and sup.workplace in html
    for secret in (sup.id_number, sup.phone, sup.address, sup.id_number[-4:] + "<"):
        assert secret not in html
    assert "第六条第（三）项" in html
    assert Client().get("/supervisors/weihai/roster/").status_code == 404  # 001 publishes no roster
    section = Client().get(site_tree["wanzhou"].url).content.decode()
    assert "/supervisors/wanzhou/roster/" in section and "/supervisors/wanzhou/" in section
    # Wulong's rules have no social supervisors (Enshi's do, 003 第七条第二款: its section links them too)
    assert "/supervisors/" not in Client().get(site_tree["wulong"].url).content.decode()
    assert "/supervisors/enshi/roster/" in Client().get(site_tree["enshi"].url).content.decode()


@pytest.mark.django_db
def test_application_form_validates_in_chinese_and_never_echoes_the_id_number(site_tree, make_user):
    officer = make_user("officer", OFFICER)
    with freeze_time("2026-06-01 09:00"):
        campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="选聘", places=1,
                                                deadline=dt.date(2026, 6, 10))
        url = f"/supervisors/wanzhou/campaigns/{campaign.pk}/apply/"
        data = form_post(application_data("wanzhou", intake="unit", recommending_unit=""))
        html = Client().post(url, data).content.decode()
        assert "单位推荐须填写推荐单位名称" in html
        bad_id = {**data, "recommending_unit": "某协会", "id_number": "11010519800501001X"}
        refused = Client().post(url, bad_id).content.decode()  # bad check digit: refused at the form
        assert "身份证号码校验位不正确" in refused and "11010519800501001X" not in refused
        assert not campaign.applications.exists()
        good = {**data, "recommending_unit": "某协会"}
        Client().post(url, good)
        assert campaign.applications.get().auto_passed is True
        dup = Client().post(url, good).content.decode()
        assert "已报名本次选聘" in dup and good["id_number"] not in dup
    with freeze_time("2026-06-11 09:00"):
        assert Client().get(url).status_code == 410  # deadline passed


@pytest.mark.django_db
def test_supervisor_sees_own_record_only(site_tree, make_user):
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    recruit("wanzhou", officer, leader)
    sup = Supervisor.objects.get()
    account = make_user("zhou", SUPERVISOR)
    sup.user = account
    sup.save()
    client = Client()
    client.force_login(account)
    html = client.get("/workflow/my-record/").content.decode()
    assert "万州监聘〔2026〕001号" in html
    other = make_user("nobody", SUPERVISOR)
    client.force_login(other)
    assert client.get("/workflow/my-record/").status_code == 403
