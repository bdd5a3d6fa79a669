"""行政执法监督权责清单 (恩施办法 第十五条): officers keep the lines in the admin, a leader publishes the list as a
规范性文件与制度 notice in force from that day; a new version repeals the old one. Bad input stores nothing."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from powers.models import PowerItem, PowerListRelease
from public_notices.models import RegulationPage
from roles.definitions import LEADER, LIAISON, OFFICER


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


LINE = {"order": "1", "category": "power", "name": "行政执法监督检查",
        "basis": "《恩施土家族苗族自治州行政执法监督办法》第十六条、第十七条",
        "content": "对被监督机关的行政执法情况开展日常、专项监督检查。",
        "responsibility": "未按计划开展检查、检查中滥用职权的，依法追究责任。"}


@pytest.mark.django_db
def test_officers_keep_the_list_and_a_leader_publishes_it(make_user, site_tree):
    officer, leader = make_user("officer_es", OFFICER), make_user("leader_es", LEADER)
    with freeze_time("2026-11-10 02:00"):
        # only Enshi's rules call for one: the menu goes straight to it
        assert login(officer).get("/admin/powers/").url == "/admin/powers/enshi/"
        assert "《恩施土家族苗族自治州行政执法监督办法》第十五条" in login(officer).get("/admin/powers/enshi/").content.decode()
        assert login(officer).post("/admin/powers/enshi/new/", LINE).status_code == 302
        assert login(officer).post("/admin/powers/enshi/new/", {
            **LINE, "order": "2", "category": "duty", "name": "重大行政执法决定备案审查",
            "basis": "《恩施土家族苗族自治州行政执法监督办法》第二十二条"}).status_code == 302
        html = login(officer).get("/admin/powers/enshi/").content.decode()
        assert "重大行政执法决定备案审查" in html and "发布权责清单" not in html  # officers do not publish

        response = login(leader).post("/admin/powers/enshi/publish/", follow=True)
        assert "已发布权责清单（共2项）" in response.content.decode()
    notice = RegulationPage.objects.get(title__endswith="行政执法监督权责清单")
    assert notice.live and notice.effective_on == dt.date(2026, 11, 10) and notice.repealed_on is None
    public = Client().get(notice.url).content.decode()
    assert "第十五条" in public and "1. 【职权】行政执法监督检查" in public and "2. 【职责】重大行政执法决定备案审查" in public
    assert "自2026年11月10日起施行" in public
    assert "自2026年12月1日起施行" not in public

    # a new version on 2026-12-01 repeals the first on that day
    with freeze_time("2026-12-01 02:00"):
        item = PowerItem.objects.get(order=1)
        assert login(officer).post(f"/admin/powers/enshi/items/{item.pk}/", {**LINE, "name": "行政执法监督检查（含专项）"}
                                   ).status_code == 302
        login(leader).post("/admin/powers/enshi/publish/")
    assert PowerListRelease.objects.count() == 2
    notice.refresh_from_db()
    assert notice.repealed_on == dt.date(2026, 12, 1)
    newest = PowerListRelease.objects.first().page.specific
    html = Client().get(newest.url).content.decode()
    assert newest.effective_on == dt.date(2026, 12, 1) and "行政执法监督检查（含专项）" in html
    assert "自2026年12月1日起施行" in html  # no leading zero, as official documents write dates


@pytest.mark.django_db
def test_bad_lines_and_wrong_people_are_refused_in_chinese(make_user, site_tree):
    officer, leader, liaison = make_user("o", OFFICER), make_user("l", LEADER), make_user("x", LIAISON)
    with freeze_time("2026-11-10 02:00"):
        assert login(officer).post("/admin/powers/enshi/new/", LINE).status_code == 302
        html = login(officer).post("/admin/powers/enshi/new/", {**LINE, "name": "重复序号"}).content.decode()
        assert "序号1已由“行政执法监督检查”使用，请换一个序号。" in html
        html = login(officer).post("/admin/powers/enshi/new/", {**LINE, "order": "3", "basis": ""}).content.decode()
        assert "请填写设定依据" in html
        assert PowerItem.objects.count() == 1

        refused = login(liaison).get("/admin/powers/enshi/", follow=True).content.decode()
        assert "只有司法局工作人员可以查看和编辑行政执法监督权责清单" in refused
        assert login(officer).get("/admin/powers/wulong/").status_code == 404  # Wulong's rules do not call for one
        PowerItem.objects.all().delete()
        html = login(leader).post("/admin/powers/enshi/publish/", follow=True).content.decode()
        assert "权责清单还没有事项，不能发布。" in html
    assert not RegulationPage.objects.filter(title__endswith="行政执法监督权责清单").exists()
