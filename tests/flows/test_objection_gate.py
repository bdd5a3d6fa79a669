"""The objection gate (000 第六条第（三）项: appointment after a window without objection): objections
arrive in the process; a pending one stops the appointment, an upheld one excludes that candidate."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from decisions.models import DecisionRecord
from flows import services as flow_services
from public_notices.models import Objection, PublicityPage
from public_notices.services import objection_submit
from roles.definitions import LEADER, OFFICER
from supervisors import processes as supervisor_processes
from supervisors import services, terms
from supervisors.models import CANDIDATE, SERVING, Supervisor
from tests.flows.test_campaign_http import claim_and_open
from tests.supervisors.helpers import application_data
from tests.supervisors.lifecycle import close_window, open_task, process_of, review_and_publish


@pytest.fixture
def campaign_in_publicity(site_tree, make_user):
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    with freeze_time("2026-03-02 09:00"):
        campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="2026年监督员选聘",
                                                places=2, deadline=dt.date(2026, 3, 2))
        for i, name in enumerate(("周明", "钱亮"), start=1):
            services.application_submit(campaign=campaign, data=application_data("wanzhou", name=name, seq=i))
    with freeze_time("2026-03-03 09:00"):
        review_and_publish(campaign, officer, leader)
        page = PublicityPage.objects.get(pk=campaign.publicity_page_id)
        candidate = page.candidates.get(name="钱亮")
        objection_submit(page=page, objector_name="某群众", contact="13900000000", facts="其为行政执法辅助人员。",
                         candidate=candidate)
    return campaign, officer, leader


@pytest.mark.django_db
def test_pending_objection_holds_only_that_person_and_upheld_one_excludes_them(campaign_in_publicity):
    campaign, officer, leader = campaign_in_publicity
    close_window(campaign)
    process = process_of(campaign)
    day = dt.datetime.combine(campaign.publicity_end + dt.timedelta(days=1), dt.time(10))
    with freeze_time(day):
        # the leader appoints at once whoever no objection concerns; 钱亮 waits
        made = flow_services.task_perform(task=open_task(process, "appoint"), user=leader,
                                          action=lambda: terms.campaign_appoint(campaign=campaign, by=leader))
        assert [t.supervisor.name for t in made] == ["周明"]
        assert Supervisor.objects.get(name="周明").status == SERVING
        campaign.refresh_from_db()
        assert campaign.status != "done" and campaign.applications.get(name="钱亮").term is None
        objection = Objection.objects.get()
        resolve = open_task(process, "resolve_objections")
        flow_services.task_perform(task=resolve, user=officer, action=lambda: services.campaign_objection_resolve(
            objection=objection, upheld=True, note="经核实属实，为区城管局协管员。", by=officer))
        # back to the leader for the held person: the upheld objection refuses 钱亮
        again = flow_services.task_perform(task=open_task(process, "appoint"), user=leader,
                                           action=lambda: terms.campaign_appoint(campaign=campaign, by=leader))
    assert again == []
    process.refresh_from_db()
    assert process.status == "DONE"
    assert Supervisor.objects.get(name="钱亮").status == CANDIDATE
    assert campaign.applications.get(name="钱亮").refusal == "钱亮的公示异议经核查成立，不予聘任。"
    campaign.refresh_from_db()
    assert campaign.status == "done"
    assert DecisionRecord.objects.get(process_kind="objection").outcome == "异议成立"


@pytest.mark.django_db
def test_a_typed_name_must_be_tied_before_resolution_and_then_blocks_that_person(site_tree, make_user):
    """The objector typed the name instead of choosing it: it holds everyone until tied (nobody knows
    whom it concerns), the officer ties it to the person on the task screen, upheld → that person is
    not appointed."""
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    with freeze_time("2026-03-02 09:00"):
        campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="2026年监督员选聘",
                                                places=2, deadline=dt.date(2026, 3, 2))
        for i, name in enumerate(("周明", "钱亮"), start=1):
            services.application_submit(campaign=campaign, data=application_data("wanzhou", name=name, seq=i))
    with freeze_time("2026-03-03 09:00"):
        review_and_publish(campaign, officer, leader)
        page = PublicityPage.objects.get(pk=campaign.publicity_page_id)
        objection_submit(page=page, objector_name="某群众", contact="13900000000", facts="其为行政执法辅助人员。",
                         person_concerned="钱亮")
    close_window(campaign)
    process = process_of(campaign)
    client = Client()
    with freeze_time("2026-03-11 10:00"):
        assert "尚未确定所涉人员" in services.objection_gate(campaign.applications.get(name="周明"))
        made = flow_services.task_perform(task=open_task(process, "appoint"), user=leader,
                                          action=lambda: terms.campaign_appoint(campaign=campaign, by=leader))
        assert made == []  # everyone held until the objection is tied
        client.force_login(officer)
        url, html = claim_and_open(client, "处理公示异议")
        objection = Objection.objects.get()
        qian = page.candidates.get(name="钱亮")
        assert f'<option value="{qian.pk}" selected>' in html and "请核对后选择" in html
        response = client.post(url, {f"c_{objection.pk}": "", f"o_{objection.pk}": "upheld",
                                     f"n_{objection.pk}": "经核实属实。"})
        assert "请确定“钱亮”的异议所涉的拟聘人员" in response.content.decode()
        response = client.post(url, {f"c_{objection.pk}": qian.pk, f"o_{objection.pk}": "upheld",
                                     f"n_{objection.pk}": "经核实属实。"})
        assert response.status_code == 302
        objection.refresh_from_db()
        assert objection.candidate == qian and objection.status == "upheld"
        made = flow_services.task_perform(task=open_task(process, "appoint"), user=leader,
                                          action=lambda: terms.campaign_appoint(campaign=campaign, by=leader))
    assert [t.supervisor.name for t in made] == ["周明"]
    assert campaign.applications.get(name="钱亮").refusal == "钱亮的公示异议经核查成立，不予聘任。"
    campaign.refresh_from_db()
    assert campaign.status == "done"


@pytest.mark.django_db
def test_appointment_before_the_window_closes_is_refused_with_the_article(campaign_in_publicity):
    campaign, officer, leader = campaign_in_publicity
    with pytest.raises(ValidationError) as exc:
        terms.campaign_appoint(campaign=campaign, by=leader)
    assert "公示期尚未届满" in exc.value.messages[0] and "第六条第（二）项" in exc.value.messages[0]
