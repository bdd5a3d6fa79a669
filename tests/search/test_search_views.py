"""Public search screens (issue 5): /search/ with highlighted snippets, filters, pagination and friendly
pages for empty, overlong and fruitless queries; /api/search/ with the same results as JSON."""
import pytest

from search.engines.base import MAX_QUERY_LENGTH


@pytest.fixture
def published(site_tree, django_capture_on_commit_callbacks, settings):
    from public_notices.services import notice_publish

    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        pages = [notice_publish(kind="regulation", jurisdiction="wulong", title="武隆区行政执法监督员管理办法",
                                body="为规范行政执法监督员的选聘和管理，制定本办法。",
                                doc_number="武隆府办发〔2021〕62号")]
        for i in range(12):
            pages.append(notice_publish(kind="notification", jurisdiction="wanzhou",
                                        title=f"第{i + 1}期执法监督情况通报", body="本期通报监督员参与执法检查情况。"))
    return pages


def test_results_page_shows_title_kind_date_doc_number_and_highlight(client, published):
    r = client.get("/search/", {"q": "监督员"})
    html = r.content.decode()
    assert r.status_code == 200
    assert "找到 <strong>13</strong> 条" in html
    assert "武隆区行政执法监督员管理办法" in html and "发文字号：武隆府办发〔2021〕62号" in html
    assert "<mark>监督员</mark>" in html
    assert "规范性文件/制度" in html
    # title match first
    results = html[html.index('<ol class="search-results"'):]
    assert results.index("武隆区行政执法监督员管理办法") < results.index("执法监督情况通报")


def test_pagination_and_filters(client, published):
    first = client.get("/search/", {"q": "监督", "page": 1}).content.decode()
    second = client.get("/search/", {"q": "监督", "page": 2}).content.decode()
    assert "第 1/2 页" in first and "第 2/2 页" in second
    assert 'aria-current="page">2<' in second
    only = client.get("/search/", {"q": "监督", "kind": "regulation"}).content.decode()
    assert "找到 <strong>1</strong> 条" in only
    assert "找到 <strong>12</strong> 条" in client.get("/search/", {"q": "监督", "jurisdiction": "wanzhou"}).content.decode()
    assert client.get("/search/", {"q": "监督", "page": "abc", "year": "x"}).status_code == 200


def test_empty_overlong_and_fruitless_queries_get_friendly_pages(client, published):
    assert "请输入要搜索的关键词" in client.get("/search/").content.decode()
    long = client.get("/search/", {"q": "监" * (MAX_QUERY_LENGTH + 1)})
    assert long.status_code == 200 and "搜索词过长" in long.content.decode()
    none = client.get("/search/", {"q": "量子纠缠"}).content.decode()
    assert "没有找到与“量子纠缠”相关的公开信息" in none


def test_json_api_gives_results_in_rank_order(client, published):
    data = client.get("/api/search/", {"q": "武隆府办发[2021]62号"}).json()
    assert data["results"][0]["title"] == "武隆区行政执法监督员管理办法"
    first = data["results"][0]
    assert set(first) >= {"title", "url", "kind", "date"} and first["kind"] == "regulation"
    assert first["url"] == published[0].get_url()
    all_ = client.get("/api/search/", {"q": "监督员"}).json()
    assert all_["total"] == 13 and len(all_["results"]) == 10
    assert all_["results"][0]["title"] == "武隆区行政执法监督员管理办法"
    assert client.get("/api/search/", {"q": "x" * 101}).status_code == 400
    assert client.get("/api/search/").json()["results"] == []


def test_unpublished_notice_never_reaches_the_api(client, published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        published[0].unpublish()
    titles = [r["title"] for r in client.get("/api/search/", {"q": "监督员"}).json()["results"]]
    assert "武隆区行政执法监督员管理办法" not in titles
