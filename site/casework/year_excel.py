"""The year at a glance (年度概览) as a workbook: one sheet per table of the screen, the same figures."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .assessment import COLUMNS, NOT_RECORDED, Results
from .year import YearGlance

MONTHS = [f"{m}月" for m in range(1, 13)]


def _bold(ws, row: int) -> None:
    for cell in ws[row]:
        cell.font = Font(bold=True)


def _month_sheet(ws, heading: str, rows, total) -> None:
    ws.append([heading])
    _bold(ws, ws.max_row)
    ws.append(["办理程序"] + MONTHS + ["合计"])
    _bold(ws, ws.max_row)
    for r in rows + [total]:
        ws.append([r.label] + r.months + [r.total])
    ws.append([])


def glance_bytes(g: YearGlance, *, title: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "立案办结"
    ws.append([title])
    _bold(ws, 1)
    _month_sheet(ws, "各月立案（件）", g.opened, g.opened_total)
    _month_sheet(ws, "各月办结（件）", g.closed, g.closed_total)
    ws.column_dimensions["A"].width = 22

    ws = wb.create_sheet("法定时限")
    ws.append([f"{g.year}年届满的法定时限（个）"])
    ws.append(["办理程序", "按期办结", "超期", "其中逾期未办结", "计时中", "合计"])
    _bold(ws, 2)
    for r in g.clocks_by_process + [g.clocks_total]:
        ws.append([r.label, r.met, r.missed, r.overdue, r.pending, r.total])
    ws.append([])
    ws.append(["届满月份", "按期办结", "超期", "其中逾期未办结", "计时中", "合计"])
    _bold(ws, ws.max_row)
    for r in g.clocks_by_month:
        ws.append([r.label, r.met, r.missed, r.overdue, r.pending, r.total])
    ws.column_dimensions["A"].width = 22

    ws = wb.create_sheet("各执法机关")
    ws.append(["执法机关", "立案", "办结", "按期办结", "超期", "逾期未办结", "计时中"])
    _bold(ws, 1)
    for a in g.agencies:
        ws.append([a.name, a.opened, a.closed, a.clocks.met, a.clocks.missed, a.clocks.overdue, a.clocks.pending])
    ws.column_dimensions["A"].width = 30

    ws = wb.create_sheet("统计年报")
    ws.append([f"{g.statistics_year}年度行政执法统计年报（{g.year}年报送）"])
    ws.append(["辖区", "执法机关", "报送情况", "报送日期"])
    _bold(ws, 2)
    for r in g.returns:
        ws.append([r.jurisdiction, r.agency, "已报送" if r.submitted_on else "未报送",
                   r.submitted_on.isoformat() if r.submitted_on else ""])
    ws.append([])
    ws.append(["已报送", len(g.returns_in)])
    ws.append(["未报送", len(g.returns_missing)])
    ws.column_dimensions["B"].width = 30
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def results_bytes(r: Results, *, title: str) -> bytes:
    """年度监督结果 as the bureau hands it to the assessment: one line per agency, the basis and what is not counted."""
    wb = Workbook()
    ws = wb.active
    ws.title = "年度监督结果"
    ws.append([title])
    _bold(ws, 1)
    head = ["辖区", "执法机关"] + [label for _, label in COLUMNS] + (["扣分项计数"] if r.with_deductions else []) \
        + (["分值"] if r.with_points else [])
    ws.append(head)
    _bold(ws, 2)
    names = {b.jurisdiction: b.name for b in r.bases}
    for row in r.rows:
        ws.append([names.get(row.jurisdiction, row.jurisdiction), row.name] + row.cells()
                  + ([row.deductions if row.deductions is not None else ""] if r.with_deductions else [])
                  + ([row.points if row.points is not None else ""] if r.with_points else []))
    ws.append(["合计", ""] + r.totals)
    _bold(ws, ws.max_row)
    ws.append([])
    ws.append(["依据"])
    _bold(ws, ws.max_row)
    for b in r.bases:
        ws.append([b.name, f"{b.text}（{b.citation}）"])
        if b.deducted:
            ws.append(["", f"扣减分值的项目：{b.deducted_text}（{b.citation}）"])
        ws.append(["", "分值：" + (b.points_text if b.points else b.note or "规则未规定分值，只列计数")])
    ws.append([])
    ws.append(["本表不计"])
    _bold(ws, ws.max_row)
    for line in NOT_RECORDED:
        ws.append(["", line])
    ws.append(["", f"统计口径：{r.year}年内制发、发现、届满或报备的事项；统计年报为{r.year - 1}年度（{r.year}年报送）；"
                   f"逾期按至{r.today.isoformat()}的情况"])
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 30
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
