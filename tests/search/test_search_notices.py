"""Public notice search on both engines (issue 5): indexing follows publishing, unpublishing, expiry and
deletion; Chinese words inside longer words; title first; 发文字号/索引号 first; filters."""
import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from search.engines.base import SearchQuery


@pytest.fixture
def notice(site_tree, django_capture_on_commit_callbacks):
    from public_notices.services import notice_publish

    def publish(title, body="现予公告。", kind="notification", jurisdiction="wanzhou", **kw):
        with django_capture_on_commit_callbacks(execute=True):
            return notice_publish(kind=kind, jurisdiction=jurisdiction, title=title, body=body, **kw)

    return publish


def test_notice_found_by_a_word_inside_a_longer_word(engine, notice):
    notice("关于印发行政执法监督员管理办法的通知", kind="regulation")
    assert titles(engine, "监督员") == ["关于印发行政执法监督员管理办法的通知"]
    assert titles(engine, "执法监督") == ["关于印发行政执法监督员管理办法的通知"]


def test_title_match_before_body_match_and_newest_first(engine, notice):
    notice("行政执法情况通报", body="本期通报涉及燃气安全检查，燃气安全问题较多，燃气安全整改已完成。")
    notice("燃气安全专项监督情况通报", body="详见附件。", written_on=dt.date(2025, 1, 1))
    assert titles(engine, "燃气安全") == ["燃气安全专项监督情况通报", "行政执法情况通报"]


def test_document_and_index_numbers_find_that_notice_first(engine, notice):
    notice("其他文件", body="根据武隆府办发〔2021〕62号文件精神，现将有关事项通知如下。", jurisdiction="wulong")
    target = notice("武隆区行政执法公示制度", kind="regulation", jurisdiction="wulong",
                    doc_number="武隆府办发〔2021〕62号")
    assert titles(engine, "武隆府办发〔2021〕62号")[0] == "武隆区行政执法公示制度"
    assert titles(engine, "武隆府办发（2021）62号")[0] == "武隆区行政执法公示制度"
    assert titles(engine, target.index_number) == ["武隆区行政执法公示制度"]


def test_filters_by_kind_year_and_jurisdiction(engine, notice):
    notice("万州区监督情况通报", jurisdiction="wanzhou", written_on=dt.date(2025, 3, 1))
    notice("威海市监督情况通报", jurisdiction="weihai")
    notice("万州区监督员管理制度", kind="regulation", jurisdiction="wanzhou")
    assert titles(engine, "监督", filters={"jurisdiction": "weihai"}) == ["威海市监督情况通报"]
    assert titles(engine, "监督", filters={"kind": "regulation"}) == ["万州区监督员管理制度"]
    year = engine.search(SearchQuery(text="万州区监督情况通报")).hits[0].date.year
    assert "万州区监督情况通报" in titles(engine, "监督", filters={"year": year})
    assert titles(engine, "监督", filters={"year": 1999}) == []


def test_unpublished_expired_and_deleted_notices_leave_public_results(engine, notice,
                                                                       django_capture_on_commit_callbacks):
    kept = notice("保留的监督通报")
    gone = notice("撤回的监督通报")
    expiring = notice("到期下线的监督通报")
    deleted = notice("删除的监督通报")
    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
    # expiry: out of results from expire_at on, before the scheduler has even run
    with django_capture_on_commit_callbacks(execute=True):
        expiring.expire_at = timezone.now() + dt.timedelta(seconds=1)
        expiring.save_revision().publish()
    assert "到期下线的监督通报" in titles(engine, "监督通报")
    from freezegun import freeze_time

    with freeze_time(timezone.now() + dt.timedelta(minutes=5)):
        assert "到期下线的监督通报" not in titles(engine, "监督通报")
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled")
    with django_capture_on_commit_callbacks(execute=True):
        deleted.delete()
    assert titles(engine, "监督通报") == ["保留的监督通报"]
    assert kept.pk


def test_edited_notice_is_reindexed_when_republished(engine, notice, django_capture_on_commit_callbacks):
    page = notice("原题目通报")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "更正后的题目通报"
        page.save_revision()  # a draft: the public still sees the published version
    assert titles(engine, "原题目") == ["原题目通报"]
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert titles(engine, "更正") == ["更正后的题目通报"]
    assert titles(engine, "原题目") == []
