"""The public search returns only what an anonymous reader may open (issue 31): a notice below a view
restriction (password, login or groups; on its section or on itself) leaves the results, the suggestions
and the shorter queries of "did you mean", on both engines, in HTML and JSON; removing the restriction
brings it back with no rebuild. A restriction added or removed goes through the indexing queue (the
notice is removed from or written to the index), and until the queue has run both engines leave the
notice out at query time (Elasticsearch: a must_not on its id, checked on the request body here)."""
import pytest
from django.contrib.auth.models import Group
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)
from wagtail.models import PageViewRestriction

from roles.definitions import OFFICER
from search.engines import get_engine
from search.engines.base import SearchQuery

pytestmark = pytest.mark.usefixtures("fresh_year_choices")

TITLE = "万州区燃气报警装置执法典型案例"
OTHER = "威海市扬尘治理执法典型案例"


@pytest.fixture
def notices(site_tree, django_capture_on_commit_callbacks):
    from public_notices.services import notice_publish

    with django_capture_on_commit_callbacks(execute=True):
        other = notice_publish(kind="typical_case", jurisdiction="weihai", title=OTHER,
                               body="<p>某工地扬尘治理不到位，已依法处罚。</p>")
        case = notice_publish(kind="typical_case", jurisdiction="wanzhou", title=TITLE,
                              body="<p>某燃气公司未按规定检测燃气报警装置，已责令整改。</p>")
    return case, other


def section_of(notice):
    return notice.get_parent().get_parent()


@pytest.mark.parametrize(("kind", "on"), [("password", "section"), ("login", "section"), ("groups", "notice")])
def test_restricted_notice_leaves_results_and_suggestions_and_comes_back(engine, notices, privacy, kind, on):
    case, other = notices
    assert titles(engine, "燃气报警") == [TITLE]
    assert titles(engine, case.index_number) == [TITLE]
    target = case if on == "notice" else section_of(case)
    privacy(target, restriction_type=kind, password="s3cret-31", groups=[Group.objects.get(name=OFFICER).pk])
    assert titles(engine, "燃气报警") == []
    assert TITLE not in titles(engine, case.index_number)  # (other notices' 索引号 share its parts)
    assert titles(engine, "执法典型案例") == [OTHER]
    res = engine.search(SearchQuery(text="燃气 考勤"))  # nothing found: no suggestion, no shorter query of it
    assert (res.total, res.suggestions, res.broader) == (0, [], [])
    assert titles(engine, "", filters={"jurisdiction": "wanzhou"}) == []
    privacy(target, restriction_type="none")
    assert titles(engine, "燃气报警") == [TITLE]
    res = engine.search(SearchQuery(text="燃气 考勤"))
    assert [h.title for h in res.suggestions] == [TITLE] and res.broader == ["燃气"]


def test_search_page_and_api_for_anonymous_readers(client, engine, notices, privacy):
    case, _ = notices
    assert TITLE in client.get("/search/", {"q": "燃气报警"}).content.decode()
    privacy(section_of(case), restriction_type="password", password="s3cret-31")
    html = client.get("/search/", {"q": "燃气报警"}).content.decode()
    assert TITLE not in html and "燃气报警装置" not in html.replace('value="燃气报警"', "")
    data = client.get("/api/search/", {"q": "燃气报警"}).json()
    assert (data["total"], data["results"]) == (0, [])
    maybe = client.get("/search/", {"q": "燃气 考勤"}).content.decode()
    assert TITLE not in maybe and "您是不是要找" not in maybe
    data = client.get("/api/search/", {"q": "燃气 考勤"}).json()
    assert data.get("suggestions", []) == [] and data.get("broader", []) == []
    by_number = client.get("/api/search/", {"q": case.index_number}).json()["results"]
    assert TITLE not in [r["title"] for r in by_number]
    privacy(section_of(case), restriction_type="none")
    data = client.get("/api/search/", {"q": "燃气报警"}).json()
    assert [r["title"] for r in data["results"]] == [TITLE]
    assert [s["title"] for s in client.get("/api/search/", {"q": "燃气 考勤"}).json()["suggestions"]] == [TITLE]


def test_embedded_index_follows_the_restriction_through_the_queue(notices, privacy, settings):
    from search.models import SearchEntry

    settings.ELASTICSEARCH_URL = ""
    case, other = notices
    privacy(section_of(case), restriction_type="login")
    assert set(SearchEntry.objects.filter(scope="notice").values_list("object_id", flat=True)) == {other.pk}
    privacy(section_of(case), restriction_type="none")
    assert set(SearchEntry.objects.filter(scope="notice").values_list("object_id", flat=True)) == {case.pk, other.pk}


def test_before_the_queue_runs_the_query_already_leaves_the_notice_out(engine, notices):
    """A restriction committed, its queued re-index not run yet (or written without signals): the notice
    is still in the index, and still never in a public result."""
    case, _ = notices
    PageViewRestriction.objects.create(page=section_of(case), restriction_type="login")  # on_commit never runs
    assert titles(engine, "燃气报警") == []
    assert TITLE not in titles(engine, case.index_number)
    assert engine.search(SearchQuery(text="燃气 考勤")).suggestions == []


def test_a_rebuild_leaves_restricted_notices_out(notices, settings):
    from django.core.management import call_command

    from search.models import SearchEntry

    settings.ELASTICSEARCH_URL = ""
    case, other = notices
    PageViewRestriction.objects.create(page=case, restriction_type="password", password="s3cret-31")
    call_command("search_rebuild")
    assert set(SearchEntry.objects.filter(scope="notice").values_list("object_id", flat=True)) == {other.pk}


# ---- Elasticsearch: what is sent (no server: the capturing transport) ------------------------------------
def _search_bodies(es):
    return [r.body for r in es.find("POST", r"/t-notices/_search")]


def _writes(es, pk):
    return [r for r in es.requests if r.method in ("PUT", "DELETE") and r.path == f"/t-notices/_doc/{pk}"]


def test_elasticsearch_query_leaves_restricted_notices_out_by_id(es, notices):
    case, other = notices
    get_engine().search(SearchQuery(text="燃气报警"))
    assert "object_id" not in str(_search_bodies(es)[-1]["query"]["bool"]["filter"])  # nothing restricted
    PageViewRestriction.objects.create(page=section_of(case), restriction_type="password", password="x")
    get_engine().search(SearchQuery(text="燃气报警"))
    filters = _search_bodies(es)[-1]["query"]["bool"]["filter"]
    assert filters[0] == {"term": {"live": True}}
    assert filters[2] == {"bool": {"must_not": [{"terms": {"object_id": [case.pk]}}]}}
    get_engine().search(SearchQuery(text="燃气 考勤"))  # nothing found: the suggestions are filtered too
    lines = es.find("POST", r"/t-notices/_msearch")[-1].body
    for query in lines[1::2]:
        assert {"bool": {"must_not": [{"terms": {"object_id": [case.pk]}}]}} in query["query"]["bool"]["filter"]
    get_engine().notice_years()
    years = _search_bodies(es)[-1]["query"]["bool"]["filter"]
    assert {"bool": {"must_not": [{"terms": {"object_id": [case.pk]}}]}} in years


def test_elasticsearch_index_follows_a_restriction_through_the_queue(es, notices, privacy):
    case, _ = notices
    privacy(section_of(case), restriction_type="login")
    assert [r.method for r in _writes(es, case.pk)] == ["PUT", "DELETE"]  # published, then removed
    privacy(section_of(case), restriction_type="none")
    assert [r.method for r in _writes(es, case.pk)] == ["PUT", "DELETE", "PUT"]
    assert _writes(es, case.pk)[-1].body["title"] == TITLE


def test_with_elasticsearch_down_the_restriction_is_saved_and_the_removal_queued(settings, monkeypatch, notices,
                                                                                privacy):
    from search.engines import es_client
    from search.models import PendingIndexUpdate

    monkeypatch.setattr(es_client, "_CLIENTS", {})
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens
    settings.SEARCH_INDEX_PREFIX = "t"
    case, _ = notices
    privacy(section_of(case), restriction_type="login")
    assert PageViewRestriction.objects.filter(page=section_of(case)).exists()
    assert list(PendingIndexUpdate.objects.values_list("scope", "object_id")) == [("notice", case.pk)]
