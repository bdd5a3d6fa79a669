"""001 第七条第（三）项: 具有国家法律职业资格人员优先. The Weihai application form asks for it (the Wanzhou form does
not), the qualification review marks it 优先 beside the other checks and it never decides eligibility; the review's
decision record carries it with its article. Over HTTP, clock frozen."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from decisions.models import DecisionRecord
from roles.definitions import OFFICER
from supervisors import processes as supervisor_processes
from supervisors.models import Application
from tests.flows.test_campaign_http import claim_and_open
from tests.supervisors.helpers import application_data, form_post

ART = "《威海市行政执法社会监督员管理办法》第七条第（三）项"


@pytest.mark.django_db
def test_weihai_applicants_with_the_legal_qualification_are_marked_preferred(site_tree, make_user):
    officer = make_user("officer", OFFICER)
    with freeze_time("2026-06-01 09:00"):
        weihai = supervisor_processes.campaign_start(by=officer, jurisdiction="weihai", title="2026年威海市社会监督员选聘",
                                                     places=2, deadline=dt.date(2026, 6, 10))
        wanzhou = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="2026年万州区监督员选聘",
                                                      places=1, deadline=dt.date(2026, 6, 10))
        url = f"/supervisors/weihai/campaigns/{weihai.pk}/apply/"
        form = Client().get(url).content.decode()
        assert "本人具有以下优先条件（选填）" in form and f"具有国家法律职业资格（{ART}）" in form
        assert "优先条件" not in Client().get(f"/supervisors/wanzhou/campaigns/{wanzhou.pk}/apply/").content.decode()
        lawyer = form_post(application_data("weihai", name="王律师", seq=1, preferences=["legal_professional"]))
        other = form_post(application_data("weihai", name="李代表", seq=2))
        assert Client().post(url, lawyer).status_code == 302
        assert Client().post(url, other).status_code == 302

    wang, li = Application.objects.get(name="王律师"), Application.objects.get(name="李代表")
    assert wang.auto_passed and li.auto_passed  # a preference, never a condition
    assert wang.preferences == ["legal_professional"]
    assert {"check": "preferred", "label": "优先条件", "passed": True, "citation": ART,
            "reason": "申报具有国家法律职业资格，择优提出拟聘人选时优先。"} in wang.eligibility
    assert {"check": "not_preferred", "label": "优先条件", "passed": True, "citation": ART,
            "reason": "未申报具有国家法律职业资格（不影响是否符合条件）。"} in li.eligibility

    client = Client()
    with freeze_time("2026-06-11 09:00"):
        client.force_login(officer)
        task_url, html = claim_and_open(client, "资格审查")
        assert (f"<td>优先条件</td><td><strong>优先</strong></td><td>申报具有国家法律职业资格，择优提出拟聘人选时优先。</td>"
                f"<td>{ART}</td>") in html
        assert "<td>优先条件</td><td>不涉及</td><td>未申报具有国家法律职业资格（不影响是否符合条件）。</td>" in html
        r = client.post(task_url, {f"q_{wang.pk}": "yes", f"q_{li.pk}": "yes", f"r_{wang.pk}": "", f"r_{li.pk}": ""})
        assert r.status_code == 302, r.content.decode()
    record = DecisionRecord.objects.get(title__contains="王律师")
    assert f"优先条件：优先，申报具有国家法律职业资格，择优提出拟聘人选时优先。（{ART}）" in record.body
