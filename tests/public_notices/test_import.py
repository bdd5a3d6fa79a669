"""import_notices: good lines imported, each bad line reported by number and reason and skipped,
non-zero exit if any line was rejected, no duplicates on a second run."""
import json

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from public_notices.models import NoticePage, PublicityClosure, PublicityPage

pytestmark = pytest.mark.django_db


def line(**record):
    base = {"kind": "typical_case", "title": "某区市场监管局规范执法典型案例", "body": "案情简介……",
            "jurisdiction": "enshi", "issuer": "恩施州司法局", "doc_number": "",
            "written_on": "2024-05-10", "published_at": "2024-05-12T10:00:00+08:00"}
    base.update(record)
    return json.dumps({k: v for k, v in base.items() if v is not None}, ensure_ascii=False)


LINES = [
    line(),                                                                          # 1 good
    '{"kind": "typical_case", "title": ',                                            # 2 malformed JSON
    line(kind="press_release", title="不存在的类别"),                                # 3 unknown kind
    line(title=""),                                                                  # 4 missing title
    line(kind="publicity", jurisdiction="wanzhou", title="2024年拟聘监督员公示",      # 5 window too short
         published_at="2024-06-03T09:00:00+08:00", publicity_start="2024-06-03", publicity_end="2024-06-05"),
    line(kind="publicity", jurisdiction="wuhan", title="2023年拟聘义务监督员公示",    # 6 good, end computed
         published_at="2023-09-01T09:00:00+08:00", publicity_start="2023-09-01",
         body="<p>现予公示。</p>", index_number="OLD-WH/2023-00007"),
    line(kind="regulation", title="监督检查工作规程", jurisdiction="wulong",          # 7 good
         published_at="2021-11-20T09:00:00+08:00", doc_number="武隆府办发〔2021〕62号"),
    line(published_at="2024-05-12 10:00"),                                           # 8 no offset
    line(jurisdiction="atlantis", title="无此辖区"),                                 # 9 unknown jurisdiction
    line(title="含个人信息的案例", body="当事人身份证号11010519491231002X"),          # 10 personal data
]


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "old-site.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return str(path)


@freeze_time("2026-06-01 10:00:00")
def test_import_reports_bad_lines_by_number_and_imports_good_ones(site_tree, jsonl, capsys):
    with pytest.raises(CommandError) as exc:
        call_command("import_notices", jsonl)
    assert exc.value.returncode == 2
    err = capsys.readouterr().err
    assert "第2行：JSON 格式错误" in err
    assert "第3行：未知的公告类别“press_release”" in err
    assert "第4行：缺少必填字段：title" in err
    assert "第5行：公示期不能缩短" in err and "第六条第（二）项" in err and "2024年6月11日" in err
    assert "第8行：发布时间“2024-05-12 10:00”缺少时区" in err
    assert "第9行：没有辖区代码为“atlantis”" in err
    assert "第10行：正文中含有居民身份证号码" in err
    assert "第1行" not in err and "第6行" not in err and "第7行" not in err
    assert NoticePage.objects.count() == 3
    wuhan = PublicityPage.objects.get()
    assert wuhan.index_number == "OLD-WH/2023-00007"
    assert wuhan.publicity_end.isoformat() == "2023-09-11"  # 10 days from the rule (002 第七条第（二）项)
    assert wuhan.published_on.isoformat() == "2023-09-01" and wuhan.live
    assert PublicityClosure.objects.get(page=wuhan).summary.startswith("历史公示")  # no lifecycle for history
    case = NoticePage.objects.get(kind="typical_case")
    assert case.published_on.isoformat() == "2024-05-12" and case.index_number.endswith("/2024-00001")


@freeze_time("2026-06-01 10:00:00")
def test_importing_the_same_file_twice_creates_no_duplicates(site_tree, jsonl, capsys):
    for _ in range(2):
        with pytest.raises(CommandError):
            call_command("import_notices", jsonl)
    assert NoticePage.objects.count() == 3
    assert "合计：已导入 0 条，已存在 3 条，拒绝 7 条。" in capsys.readouterr().out


@freeze_time("2026-06-01 10:00:00")
def test_dry_run_checks_without_writing(site_tree, tmp_path, capsys):
    path = tmp_path / "ok.jsonl"
    path.write_text(line() + "\n", encoding="utf-8")
    call_command("import_notices", str(path), "--dry-run")
    assert "可导入 1 条" in capsys.readouterr().out
    assert not NoticePage.objects.exists()
