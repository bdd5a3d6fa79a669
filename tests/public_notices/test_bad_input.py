"""issue 12, server errors: every bad input a tester found answers 4xx with a Chinese message
(year out of range or not ASCII digits, NUL bytes, bad API parameters, viewflow's own pages, feeds
with control characters), and control characters are refused where notices are written."""
import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from public_notices import kinds as K
from public_notices.models import NoticePage
from roles.definitions import EDITOR, LEADER, OFFICER

CHINESE = re.compile(r"[\u4e00-\u9fff]{4,}")


@pytest.fixture(autouse=True)
def _clock():
    """The notice is published "now" and filtered by 2026; a campaign's deadline must be after today."""
    with freeze_time("2026-06-01 10:00:00+08:00", tick=True):
        yield


@pytest.fixture
def notice(site_tree):
    from public_notices.services import notice_publish

    return notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="典型案例一", body="正文内容")


def assert_4xx_chinese(response, status=400):
    assert response.status_code == status, response.content[:300]
    body = response.content.decode()
    assert CHINESE.search(body), body[:300]
    return body


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["10000", "%C2%B2", "0999", "2026abc"])
def test_archive_and_index_refuse_bad_years_with_400(notice, year):
    index_url = notice.get_parent().url
    for url in (f"/notices/archive/?year={year}", f"{index_url}?year={year}"):
        body = assert_4xx_chinese(Client(raise_request_exception=False).get(url))
        assert "四位年份" in body


@pytest.mark.django_db
def test_archive_and_index_still_filter_a_good_year(notice):
    assert Client().get("/notices/archive/?year=2026").status_code == 200
    assert "典型案例一" in Client().get(notice.get_parent().url + "?year=2026").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "/search/?q=%00", "/search/?q=a&jurisdiction=%00", "/notices/archive/?jurisdiction=%00", "/api/search/?q=%00",
    "/api/v2/pages/find/?html_path=%00", "/api/v2/pages/?slug=%00", "/wanzhou/%00/", "/api/v2/pages/%00/",
    "/search/?q=%1B",
])
def test_nul_and_control_bytes_in_query_or_path_answer_400(site_tree, url):
    body = assert_4xx_chinese(Client(raise_request_exception=False).get(url))
    assert "控制字符" in body


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    "offset=abc", "offset=-1", "limit=abc", "search=a&search_operator=xx",
    "first_published_at=notadate", "type=public_notices.NoticePage&written_on=2026-13-45",
    "type=public_notices.NoticePage&published_on=0000-01-01", "nosuchfield=1",
])
def test_api_v2_bad_parameters_answer_400_in_chinese(notice, query):
    response = Client(raise_request_exception=False).get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400, response.content[:300]
    assert CHINESE.search(response.json()["message"]), response.json()


@pytest.mark.django_db
def test_api_v2_good_parameters_still_work(notice):
    response = Client().get("/api/v2/pages/?type=public_notices.NoticePage&search=典型&search_operator=and&offset=0")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?year=%C2%B2", "?year=10000", "?q=%00"])
def test_decision_search_for_an_editor_answers_400_not_500(site_tree, make_user, query):
    client = Client(raise_request_exception=False)
    client.force_login(make_user("editor", EDITOR))
    assert_4xx_chinese(client.get("/admin/search/decisions/" + query))
    assert client.get("/admin/search/decisions/?year=2026").status_code == 200


@pytest.mark.django_db
def test_viewflow_own_task_pages_answer_404_in_chinese(site_tree, make_user):
    from flows import services as flow_services
    from supervisors import processes as supervisor_processes
    from supervisors.flows import RecruitmentFlow

    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="选聘", places=1,
                                            deadline=dt.date(2026, 12, 31))
    process = flow_services.process_for(campaign, RecruitmentFlow)
    review = process.task_set.get(flow_task_type="HUMAN")
    start = process.task_set.order_by("pk").first()
    base = f"/workflow/recruitment/{process.pk}"
    urls = [f"{base}/review/{review.pk}/{action}/" for action in ("detail", "assign", "unassign", "undo", "cancel",
                                                                  "revive")]
    urls += [f"{base}/start/{start.pk}/detail/", f"{base}/start/{start.pk}/undo/", f"{base}/review/{review.pk}/"]
    for user in (officer, leader, make_user("admin")):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for url in urls:
            for method in (client.get, client.post):
                body = assert_4xx_chinese(method(url), status=404)
                assert "我的待办" in body
    # the screens staff do use still work
    client = Client()
    client.force_login(officer)
    assert client.post(f"/workflow/tasks/{review.pk}/claim/").status_code == 302
    assert client.get(f"{base}/review/{review.pk}/execute/").status_code == 200


@pytest.mark.django_db
def test_feeds_survive_a_title_with_a_control_character(notice):
    NoticePage.objects.filter(pk=notice.pk).update(title="典型案例\x0b一", issuer="司法局\x01")
    for url in ("/feeds/notices.xml", "/feeds/wanzhou/notices.xml"):
        response = Client(raise_request_exception=False).get(url)
        assert response.status_code == 200
        assert "典型案例一" in response.content.decode()


@pytest.mark.django_db
def test_control_characters_are_refused_when_a_notice_is_written(notice):
    page = NoticePage.objects.get(pk=notice.pk).specific
    page.title = "典型案例\x0b一"
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "控制字符" in str(caught.value.message_dict["title"])
