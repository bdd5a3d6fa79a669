"""Writes of the notice domain (keyword-only). Publication itself is Wagtail's: these create the page
under the right index, save a revision and publish it now or approve it for `go_live_at`, which the
scheduler's `publish_scheduled` job then publishes."""
from __future__ import annotations

import datetime as dt
import html
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import kinds as K
from .models import (
    OBJECTION_PENDING,
    REJECTED,
    UPHELD,
    AnnualReportPage,
    AppointmentNoticePage,
    CommendationNoticePage,
    DismissalNoticePage,
    IndexSequence,
    NoticeIndexPage,
    NoticePage,
    Objection,
    PublicityCandidate,
    PublicityClosure,
    PublicityPage,
    RecruitmentNoticePage,
    RegulationPage,
    SupervisionNotificationPage,
    TypicalCasePage,
)
from .privacy import redact
from .signals import publicity_closed

log = logging.getLogger(__name__)

PAGE_CLASSES: dict[str, type[NoticePage]] = {
    K.RECRUITMENT: RecruitmentNoticePage, K.PUBLICITY: PublicityPage, K.APPOINTMENT: AppointmentNoticePage,
    K.DISMISSAL: DismissalNoticePage, K.TYPICAL_CASE: TypicalCasePage, K.ANNUAL_REPORT: AnnualReportPage,
    K.NOTIFICATION: SupervisionNotificationPage, K.REGULATION: RegulationPage,
    K.COMMENDATION: CommendationNoticePage,
}
CANDIDATE_FIELDS = ("name", "gender", "birth_month", "workplace", "post", "recommended_by", "supervisor")
GENDER_CODES = {"男": "male", "女": "female", "male": "male", "female": "female"}


def section_page(*, jurisdiction: str):
    from pages.models import JurisdictionPage

    section = (JurisdictionPage.objects.filter(profile__code=jurisdiction).order_by("path").first())
    if section is None:
        raise ValidationError(f"没有辖区代码为“{jurisdiction}”的辖区栏目，请先在网站中建立该栏目。")
    return section


def index_for(*, jurisdiction: str, kind: str, by=None) -> NoticeIndexPage:
    """The jurisdiction's index page for `kind`, created (and published) if missing."""
    if kind not in K.KIND_LABELS:
        raise ValidationError(f"未知的公告类别：{kind}")
    section = section_page(jurisdiction=jurisdiction)
    index = NoticeIndexPage.objects.child_of(section).filter(kind=kind).first()
    if index is None:
        index = section.add_child(instance=NoticeIndexPage(
            title=K.INDEX_TITLES[kind], slug=K.INDEX_SLUGS[kind], kind=kind, show_in_menus=False))
        index.save_revision(user=by).publish(user=by)
    return index


def as_rich_text(body: str) -> str:
    """Plain text becomes paragraphs; HTML is cleaned to the rich text editor's features."""
    body = (body or "").strip()
    if "<" in body and ">" in body:
        from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
        from wagtail.rich_text import features

        cleaned, _removals = DbHTMLConverter(features=features.get_default_features()).clean(body)
        return cleaned
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.splitlines() if p.strip())


def publish_under(page: NoticePage, *, parent, by, go_live_at) -> NoticePage:
    from rules.profiles import get_profile

    profile = get_profile(_jurisdiction_of(parent))
    when = page.first_published_at or go_live_at  # imported history keeps its own date
    year = (timezone.localdate(when) if when else timezone.localdate()).year
    if not page.index_number:
        page.index_number = IndexSequence.take(org_code=profile.org_code or profile.code, year=year)
    page.slug = page.slug or page.index_number.rsplit("/", 1)[-1]
    page.go_live_at = go_live_at
    page.live = False  # live only through the revision below (now, or at go_live_at by publish_scheduled)
    page.has_unpublished_changes = True
    if by is not None:
        page.owner = by
    parent.add_child(instance=page)
    revision = page.save_revision(user=by, log_action=True)
    revision.publish(user=by)
    page.refresh_from_db()
    return page


def _jurisdiction_of(parent) -> str:
    from rules.profiles import jurisdiction_section

    section = jurisdiction_section(parent)
    return section.profile.code


def build_notice(cls, *, title, body, issuer, doc_number, written_on, fields) -> NoticePage:
    unknown = set(fields) - {f.name for f in cls._meta.get_fields()}
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s): {', '.join(sorted(unknown))}")
    return cls(title=title, body=as_rich_text(body), issuer=issuer or "", doc_number=doc_number or "",
               written_on=written_on or timezone.localdate(), **fields)


def notice_publish(*, kind: str, jurisdiction: str, title: str, body: str, issuer: str = "", doc_number: str = "",
                   written_on: dt.date | None = None, go_live_at: dt.datetime | None = None, by=None,
                   **fields) -> NoticePage:
    """Create a notice of `kind` under the jurisdiction's index and publish it (now or at go_live_at).
    Called by the supervisor lifecycle, whose flow step has already checked the actor's permission."""
    if kind == K.PUBLICITY:
        raise ValidationError("拟聘人员公示请使用 publicity_list_publish 发布（需要公示期与名单）。")
    if kind not in PAGE_CLASSES:
        raise ValidationError(f"未知的公告类别：{kind}")
    with transaction.atomic():
        parent = index_for(jurisdiction=jurisdiction, kind=kind, by=by)
        page = build_notice(PAGE_CLASSES[kind], title=title, body=body, issuer=issuer, doc_number=doc_number,
                       written_on=written_on, fields=fields)
        return publish_under(page, parent=parent, by=by, go_live_at=go_live_at)


def candidate_from(row: dict) -> PublicityCandidate:
    """Only the publicity columns are kept: an ID number, phone or address in `row` is never stored here."""
    data = {k: row[k] for k in CANDIDATE_FIELDS if k in row}
    birth = data.get("birth_month") or row.get("birth_date")
    if isinstance(birth, dt.date):
        birth = f"{birth:%Y-%m}"
    data["birth_month"] = birth or ""
    data["gender"] = GENDER_CODES.get(data.get("gender", ""), data.get("gender", ""))
    if "supervisor_id" in row and "supervisor" not in data:
        data["supervisor_id"] = row["supervisor_id"]
    candidate = PublicityCandidate(**data)
    try:
        candidate.full_clean(exclude=["page"])
    except ValidationError as exc:
        raise ValidationError(f"拟聘人员“{data.get('name', '')}”信息有误：{'；'.join(exc.messages)}") from exc
    return candidate


def publicity_list_publish(*, jurisdiction: str, title: str, body: str, candidates: list[dict], start: dt.date,
                           end: dt.date | None = None, go_live_at: dt.datetime | None = None, by=None,
                           issuer: str = "", doc_number: str = "", written_on: dt.date | None = None
                           ) -> PublicityPage:
    """Publish a publicity list. end None = the rule's minimum; an end shorter than the rule raises a
    ValidationError citing the article (000 第六条第（二）项 / 002 第七条第（二）项 / 001 第四条)."""
    if not candidates:
        raise ValidationError("拟聘人员名单不能为空。")
    rows = [candidate_from(c) for c in candidates]
    with transaction.atomic():
        parent = index_for(jurisdiction=jurisdiction, kind=K.PUBLICITY, by=by)
        page = build_notice(PublicityPage, title=title, body=body, issuer=issuer, doc_number=doc_number,
                       written_on=written_on, fields={"publicity_start": start, "publicity_end": end})
        page.candidates = rows
        return publish_under(page, parent=parent, by=by, go_live_at=go_live_at)


# ------------------------------------------------------------------------------ objections
def objection_submit(*, page: PublicityPage, objector_name: str, contact: str, facts: str,
                     person_concerned: str = "", candidate: PublicityCandidate | None = None) -> Objection:
    """Store an objection from the public; only while the window is open (end day inclusive)."""
    if not page.objections_open:
        raise ValidationError(f"本公示{page.window_state_label}，不在公示期内，不能提交异议。")
    objection = Objection(page=page, candidate=candidate,
                          person_concerned=(candidate.name if candidate else person_concerned).strip(),
                          objector_name=objector_name.strip(), contact=contact.strip(), facts=facts.strip())
    objection.full_clean()
    with transaction.atomic():
        objection.save()
    return objection


# the permission of the process step that resolves objections (flows: RecruitmentFlow.resolve_objections);
# the admin screen and the task screen both come through objection_resolve, so both require it
RESOLVE_PERMISSIONS = ("public_notices.change_objection", "supervisors.review_application")
RESOLVE_ACTION = "public_notices.objection_resolve"


def objection_resolve(*, objection: Objection, upheld: bool, note: str, by,
                      candidate: PublicityCandidate | None = None) -> Objection:
    """The one door for deciding an objection (成立/不成立), whichever screen calls it (the admin's
    异议 screen, the process's 处理公示异议 task): it checks the permission, locks the row, requires
    the objection to be tied to the person it concerns (`candidate`, chosen from the list, when the
    objector only typed a name), writes the decision, a DecisionRecord and a log entry (who, when,
    old and new values). A second officer deciding the same objection at the same moment waits for
    the lock and is told it has been decided (ValidationError), never a server error."""
    from wagtail.log_actions import log

    from decisions.services import decision_record

    if by is None or not by.is_authenticated or not all(by.has_perm(p) for p in RESOLVE_PERMISSIONS):
        raise PermissionDenied("只有司法局经办人员可以处理公示异议。")
    from .selectors import own_sections

    under = own_sections(by)
    if under is not None and not Objection.objects.filter(under, pk=objection.pk).exists():
        raise PermissionDenied("该公示异议属于其他辖区，您只能处理本辖区的公示异议。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写处理意见。")
    with transaction.atomic():
        locked = Objection.objects.select_for_update().get(pk=objection.pk)  # no joins: PostgreSQL refuses FOR UPDATE on outer joins
        if locked.status != OBJECTION_PENDING:
            who = locked.resolved_by.get_full_name() or locked.resolved_by.get_username() if locked.resolved_by else ""
            raise ValidationError(f"该异议已由{who or '他人'}处理（{locked.get_status_display()}），不能重复处理。")
        old = {"status": locked.get_status_display(), "candidate": str(locked.candidate or ""),
               "resolution_note": locked.resolution_note}
        if candidate is not None:
            if candidate.page_id != locked.page_id:
                raise ValidationError("所选拟聘人员不在本公示名单中。")
            locked.candidate = candidate
        if locked.candidate_id is None:
            raise ValidationError(f"该异议所涉人员“{locked.person_concerned}”尚未与公示名单中的人员对应，"
                                  "请先选择异议所涉的拟聘人员，再作处理。")
        locked.person_concerned = locked.candidate.name
        locked.status = UPHELD if upheld else REJECTED
        locked.resolution_note = note
        locked.resolved_by = by
        locked.resolved_at = timezone.now()
        locked.full_clean()
        locked.save()
        page = locked.page
        rule = page.window_rule
        outcome = locked.get_status_display()
        record = decision_record(kind="objection", title=f"{page.title}：对{locked.person_concerned}的异议处理",
                                 body=f"{note}\n处理人：{by.get_full_name() or by.get_username()}；"
                                      f"处理时间：{timezone.localtime(locked.resolved_at):%Y-%m-%d %H:%M}",
                                 jurisdiction=page.jurisdiction, outcome=outcome,
                                 article=str(rule.citation), decided_on=timezone.localdate(),
                                 subject=locked)
        new = {"status": outcome, "candidate": str(locked.candidate), "resolution_note": note}
        log(instance=locked, action=RESOLVE_ACTION, user=by,
            data={"old": old, "new": new, "decision_record": record.pk})
    objection.refresh_from_db()
    return objection


# ------------------------------------------------------------------------------ deleting and withdrawing
WITHDRAW_PERMISSION = "supervisors.approve_shortlist"  # the bureau leader's (roles.definitions.SUPERVISORS_LEADER)
WITHDRAW_ACTION = "public_notices.publicity_withdraw"


def publicity_guard(page) -> str:
    """Why `page` (or a publicity list under it) may not be deleted: '' when it may. Deleting would
    destroy the public's objections and leave the campaign unable to close."""
    pages = PublicityPage.objects.descendant_of(page, inclusive=True)
    for p in pages:
        if p.objections.exists():
            return f"《{p.title}》已收到公示异议（{p.objections.count()}件），不能删除：异议须留存并处理。"
        if p.live and p.window_state == "open":
            return (f"《{p.title}》正在公示期内（{p.publicity_start:%Y-%m-%d}至{p.publicity_end:%Y-%m-%d}），"
                    "不能删除。")
    return ""


def publicity_withdraw(*, page: PublicityPage, reason: str, by) -> PublicityPage:
    """Take a publicity list off the site while its window runs: only the bureau leader, only with a
    written reason; recorded as a decision and in the page's history (who, when, window, reason)."""
    from wagtail.actions.unpublish_page import UnpublishPageAction
    from wagtail.log_actions import log

    from decisions.services import decision_record

    if by is None or not by.is_authenticated or not by.has_perm(WITHDRAW_PERMISSION):
        raise PermissionDenied("公示期内撤下公示须由司法局负责人决定。")
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError("请写明撤下公示的理由（至少5个字）。")
    with transaction.atomic():
        locked = PublicityPage.objects.select_for_update().get(pk=page.pk)
        if not locked.live:
            raise ValidationError("该公示已不在网站上。")
        window = f"{locked.publicity_start:%Y-%m-%d}至{locked.publicity_end:%Y-%m-%d}"
        UnpublishPageAction(locked, user=by).execute(skip_permission_checks=True)
        record = decision_record(kind="publicity", title=f"公示期内撤下《{locked.title}》",
                                 body=f"公示期{window}（{locked.window_rule.citation}）内撤下公示。理由：{reason}\n"
                                      f"决定人：{by.get_full_name() or by.get_username()}；"
                                      f"异议{locked.objections.count()}件留存。",
                                 jurisdiction=locked.jurisdiction, outcome="撤下公示",
                                 article=str(locked.window_rule.citation), decided_on=timezone.localdate(),
                                 subject=locked)
        log(instance=locked, action=WITHDRAW_ACTION, user=by,
            data={"reason": reason, "window": window, "old": "live", "new": "unpublished",
                  "decision_record": record.pk})
    page.refresh_from_db()
    return page


# ------------------------------------------------------------------------------ window close
def closure_summary(page: PublicityPage, objections: list[Objection]) -> str:
    rule = page.window_rule
    lines = [f"《{page.title}》公示期 {page.publicity_start:%Y-%m-%d} 至 {page.publicity_end:%Y-%m-%d}"
             f"（{rule}）已届满。",
             f"共收到异议 {len(objections)} 件，"
             f"其中待处理 {sum(o.status == OBJECTION_PENDING for o in objections)} 件。"]
    for n, o in enumerate(objections, start=1):
        # never the objector's contact, and ID numbers / phones / e-mails in the facts are masked
        lines.append(f"{n}. 关于{o.person_concerned}：{redact(o.facts)[:60]}（{timezone.localtime(o.submitted_at):%Y-%m-%d %H:%M}"
                     f" 提交，{o.get_status_display()}）")
    if objections:
        lines.append("作出聘任决定前，应逐件核实处理上述异议。")
    else:
        lines.append("公示期内未收到异议，可依规办理聘任。")
    return "\n".join(lines)


def publicity_close(*, page: PublicityPage, today: dt.date | None = None) -> PublicityClosure | None:
    """Record the close of one window and send `publicity_closed`, once: the closure is unique per page,
    and the signal's receivers run in the same transaction (a failing receiver undoes the closure and
    the scheduler tries again next run)."""
    today = today or timezone.localdate()
    if page.publicity_end is None or page.publicity_end >= today:
        return None
    with transaction.atomic():
        PublicityPage.objects.select_for_update().filter(pk=page.pk).first()
        if PublicityClosure.objects.filter(page=page).exists():
            return None
        objections = list(page.objections.order_by("submitted_at"))
        try:
            with transaction.atomic():
                closure = PublicityClosure.objects.create(
                    page=page, closed_on=page.publicity_end, objection_count=len(objections),
                    pending_count=sum(o.status == OBJECTION_PENDING for o in objections),
                    summary=closure_summary(page, objections))
        except IntegrityError:  # another worker closed it a moment ago
            return None
        publicity_closed.send(sender=PublicityPage, page=page, closure=closure)
    return closure


def publicity_close_due(*, today: dt.date | None = None) -> list[PublicityClosure]:
    """Every live publicity list whose window ended before `today` and has no closure yet."""
    today = today or timezone.localdate()
    closures = []
    for page in PublicityPage.objects.live().filter(publicity_end__lt=today, closure__isnull=True):
        try:
            closure = publicity_close(page=page, today=today)
        except Exception:  # one page's failing receiver must not block the others
            log.exception("closing publicity window of page %s failed", page.pk)
            continue
        if closure is not None:
            closures.append(closure)
    return closures


def recompute_provisional_windows(*, year: int) -> int:
    """After staff load holiday year `year`: recompute windows whose minimum end depended on it.
    A rule-computed end moves to the new minimum; an editor's end is lengthened if now too short."""
    changed = 0
    for page in PublicityPage.objects.filter(publicity_provisional_years__contains=str(year)):
        due = page.minimum_end()
        end = due.due if (page.publicity_end_auto or page.publicity_end < due.due) else page.publicity_end
        years = ",".join(str(y) for y in due.missing_years)
        with transaction.atomic():
            PublicityPage.objects.filter(pk=page.pk).update(
                publicity_end=end, publicity_provisional_years=years, publicity_end_auto=end == due.due)
            revision = page.latest_revision
            if revision is not None and "publicity_end" in revision.content:
                revision.content["publicity_end"] = end.isoformat()
                revision.content["publicity_provisional_years"] = years
                revision.save(update_fields=["content"])
        changed += 1
    if changed:
        from pages.cache import bump

        bump()  # updated without save(): cached public pages showing the old end are stale
    return changed
