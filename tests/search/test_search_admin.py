"""Staff decision search in the Wagtail admin: facets, and a user never sees a record their role cannot
open (decisions.selectors.visible_records; confidential leads never reach agency users, 001 第十四条)."""
import datetime as dt

import pytest

from roles.definitions import LIAISON, OFFICER, SUPERVISOR


@pytest.fixture
def records(decision, make_user, settings):
    from casework.models import Agency
    from roles.models import StaffProfile

    settings.ELASTICSEARCH_URL = ""
    users = {"officer": make_user("officer9", OFFICER), "liaison": make_user("liaison9", LIAISON),
             "supervisor": make_user("sup9", SUPERVISOR)}
    StaffProfile.objects.update_or_create(user=users["liaison"], defaults={"jurisdiction": "wanzhou",
                                                                           "agency": Agency.objects.get_or_create(
        jurisdiction="wanzhou", name="万州区交通运输局")[0]})
    recs = {
        "own": decision(title="交通运输执法监督意见书", agency="万州区交通运输局", process_kind="letter",
                        outcome="已整改", decided_on=dt.date(2026, 2, 1)),
        "secret": decision(title="交通运输执法违法线索核查（保密）", agency="万州区交通运输局", confidential=True,
                           process_kind="complaint", outcome="已移送"),
        "other": decision(title="市场监管执法监督意见书", agency="万州区市场监督管理局", process_kind="letter",
                          outcome="未整改", decided_on=dt.date(2025, 2, 1)),
        "mine": decision(title="监督员履职考核结果", agency="", process_kind="dismissal", party_user=users["supervisor"]),
    }
    return users, recs


def test_officer_searches_all_records_with_facets(client, records):
    users, recs = records
    client.force_login(users["officer"])
    html = client.get("/admin/search/decisions/", {"q": "执法"}).content.decode()
    assert "共 3 条决定记录" in html
    assert "交通运输执法违法线索核查（保密）" in html
    assert "监督意见书/建议书</a>（2）" in html and "2026年</a>（2）" in html and "万州区交通运输局</a>（2）" in html
    narrowed = client.get("/admin/search/decisions/", {"q": "执法", "outcome": "未整改"}).content.decode()
    assert "共 1 条决定记录" in narrowed and "市场监管执法监督意见书" in narrowed
    assert client.get(f"/admin/search/decisions/{recs['secret'].pk}/").status_code == 200


def test_liaison_sees_own_agency_and_never_confidential_leads(client, records):
    users, recs = records
    client.force_login(users["liaison"])
    html = client.get("/admin/search/decisions/", {"q": "执法"}).content.decode()
    assert "共 1 条决定记录" in html and "交通运输执法监督意见书" in html
    assert "保密" not in html.split("共 1 条")[1] and "市场监管" not in html
    assert client.get(f"/admin/search/decisions/{recs['secret'].pk}/").status_code == 404
    assert client.get(f"/admin/search/decisions/{recs['own'].pk}/").status_code == 200


def test_supervisor_sees_only_records_about_themself(client, records):
    users, recs = records
    client.force_login(users["supervisor"])
    html = client.get("/admin/search/decisions/").content.decode()
    assert "共 1 条决定记录" in html and "监督员履职考核结果" in html
    assert client.get(f"/admin/search/decisions/{recs['other'].pk}/").status_code == 404


def test_anonymous_is_sent_to_login(client, records):
    r = client.get("/admin/search/decisions/", {"q": "执法"})
    assert r.status_code == 302 and "/admin/login/" in r["Location"]


def test_a_question_finds_the_decision_record_it_asks_about(client, records):
    """Staff type questions too: question words never block a match (the same analysis as the public search)."""
    users, recs = records
    client.force_login(users["officer"])
    html = client.get("/admin/search/decisions/", {"q": "监督员的考核结果在哪里看"}).content.decode()
    assert "共 1 条决定记录" in html and "监督员履职考核结果" in html
    only = client.get("/admin/search/decisions/", {"q": "在哪里"}).content.decode()
    assert "“在哪里”只含有“哪里”“在”等提问用语，没有可以检索的关键词。" in only
