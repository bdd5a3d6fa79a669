"""The demo loader creates activities only when supervisors exist, and is idempotent."""

import pytest

from activities.demo import load_activities
from activities.models import Activity, Invitation, Opinion
from casework.demo import load_agencies
from clocks.models import RUNNING, Clock
from demo.site_tree import load_users

pytestmark = pytest.mark.django_db


def test_demo_tolerates_no_supervisors():
    load_users()
    load_activities()
    assert not Activity.objects.exists() and not Opinion.objects.exists()


def test_demo_creates_activities_and_a_forwarded_opinion_once(make_supervisor):
    load_users()
    load_agencies()  # the register and its liaisons (casework demo, stage 5)
    for code in ("wanzhou", "weihai"):
        make_supervisor(code)
        make_supervisor(code)
    load_activities()
    counts = (Activity.objects.count(), Invitation.objects.count(), Opinion.objects.count())
    load_activities()
    assert (
        counts == (Activity.objects.count(), Invitation.objects.count(), Opinion.objects.count()) == (5, 10, 2)
    )
    # Wanzhou's agency holds a hearing today with supervisors invited (000 第九条第（四）项)
    hearing = Activity.objects.get(kind="hearing")
    assert hearing.organiser.name == "万州区市场监督管理局" and hearing.invitations.count() == 2
    opinion = Opinion.objects.get(jurisdiction="weihai")
    assert opinion.status == "forwarded"
    # 000 第十六条第三款: a Wanzhou answer with a rectification deadline, its report still to come
    rectifying = Opinion.objects.get(jurisdiction="wanzhou")
    assert rectifying.status == "answered" and rectifying.rectification_due
    clock = Clock.objects.get()
    assert clock.status == RUNNING and clock.article == "第十二条"
