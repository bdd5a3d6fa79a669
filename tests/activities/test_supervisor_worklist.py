"""A supervisor's 我的待办 (issue 23 item 4): a coming activity they are invited to, until they declare whether
they have an interest (回避声明), due on the day it is held; another supervisor's 待办 does not have it."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from activities.services import invitation_create, recusal_declare


@pytest.mark.django_db
def test_supervisor_has_the_declaration_to_make_before_the_activity(officer, make_supervisor, make_activity):
    with freeze_time("2026-02-20 10:00"):
        sup, other = make_supervisor(login=True), make_supervisor(name="钱多多", login=True)
        activity = make_activity(held_on=dt.date(2026, 3, 2), title="三月执法检查")
        invitation = invitation_create(activity=activity, supervisor=sup, by=officer)
        client = Client()
        client.force_login(sup.user)
        html = client.get("/workflow/").content.decode()
        assert "作出回避声明" in html and "三月执法检查" in html and "期限：2026-03-02" in html
        assert "剩余6个工作日" in html and 'href="/admin/activities/mine/invitations/"' in html
        client.force_login(other.user)
        assert "三月执法检查" not in client.get("/workflow/").content.decode()
        recusal_declare(invitation=invitation, by=sup.user, ground=None)
        client.force_login(sup.user)
        assert "三月执法检查" not in client.get("/workflow/").content.decode()
