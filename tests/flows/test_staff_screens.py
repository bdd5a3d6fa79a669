"""viewflow's screens under the project: login redirect for anonymous users, the project's own 404,
permissions by role (officers review, leaders approve), the admin menu item and dashboard panel."""
import datetime as dt

import pytest
from django.test import Client

from flows import services as flow_services
from roles.definitions import LEADER, OFFICER
from supervisors import processes as supervisor_processes
from supervisors.flows import RecruitmentFlow


@pytest.mark.django_db
def test_unknown_url_still_renders_the_projects_404_after_mounting_viewflow(site_tree):
    response = Client().get("/nonexistent-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and "跳转到正文" in html  # site/templates/404.html on base.html


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_the_wagtail_login():
    for url in ("/workflow/", "/workflow/recruitment/1/review/1/execute/", "/workflow/campaigns/new/"):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.django_db
def test_only_officers_open_campaigns_and_only_leaders_take_approval(site_tree, make_user):
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    client = Client()
    client.force_login(leader)
    assert client.get("/workflow/campaigns/new/").status_code == 403
    campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="选聘", places=1,
                                            deadline=dt.date.today())
    review = flow_services.process_for(campaign, RecruitmentFlow).task_set.get(flow_task_type="HUMAN")
    # the leader does not even see the officer's review task, and cannot claim it
    assert "资格审查" not in client.get("/workflow/").content.decode()
    assert client.post(f"/workflow/tasks/{review.pk}/claim/").status_code == 403
    client.force_login(officer)
    inbox = client.get("/workflow/").content.decode()
    assert "资格审查" in inbox


@pytest.mark.django_db
def test_admin_menu_and_dashboard_show_my_tasks(site_tree, make_user):
    officer = make_user("officer", OFFICER)
    supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="2026年选聘", places=1,
                                 deadline=dt.date.today())
    client = Client()
    client.force_login(officer)
    html = client.get("/admin/").content.decode()
    assert "我的待办" in html and "资格审查" in html and "/workflow/" in html


@pytest.mark.django_db
def test_staff_enter_directed_invitations_the_public_cannot(site_tree, make_user):
    from supervisors.models import Application
    from tests.supervisors.helpers import application_data, form_post

    officer = make_user("officer", OFFICER)
    campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wuhan", title="选聘", places=2,
                                            deadline=dt.date.today() + dt.timedelta(days=5))
    data = form_post(application_data("wuhan", intake="directed"))
    public = Client().post(f"/supervisors/wuhan/campaigns/{campaign.pk}/apply/", data).content.decode()
    assert "选择一个有效的选项" in public and not Application.objects.exists()
    client = Client()
    client.force_login(officer)
    response = client.post(f"/workflow/campaigns/{campaign.pk}/applications/new/", data)
    assert response.status_code == 302
    app = Application.objects.get(campaign=campaign)
    assert app.intake == "directed" and app.entered_by == officer


@pytest.mark.django_db
def test_start_screens_open_renewal_and_dismissal_with_the_profile_grounds(site_tree, make_user):
    from supervisors.models import Campaign, Dismissal, Supervisor
    from tests.supervisors.lifecycle import recruit

    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    recruit("weihai", officer, leader)
    sup = Supervisor.objects.get()
    client = Client()
    client.force_login(officer)
    form = client.get("/workflow/dismissals/new/?jurisdiction=weihai").content.decode()
    assert "泄露国家秘密" in form and "第十六条第（二）项" in form  # 001 第十六条 grounds
    response = client.post("/workflow/dismissals/new/", {"jurisdiction": "weihai", "supervisor": sup.pk, "ground": "leak",
                                                        "statement": "泄露工作秘密。"})
    assert response.status_code == 302
    assert Dismissal.objects.get().ground == "leak"
    response = client.post("/workflow/renewals/new/", {"supervisors": [sup.pk], "title": ""})
    assert response.status_code == 302
    assert Campaign.objects.filter(kind=Campaign.RENEWAL).count() == 1
