"""Against a real Elasticsearch 8.x cluster only (ELASTICSEARCH_URL set; skipped with the reason
otherwise — never a fake server): the analyzer, highlight and rebuild as a cluster executes them."""
import os

import pytest
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from roles.definitions import OFFICER
from search.engines.base import SearchQuery

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [pytest.mark.elasticsearch,
              pytest.mark.skipif(not ES_URL, reason="ELASTICSEARCH_URL 未设置：无 Elasticsearch 8.x 服务器，"
                                                    "跳过需要真实集群的测试（请求形状由 test_elastic_requests 检查）")]


@pytest.fixture
def cluster(es_cluster):
    return es_cluster


def test_single_character_and_character_next_to_digits_match(cluster, decision, make_user):
    officer = make_user("officer16", OFFICER)
    decision(title="2021年度行政执法统计年报")
    decision(title="关于落实行政执法监督员管理办法的监督意见书")
    assert titles(cluster, "2021年", scope="decision", user=officer) == ["2021年度行政执法统计年报"]
    assert titles(cluster, "督", scope="decision", user=officer) == ["关于落实行政执法监督员管理办法的监督意见书"]
    assert titles(cluster, "监督局长", scope="decision", user=officer) == []


def test_highlight_is_accepted_and_escaped(cluster, decision, make_user):
    decision(title="监督意见书", body="经审查<script>，行政执法监督员反映的问题属实。")
    hit = cluster.search(SearchQuery(text="监督员", scope="decision", user=make_user("o16", OFFICER))).hits[0]
    assert "<mark>" in str(hit.snippet) and "&lt;script&gt;" in str(hit.snippet)


def test_rebuild_swaps_the_alias_and_keeps_results(cluster, decision, make_user):
    from django.core.management import call_command

    decision(title="监督决定书")
    call_command("search_rebuild", scope=["decision"])
    assert titles(cluster, "决定书", scope="decision", user=make_user("o17", OFFICER)) == ["监督决定书"]
    assert len(cluster.client.indices.get_alias(name=f"{cluster_alias()}").body) == 1


def cluster_alias():
    from search.documents import index_alias

    return index_alias("decision")
