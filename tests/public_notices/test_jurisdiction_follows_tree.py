"""A notice's jurisdiction follows the page tree (public_notices.tree_sync): moved to another section's
index, it is listed there (index page, archive filter, search filter) and no longer in the old one; a
section given another rule profile passes it to every notice below."""
import pytest
from freezegun import freeze_time

from public_notices.models import NoticePage
from public_notices.services import index_for, notice_publish
from search.engines import get_engine
from search.engines.base import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(site_tree, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_ENABLED = False
    with freeze_time("2026-03-02 09:00:00"), django_capture_on_commit_callbacks(execute=True):
        return notice_publish(kind="typical_case", jurisdiction="wanzhou", title="燃气安全执法典型案例",
                              body="<p>某燃气公司未按规定检测，已责令整改。</p>")


def listed(client, url):
    return "燃气安全执法典型案例" in client.get(url).content.decode()


def test_a_notice_moved_to_another_section_is_listed_there_and_nowhere_else(client, case,
                                                                           django_capture_on_commit_callbacks):
    old_index = case.get_parent()
    new_index = index_for(jurisdiction="weihai", kind="typical_case")
    assert listed(client, old_index.url) and not listed(client, new_index.url)

    with django_capture_on_commit_callbacks(execute=True):  # search indexing runs once the move commits
        case.move(new_index, pos="last-child")

    case = NoticePage.objects.get(pk=case.pk)
    assert case.jurisdiction == "weihai"
    assert listed(client, new_index.url) and not listed(client, old_index.url)
    assert listed(client, "/notices/archive/?jurisdiction=weihai")
    assert not listed(client, "/notices/archive/?jurisdiction=wanzhou")
    found = get_engine().search(SearchQuery(text="燃气安全", filters={"jurisdiction": "weihai"}))
    assert [h.title for h in found.hits] == ["燃气安全执法典型案例"]
    assert get_engine().search(SearchQuery(text="燃气安全", filters={"jurisdiction": "wanzhou"})).total == 0


def test_a_section_given_another_profile_passes_it_to_its_notices(client, case, site_tree):
    from rules.models import RuleProfile

    section = site_tree["wanzhou"]
    section.profile = RuleProfile.objects.get(code="wulong")
    section.save()

    assert NoticePage.objects.get(pk=case.pk).jurisdiction == "wulong"
    assert listed(client, case.get_parent().url)
    assert listed(client, "/notices/archive/?jurisdiction=wulong")
