"""Enshi's social supervisors (003 第七条第二款) through the whole lifecycle over HTTP, like the other three
jurisdictions': recruitment, application, publicity, appointment (tests/flows/test_campaign_http.py drives
those), then resignation with its announcement and the certificate's recovery, and the automatic end of an
unrenewed term. The measures leave these figures open: every screen names them as 办法未规定 with the
reading the platform applies (the profile's notes), as the Enshi complaint screens do."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from freezegun import freeze_time
from viewflow.workflow.models import Process
from wagtail.models import Page

from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from supervisors.models import DISMISSED, ENDED, Dismissal, Term
from tests.flows.test_campaign_http import claim_and_open, run_campaign


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def staff():
    users = get_user_model().objects
    return users.get(username="officer_enshi"), users.get(username="leader_enshi")


@pytest.mark.django_db
def test_enshi_screens_name_what_the_measures_leave_open_and_a_resignation_runs_to_recovery(
    site_tree, make_user
):
    seen = {}
    campaign, term = run_campaign("enshi", make_user, seen=seen)
    officer, leader = staff()
    # the readings where the officer and the leader decide
    assert (
        "年龄条件：《恩施土家族苗族自治州行政执法监督办法》第七条第二款。办法未规定年龄条件" in seen["review"]
    )
    assert "办法未规定，平台的理解：受过刑事处罚的不予聘请" in seen["review"]
    assert "办法未规定公示，平台的理解：拟聘人员名单公示5个工作日" in seen["approve"]
    assert "办法未规定聘期，平台的理解：每届3年" in seen["appoint"]
    # the 选聘公告 says which conditions are the platform's reading
    notice = Client().get(Page.objects.get(pk=campaign.notice_page_id).specific.url).content.decode()
    assert (
        "未受过刑事处罚（《恩施土家族苗族自治州行政执法监督办法》第七条第二款；"
        "办法未规定，平台的理解：受过刑事处罚的不予聘请）"
    ) in notice
    sup = term.supervisor
    assert (term.start, term.end) == (dt.date(2026, 6, 19), dt.date(2029, 6, 18))

    with freeze_time("2026-09-01 09:00"):
        form = login(officer).get("/workflow/dismissals/new/?jurisdiction=enshi").content.decode()
        assert "办法未规定解聘情形，平台的理解：以上三种情形经决定解聘" in form
        assert "本人申请不再担任" in form and "周明" in form
        response = login(officer).post(
            "/workflow/dismissals/new/",
            {
                "jurisdiction": "enshi",
                "supervisor": sup.pk,
                "ground": "resignation",
                "statement": "本人因工作调动，书面申请不再担任社会监督员。",
            },
        )
        assert response.status_code == 302, response.content.decode()

        client = login(leader)
        execute_url, html = claim_and_open(client, "决定解聘")
        # Enshi's reading issues a certificate only: only the certificate comes back
        assert (
            "收回聘书（《恩施土家族苗族自治州行政执法监督办法》第七条第二款）。" in html
            and "收回聘书、证件（" not in html
        )
        assert "办法未规定，平台的理解：与聘任公告相对应，解聘也向社会公告" in html
        assert client.post(execute_url, {"decision": "approve", "note": ""}).status_code == 302

        d = Dismissal.objects.get(supervisor=sup)
        page = Page.objects.get(pk=d.notice_page_id).specific
        public = Client().get(page.url).content.decode()
        assert page.title == "关于辞任周明的公告"
        assert (
            "自2026年9月1日起同意其辞任行政执法社会监督员职务，"
            "收回聘书（《恩施土家族苗族自治州行政执法监督办法》第七条第二款）"
        ) in public
        assert "110105" not in public  # never the ID number

        client = login(officer)
        execute_url, html = claim_and_open(client, "收回聘书、证件")
        assert "登记收回聘书的情况（《恩施土家族苗族自治州行政执法监督办法》第七条第二款）" in html
        assert (
            client.post(execute_url, {"recovered_on": "2026-09-01", "note": "聘书已交回"}).status_code == 302
        )

    sup.refresh_from_db()
    term.refresh_from_db()
    assert sup.status == DISMISSED and term.status == Term.DISMISSED
    assert term.documents_recovered_on == dt.date(2026, 9, 1)
    assert (
        Process.objects.get(artifact_object_id=d.pk, artifact_content_type__model="dismissal").status
        == "DONE"
    )
    record = DecisionRecord.objects.get(process_kind="dismissal")
    assert (record.title, record.outcome) == ("辞任周明行政执法社会监督员", "决定辞任")
    assert (
        record.article == "《恩施土家族苗族自治州行政执法监督办法》第七条第二款"
        and record.decided_on == dt.date(2026, 9, 1)
    )


@pytest.mark.django_db
def test_an_unrenewed_enshi_term_ends_on_its_reading_and_leaves_the_roster(site_tree, make_user):
    _, term = run_campaign("enshi", make_user)
    with freeze_time("2029-06-18 09:00"):
        assert "周明" in Client().get("/supervisors/enshi/roster/").content.decode()
    with freeze_time("2029-06-19 03:00"):
        run_once()
        assert "周明" not in Client().get("/supervisors/enshi/roster/").content.decode()
    term.refresh_from_db()
    assert term.status == Term.ENDED and term.supervisor.status == ENDED
    record = DecisionRecord.objects.get(process_kind="dismissal", outcome="期满自然解聘")
    assert record.title == "周明聘任期届满自然解聘" and record.decided_on == dt.date(2029, 6, 19)
    assert record.body == (
        "聘任期2026-06-19至2029-06-18届满未续聘，依《恩施土家族苗族自治州行政执法监督办法》第七条第二款"
        "（办法未规定，平台的理解：聘期届满未续聘的自然解聘）自然解聘。"
    )
