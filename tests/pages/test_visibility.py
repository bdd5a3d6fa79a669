"""pages.visibility, the one rule "may an anonymous reader see this page" (issue 31): it answers as Wagtail's
serving does for every page of the tree, aliases included; the page cache never stores a page it hides;
and with the shared cache (Redis), a restriction saved in one process is seen by every other."""
import os
import subprocess
import sys
import uuid

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from freezegun import freeze_time
from wagtail.models import Page, PageViewRestriction

from pages import cache as page_cache
from pages.visibility import anonymous_may_view, read_restricted_prefixes, visible_to_anonymous
from public_notices.services import index_for, notice_publish

pytestmark = pytest.mark.django_db
REDIS = os.environ.get("TEST_REDIS_URL", "")


@pytest.fixture
def tree(site_tree):
    with freeze_time("2026-03-02 09:00:00"):
        cases = [notice_publish(kind="typical_case", jurisdiction=code, title=f"{code} 典型案例", body="<p>正文。</p>")
                 for code in ("wanzhou", "weihai", "wulong")]
    alias = cases[0].get_parent().create_alias(parent=site_tree["weihai"], update_slug="alias-of-wanzhou-cases")
    return {**site_tree, "cases": cases, "alias": alias}


def test_the_rule_answers_as_serving_does_for_every_page(tree):
    wanzhou_index = tree["cases"][0].get_parent()
    PageViewRestriction.objects.create(page=wanzhou_index, restriction_type="login")  # the alias mirrors it
    PageViewRestriction.objects.create(page=tree["wulong"], restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=tree["cases"][2], restriction_type="login")  # nested: adds nothing
    PageViewRestriction.objects.create(page=tree["alias"], restriction_type="login")  # on an alias: ignored
    pages = list(Page.objects.exclude(depth=1).specific())
    for page in pages:
        expected = page.live and not page.get_view_restrictions().exists()  # what serving checks
        assert anonymous_may_view(page) == expected, page.url_path
    assert {p.pk for p in visible_to_anonymous(Page.objects.exclude(depth=1))} == {
        p.pk for p in pages if p.live and not p.get_view_restrictions().exists()}
    assert read_restricted_prefixes() == tuple(sorted((wanzhou_index.path, tree["alias"].path, tree["wulong"].path)))


def test_a_hidden_page_is_never_stored_by_the_page_cache(tree):
    notice = tree["cases"][1]
    request = RequestFactory().get(notice.url)
    request._page_cacheable = True
    setattr(request, page_cache.PAGE_PATH, notice.path)
    middleware = page_cache.AnonymousPageCacheMiddleware(lambda r: HttpResponse("x"))
    assert middleware._storable(request, HttpResponse("正文"))
    PageViewRestriction.objects.create(page=index_for(jurisdiction="weihai", kind="typical_case"),
                                       restriction_type="groups")
    assert not middleware._storable(request, HttpResponse("正文"))


@pytest.mark.skipif(not REDIS, reason="TEST_REDIS_URL 未设置：没有 Redis 服务器，跳过跨进程共享缓存测试")
def test_a_restriction_saved_here_makes_the_pages_of_every_process_stale(tree, settings, client):
    from cryptography.fernet import Fernet

    prefix = f"t31-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS,
                                   "KEY_PREFIX": prefix}}
    notice = tree["cases"][1]
    with freeze_time("2026-03-10 10:00:00"):
        client.get(notice.url)
        assert client.get(notice.url).headers.get("X-Page-Cache") == "hit"  # kept in Redis
        before = page_cache.generation()
        PageViewRestriction.objects.create(page=notice, restriction_type="login")
        after = page_cache.generation()
        assert after != before
        assert client.get(notice.url).status_code == 302
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.production", "REDIS_URL": REDIS,
           "CACHE_KEY_PREFIX": prefix, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "localhost",
           "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(), "FIELD_HASH_KEY": "restriction-test"}
    script = ("import django, sys; sys.path[:0] = ['.', 'site']; django.setup(); "
              "from pages.cache import generation; print(generation())")
    try:
        other = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=180,
                               cwd=settings.BASE_DIR)
    finally:  # leave nothing behind in the shared Redis
        import redis

        server = redis.Redis.from_url(REDIS)
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)
    assert other.returncode == 0, other.stderr[-2000:]
    assert int(other.stdout.split()[-1]) == after  # the other process keys its pages by the new generation
