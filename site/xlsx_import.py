"""Reading a register from Excel (.xlsx, first sheet, a header row) for the import screens (the auxiliary-staff
roster, the enforcement-personnel register): the file's size, the workbook, the header's required columns, the
non-empty rows with their sheet row numbers, and each cell as text or a date. Every problem is a Chinese
sentence the screen shows; callers report bad cells as 第N行“列”列：why。 and store nothing if any is bad."""
from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

MAX_BYTES = 2 * 1024 * 1024


def text(value) -> str:
    """A cell as trimmed text; 2026.0 (a number typed into a text column) reads as 2026."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def date(value):
    """A cell as a date (an Excel date, or 2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日); None when empty;
    ValueError when it is not a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    t = text(value)
    if not t:
        return None
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", t)
    if not m:
        raise ValueError
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def cell_problem(number: int, header: str, message: str) -> str:
    return f"第{number}行“{header}”列：{message.rstrip('。')}。"


def read_rows(upload, columns: list[tuple[str, str]], required: set[str], *, noun: str = "人员",
              max_rows: int = 500, max_bytes: int = MAX_BYTES) -> list[tuple[int, dict]]:
    """[(sheet row number, {field: raw cell})] for every non-empty row under the header. `columns` are
    (header, field) pairs; a missing header of a `required` field refuses the whole file. ValidationError
    (Chinese) for a file too large, not a workbook, empty, or with too many rows."""
    if upload.size > max_bytes:
        raise ValidationError(f"文件超过{max_bytes // (1024 * 1024)}MB，请分批导入。")
    try:
        ws = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError("文件不是有效的Excel（.xlsx）文件，请使用名册模板。") from None
    if not rows:
        raise ValidationError("表格是空的。")
    header = [text(h) for h in rows[0]]
    missing = [h for h, f in columns if h not in header and f in required]
    if missing:
        raise ValidationError(f"第1行（表头）缺少列：{'、'.join(missing)}。请使用名册模板。")
    index = {f: header.index(h) for h, f in columns if h in header}
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(text(c) for c in r)]
    if not body:
        raise ValidationError(f"表格中没有{noun}。")
    if len(body) > max_rows:
        raise ValidationError(f"一次最多导入{max_rows}{'人' if noun == '人员' else '行'}，请分批导入。")
    return [(n, {f: (r[i] if i < len(r) else None) for f, i in index.items()}) for n, r in body]
