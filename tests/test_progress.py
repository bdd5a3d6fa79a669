"""issue 30 item 4: long commands show their progress — a tqdm bar on a terminal, plain periodic lines in a
log, a one-line summary at the end — on stderr, never changing the command's report or exit status."""
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from progress import Progress

LINE = re.compile(r"^\[进度\] 导入公告·检查 (\d+)/4（\d+%） .+ 剩余约 \d\d:\d\d$")


class Terminal(io.StringIO):
    def isatty(self):
        return True


class BrokenPipe(io.StringIO):
    def isatty(self):
        return False

    def write(self, text):
        raise BrokenPipeError("stderr closed")


def notice(title: str) -> str:
    return json.dumps({"kind": "typical_case", "title": title, "body": "案情简介……", "jurisdiction": "enshi",
                       "written_on": "2024-05-10", "published_at": "2024-05-12T10:00:00+08:00"},
                      ensure_ascii=False)


@pytest.mark.django_db
def test_import_notices_in_a_log_prints_plain_lines_and_a_summary_and_keeps_its_exit_status(
        site_tree, tmp_path, monkeypatch):
    monkeypatch.setenv("PROGRESS_LOG_SECONDS", "0")  # a line at every step (the default is every 10 s)
    path = tmp_path / "notices.jsonl"
    path.write_text("\n".join([notice("第一条案例"), '{"kind": 1', notice("第三条案例")]) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_notices", str(path), stdout=out, stderr=err)
    assert exc.value.returncode == 2  # a rejected line still fails the command, as before
    lines = err.getvalue().splitlines()
    check = [line for line in lines if line.startswith("[进度] 导入公告·检查")]
    assert [int(LINE.match(line).group(1)) for line in check] == [1, 2, 3, 4], lines  # the file's last newline leaves an empty 4th line
    assert any(re.fullmatch(r"\[完成\] 导入公告·检查 4/4 行，用时 \d\d:\d\d(，\d+ 行/秒)?", line) for line in lines)
    assert any(re.fullmatch(r"\[完成\] 导入公告·写入 2/2 行，用时 .+", line) for line in lines), lines
    assert "\r" not in err.getvalue()  # no terminal bar in a log
    # the report on stdout is exactly what it was: one line per notice and the total
    assert out.getvalue().splitlines()[-1] == "合计：已导入 2 条，已存在 0 条，拒绝 1 条。"
    assert not any(line.startswith("[") for line in out.getvalue().splitlines())


def test_on_a_terminal_a_bar_shows_count_rate_and_time_left():
    stream = Terminal()
    with Progress("重建检索索引·notice", 10, stream=stream) as bar:
        for _ in bar.iter(range(10)):
            pass
    text = stream.getvalue()
    assert "重建检索索引·notice" in text and "10/10" in text and "条/s" in text and "<" in text  # elapsed<left
    assert text.rstrip().splitlines()[-1].startswith("[完成] 重建检索索引·notice 10/10 条，用时 00:00")


def test_a_failing_stream_never_stops_the_work_or_changes_its_result():
    done = []
    with Progress("重新加密", 3, stream=BrokenPipe(), interval=0) as bar:
        for i in bar.iter(range(3)):
            done.append(i)
    assert done == [0, 1, 2] and bar.done == 3


def test_the_works_own_error_passes_through_and_the_summary_says_interrupted():
    stream = io.StringIO()
    with pytest.raises(ZeroDivisionError), Progress("载入演示数据", 4, unit="项", stream=stream, interval=60) as bar:
        bar.advance()
        raise ZeroDivisionError("the work failed")
    assert stream.getvalue().startswith("[中断] 载入演示数据 1/4 项，用时 00:00")


@pytest.mark.django_db
def test_rotate_field_keys_reports_each_model_and_keeps_its_report(monkeypatch, make_user):
    monkeypatch.setenv("PROGRESS_LOG_SECONDS", "3600")
    out, err = io.StringIO(), io.StringIO()
    call_command("rotate_field_keys", stdout=out, stderr=err)
    assert out.getvalue().splitlines()[-1].startswith("共 ")
    assert re.search(r"^\[完成\] 重新加密·supervisors\.\w+ \d+/\d+ 条", err.getvalue(), re.M), err.getvalue()
