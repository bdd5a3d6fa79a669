"""What the Elasticsearch engine sends for the staff case search (案件检索, search/cases.py), captured at the
transport (es_capture_transport.py): the same documents the embedded engine indexes, into `t-cases`, and the
same scope filter — casework.visibility's matters and documents for a liaison, everything but the party
views for bureau staff. No server: the behaviour is proved on the embedded engine (test_staff_case_search.py)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework import documents, services
from casework.models import Agency
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from search.engines import get_engine
from search.engines.base import SearchQuery

pytestmark = pytest.mark.usefixtures("fresh_year_choices")


@pytest.fixture
def filed(es, make_user, django_capture_on_commit_callbacks):
    officer, leader = make_user("es_officer", OFFICER), make_user("es_leader", LEADER)
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("es_lx", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    with freeze_time("2026-09-21 10:00"), django_capture_on_commit_callbacks(execute=True):
        matter = services.matter_open(by=officer, agency=agency, source="inspection", title="未按裁量基准处罚",
                                      facts="抽查案卷发现罚款数额超出裁量基准。", process="letter")
        doc = documents.issue(matter=matter, kind="opinion_letter", title="关于规范裁量的监督意见书",
                              paragraphs=["请你局自行纠正。"], by=leader, issued_on=dt.date(2026, 9, 24))
    return {"officer": officer, "liaison": liaison, "matter": matter, "doc": doc}


def test_a_matter_and_a_document_are_indexed_into_the_case_index_on_change(es, filed):
    m, d = filed["matter"], filed["doc"]
    puts = {r.path: r for r in es.find("PUT", r"/t-cases/_doc/\d+")}
    # the matter (kind 1, with its facts), its party view (kind 2, without them) and the document (kind 3)
    bureau, party, document = puts[f"/t-cases/_doc/{m.pk * 10 + 1}"], puts[f"/t-cases/_doc/{m.pk * 10 + 2}"], \
        puts[f"/t-cases/_doc/{d.pk * 10 + 3}"]
    assert bureau.body["body"] == "抽查案卷发现罚款数额超出裁量基准。"
    assert bureau.body["index_number"] == "武隆监案〔2026〕1号" and bureau.body["agency"] == "武隆区市场监督管理局"
    assert bureau.body["kind"] == "matter" and bureau.body["process_kind"] == "letter" and bureau.body["year"] == 2026
    assert party.body["kind"] == "matter_party" and "抽查案卷" not in party.body.get("body", "")
    assert document.body["doc_number"] == "武隆监意〔2026〕1号"
    assert document.body["doc_number_key"] == "武隆监意〔2026〕1号" and document.body["body"] == "请你局自行纠正。"
    assert document.params["require_alias"] == "true" and document.params["version_type"] == "external"


def test_an_officer_searches_everything_but_the_party_views(es, filed):
    get_engine().search(SearchQuery(text="武隆监意[2026]1号", scope="case", user=filed["officer"],
                                    facets=("kind", "process_kind", "agency", "year", "outcome")))
    body = es.find("POST", r"/t-cases/_search")[-1].body
    assert body["query"]["bool"]["filter"][0] == {"bool": {"must_not": {"term": {"kind": "matter_party"}}}}
    assert body["query"]["bool"]["should"][0] == {"constant_score": {
        "filter": {"term": {"doc_number_key": "武隆监意〔2026〕1号"}}, "boost": 10_000}}
    assert set(body["aggs"]) == {"kind", "process_kind", "agency", "year", "outcome"}


def test_a_liaison_searches_exactly_what_casework_visibility_lets_it_see(es, filed):
    m, d = filed["matter"], filed["doc"]
    get_engine().search(SearchQuery(text="裁量", scope="case", user=filed["liaison"], filters={"year": "2026"}))
    body = es.find("POST", r"/t-cases/_search")[-1].body
    filters = body["query"]["bool"]["filter"]
    # its matter's party view and the document addressed to it; never the bureau's matter entry (kind 1)
    assert filters[0] == {"terms": {"object_id": sorted([m.pk * 10 + 2, d.pk * 10 + 3])}}
    assert filters[1:] == [{"term": {"year": 2026}}]


def test_someone_outside_casework_matches_nothing(es, filed, make_user):
    get_engine().search(SearchQuery(text="裁量", scope="case", user=make_user("es_nobody", LIAISON)))
    body = es.find("POST", r"/t-cases/_search")[-1].body
    assert body["query"]["bool"]["filter"][0] == {"match_none": {}}
