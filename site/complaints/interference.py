"""Interference records (插手干预记录, 004 干预插手案件记录规定): record (第四条、第六条), correct by a new entry
(never edit, never delete), list for the leaders (通报, 第八条) and the quarterly summary as a table/PDF."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import agency_of, require
from rules.profiles import get_profile

from .models import MANNERS, InterferenceRecord

RECORD = "complaints.record_interference"


@transaction.atomic
def interference_record(*, by, jurisdiction: str, occurred_at: dt.datetime, interferer_name: str,
                        interferer_unit: str, kind: str, manner: str, case_ref: str, content: str,
                        matter=None, corrects: InterferenceRecord | None = None) -> InterferenceRecord:
    require(by, RECORD, "您没有记录干预插手案件情况的权限。")
    profile = get_profile(jurisdiction)
    kinds = {k["code"]: k for k in profile.choices("interference_kinds")} if profile.has("interference_kinds") else {}
    if kind not in kinds:
        raise ValidationError("请选择干预插手的情形（依据干预插手案件记录规定第八条、第四条）。")
    if manner not in dict(MANNERS):
        raise ValidationError("请选择干预方式（书面或口头等）。")
    if occurred_at > timezone.now():
        raise ValidationError("发生时间不能晚于现在。")
    if corrects is not None and corrects.jurisdiction != jurisdiction:
        raise ValidationError("更正记录须与原记录属于同一辖区。")
    if matter is not None:
        from casework.selectors import can_view_matter

        if not can_view_matter(by, matter):
            raise ValidationError("您无权关联该监督事项。")
    record = InterferenceRecord(
        jurisdiction=jurisdiction, occurred_at=occurred_at, interferer_name=(interferer_name or "").strip(),
        interferer_unit=(interferer_unit or "").strip(), kind=kind, kind_label=kinds[kind]["label"][:100],
        article=str(kinds[kind]["citation"])[:100], manner=manner, case_ref=(case_ref or "").strip(),
        matter=matter, content=(content or "").strip(), corrects=corrects, recorded_by=by)
    record.full_clean()
    record.save()
    return record


def visible_records(user):
    """Leaders and officers see every record; a recorder sees their own (liaison, supervisor)."""
    qs = InterferenceRecord.objects.select_related("recorded_by", "corrects")
    if user.has_perm("complaints.view_interferencerecord"):
        return qs
    if user.has_perm(RECORD):
        return qs.filter(recorded_by=user)
    return qs.none()


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("季度应为1至4。")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1) - dt.timedelta(days=1)
    return start, end


def quarter_summary(*, jurisdiction: str, year: int, quarter: int) -> dict:
    """Records whose event fell in the quarter, by kind (第八条 通报), corrections listed with their original."""
    start, end = quarter_bounds(year, quarter)
    qs = InterferenceRecord.objects.filter(jurisdiction=jurisdiction, occurred_at__date__gte=start,
                                           occurred_at__date__lte=end).select_related("recorded_by")
    rows = list(qs.order_by("occurred_at", "pk"))
    by_kind: dict[str, int] = {}
    for r in rows:
        by_kind[r.kind_label] = by_kind.get(r.kind_label, 0) + 1
    return {"start": start, "end": end, "rows": rows, "by_kind": sorted(by_kind.items(), key=lambda kv: -kv[1]),
            "total": len(rows), "year": year, "quarter": quarter, "jurisdiction": jurisdiction}


def summary_pdf(summary: dict) -> bytes:
    from casework.pdf import OfficialDocument, chinese_date, render

    profile = get_profile(summary["jurisdiction"])
    paragraphs = [f"{chinese_date(summary['start'])}至{chinese_date(summary['end'])}，共记录行政执法机关内部人员"
                  f"干预、插手案件办理情况{summary['total']}件。"]
    paragraphs += [f"{label}：{n}件。" for label, n in summary["by_kind"]]
    for r in summary["rows"]:
        ref = f"（更正第{r.corrects_id}号记录）" if r.corrects_id else ""
        paragraphs.append(f"第{r.pk}号{ref}：{r.occurred_at:%Y-%m-%d %H:%M}，{r.interferer_unit}{r.interferer_name}，"
                          f"{r.get_manner_display()}，{r.kind_label}；所涉案件：{r.case_ref}。")
    return render(OfficialDocument(
        authority=profile.authority, kind_label="干预插手案件情况汇总", doc_number="",
        title=f"{summary['year']}年第{summary['quarter']}季度干预、插手案件办理情况汇总表", addressee="本机关领导班子",
        paragraphs=paragraphs, issued_on=timezone.localdate(),
        notes=["依据：《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第六条、第八条"]))


def recorder_agency(user) -> str:
    agency = agency_of(user)
    return agency.name if agency else ""
