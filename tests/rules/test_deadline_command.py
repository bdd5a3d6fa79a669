"""`manage.py deadline START N --working|--calendar`: date alone on line 1, then why; bad input fails cleanly."""
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_issue_example_one_working_day_after_national_day_eve():
    lines = run("2026-09-30", "1", "--working")
    assert lines[0] == "2026-10-08"
    assert any("2026-10-01 至 2026-10-07" in line and "国庆节" in line for line in lines[1:])
    assert any(line.startswith("规则：") for line in lines)


@pytest.mark.django_db
def test_calendar_flag_rolls_past_holidays():
    assert run("2026-09-24", "10", "--calendar")[0] == "2026-10-08"


@pytest.mark.django_db
def test_provisional_result_exits_zero_and_names_the_missing_year():
    lines = run("2026-12-25", "10", "--working")
    assert lines[0] == "2027-01-08"
    assert any("暂定" in line and "2027年" in line for line in lines)


def cli(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"}
    return subprocess.run([sys.executable, "manage.py", "deadline", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, message", [
    (("2026-02-30", "1", "--working"), "不是有效日期"),
    (("2026-10-01", "-3", "--working"), "不能为负数"),
    (("2026-10-01", "abc", "--calendar"), "不是整数"),
    (("2026-10-01", "3"), "请指定 --working"),
    (("2026-10-01", "3", "--working", "--calendar"), "参数错误"),
    (("2026-10-01",), "参数错误"),
])
def test_bad_input_exits_nonzero_with_one_line_and_no_traceback(args, message):
    result = cli(*args)
    assert result.returncode != 0
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.strip() and "Warning" not in line
              and not line.startswith("  warnings.warn")]
    assert len(errors) == 1, result.stderr
    assert message in errors[0]
    assert "Traceback" not in result.stderr
