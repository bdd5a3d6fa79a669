"""The embedded engine at scale (issue 13): exact totals past 10,000, filters, and single updates over an
index written in bulk (postings blobs plus rows, retired entries, compaction)."""
import datetime as dt

import pytest

from search.documents import NoticeDocument
from search.engines.base import SearchQuery
from search.engines.embedded import EmbeddedEngine
from search.models import IndexState, Posting

pytestmark = pytest.mark.django_db


def notice(i, title, body="执法监督工作。", kind="notification", year=2023, jurisdiction="wanzhou", day=1):
    date = dt.date(year, 1, day)
    return NoticeDocument(meta={"id": i}, title=title, body=body, kind=kind, kind_label=kind,
                          jurisdiction=jurisdiction, issuer="", year=year, date=date, doc_number="",
                          doc_number_key="", index_number="", index_number_key="", url=f"/n/{i}/", live=True)


def search(engine, text, per_page=10, **filters):
    return engine.search(SearchQuery(text=text, filters=filters, per_page=per_page))


def test_totals_are_exact_past_ten_thousand_with_and_without_filters():
    engine = EmbeddedEngine()
    docs = (notice(i, f"通报{i}", kind="typical_case" if i % 3 == 0 else "notification",
                   year=2024 if i % 4 == 0 else 2023, jurisdiction="wulong" if i % 5 == 0 else "wanzhou")
            for i in range(12_000))
    assert engine.rebuild("notice", docs) == 12_000
    res = search(engine, "监督")
    assert (res.total, res.more) == (12_000, False)
    assert search(engine, "监督", kind="typical_case").total == 4000
    assert search(engine, "监督", year=2024).total == 3000
    assert search(engine, "监督", jurisdiction="wulong").total == 2400
    both = search(engine, "监督", per_page=3, kind="typical_case", year=2024)
    assert both.total == 1000
    # equal scores: newest first, then the last indexed
    assert [h.title for h in both.hits] == ["通报11988", "通报11976", "通报11964"]
    assert search(engine, "监督", kind="annual_report").total == 0


def test_single_updates_over_a_bulk_index_and_compaction():
    engine = EmbeddedEngine()
    engine.rebuild("notice", [notice(1, "燃气安全专项执法通报", day=1), notice(2, "道路运输执法通报", day=2),
                              notice(3, "燃气安全典型案例", kind="typical_case", day=3)])
    assert [h.title for h in search(engine, "燃气安全").hits] == ["燃气安全典型案例", "燃气安全专项执法通报"]
    assert Posting.objects.count() == 0  # a rebuild writes blobs only

    engine.index("notice", notice(1, "扬尘治理专项执法通报", day=1))  # edited: its old words no longer match
    assert [h.title for h in search(engine, "燃气安全").hits] == ["燃气安全典型案例"]
    assert [h.title for h in search(engine, "扬尘治理").hits] == ["扬尘治理专项执法通报"]
    assert search(engine, "执法通报").total == 2
    engine.remove("notice", 2)
    assert [h.title for h in search(engine, "执法通报").hits] == ["扬尘治理专项执法通报"]
    assert [h.title for h in search(engine, "燃气", kind="typical_case").hits] == ["燃气安全典型案例"]

    assert engine.compact("notice") > 0
    assert Posting.objects.count() == 0 and IndexState.objects.get(scope="notice").retired == b""
    assert [h.title for h in search(engine, "燃气安全").hits] == ["燃气安全典型案例"]
    assert [h.title for h in search(engine, "扬尘治理").hits] == ["扬尘治理专项执法通报"]
    assert search(engine, "道路运输").total == 0

    # a bulk load adds new notices and replaces one already indexed, straight into the blobs
    assert engine.bulk_index("notice", [notice(4, "燃气安全监督检查办法", kind="regulation", day=4),
                                        notice(3, "食品药品典型案例", kind="typical_case", day=3)]) == 2
    assert [h.title for h in search(engine, "燃气安全").hits] == ["燃气安全监督检查办法"]
    assert [h.title for h in search(engine, "典型案例").hits] == ["食品药品典型案例"]
    assert search(engine, "专项执法").total == 1


def test_compact_command_folds_single_updates_into_the_blobs(settings, capsys):
    from django.core.management import call_command

    settings.ELASTICSEARCH_URL = ""
    engine = EmbeddedEngine()
    engine.rebuild("notice", [notice(1, "燃气安全专项执法通报")])
    engine.index("notice", notice(2, "河道采砂专项执法通报", day=2))
    assert Posting.objects.count() > 0
    call_command("search_rebuild", "--compact", "--scope", "notice")
    assert "embedded: notice 已整理" in capsys.readouterr().out
    assert Posting.objects.count() == 0
    assert [h.title for h in search(engine, "专项执法").hits] == ["河道采砂专项执法通报", "燃气安全专项执法通报"]


@pytest.mark.django_db(transaction=True)  # warm_up closes every connection (as before forking workers): on
# PostgreSQL that ends a test's transaction, so this test commits instead (tests/conftest.py gives it Wagtail's rows)
def test_a_web_process_loads_the_filter_columns_at_start_not_in_the_first_search():
    from search.engines import embedded, warm_up

    EmbeddedEngine().rebuild("notice", [notice(1, "燃气安全专项执法通报"), notice(2, "道路运输执法通报")])
    embedded._tables.clear()
    warm_up()  # what wsgi.py calls before the first request
    loaded = embedded._tables["notice"]
    assert loaded.ids.size == 2
    assert loaded.version == IndexState.objects.get(scope="notice").version
    assert [h.title for h in search(EmbeddedEngine(), "燃气安全").hits] == ["燃气安全专项执法通报"]
    assert embedded._tables["notice"] is loaded  # the first search used what was loaded at start
