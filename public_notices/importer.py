"""Importing notices from an old website (JSON Lines), line by line: a bad line is reported with its
number and reason and skipped; good lines are imported; the same file imported again adds nothing."""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from request_guard import has_control_characters

from . import kinds as K
from .models import NoticePage, PublicityClosure, PublicityPage
from .services import PAGE_CLASSES, build_notice, candidate_from, index_for, publish_under

REQUIRED = ("kind", "title", "body", "jurisdiction", "published_at")
TEXT_FIELDS = ("kind", "title", "body", "jurisdiction", "published_at", "issuer", "doc_number", "written_on",
               "publicity_start", "publicity_end", "index_number", "keywords", "subject_category")
YEARS = (1949, 2100)  # a notice of this platform's kind dated outside these years is a data error
log = logging.getLogger(__name__)
KNOWN = set(REQUIRED) | {"issuer", "doc_number", "written_on", "publicity_start", "publicity_end", "index_number",
                         "candidates", "keywords", "subject_category"}


class _DryRun(Exception):
    pass


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)   # already there (idempotent re-run)
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _date(record: dict, key: str, label: str) -> dt.date | None:
    value = record.get(key)
    if value in (None, ""):
        return None
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{label}“{value}”不是有效日期（格式 YYYY-MM-DD）。") from None
    _in_years(day, label, value)
    return day


def _in_years(day, label: str, value) -> None:
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ValidationError(f"{label}“{value}”的年份超出{YEARS[0]}—{YEARS[1]}年，请核对原始数据。")


def _moment(value) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"发布时间“{value}”不是有效的 ISO 时间。") from None
    if timezone.is_naive(moment):
        raise ValidationError(f"发布时间“{value}”缺少时区（如 +08:00）。")
    _in_years(moment, "发布时间", value)
    return moment


def _existing(record: dict, kind: str, published: dt.datetime) -> NoticePage | None:
    """The same notice imported before: by its index number, else by jurisdiction, kind, title and day."""
    if record.get("index_number"):
        return NoticePage.objects.filter(index_number=record["index_number"]).first()
    return NoticePage.objects.filter(jurisdiction=record["jurisdiction"], kind=kind, title=record["title"].strip(),
                                     published_on=timezone.localdate(published)).first()


def import_record(record, *, by=None) -> tuple[str, NoticePage]:
    """('imported'|'exists', page) or a ValidationError with the reason in Chinese."""
    if not isinstance(record, dict):
        raise ValidationError("每行必须是一个 JSON 对象。")
    wrong = [k for k in TEXT_FIELDS if record.get(k) is not None and not isinstance(record[k], str)]
    if wrong:
        raise ValidationError(f"字段应为文本（字符串）：{'、'.join(wrong)}。")
    controlled = [k for k in TEXT_FIELDS if has_control_characters(record.get(k) or "")]
    if controlled:
        raise ValidationError(f"字段中含有不可见的控制字符（如 NUL）：{'、'.join(controlled)}。")
    candidates = record.get("candidates")
    if candidates is not None and not (isinstance(candidates, list) and all(isinstance(c, dict) for c in candidates)):
        raise ValidationError("candidates 应为对象列表。")
    missing = [k for k in REQUIRED if not str(record.get(k) or "").strip()]
    if missing:
        raise ValidationError(f"缺少必填字段：{'、'.join(missing)}。")
    unknown = sorted(set(record) - KNOWN)
    if unknown:
        raise ValidationError(f"无法识别的字段：{'、'.join(unknown)}。")
    kind = record["kind"]
    if kind not in PAGE_CLASSES:
        raise ValidationError(f"未知的公告类别“{kind}”，可用：{'、'.join(K.KIND_LABELS)}。")
    published = _moment(record["published_at"])
    written = _date(record, "written_on", "成文日期")
    existing = _existing(record, kind, published)
    if existing is not None:
        return "exists", existing
    parent = index_for(jurisdiction=record["jurisdiction"], kind=kind, by=by)
    fields = {k: record[k] for k in ("keywords", "subject_category") if record.get(k)}
    if kind == K.PUBLICITY:
        start = _date(record, "publicity_start", "公示开始日期") or timezone.localdate(published)
        fields.update(publicity_start=start, publicity_end=_date(record, "publicity_end", "公示结束日期"))
    elif record.get("publicity_start") or record.get("publicity_end"):
        raise ValidationError("只有拟聘人员公示（publicity）可以填写公示期。")
    page = build_notice(PAGE_CLASSES[kind], title=record["title"].strip(), body=record["body"],
                        issuer=record.get("issuer", ""), doc_number=record.get("doc_number", ""),
                        written_on=written or timezone.localdate(published), fields=fields)
    if kind == K.PUBLICITY:
        page.candidates = [candidate_from(c) for c in record.get("candidates") or []]
    page.index_number = record.get("index_number") or None
    future = published > timezone.now()
    if not future:
        page.first_published_at = published  # history keeps its publication date (发布日期)
    page = publish_under(page, parent=parent, by=by, go_live_at=published if future else None)
    if isinstance(page, PublicityPage) and page.publicity_end < timezone.localdate():
        # a past window from the old site: recorded as closed, without starting today's lifecycle
        PublicityClosure.objects.create(page=page, closed_on=page.publicity_end, objection_count=0, pending_count=0,
                                        summary="历史公示（由原网站迁移），公示期内异议及处理情况以原始档案为准。")
    return "imported", page


def decode_lines(data: bytes) -> list[str | UnicodeDecodeError]:
    """The file's lines; a line that is not UTF-8 is kept as its error, so only that line is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.rstrip(b"\r").decode("utf-8"))
        except UnicodeDecodeError as exc:
            lines.append(exc)
    return lines


def import_lines(lines, *, dry_run: bool = False, by=None) -> ImportReport:
    report = ImportReport()
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, UnicodeDecodeError):
            report.rejected.append((number, f"不是有效的 UTF-8 编码（第{raw.start + 1}个字节起），请转为 UTF-8 后重新导入。"))
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            report.rejected.append((number, f"JSON 格式错误：{exc.msg}（第{exc.colno}列）"))
            continue
        try:
            with transaction.atomic():
                outcome, page = import_record(record, by=by)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            report.imported.append(f"第{number}行：{record['title']}（试运行，未写入）")
            continue
        except ValidationError as exc:
            report.rejected.append((number, "；".join(exc.messages)))
            continue
        except (TypeError, ValueError, AttributeError, OverflowError, KeyError) as exc:
            report.rejected.append((number, f"数据有误：{exc}"))
            continue
        except Exception as exc:  # one line must never abort the rest of the file
            log.exception("import_notices line %s", number)
            report.rejected.append((number, f"无法导入（{exc.__class__.__name__}），该行已跳过。"))
            continue
        if outcome == "exists":
            report.skipped.append((number, f"已导入过（{page.index_number}），跳过"))
        else:
            report.imported.append(f"第{number}行：{page.title}（{page.index_number}）")
    return report
