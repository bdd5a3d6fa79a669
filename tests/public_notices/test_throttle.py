"""issue 12, public-form abuse: 50 identical objections from one client end as one stored objection
and a clear Chinese message; a real person can still send a corrected or different objection; another
client is not affected; the supervisor application form is throttled too (staff logins: tests/logins)."""
import datetime as dt

import pytest
from django.test import Client, override_settings
from freezegun import freeze_time

from public_notices.models import Objection

D = dt.date
pytestmark = pytest.mark.django_db
FORM = {"objector_name": "张三", "contact": "13700001111", "person_concerned": "",
        "facts": "该同志在某次执法检查中存在利益关联情况，请予以核实。"}


@pytest.fixture
def page(publish_list):
    with freeze_time("2026-09-29 08:00:00"):
        return publish_list("wanzhou", start=D(2026, 9, 29))


def post(client, page, **extra):
    return client.post(page.url + "objection/", {**FORM, "candidate": page.candidates.first().pk, **extra})


def test_fifty_identical_objections_from_one_client_store_one_and_say_why(page):
    client = Client(REMOTE_ADDR="203.0.113.7")
    with freeze_time("2026-10-05 10:00:00"):
        responses = [post(client, page) for _ in range(50)]
    assert Objection.objects.count() == 1
    assert responses[0].status_code == 302
    assert responses[1].status_code == 409
    assert "您已提交过内容相同的异议，我们已经收到，请勿重复提交。" in responses[1].content.decode()
    assert responses[-1].status_code == 429
    assert "提交过于频繁" in responses[-1].content.decode()


def test_a_real_person_can_correct_a_mistake_and_send_a_second_objection(page):
    client = Client(REMOTE_ADDR="203.0.113.8")
    with freeze_time("2026-10-05 10:00:00"):
        bad = post(client, page, contact="abc")  # a mistake: shown again with the message, nothing stored
        assert bad.status_code == 200 and "请填写有效的手机号码" in bad.content.decode()
        assert post(client, page).status_code == 302
        other = post(client, page, candidate="", person_concerned="陈静",
                     facts="另一位拟聘人员的情况也需要说明，请一并核实。")
        assert other.status_code == 302
    assert Objection.objects.count() == 2


@override_settings(THROTTLE_RATES={"objection": (3, 600)})
def test_throttle_counts_per_client_and_resets_after_the_window(page):
    with freeze_time("2026-10-05 10:00:00") as frozen:
        one, two = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.1")
        for n in range(3):
            assert post(one, page, facts=f"第{n}条不同的异议事实和理由，请予以核实。").status_code == 302
        refused = post(one, page, facts="第四条不同的异议事实和理由，请予以核实。")
        assert refused.status_code == 429
        assert post(two, page, facts="另一网络提交的异议事实和理由，请予以核实。").status_code == 302
        frozen.tick(dt.timedelta(minutes=11))
        assert post(one, page, facts="第四条不同的异议事实和理由，请予以核实。").status_code == 302
    assert Objection.objects.count() == 5


@override_settings(THROTTLE_CLIENT_IP_HEADER="HTTP_X_REAL_IP", THROTTLE_RATES={"objection": (1, 600)})
def test_behind_a_proxy_the_configured_header_names_the_client(page):
    first = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.1")
    second = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.2")
    with freeze_time("2026-10-05 10:00:00"):
        assert post(first, page).status_code == 302
        assert post(second, page, facts="不同的异议事实和理由，请予以核实。").status_code == 302
        assert post(first, page, facts="第三条异议事实和理由，请予以核实。").status_code == 429


def test_control_characters_in_the_objection_form_are_refused(page):
    with freeze_time("2026-10-05 10:00:00"):
        response = post(Client(), page, objector_name="张\x0b三")
    assert response.status_code == 200 and "控制字符" in response.content.decode()
    assert Objection.objects.count() == 0


@override_settings(THROTTLE_RATES={"application": (2, 600)})
def test_the_supervisor_application_form_is_throttled(site_tree, make_user):
    from roles.definitions import OFFICER
    from supervisors import processes as supervisor_processes
    from tests.supervisors.helpers import application_data, form_post

    with freeze_time("2026-06-01 09:00:00"):
        campaign = supervisor_processes.campaign_start(by=make_user("officer", OFFICER), jurisdiction="wanzhou",
                                                title="选聘", places=2, deadline=D(2026, 6, 10))
        url = f"/supervisors/wanzhou/campaigns/{campaign.pk}/apply/"
        client = Client(REMOTE_ADDR="203.0.113.20")
        assert client.post(url, form_post(application_data("wanzhou", name="周明", seq=1))).status_code == 302
        again = client.post(url, form_post(application_data("wanzhou", name="周明", seq=1)))
        assert "已报名本次选聘" in again.content.decode()
        third = client.post(url, form_post(application_data("wanzhou", name="吴刚", seq=3)))
        assert third.status_code == 429 and "提交过于频繁" in third.content.decode()
    assert campaign.applications.count() == 1
