"""`load_demo` gives `make run` a running campaign and a roster, and is idempotent."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from flows.services import open_tasks
from supervisors.models import SERVING, Campaign, Supervisor, Term


@pytest.mark.django_db
def test_demo_has_a_running_campaign_and_a_roster_and_loads_twice():
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Campaign.objects.filter(jurisdiction="wanzhou", status=Campaign.OPEN).count() == 1
    campaign = Campaign.objects.get(jurisdiction="wanzhou")
    assert campaign.applications.count() == 3
    assert Supervisor.objects.filter(jurisdiction="wanzhou", status=SERVING).count() >= 5
    assert Supervisor.objects.filter(jurisdiction__in=["weihai", "wuhan"], status=SERVING).count() >= 3
    assert Term.objects.filter(jurisdiction="wanzhou").values("certificate_no").distinct().count() == \
        Term.objects.filter(jurisdiction="wanzhou").count()
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="officer")
    assert any(t.flow_task.name == "review" for t in open_tasks(officer))
    assert "陈思远" in Client().get("/supervisors/wanzhou/roster/").content.decode()
