"""Helpers for the casework HTTP tests: role clients, agencies with liaisons, claiming a task from 我的待办."""
import re

from django.test import Client

from casework.models import Agency
from roles.definitions import LIAISON
from roles.models import StaffProfile


def login(user):
    client = Client()
    client.force_login(user)
    return client


def agency_with_liaison(make_user, name, username, jurisdiction="wulong"):
    agency = Agency.objects.create(jurisdiction=jurisdiction, name=name)
    user = make_user(username, LIAISON)
    StaffProfile.objects.create(user=user, agency=agency)
    return agency, user


def claim_and_open(client, title):
    """From the inbox: claim the task called `title`, return the URL of its form."""
    html = client.get("/workflow/").content.decode()
    assert title in html, html
    row = html[html.index(title):]
    action = re.search(r'action="(/workflow/tasks/\d+/claim/)"', row).group(1)
    response = client.post(action)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    return response["Location"]


def do_task(client, title, data):
    url = claim_and_open(client, title)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return response


def serve(client, document, received_on):
    """The officer records the return slip (送达回证) of `document`."""
    response = client.post(f"/admin/casework/documents/{document.pk}/service/", {
        "received_on": received_on, "method": "直接送达", "received_by_name": "张三"})
    assert response.status_code == 302, response.content.decode()[-3000:]
