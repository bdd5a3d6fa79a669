"""A campaign from 选聘公告 to 聘任 over HTTP with role users, for each supervisor profile:
000 第五条至第七条 (Wanzhou), 001 第四条、第五条 (Weihai), 002 第五条、第七条至第九条 (Wuhan), and Enshi's
社会监督员 (003 第七条第二款), whose measures leave the lifecycle's figures open (the profile's readings)."""
import datetime as dt
import re

import pytest
from django.test import Client
from freezegun import freeze_time
from viewflow.workflow.models import Process
from wagtail.models import Page

from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from rules.periods import term_end
from supervisors.models import SERVING, Application, Campaign, Term
from tests.supervisors.helpers import application_data, form_post

OPEN_DAY = dt.datetime(2026, 6, 1, 9, 0)


def login(user):
    client = Client()
    client.force_login(user)
    return client


def claim_and_open(client, title):
    """From the inbox: claim the task called `title`, land on its form."""
    inbox = client.get("/workflow/")
    assert inbox.status_code == 200
    html = inbox.content.decode()
    assert title in html, html
    row = html[html.index(title):]
    action = re.search(r'action="(/workflow/tasks/\d+/claim/)"', row).group(1)
    response = client.post(action)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return response["Location"], page.content.decode()


def page_html(page_id):
    page = Page.objects.get(pk=page_id).specific
    assert page.live
    response = Client().get(page.url)
    assert response.status_code == 200
    return page, response.content.decode()


def run_campaign(jurisdiction, make_user, *, agreement=True, seen=None):
    """`seen`, if a dict, keeps each task screen's HTML (review, approve, appoint) for the caller to read."""
    seen = {} if seen is None else seen
    officer = make_user(f"officer_{jurisdiction}", OFFICER)
    leader = make_user(f"leader_{jurisdiction}", LEADER)
    with freeze_time(OPEN_DAY) as frozen:
        # 1. the officer opens the campaign: the 选聘公告 is published
        response = login(officer).post("/workflow/campaigns/new/", {
            "jurisdiction": jurisdiction, "title": "2026年度监督员选聘", "places": "2",
            "deadline": "2026-06-10", "description": "面向社会公开选聘。"})
        assert response.status_code == 302, response.content.decode()
        campaign = Campaign.objects.get(jurisdiction=jurisdiction)
        _, notice = page_html(campaign.notice_page_id)
        assert "2026年度监督员选聘" in notice

        # 2. candidates apply through the public form (CSRF enforced, 材料真实 required)
        public = Client(enforce_csrf_checks=True)
        url = f"/supervisors/{jurisdiction}/campaigns/{campaign.pk}/apply/"
        form = public.get(url)
        assert form.status_code == 200
        token = form.cookies["csrftoken"].value
        good = application_data(jurisdiction, name="周明", seq=1)
        unconfirmed = public.post(url, {**form_post(good), "materials_true": "", "csrfmiddlewaretoken": token})
        assert unconfirmed.status_code == 200 and "请勾选“材料真实”承诺" in unconfirmed.content.decode()
        ok = public.post(url, {**form_post(good), "csrfmiddlewaretoken": token})
        assert ok.status_code == 302
        assert good["id_number"] not in public.get(ok["Location"]).content.decode()
        old = application_data(jurisdiction, name="吴老", birth=dt.date(1950, 1, 1), seq=2,
                               intake="unit", recommending_unit="某商会")
        assert public.post(url, {**form_post(old), "csrfmiddlewaretoken": token}).status_code == 302
        assert Application.objects.filter(campaign=campaign).count() == 2

        # 3. after the deadline the officer reviews: results shown with their articles
        frozen.move_to(dt.datetime(2026, 6, 11, 9, 0))
        client = login(officer)
        execute_url, html = claim_and_open(client, "资格审查")
        seen["review"] = html
        profile_cite = {"weihai": "第七条", "enshi": "第七条第二款"}.get(jurisdiction, "第五条")
        assert profile_cite in html
        apps = {a.name: a for a in Application.objects.filter(campaign=campaign)}
        post = {f"q_{apps['周明'].pk}": "yes", f"r_{apps['周明'].pk}": "",
                f"q_{apps['吴老'].pk}": "no", f"r_{apps['吴老'].pk}": "年龄不符合或择优未入选"}
        done = client.post(execute_url, post)
        assert done.status_code == 302, done.content.decode()
        assert DecisionRecord.objects.filter(process_kind="qualification").count() == 2

        # 4. the leader approves the shortlist: the 拟聘人员公示 is published with its window
        client = login(leader)
        execute_url, html = claim_and_open(client, "批准拟聘名单")
        seen["approve"] = html
        assert client.post(execute_url, {"decision": "approve", "note": ""}).status_code == 302
        campaign.refresh_from_db()
        page, html = page_html(campaign.publicity_page_id)
        assert "周明" in html and good["id_number"] not in html and good["phone"] not in html
        assert campaign.publicity_end > campaign.publicity_start

        # 5. the scheduler closes the window once time has passed it; the process moves on
        frozen.move_to(dt.datetime.combine(campaign.publicity_end + dt.timedelta(days=1), dt.time(1, 0)))
        run_once()
        campaign.refresh_from_db()
        assert campaign.publicity_closed

        # 6. the leader appoints
        client = login(leader)
        execute_url, html = claim_and_open(client, "决定聘任")
        seen["appoint"] = html
        data = {"confirm": "on"}
        if jurisdiction == "wuhan":
            refused = client.post(execute_url, data)
            assert refused.status_code == 200 and "志愿服务协议" in refused.content.decode()
            assert "第九条" in refused.content.decode()
            if agreement:
                data[f"a_{apps['周明'].pk}"] = "2026-06-20"
        response = client.post(execute_url, data)
        assert response.status_code == 302, response.content.decode()
        day = campaign.publicity_end + dt.timedelta(days=1)
    campaign.refresh_from_db()
    process = Process.objects.get(flow_class__isnull=False, artifact_object_id=campaign.pk,
                                  artifact_content_type__model="campaign")
    assert process.status == "DONE"
    term = Term.objects.get(supervisor__name="周明", jurisdiction=jurisdiction)
    assert term.supervisor.status == SERVING and term.start == day
    return campaign, term


@pytest.mark.django_db
def test_wanzhou_campaign_notice_to_appointment_5_year_term_000_art6_art7(site_tree, make_user):
    campaign, term = run_campaign("wanzhou", make_user)
    assert term.end == term_end(term.start, 5) and term.end.year == 2031
    assert term.certificate_no == "万州监聘〔2026〕001号" and term.card_no == "万州监证〔2026〕001号"
    assert "第七条" in term.article
    _, html = page_html(campaign.appointment_page_id)  # 聘任公告 (000 第六条第（三）项)
    assert "周明" in html and "万州监聘〔2026〕001号" in html
    # 5 working days (000 第六条第（二）项) from 2026-06-11: Dragon Boat holiday 06-19 is skipped
    assert campaign.publicity_end == dt.date(2026, 6, 18)


@pytest.mark.django_db
def test_weihai_campaign_2_year_term_no_appointment_announcement_001_art4_art5(site_tree, make_user):
    campaign, term = run_campaign("weihai", make_user)
    assert term.end == term_end(term.start, 2)
    assert term.certificate_no == "威海监聘〔2026〕001号"
    assert campaign.appointment_page_id is None  # 001 第四条: no public announcement required


@pytest.mark.django_db
def test_wuhan_campaign_3_year_term_requires_volunteer_agreement_002_art8_art9(site_tree, make_user):
    campaign, term = run_campaign("wuhan", make_user)
    assert term.end == term_end(term.start, 3)
    assert term.agreement_signed_on == dt.date(2026, 6, 20)
    assert term.certificate_no == "武汉监聘〔2026〕001号"
    _, html = page_html(campaign.appointment_page_id)
    assert "周明" in html
    # 10 calendar days (002 第七条第（二）项)
    assert campaign.publicity_end >= campaign.publicity_start + dt.timedelta(days=10)


@pytest.mark.django_db
def test_enshi_social_supervisors_run_on_the_profiles_readings_003_art7(site_tree, make_user):
    campaign, term = run_campaign("enshi", make_user)
    # readings where the measures say nothing: 5 working days' publicity, a 3-year term, a certificate only
    assert campaign.publicity_end == dt.date(2026, 6, 18)
    assert term.start == dt.date(2026, 6, 19) and term.end == dt.date(2029, 6, 18)
    assert term.certificate_no == "恩施监聘〔2026〕001号" and term.card_no == ""
    _, html = page_html(campaign.appointment_page_id)
    assert "周明" in html and "行政执法社会监督员" in html
