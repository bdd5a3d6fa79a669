"""Helpers for the view-restriction tests (issue 31): the public paths an anonymous reader can ask for and
what each path must answer (the admin's privacy screen over HTTP: the `privacy` fixture, tests/conftest.py)."""
from __future__ import annotations

import json

TITLE = "万州区燃气报警装置执法典型案例"
BODY_WORDS = "未按规定检测燃气报警装置"
OTHER_TITLE = "威海市扬尘治理执法典型案例"
QUERY = "燃气报警装置"


def public_paths(notice) -> dict[str, str]:
    """name -> URL of every public path that can show the notice (or a list holding it)."""
    index = notice.get_parent()
    section = index.get_parent()
    return {
        "notice": notice.url, "print": notice.url + "print/", "index": index.url, "section": section.url,
        "home": "/", "archive": "/notices/archive/", "archive_section": f"/notices/archive/?jurisdiction={notice.jurisdiction}",
        "feed": "/feeds/notices.xml", "feed_section": f"/feeds/{notice.jurisdiction}/notices.xml",
        "sitemap": "/sitemap.xml",
        "search": f"/search/?q={QUERY}", "search_json": f"/api/search/?q={QUERY}",
        "api_list": "/api/v2/pages/?type=public_notices.NoticePage&fields=title,doc_number,index_number",
        "api_find": f"/api/v2/pages/find/?html_path={notice.url}",
        "api_detail": f"/api/v2/pages/{notice.pk}/",
    }


# the paths the anonymous page cache keeps (pages.cache.DEFAULT_URL_NAMES)
CACHED = ("notice", "print", "index", "section", "home", "archive", "archive_section", "feed", "feed_section",
          "sitemap")


def warm(client, paths, restricted=()) -> None:
    """Anonymous GETs of every path, twice: the cacheable ones (all but those already restricted) are then
    served from the cache."""
    for name, url in paths.items():
        first = get(client, name, url)
        assert first.status_code in (200, 302, 404), (name, first.status_code)
        again = get(client, name, url)
        if name in CACHED and name not in restricted:
            assert again.headers.get("X-Page-Cache") == "hit", name


def get(client, name, url):
    return client.get(url, follow=name == "api_find")  # find/ redirects to the page's detail


def shows(response, notice, *, address: bool = True) -> bool:
    """Whether a response carries anything of the notice: title, body words (the snippet), its 索引号 or,
    for a list, its address (a password form names the address it was asked for: `address=False`)."""
    text = response.content.decode()
    if response.headers.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(response.json(), ensure_ascii=False)
    return (TITLE in text or BODY_WORDS in text or notice.index_number in text
            or (address and notice.url in text))


def assert_hidden(client, notice, paths, *, restricted: set[str], kind: str, first: bool = True) -> None:
    """Restricted paths answer with the password form or the login redirect, never from the cache; every
    other path answers without a trace of the notice; the first read after a change is never a copy cached
    before it."""
    for name, url in paths.items():
        response = get(client, name, url)
        if first or name in restricted:
            assert response.headers.get("X-Page-Cache") != "hit", name
        if name in restricted:
            if kind == "password":
                assert response.status_code == 200, name
                assert 'name="password"' in response.content.decode(), name
            else:
                assert response.status_code == 302 and "login" in response["Location"], (name, response.status_code)
            assert not shows(response, notice, address=False), name
        elif name in ("api_find", "api_detail"):
            assert response.status_code == 404, (name, response.status_code)
            assert not shows(response, notice), name
        else:
            assert response.status_code == 200, (name, response.status_code)
            assert not shows(response, notice), name
            if name == "search_json":
                assert response.json()["total"] == 0


def assert_shown(client, notice, paths) -> None:
    for name, url in paths.items():
        response = get(client, name, url)
        assert response.status_code == 200, (name, response.status_code)
        assert shows(response, notice) or name == "section", name  # a section page lists its indexes only
        if name == "search_json":
            assert [r["title"] for r in response.json()["results"]] == [TITLE]
