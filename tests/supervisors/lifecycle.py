"""Drive a campaign through its process from code (the HTTP path is covered in tests/flows)."""
import datetime as dt

from django.utils import timezone
from freezegun import freeze_time
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from clocks.scheduler import run_once
from flows import services as flow_services
from supervisors import processes as supervisor_processes
from supervisors import services, terms
from supervisors.models import Application, Campaign
from tests.supervisors.helpers import application_data


def open_task(process, name):
    return Task.objects.get(process=process, flow_task=getattr(process.flow_class, name),
                            status__in=[STATUS.NEW, STATUS.ASSIGNED])


def process_of(campaign):
    from supervisors.flows import RecruitmentFlow, RenewalFlow

    flow = RecruitmentFlow if campaign.kind == Campaign.RECRUITMENT else RenewalFlow
    return flow_services.process_for(campaign, flow)


def review_and_publish(campaign, officer, leader):
    process = process_of(campaign)
    decisions = {a.pk: (a.auto_passed, "") for a in campaign.applications.all()}
    flow_services.task_perform(task=open_task(process, "review"), user=officer, action=lambda: services.review_complete(
        campaign=campaign, decisions=decisions, by=officer))
    flow_services.task_perform(task=open_task(process, "approve"), user=leader, action=lambda: services.shortlist_decide(
        campaign=campaign, approve=True, by=leader))
    campaign.refresh_from_db()
    return process


def close_window(campaign):
    """Move to the day after the window and run the scheduler (public_notices closes the window)."""
    with freeze_time(dt.datetime.combine(campaign.publicity_end + dt.timedelta(days=1), dt.time(2, 0))):
        run_once()
    campaign.refresh_from_db()


def appoint(campaign, leader, agreements=None):
    process = process_of(campaign)
    return flow_services.task_perform(task=open_task(process, "appoint"), user=leader, action=lambda: (
        terms.campaign_appoint(campaign=campaign, agreements=agreements or {}, by=leader)))


def recruit(jurisdiction, officer, leader, names=("周明",), day=dt.date(2026, 3, 2)):
    """Open, apply, review, approve, close the window, appoint; returns (campaign, terms)."""
    with freeze_time(dt.datetime.combine(day, dt.time(9, 0))):
        campaign = supervisor_processes.campaign_start(by=officer, jurisdiction=jurisdiction, title=f"{day.year}年监督员选聘",
                                                places=len(names), deadline=day)
        for i, name in enumerate(names, start=1):
            services.application_submit(campaign=campaign, data=application_data(jurisdiction, name=name, seq=i))
    with freeze_time(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(9, 0))):
        review_and_publish(campaign, officer, leader)
    close_window(campaign)
    with freeze_time(dt.datetime.combine(campaign.publicity_end + dt.timedelta(days=1), dt.time(10, 0))):
        agreements = {a.pk: timezone.localdate() for a in Application.objects.filter(campaign=campaign)}
        made = appoint(campaign, leader, agreements)
    return campaign, made
