"""Shared fixtures: role users, the demo site tree, a frozen calendar snapshot."""
import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType


def pytest_addoption(parser):
    parser.addoption("--fake-today", metavar="YYYY-MM-DD", default=None,
                     help="run every test as if today were this date (the clock still ticks): a test that depends "
                          "on the real date fails under it; tests that freeze their own clock are unaffected")


@pytest.fixture(autouse=True)
def _fake_today(request):
    """`pytest --fake-today 2027-06-01 tests/...`: finds tests that take a literal date for "the future" or
    "the past" without freezing the clock (issue 26: the suite went red on 2026-12-01)."""
    day = request.config.getoption("--fake-today")
    if not day:
        yield
        return
    from freezegun import freeze_time

    with freeze_time(dt.datetime.fromisoformat(day + "T10:00:00+08:00"), tick=True):
        yield


@pytest.fixture(autouse=True)
def _fresh_contenttype_cache():
    """A transactional test's flush recreates content types with new ids; never keep stale ones."""
    yield
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counts and duplicate fingerprints live in the cache: each test starts with none. So do the
    jurisdictions flows.badge remembers of matters and processes by number: a rolled-back test's numbers are given
    again by SQLite to rows of another jurisdiction."""
    from django.core.cache import cache

    from flows import badge

    cache.clear()
    badge.forget()
    yield


def wagtail_migration_rows():
    """What Wagtail's data migrations create and an earlier transactional test's flush removed (post_migrate
    brings back content types, permissions, the roles and rule profiles, not these): the default locale,
    the root page and the root collection."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture(autouse=True)
def _wagtail_rows_in_transactional_tests(request):
    """Every transactional test starts with the rows Wagtail's migrations give, whichever test flushed before
    it (pytest-django runs them in collection order after the rolled-back ones)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))) \
        or "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    if transactional:
        request.getfixturevalue("transactional_db")
        wagtail_migration_rows()


@pytest.fixture
def make_user(db):
    """make_user("officer", "司法局经办人") -> a staff user in that role (None = superuser)."""

    def make(username, group=None, **extra):
        user = get_user_model().objects.create_user(username=username, password="pw-" + username,
                                                    is_staff=True, is_superuser=group is None, **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def site_tree(db):
    """The demo portal and the five jurisdiction sections (the same loader `make run` uses)."""
    from demo.site_tree import load_site_tree

    load_site_tree()
    from pages.models import HomePage, JurisdictionPage

    return {"home": HomePage.objects.get(), **{s.slug: s for s in JurisdictionPage.objects.all()}}


@pytest.fixture
def privacy(make_user, django_capture_on_commit_callbacks):
    """privacy(page, restriction_type=..., password=..., groups=[...]): an editor saves the page's 隐私 screen
    (`/admin/pages/<id>/privacy/`, as Wagtail's modal posts it); what it queues runs at commit."""
    from django.test import Client

    from roles.definitions import EDITOR
    from roles.sync import sync_roles

    sync_roles()
    editor = Client()
    editor.force_login(make_user("privacy-editor", EDITOR))

    def save(page, **data):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(f"/admin/pages/{page.pk}/privacy/", data)
        assert response.status_code == 200, response.content.decode()[:500]
        assert response.json().get("step") == "set_privacy_done", response.json().get("html", "")[:2000]
        return response

    return save
