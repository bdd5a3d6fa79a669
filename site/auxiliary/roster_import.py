"""Import an agency's roster of auxiliary staff from Excel (.xlsx, first sheet, a header row). Every row is
checked through the same hiring checks as the form (services.check_hiring); every bad cell is reported in
Chinese by row and column, and nothing is stored if any row is bad."""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook

import xlsx_import
from rules.profiles import Profile

from . import services
from .models import CURRENT, AuxiliaryStaff

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 500
COLUMNS = [  # (header, field)
    ("姓名", "name"), ("身份证号", "id_number"), ("学历", "education"), ("退伍军人", "veteran"),
    ("劳务派遣单位", "dispatch_unit"), ("劳务派遣协议编号", "dispatch_agreement"), ("岗位", "post"),
    ("岗位职责", "duties"), ("指导执法人员", "supervising_officer"), ("指导执法人员执法证号", "officer_certificate"),
    ("使用起始日期", "start"), ("使用截止日期", "end"), ("符合招聘基本条件", "conditions"),
    ("不得招聘情形", "barring"), ("特殊岗位最低年龄", "post_age_min"), ("特殊岗位学历要求", "post_education"),
    ("特殊岗位调整条件原因", "special_reason"),
]
REQUIRED = {"name", "id_number", "education", "post", "supervising_officer", "officer_certificate", "start"}
HEADER_OF = {field: header for header, field in COLUMNS}
YES, NO = {"是", "√", "Y", "y", "1"}, {"否", "", "N", "n", "0"}


def template_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "辅助人员名册"
    ws.append([h for h, _ in COLUMNS])
    ws.append(["陈小军", "110105199001010010", "高中（含中专、职高、技校）", "否", "重庆某人力资源有限公司",
               "WL-PQ-2026-007", "市容巡查辅助岗", "开展日常巡查、维护行政执法现场秩序", "刘执法", "50015600123",
               "2026-12-01", "2027-11-30", "是", "", "", "", ""])
    return wb


_text, _date = xlsx_import.text, xlsx_import.date


def _pick(text: str, options: list[dict]) -> tuple[list[str], list[str]]:
    """Codes for 、/，/; separated labels or codes; and what matched nothing."""
    by_label = {o["label"]: o["code"] for o in options} | {o["code"]: o["code"] for o in options}
    parts = [p.strip() for p in re.split(r"[、，,；;\n]", text) if p.strip()]
    return [by_label[p] for p in parts if p in by_label], [p for p in parts if p not in by_label]


def _row_data(profile: Profile, cells: dict, say) -> dict:
    data: dict = {}
    for field in ("name", "id_number", "dispatch_unit", "dispatch_agreement", "post", "supervising_officer",
                  "officer_certificate", "special_reason"):
        data[field] = _text(cells.get(field))
    for field in REQUIRED:
        if field in data and not data[field]:
            say(field, "不能为空")
    levels = services.education_levels(profile)
    education = _text(cells.get("education"))
    codes = {label: code for code, label in levels} | {code: code for code, _ in levels}
    data["education"] = codes.get(education, "")
    if education and education not in codes:
        say("education", f"“{education}”不是可选学历（可填：{'、'.join(label for _, label in levels)}）")
    elif not education:
        say("education", "不能为空")
    post_education = _text(cells.get("post_education"))
    data["post_education"] = codes.get(post_education, "")
    if post_education and post_education not in codes:
        say("post_education", f"“{post_education}”不是可选学历")
    veteran = _text(cells.get("veteran"))
    if veteran not in YES | NO:
        say("veteran", f"应填“是”或“否”，不是“{veteran}”")
    data["veteran"] = veteran in YES
    conditions = _text(cells.get("conditions"))
    if conditions not in YES | NO:
        say("conditions", f"应填“是”或“否”，不是“{conditions}”")
    data["conditions"] = [i["code"] for i in profile.choices("auxiliary_conditions")] if conditions in YES else []
    for field, key in (("duties", "auxiliary_duties"), ("barring", "auxiliary_barring_grounds")):
        picked, unknown = _pick(_text(cells.get(field)), profile.choices(key))
        data[field] = picked
        for u in unknown:
            say(field, f"“{u}”不是规则列明的{'职责' if field == 'duties' else '情形'}")
    for field in ("start", "end"):
        try:
            data[field] = _date(cells.get(field))
        except ValueError:
            data[field] = None
            say(field, f"“{_text(cells.get(field))}”不是日期（如 2026-12-01）")
    if cells.get("start") in (None, ""):
        say("start", "不能为空")
    age = _text(cells.get("post_age_min"))
    data["post_age_min"] = None
    if age:
        if age.isdigit() and 16 <= int(age) <= 70:
            data["post_age_min"] = int(age)
        else:
            say("post_age_min", f"“{age}”不是16至70之间的整数")
    return data


def import_roster(*, by, agency, profile: Profile, upload) -> int:
    """Store every row or none; return how many people were added. ValidationError lists each bad cell."""
    if not services.may_manage(by, agency):
        from django.core.exceptions import PermissionDenied
        raise PermissionDenied("您只能导入本机关的行政执法辅助人员名册。")
    body = xlsx_import.read_rows(upload, COLUMNS, REQUIRED | {"conditions"}, max_rows=MAX_ROWS,
                                 max_bytes=MAX_BYTES)
    problems: list[str] = []
    prepared: list[dict] = []
    seen: dict[str, int] = {}
    for number, cells in body:
        def say(field, message, number=number):
            problems.append(xlsx_import.cell_problem(number, HEADER_OF[field], message))

        row_start = len(problems)
        data = _row_data(profile, cells, say)
        before = len(problems)
        for field, messages in services.check_hiring(profile, data).items():
            for m in messages:
                if not any(p.startswith(f"第{number}行“{HEADER_OF[field]}”列") for p in problems[row_start:before]):
                    say(field, m.rstrip("。"))
        key = data["id_number"].upper()
        if key and key in seen:
            say("id_number", f"与第{seen[key]}行重复")
        seen.setdefault(key, number)
        if key and AuxiliaryStaff.objects.filter(agency=agency, id_number=key, status__in=CURRENT).exists():
            say("id_number", "该人员已在本机关名册中（在岗）")
        prepared.append(data)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        for data in prepared:
            services.add_staff(by=by, agency=agency, profile=profile, data=data)
    return len(prepared)
