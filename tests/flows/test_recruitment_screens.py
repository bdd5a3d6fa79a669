"""Recruitment screens (issue 12): the review screen says the deadline has not passed before the officer
fills anything in; the 选聘公告 links to the online application and the form links back."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time
from wagtail.models import Page

from roles.definitions import OFFICER
from supervisors import processes as supervisor_processes
from supervisors import services
from tests.flows.test_campaign_http import claim_and_open
from tests.supervisors.helpers import application_data


@pytest.fixture
def campaign(site_tree, make_user):
    officer = make_user("officer", OFFICER)
    with freeze_time("2026-06-01 09:00"):
        c = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="2026年万州区监督员选聘",
                                         places=1, deadline=dt.date(2026, 6, 10))
        services.application_submit(campaign=c, data=application_data("wanzhou"))
    return c, officer


@pytest.mark.django_db
def test_review_screen_says_the_deadline_has_not_passed_before_the_form(campaign):
    c, officer = campaign
    client = Client()
    with freeze_time("2026-06-05 09:00"):
        client.force_login(officer)
        url, html = claim_and_open(client, "资格审查")
        assert "报名截止日为2026-06-10，截止后（2026-06-11起）方可完成资格审查" in html
        assert "提交审查结论" not in html and 'name="q_' not in html
    with freeze_time("2026-06-11 09:00"):
        client.force_login(officer)
        html = client.get(url).content.decode()
        assert "方可完成资格审查" not in html and "提交审查结论" in html


@pytest.mark.django_db
def test_recruitment_notice_links_to_the_application_and_back(campaign):
    c, _ = campaign
    notice = Page.objects.get(pk=c.notice_page_id).specific
    assert notice.apply_deadline == dt.date(2026, 6, 10)
    apply_url = f"/supervisors/wanzhou/campaigns/{c.pk}/apply/"
    with freeze_time("2026-06-05 09:00"):
        html = Client().get(notice.url).content.decode()
        assert f'href="{apply_url}"' in html and "在线报名" in html
        assert "报名截止日期：2026年6月10日" in notice.body
        form = Client().get(apply_url).content.decode()
        assert f'href="{notice.url}"' in form and "查看选聘公告原文" in form
    with freeze_time("2026-06-11 09:00"):
        assert "本次选聘报名已截止" in Client().get(notice.url).content.decode()
