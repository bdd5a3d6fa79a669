"""One behaviour suite, two engines: `engine` is the embedded engine always, and Elasticsearch where
ELASTICSEARCH_URL points at a real 8.x cluster (skipped otherwise — never a fake server)."""
import datetime as dt
import os
import uuid

import pytest

from search.engines import get_engine

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture
def fresh_year_choices():
    """Year choices are cached 10 minutes: canned or outage answers must not reach other tests."""
    from django.core.cache import cache

    cache.delete("search:notice-years")
    yield
    cache.delete("search:notice-years")


@pytest.fixture
def es(settings, monkeypatch, db):
    """The Elasticsearch engine against the capturing transport (es_capture_transport.py): no server,
    every request recorded for the test to read."""
    from es_capture_transport import install

    recorder = install(monkeypatch)
    settings.ELASTICSEARCH_URL = "http://es.capture:9200"
    settings.SEARCH_INDEX_PREFIX = "t"
    settings.SEARCH_ES_ANALYZER = "cjk"
    settings.SEARCH_ES_REFRESH = False
    return recorder


@pytest.fixture
def es_cluster(settings, db):
    """The Elasticsearch engine on the real cluster of ELASTICSEARCH_URL, in indices of its own (dropped after)."""
    settings.ELASTICSEARCH_URL = ES_URL
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_ES_REFRESH = True
    eng = get_engine("elastic")
    eng.setup()
    yield eng
    eng.drop_all()


@pytest.fixture(params=["embedded", pytest.param("elastic", marks=pytest.mark.elasticsearch)])
def engine(request, settings, db):
    if request.param == "elastic":
        if not ES_URL:
            pytest.skip("ELASTICSEARCH_URL 未设置：无 Elasticsearch 8.x 服务器，跳过 Elasticsearch 引擎的同一组行为测试")
        yield request.getfixturevalue("es_cluster")
    else:
        settings.ELASTICSEARCH_URL = ""
        yield get_engine("embedded")


@pytest.fixture
def decision(django_capture_on_commit_callbacks):
    """decision(title=..., ...) -> a DecisionRecord, indexed through the real signal + task path."""
    from decisions.models import DecisionRecord

    def make(**kw):
        values = {"process_kind": "letter", "body": "经审查，依法作出本决定。", "jurisdiction": "wanzhou",
                  "agency": "万州区市场监督管理局", "outcome": "已办结", "decided_on": dt.date(2026, 5, 1)}
        values.update(kw)
        with django_capture_on_commit_callbacks(execute=True):
            return DecisionRecord.objects.create(**values)

    return make
