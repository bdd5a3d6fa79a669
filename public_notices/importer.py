"""Importing notices from an old website (JSON Lines): every line is checked first, a bad line is reported
with its number and reason and left out; the good lines are written in one transaction (in bulk, see
bulk.py), undone as a whole if writing fails; the same file imported again adds nothing."""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from request_guard import has_control_characters

from . import kinds as K
from .models import NoticeIndexPage, NoticePage, PublicityClosure, PublicityPage
from .services import PAGE_CLASSES, build_notice, candidate_from, index_for, publish_under, section_page

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


def check_record(record) -> tuple[str, dt.datetime, dt.date | None]:
    """The line's own checks (no database): its kind, publication moment and written date, or a
    ValidationError with the reason in Chinese."""
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
    if kind != K.PUBLICITY and (record.get("publicity_start") or record.get("publicity_end")):
        raise ValidationError("只有拟聘人员公示（publicity）可以填写公示期。")
    return kind, published, written


def _build(record, kind: str, published: dt.datetime, written: dt.date | None) -> NoticePage:
    fields = {k: record[k] for k in ("keywords", "subject_category") if record.get(k)}
    if kind == K.PUBLICITY:
        start = _date(record, "publicity_start", "公示开始日期") or timezone.localdate(published)
        fields.update(publicity_start=start, publicity_end=_date(record, "publicity_end", "公示结束日期"))
    page = build_notice(PAGE_CLASSES[kind], title=record["title"].strip(), body=record["body"],
                        issuer=record.get("issuer", ""), doc_number=record.get("doc_number", ""),
                        written_on=written or timezone.localdate(published), fields=fields)
    if kind == K.PUBLICITY:
        page.candidates = [candidate_from(c) for c in record.get("candidates") or []]
    page.index_number = record.get("index_number") or None
    return page


def import_record(record, *, by=None) -> tuple[str, NoticePage]:
    """One notice through Wagtail's page API: ('imported'|'exists', page) or a ValidationError with the
    reason in Chinese. import_lines uses it for publicity lists and notices dated in the future."""
    kind, published, written = check_record(record)
    existing = _existing(record, kind, published)
    if existing is not None:
        return "exists", existing
    parent = index_for(jurisdiction=record["jurisdiction"], kind=kind, by=by)
    page = _build(record, kind, published, written)
    future = published > timezone.now()
    if not future:
        page.first_published_at = published  # history keeps its publication date (发布日期)
    # Wagtail's reference index (the admin's 使用情况) would be rewritten on each of the dozen saves of a
    # page and its candidates: written once, for the state the import leaves (measured: a third of the time)
    with transaction.atomic(), disable_reference_index_auto_update():
        page = publish_under(page, parent=parent, by=by, go_live_at=published if future else None)
        if isinstance(page, PublicityPage) and page.publicity_end < timezone.localdate():
            # a past window from the old site: recorded as closed, without starting today's lifecycle
            PublicityClosure.objects.create(page=page, closed_on=page.publicity_end, objection_count=0,
                                            pending_count=0,
                                            summary="历史公示（由原网站迁移），公示期内异议及处理情况以原始档案为准。")
        ReferenceIndex.create_or_update_for_object(page)
    return "imported", page


class _Plan:
    """What stage one learned about the file: sections, index pages and keys already seen."""

    def __init__(self):
        self.sections: dict[str, object] = {}
        self.indexes: dict[tuple[str, str], NoticeIndexPage | None] = {}
        self.seen: dict[object, int] = {}
        self.profiles: dict[str, object] = {}
        self.known: set = set()  # keys of notices already in the database (looked up in bulk)

    def profile(self, jurisdiction: str):
        from rules.profiles import get_profile

        if jurisdiction not in self.profiles:
            self.profiles[jurisdiction] = get_profile(self.section(jurisdiction).profile.code)
        return self.profiles[jurisdiction]

    def look_up(self, records: list) -> None:
        """Which of these (kind, published, record) are in the database already: two queries per 500."""
        numbers = [r["index_number"] for _, _, r in records if r.get("index_number")]
        for i in range(0, len(numbers), 500):
            self.known.update(("number", n) for n in NoticePage.objects.filter(
                index_number__in=numbers[i:i + 500]).values_list("index_number", flat=True))
        titles = [r["title"].strip() for _, _, r in records if not r.get("index_number")]
        for i in range(0, len(titles), 500):
            self.known.update(("notice", *row) for row in NoticePage.objects.filter(
                title__in=titles[i:i + 500]).values_list("jurisdiction", "kind", "title", "published_on"))

    def section(self, jurisdiction: str):
        if jurisdiction not in self.sections:
            self.sections[jurisdiction] = section_page(jurisdiction=jurisdiction)
        return self.sections[jurisdiction]

    def index(self, jurisdiction: str, kind: str) -> NoticeIndexPage | None:
        key = (jurisdiction, kind)
        if key not in self.indexes:
            self.indexes[key] = NoticeIndexPage.objects.child_of(self.section(jurisdiction)).filter(kind=kind).first()
        return self.indexes[key]


def _keys(record, kind: str, published: dt.datetime) -> tuple:
    if record.get("index_number"):
        return ("number", record["index_number"])
    return ("notice", record["jurisdiction"], kind, record["title"].strip(), timezone.localdate(published))


# set by placement (tree fields, slug) or to known rows (the foreign keys: checking each would cost a query)
BULK_SET_FIELDS = ["path", "depth", "numchild", "url_path", "slug", "content_type", "locale", "owner",
                   "latest_revision", "live_revision", "locked_by", "alias_of"]


def _validate_for_bulk(page: NoticePage, section, parent, profile) -> None:
    """Everything Page.full_clean checks that does not need the page's place in the tree (the slug and the
    tree fields are set, and checked against the siblings, when the pages are placed)."""
    page._rules_profile = profile
    page.locale_id = parent.locale_id if parent is not None else section.locale_id
    page.draft_title = page.title
    page._check_slug_is_unique = lambda: None  # placement gives each page a free slug among its siblings
    page.full_clean(exclude=BULK_SET_FIELDS, validate_unique=False, validate_constraints=False)


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


class ImportAborted(Exception):
    """Writing the checked lines failed: everything was rolled back (message in Chinese)."""


def import_lines(lines, *, dry_run: bool = False, by=None, progress=None) -> ImportReport:
    """Stage one checks every line without writing (a bad line is reported by number and reason and left
    out). Stage two writes the good lines in one transaction: notices dated in the past in bulk
    (public_notices.bulk), publicity lists and future-dated notices through Wagtail's page API one by one
    (a line refused there is left out like a bad line); any other failure undoes the whole import.
    `progress(stage, total)` gives a progress.Progress for each stage (检查, 准备, 写入); none by default."""
    from progress import Progress

    from .bulk import create_published

    stage = progress or (lambda label, total: Progress(label, total, quiet=True))

    report = ImportReport()
    plan = _Plan()
    bulk: list[tuple[int, str, NoticePage]] = []  # (line, jurisdiction, page)
    single: list[tuple[int, dict]] = []
    parsed = []
    with stage("检查", len(lines)) as bar:
        for number, raw in bar.iter(enumerate(lines, start=1)):
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
                parsed.append((number, check_record(record), record))
            except ValidationError as exc:
                report.rejected.append((number, "；".join(exc.messages)))
            except (TypeError, ValueError, AttributeError, OverflowError, KeyError) as exc:
                report.rejected.append((number, f"数据有误：{exc}"))
    plan.look_up(parsed)
    with stage("准备", len(parsed)) as bar:
        for number, (kind, published, written), record in bar.iter(parsed):
            try:
                key = _keys(record, kind, published)
                if key in plan.known:
                    existing = _existing(record, kind, published)
                    report.skipped.append((number, f"已导入过（{existing.index_number}），跳过"))
                    continue
                if key in plan.seen:
                    report.skipped.append((number, f"与第{plan.seen[key]}行重复，跳过"))
                    continue
                section = plan.section(record["jurisdiction"])
                if kind == K.PUBLICITY or published > timezone.now():
                    single.append((number, record))
                else:
                    page = _build(record, kind, published, written)
                    page.first_published_at = published  # history keeps its publication date (发布日期)
                    _validate_for_bulk(page, section, plan.index(record["jurisdiction"], kind),
                                       plan.profile(record["jurisdiction"]))
                    bulk.append((number, record["jurisdiction"], page))
                plan.seen[key] = number
            except ValidationError as exc:
                report.rejected.append((number, "；".join(exc.messages)))
            except (TypeError, ValueError, AttributeError, OverflowError, KeyError) as exc:
                report.rejected.append((number, f"数据有误：{exc}"))
    written_lines: list[tuple[int, NoticePage]] = []
    try:
        with transaction.atomic(), stage("写入", len(bulk) + len(single)) as bar:
            parents: dict[tuple[str, str], NoticeIndexPage] = {}
            groups: dict[NoticeIndexPage, list[NoticePage]] = {}
            for _number, jurisdiction, page in bulk:
                key = (jurisdiction, page.NOTICE_KIND)
                if key not in parents:  # created (and published) here when the section has none yet
                    parents[key] = index_for(jurisdiction=jurisdiction, kind=page.NOTICE_KIND, by=by)
                groups.setdefault(parents[key], []).append(page)
            create_published(groups, by=by)
            bar.advance(len(bulk))
            written_lines = [(number, page) for number, _, page in bulk]
            for number, record in bar.iter(single):
                try:
                    with transaction.atomic():
                        _outcome, page = import_record(record, by=by)
                except ValidationError as exc:
                    report.rejected.append((number, "；".join(exc.messages)))
                    continue
                except (TypeError, ValueError, AttributeError, OverflowError, KeyError) as exc:
                    report.rejected.append((number, f"数据有误：{exc}"))
                    continue
                written_lines.append((number, page))
            bar.close()  # written (and, in a dry run, about to be undone): the stage itself is complete
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except Exception as exc:
        log.exception("import_notices failed, rolled back")
        raise ImportAborted(f"导入未完成，已全部撤销，没有写入任何公告（{exc.__class__.__name__}：{exc}）。"
                            "请排除原因后重新导入。") from exc
    written_lines.sort(key=lambda item: item[0])
    report.rejected.sort(key=lambda item: item[0])
    for number, page in written_lines:
        if dry_run:
            report.imported.append(f"第{number}行：{page.title}（试运行，未写入）")
        else:
            report.imported.append(f"第{number}行：{page.title}（{page.index_number}）")
    return report
