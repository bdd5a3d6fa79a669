"""issue 13, import_notices in bulk: imported notices are what an editor's publish makes (tree clean, live,
revision latest and live, url_path, log entries, index numbers in sequence, found by search); a failure
while writing undoes the whole import with a Chinese message."""
import json

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time
from wagtail.models import Page, PageLogEntry, Revision

from public_notices.models import IndexSequence, NoticePage
from search.engines import get_engine
from search.engines.base import SearchQuery

pytestmark = pytest.mark.django_db


def line(**record):
    base = {"kind": "typical_case", "body": "案情简介……", "jurisdiction": "enshi", "written_on": "2024-05-10",
            "published_at": "2024-05-12T10:00:00+08:00"}
    base.update(record)
    return json.dumps(base, ensure_ascii=False)


def write(tmp_path, lines):
    path = tmp_path / "old-site.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@freeze_time("2026-06-01 10:00:00")
def test_bulk_import_makes_pages_like_the_admin(site_tree, tmp_path, capsys):
    path = write(tmp_path, [
        line(title="燃气安全执法典型案例"),
        line(title="特种设备执法典型案例", published_at="2024-07-01T09:00:00+08:00"),
        line(title="扬尘治理执法典型案例", published_at="2023-03-02T09:00:00+08:00"),
        line(title="监督检查工作规程", kind="regulation", jurisdiction="wulong", index_number="OLD-WL/2021-0062",
             published_at="2021-11-20T09:00:00+08:00"),
    ])
    call_command("import_notices", path)
    out = capsys.readouterr().out
    assert "合计：已导入 4 条，已存在 0 条，拒绝 0 条。" in out
    assert "第2行：特种设备执法典型案例（11422800MB1E00000D/2024-00002）" in out
    rows = {p.title: p for p in NoticePage.objects.all()}
    assert {t: p.index_number for t, p in rows.items()} == {
        "燃气安全执法典型案例": "11422800MB1E00000D/2024-00001",
        "特种设备执法典型案例": "11422800MB1E00000D/2024-00002",
        "扬尘治理执法典型案例": "11422800MB1E00000D/2023-00001",
        "监督检查工作规程": "OLD-WL/2021-0062"}
    assert rows["特种设备执法典型案例"].url_path == "/home-portal/enshi/dianxing-anli/2024-00002/"
    assert rows["监督检查工作规程"].url_path == "/home-portal/wulong/zhidu/2021-0062/"
    assert IndexSequence.objects.get(org_code="11422800MB1E00000D", year=2024).last == 2
    assert not any(Page.find_problems())
    case = rows["燃气安全执法典型案例"].specific
    assert case.live and not case.has_unpublished_changes and case.draft_title == "燃气安全执法典型案例"
    assert case.published_on.isoformat() == "2024-05-12" and case.issuer == "恩施州司法局"
    assert case.first_published_at.isoformat() == "2024-05-12T02:00:00+00:00"
    assert case.latest_revision_id == case.live_revision_id
    revision = Revision.objects.get(object_id=str(case.pk))
    assert revision.content["title"] == "燃气安全执法典型案例"
    assert revision.as_object().index_number == "11422800MB1E00000D/2024-00001"
    actions = sorted(PageLogEntry.objects.filter(page=case).values_list("action", flat=True))
    assert actions == ["wagtail.create", "wagtail.edit", "wagtail.publish"]
    assert case.get_parent().numchild == 3
    assert client_status(case.url) == 200
    hits = get_engine().search(SearchQuery(text="监督检查工作规程", scope="notice"))
    assert hits.total >= 1 and hits.hits[0].title == "监督检查工作规程"
    from wagtail.search.models import IndexEntry

    # Wagtail's own index has the page (its title column is plain text on SQLite, a tsvector on PostgreSQL)
    entry = IndexEntry.objects.get(object_id=str(rows["特种设备执法典型案例"].pk))
    assert "特种设备执法典型案例" in str(entry.title)


def client_status(url):
    from django.test import Client

    return Client().get(url).status_code


@freeze_time("2026-06-01 10:00:00")
def test_a_second_page_after_the_bulk_goes_on_in_the_tree(site_tree, tmp_path):
    call_command("import_notices", write(tmp_path, [line(title=f"第{i}号典型案例") for i in range(1, 4)]))
    call_command("import_notices", write(tmp_path, [line(title="第4号典型案例")]))
    from public_notices.services import notice_publish

    notice_publish(kind="typical_case", jurisdiction="enshi", title="编辑发布的案例", body="正文")
    slugs = list(NoticePage.objects.order_by("path").values_list("slug", flat=True))
    assert slugs == ["2024-00001", "2024-00002", "2024-00003", "2024-00004", "2026-00001"]
    assert not any(Page.find_problems())


@freeze_time("2026-06-01 10:00:00")
def test_a_failure_while_writing_undoes_the_whole_import(site_tree, tmp_path, monkeypatch):
    from search.engines.embedded import EmbeddedEngine

    def broken(self, scope, docs, batch=2000):
        raise OSError("磁盘已满")

    monkeypatch.setattr(EmbeddedEngine, "bulk_index", broken)
    path = write(tmp_path, [line(title="第一条案例"), line(title="第二条案例")])
    with pytest.raises(CommandError) as exc:
        call_command("import_notices", path)
    assert "导入未完成，已全部撤销，没有写入任何公告" in str(exc.value) and "磁盘已满" in str(exc.value)
    assert not NoticePage.objects.exists()
    assert not Revision.objects.filter(object_str="第一条案例").exists()
    assert not IndexSequence.objects.filter(year=2024).exists()
    assert not any(Page.find_problems())


@freeze_time("2026-06-01 10:00:00")
def test_a_publicity_list_imported_one_by_one_records_its_links_in_wagtails_reference_index(site_tree, tmp_path):
    """The single path writes the reference index once (not on each of a page's dozen saves): what it
    records is what an editor's publish records, the links of the body as the page stands."""
    from wagtail.models import ReferenceIndex

    from public_notices.models import PublicityPage

    section = site_tree["wuhan"]
    path = write(tmp_path, [line(
        kind="publicity", jurisdiction="wuhan", title="2023年拟聘义务监督员公示", publicity_start="2023-09-01",
        published_at="2023-09-01T09:00:00+08:00",
        body=f'<p>报名条件见<a linktype="page" id="{section.pk}">本局栏目</a>。</p>',
        candidates=[{"name": "候选人甲", "gender": "男", "birth_month": "1980-01", "workplace": "某单位",
                     "post": "职员", "recommended_by": "单位推荐"}])])
    call_command("import_notices", path)
    page = PublicityPage.objects.get()
    refs = ReferenceIndex.get_references_for_object(page)
    assert [(r.to_object_id, r.model_path) for r in refs] == [(str(section.pk), "body.")]
    assert ReferenceIndex.get_references_to(section).count() == 1
