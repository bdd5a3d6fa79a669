"""issue 12, import_notices: a non-string title, a year-0001 date, invalid UTF-8 and NUL each reject
only their own line (reported with its number), never a traceback aborting the rest of the file."""
import json

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from public_notices.models import NoticePage

pytestmark = pytest.mark.django_db


def line(**record) -> bytes:
    base = {"kind": "typical_case", "title": "规范执法典型案例", "body": "案情简介……", "jurisdiction": "enshi",
            "written_on": "2024-05-10", "published_at": "2024-05-12T10:00:00+08:00"}
    base.update(record)
    return json.dumps(base, ensure_ascii=False).encode()


@freeze_time("2026-06-01 10:00:00")
def test_every_bad_line_is_reported_and_skipped(site_tree, tmp_path, capsys):
    lines = [
        line(title="第一条正常案例"),                                        # 1 good
        line(title=123),                                                     # 2 non-string title
        line(title=["数组标题"]),                                            # 3 non-string title
        line(title="公元一年", published_at="0001-01-01T00:00:00+08:00"),    # 4 year 0001
        line(title="成文一年", written_on="0001-01-01"),                     # 5 year 0001
        line(title="乱码标题").replace("乱码".encode(), b"\xff\xfe"),       # 6 invalid UTF-8
        line(title="空字符\u0000标题"),                                      # 7 NUL (escaped)
        b'{"kind": "typical_case", "title": "raw\x00nul"}',                 # 8 raw NUL byte
        line(title="第九条正常案例", body="正文\u0000含空字符"),             # 9 NUL in body
        line(title="第十条正常案例"),                                        # 10 good, after all of them
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(CommandError) as exc:
        call_command("import_notices", str(path))
    assert exc.value.returncode == 2
    out = capsys.readouterr()
    err = out.err
    assert "Traceback" not in err
    assert "第2行：字段应为文本（字符串）：title" in err
    assert "第3行：字段应为文本（字符串）：title" in err
    assert "第4行：发布时间“0001-01-01T00:00:00+08:00”的年份超出1949—2100年" in err
    assert "第5行：成文日期“0001-01-01”的年份超出1949—2100年" in err
    assert "第6行：不是有效的 UTF-8 编码" in err
    assert "第7行：字段中含有不可见的控制字符（如 NUL）：title" in err
    assert "第8行：JSON 格式错误" in err
    assert "第9行：字段中含有不可见的控制字符（如 NUL）：body" in err
    assert "第1行" not in err and "第10行" not in err
    assert "拒绝 8 条" in out.out
    assert set(NoticePage.objects.values_list("title", flat=True)) == {"第一条正常案例", "第十条正常案例"}
