"""The bureau's Excel template for an agency's statistics, reading a filled one (every bad cell reported
by sheet, row and column), and the annual report exported to Excel. Columns follow the profile's
`statistics_categories`, so Enshi's and Wulong's templates differ as their rules do."""
from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

SHEET = "行政执法统计"
MAX_COUNT = 10_000_000  # a sanity bound on one cell, not a statutory figure
MAX_BYTES = 5 * 1024 * 1024  # the one-row template is a few KB


class TemplateError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("；".join(errors))
        self.errors = errors


def headers(cats: list[dict]) -> list[str]:
    return ["统计年度", "执法机关"] + [c["label"] + "（件）" for c in cats] + ["情况说明"]


def template_bytes(*, cats: list[dict], year: int, agency_name: str, citation: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(headers(cats))
    ws.append([year, agency_name] + [None] * len(cats) + [""])
    for col in range(1, len(cats) + 4):
        ws.cell(row=1, column=col).font = Font(bold=True)
        ws.cell(row=1, column=col).alignment = Alignment(wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions[get_column_letter(len(cats) + 3)].width = 40
    notes = wb.create_sheet("填表说明")
    notes.append(["请在“行政执法统计”工作表第2行填写各类行政执法行为的件数（非负整数），不得瞒报、漏报、多报。"])
    notes.append([f"统计类别依据：{citation}"])
    notes.append(["统计年度和执法机关已预填，请勿修改；情况说明可填写数据说明。"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def parse(upload, *, cats: list[dict], year: int, agency_name: str) -> tuple[dict[str, int], str]:
    """(figures, explanation) from a filled template; TemplateError listing every bad cell otherwise."""
    if getattr(upload, "size", 0) > MAX_BYTES:
        raise TemplateError([f"文件过大（超过{MAX_BYTES // 1024 // 1024} MB），请使用下载的模板填写。"])
    data = upload.read()
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise TemplateError(["文件不是有效的Excel（.xlsx）文件，请下载模板填写后上传。"]) from None
    if SHEET not in wb.sheetnames:
        raise TemplateError([f"找不到工作表“{SHEET}”，请使用下载的模板。"])
    ws = wb[SHEET]
    rows = list(ws.iter_rows(min_row=1, max_row=2, values_only=True))
    where = f"工作表“{SHEET}”"
    errors: list[str] = []
    expected = headers(cats)
    header = list(rows[0]) if rows else []
    for col, title in enumerate(expected, start=1):
        got = header[col - 1] if col - 1 < len(header) else None
        if (str(got).strip() if got is not None else "") != title:
            errors.append(f"{where}第1行{get_column_letter(col)}列：表头应为“{title}”")
    if errors:
        raise TemplateError(errors + ["请使用下载的模板，不要增删列。"])
    values = list(rows[1]) if len(rows) > 1 else []
    values += [None] * (len(expected) - len(values))
    if str(values[0]).strip() != str(year):
        errors.append(f"{where}第2行A列：统计年度应为{year}")
    if (str(values[1]).strip() if values[1] is not None else "") != agency_name:
        errors.append(f"{where}第2行B列：执法机关应为“{agency_name}”")
    figures: dict[str, int] = {}
    for i, cat in enumerate(cats):
        col = i + 3
        value = values[col - 1]
        number = _count(value)
        if number is None:
            errors.append(f"{where}第2行{get_column_letter(col)}列（{cat['label']}）：须为非负整数")
        else:
            figures[cat["code"]] = number
    if errors:
        raise TemplateError(errors)
    explanation = values[len(cats) + 2]
    return figures, (str(explanation).strip() if explanation is not None else "")


def _count(value) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and 0 <= value <= MAX_COUNT:
        return value
    return None


def report_bytes(agg, *, title: str, citation: str) -> bytes:
    """The 年度统计年报 as a workbook: one row per agency, a total row, the agencies that did not report."""
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append([title])
    ws.append(["执法机关"] + [c["label"] for c in agg.categories] + ["合计"])
    for ret, values, total in agg.rows:
        ws.append([ret.agency.name] + values + [total])
    ws.append(["合计"] + agg.totals + [agg.total])
    for cell in ws[2] + ws[ws.max_row]:
        cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    if agg.missing:
        ws.append([])
        ws.append(["未报送：" + "、".join(r.agency.name for r in agg.missing)])
    ws.append([f"统计类别依据：{citation}"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def checklist_bytes(stats: dict, *, title: str) -> bytes:
    """Findings per checklist item (rows) and agency (columns), with each item's article and the totals."""
    from .models import CHECKLIST_SECTIONS

    sections = dict(CHECKLIST_SECTIONS)
    wb = Workbook()
    ws = wb.active
    ws.title = "检查发现问题统计"
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    ws.append(["监督内容", "检查项目", "依据"] + [name for _pk, name in stats["agencies"]] + ["合计"])
    for item, cells, total in stats["rows"]:
        ws.append([sections.get(item.section, item.section), item.label, str(item.citation)] + cells + [total])
    ws.append(["合计", "", ""] + stats["totals"] + [stats["total"]])
    for col in range(1, len(stats["agencies"]) + 5):
        ws.cell(row=2, column=col).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = 16
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 40
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
