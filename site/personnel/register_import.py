"""Import an agency's enforcement personnel from Excel (.xlsx, first sheet, a header row) through the shared
reader (xlsx_import) and the same checks as the form (services.check): every bad cell is reported in Chinese
by row and column, and nothing is stored if any cell is bad."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from openpyxl import Workbook

import xlsx_import

from . import services
from .models import STATUSES, VALID

COLUMNS = [("姓名", "name"), ("岗位", "post"), ("执法证号", "certificate_number"), ("发证机关", "issuing_body"),
           ("有效期起", "valid_from"), ("有效期至", "valid_to"), ("证件状态", "status")]
REQUIRED = {"name", "post", "certificate_number", "issuing_body", "valid_from", "valid_to"}
HEADER_OF = {field: header for header, field in COLUMNS}
STATUS_OF = {label: code for code, label in STATUSES}


def template_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "执法人员名册"
    ws.append([h for h, _ in COLUMNS])
    ws.append(["向执法", "执法科科长", "42280012345", "湖北省人民政府", "2024-03-01", "2029-02-28", "有效"])
    return wb


def _row(number: int, cells: dict, say) -> dict:
    data: dict = {"_row": number}
    for field in ("name", "post", "certificate_number", "issuing_body"):
        data[field] = xlsx_import.text(cells.get(field))
    for field in ("valid_from", "valid_to"):
        try:
            data[field] = xlsx_import.date(cells.get(field))
        except ValueError:
            data[field] = None
            say(field, f"“{xlsx_import.text(cells.get(field))}”不是日期（如 2026-12-01）")
    status = xlsx_import.text(cells.get("status"))
    data["status"] = STATUS_OF.get(status, VALID if not status else "")
    if status and status not in STATUS_OF:
        say("status", f"“{status}”不是证件状态（可填：{'、'.join(STATUS_OF)}）")
    return data


def import_register(*, by, agency, upload) -> int:
    """Store every row or none; return how many people were added. ValidationError lists each bad cell."""
    if not services.may_manage(by, agency):
        from django.core.exceptions import PermissionDenied
        raise PermissionDenied("您只能导入本机关的行政执法人员名册。")
    body = xlsx_import.read_rows(upload, COLUMNS, REQUIRED)
    problems: list[str] = []
    rows: list[dict] = []
    said: set[tuple[int, str]] = set()
    for number, cells in body:
        def say(field, message, number=number):
            said.add((number, field))
            problems.append(xlsx_import.cell_problem(number, HEADER_OF[field], message))

        rows.append(_row(number, cells, say))
    for i, errors in services.row_problems(agency, rows).items():
        number = rows[i]["_row"]
        for field, messages in errors.items():
            if (number, field) in said:  # the cell itself was unreadable: said once
                continue
            problems.extend(xlsx_import.cell_problem(number, HEADER_OF[field], m) for m in messages)
    if problems:
        order = [f for _, f in COLUMNS]
        header_order = {HEADER_OF[f]: k for k, f in enumerate(order)}
        problems.sort(key=lambda line: (int(line[1:line.index("行")]),
                                        header_order.get(line[line.index("“") + 1:line.index("”")], 99)))
        raise ValidationError(problems)
    services.add_officers(by=by, agency=agency, rows=rows)
    return len(rows)
