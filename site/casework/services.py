"""Writes on the casework foundation: open a matter, attach files, record a document's service, close.
Each checks the actor's permission itself (roles.access.require) and validates before writing.

A process can only address an agency that has a liaison account: otherwise nobody could acknowledge a
document and its clock would never start (`require_addressable`)."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from held_rows import held_row
from roles.access import agency_of, is_bureau, require
from roles.names import person_name
from rules.profiles import get_profile

from .dispatch import dispatch_served
from .models import (
    CLOSED,
    OPEN,
    SOURCES,
    SPECIAL,
    Agency,
    Attachment,
    Document,
    Matter,
    MatterEvent,
    MatterSequence,
)
from .sequences import take_next
from .uploads import check_upload


def require_addressable(agency: Agency) -> None:
    if agency is None:
        raise ValidationError("请从执法机关名录中选择被监督机关。")
    if not agency.active:
        raise ValidationError(f"“{agency.name}”已不在执法机关名录中，不能作为被监督机关。")
    if not agency.has_liaison:
        raise ValidationError(f"“{agency.name}”尚未设置联络员账号，文书无法送达、时限无法起算。"
                              "请先在“执法机关名录”中为其指定联络员。")


def log(matter: Matter, by, text: str, *, audience: str = MatterEvent.INTERNAL,
        agency: Agency | None = None) -> MatterEvent:
    """Append to the matter's log. `audience=MatterEvent.PARTY` only for what the agency may read (a service,
    its own answer or report), with `agency` when it concerns one party alone; the rest is internal to the
    bureau (casework.visibility)."""
    return MatterEvent.objects.create(matter=matter, by=by if by and by.is_authenticated else None, text=text[:500],
                                      audience=audience, agency=agency)


def next_matter_number(jurisdiction: str, year: int) -> str:
    last = take_next(MatterSequence, jurisdiction=jurisdiction, year=year)
    prefix = get_profile(jurisdiction).authority[:2]
    return f"{prefix}监案〔{year}〕{last}号"


@transaction.atomic
def matter_open(*, by, agency: Agency | None, source: str, title: str, facts: str, process: str = "",
                opened_on: dt.date | None = None, check_permission: bool = True, special_kind: str = "",
                source_reference: str = "", bureau_staff_of: str = "") -> Matter:
    """立案: one file per matter. `check_permission=False` only for a process service that has checked
    its own permission (e.g. a complaint accepted by its handler). A 专项行政执法监督 names its source
    (the profile's `special_supervision_sources`) and the source document's reference."""
    if check_permission:
        require(by, "casework.open_matter", "只有司法局经办人可以立案登记监督事项。")
    if bureau_staff_of and agency is None:
        # a file about the bureau's own staff (投诉 第十五条, opened by accountability.services.case_intake): the
        # bureau is not a listed agency and has no liaison; the persons concerned are its own. Also the file of an
        # interference record's referral (干预插手规定 第九条, referrals.services), the interferer named as text
        if process not in ("accountability", "interference") or source == SPECIAL:
            raise ValidationError("只有责任追究案件可以以本机关工作人员为追究对象立案。")
        jurisdiction = bureau_staff_of
    else:
        require_addressable(agency)
        jurisdiction = agency.jurisdiction
    if source not in dict(SOURCES):
        raise ValidationError("请选择监督事项来源。")
    if not (title or "").strip() or not (facts or "").strip():
        raise ValidationError("请填写事项名称和基本事实。")
    special_kind, source_reference = _special_source(agency, source, special_kind, source_reference)
    opened_on = opened_on or timezone.localdate()
    matter = Matter(number=next_matter_number(jurisdiction, opened_on.year), jurisdiction=jurisdiction,
                    source=source, process=process, agency=agency, title=title.strip(), facts=facts.strip(),
                    special_kind=special_kind, source_reference=source_reference,
                    opened_on=opened_on, opened_by=by, stage="已立案")
    matter.full_clean()
    matter.save()
    log(matter, by, f"立案登记（来源：{matter.get_source_display()}），案号{matter.number}。")
    return matter


def _special_source(agency: Agency, source: str, kind: str, reference: str) -> tuple[str, str]:
    kind, reference = (kind or "").strip(), (reference or "").strip()[:100]
    if source != SPECIAL:
        return "", ""
    profile = get_profile(agency.jurisdiction)
    kinds = profile.choices("special_supervision_sources") if profile.has("special_supervision_sources") else []
    if kinds and kind not in {k["code"] for k in kinds}:
        raise ValidationError(f"请选择专项行政执法监督的来源（{kinds[0]['citation']}：" +
                              "、".join(k["label"] for k in kinds) + "）。")
    if not kinds and kind:
        raise ValidationError(f"{profile.name}的规则未列举专项行政执法监督的来源类别，请不选来源类别，只填写来源文件文号或编号。")
    if not reference:
        raise ValidationError("专项行政执法监督请填写来源文件的文号或编号（如人大代表建议、政协提案的编号，交办函的文号）。")
    return kind, reference


# process apps register what still runs in a matter (fn(matter) -> list of labels), so that one file
# carrying several processes (complaint → letter → accountability) closes when the last of them ends
OPEN_WORK: list = []


def open_work(matter: Matter) -> list[str]:
    return [label for fn in OPEN_WORK for label in fn(matter)]


@transaction.atomic
def matter_close(*, matter: Matter, by, outcome: str, closed_on: dt.date | None = None) -> Matter:
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if matter.status == CLOSED:
        raise ValidationError("该监督事项已办结。")
    still = open_work(matter)
    if still:  # this process ended; the file stays open for the others
        log(matter, by, f"{outcome}。事项内仍在办理：{'、'.join(still)}，事项暂不办结。")
        return matter
    matter.status, matter.outcome = CLOSED, outcome[:200]
    matter.closed_on = closed_on or timezone.localdate()
    matter.stage = "已办结"
    matter.save(update_fields=["status", "outcome", "closed_on", "stage"])
    log(matter, by, f"办结：{outcome}")
    return matter


@transaction.atomic
def matter_handoff(*, matter: Matter, by, text: str) -> Matter:
    """A hand-off (移交下一程序) in the same file (一案一档): lock the matter, reopen it if the step that
    ended had closed it, and log what follows. The caller has checked its own permission."""
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if matter.status == CLOSED:
        matter.status, matter.closed_on = OPEN, None
        matter.save(update_fields=["status", "closed_on"])
        text = f"{text}（事项重新进入办理，原办理结果：{matter.outcome}）"
    log(matter, by, text)
    return matter


def can_add_to(user, matter: Matter) -> bool:
    """Bureau staff add to any open file; a liaison to the files of their own agency (reports, evidence)."""
    if matter.status != OPEN:
        return False
    if is_bureau(user) and user.has_perm("casework.open_matter"):
        return True
    agency = agency_of(user)
    return agency is not None and agency.pk == matter.agency_id


@transaction.atomic
def attachment_add(*, matter: Matter, upload, by, description: str = "") -> Attachment:
    if not can_add_to(by, matter):
        raise PermissionDenied("您不能向该监督事项上传材料（事项已办结或不属于您所在机关）。")
    mime = check_upload(upload)
    att = Attachment(matter=matter, original_name=upload.name[:200], content_type=mime, size=upload.size,
                     description=(description or "").strip()[:200], uploaded_by=by)
    att.file.save(upload.name, upload, save=False)
    att.save()
    log(matter, by, f"上传材料：{att.original_name}",
        audience=MatterEvent.INTERNAL if is_bureau(by) else MatterEvent.PARTY, agency=agency_of(by))
    return att


def signs_online(user, document: Document) -> bool:
    """The addressee's own liaison (of the matter's agency, or of another party to it such as a dispute's
    respondent) acknowledges receipt online instead of a return slip."""
    if is_bureau(user):  # asked first: the groups are read once a request, the agency would be one more query
        return False
    agency = agency_of(user)
    return (agency is not None and document.addressee == agency.name
            and (agency.pk == document.matter.agency_id or document.matter.parties.filter(pk=agency.pk).exists()))


def _service_audience(document: Document) -> dict:
    """A service is the addressee's to read: one party's alone, every named party's for a joint addressee,
    the bureau's only when addressed outside the matter (the government, a supervisory organ)."""
    matter = document.matter
    # the usual case: the matter's own agency (read already)
    if matter.agency_id is not None and matter.agency.name == document.addressee:
        return {"audience": MatterEvent.PARTY, "agency": matter.agency}
    agencies = list(Agency.objects.filter(Q(pk=matter.agency_id) | Q(matters_as_party=matter)).distinct())
    named = [a for a in agencies if a.name == document.addressee]
    if named:
        return {"audience": MatterEvent.PARTY, "agency": named[0]}
    if any(a.name in document.addressee.split("、") for a in agencies):
        return {"audience": MatterEvent.PARTY, "agency": None}
    return {"audience": MatterEvent.INTERNAL, "agency": None}


@transaction.atomic
def document_serve(*, document: Document, by, received_on: dt.date | None = None, method: str = "",
                   received_by_name: str = "") -> Document:
    """Record service (送达回证). Bureau staff enter the receipt date from the return slip; the addressee
    agency's liaison may instead acknowledge receipt online (签收), dated today. Recorded once; then the process that
    owns the document's kind (casework.dispatch) starts the clocks that count from receipt. The document is read
    locked here, unless the caller holds it locked already (held_rows: the service screen's POST)."""
    document = held_row(Document, document.pk) or (
        Document.objects.select_for_update(of=("self",)).select_related("matter__agency").get(pk=document.pk))
    today = timezone.localdate()
    if signs_online(by, document):
        received_on, method, received_by_name = today, "联络员在线签收", person_name(by)
    else:
        require(by, "casework.record_service", "只有司法局经办人或受送达机关联络员可以登记送达。")
    if document.received_on is not None:
        raise ValidationError(f"{document}已于{document.received_on:%Y-%m-%d}送达，不能重复登记。")
    if received_on is None:
        raise ValidationError("请填写送达回证上的签收日期。")
    if received_on < document.issued_on:
        raise ValidationError(f"签收日期不能早于成文日期（{document.issued_on:%Y-%m-%d}）。")
    if received_on > today:
        raise ValidationError("签收日期不能晚于今天。")
    document.received_on, document.service_method = received_on, (method or "直接送达")[:50]
    document.received_by_name = (received_by_name or "")[:50]
    document.service_recorded_by, document.service_recorded_at = by, timezone.now()
    document.save()
    log(document.matter, by, f"《{document.kind_label}》{document.doc_number}已送达，签收日期"
                             f"{received_on:%Y-%m-%d}（{document.service_method}）。", **_service_audience(document))
    dispatch_served(document=document, by=by)
    return document


@transaction.atomic
def party_summary_set(*, matter: Matter, by, text: str) -> Matter:
    """What the bureau tells the agency of the facts (告知被监督机关的事实摘要); the agency never reads the
    facts themselves. Blank tells it nothing."""
    require(by, "casework.open_matter", "只有司法局经办人可以填写告知被监督机关的事实摘要。")
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if matter.agency_id is None:  # 投诉 第十五条: the bureau's own staff, no agency to tell
        raise ValidationError("该案卷追究本机关工作人员的责任，没有被监督机关，不填写告知被监督机关的事实摘要。")
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > 2000:
        raise ValidationError("事实摘要不能超过2000字。")
    if text == matter.party_summary:
        raise ValidationError("事实摘要没有改动。")
    matter.party_summary = text
    matter.save(update_fields=["party_summary"])
    log(matter, by, "修改告知被监督机关的事实摘要。" if text else "清空告知被监督机关的事实摘要。")
    return matter


# ------------------------------------------------------------------ signed scans and document templates
SCAN_TYPES = {".pdf", ".jpg", ".jpeg", ".png"}


@transaction.atomic
def signed_scan_upload(*, record, upload, by):
    """The signed and sealed scan of an issued document (a casework Document or a complaints Notice):
    checked like every upload, PDF or image only, kept privately; from now on it is the version served."""
    require(by, "casework.record_service", "只有司法局经办人或负责人可以上传签章扫描件。")
    import os

    ext = os.path.splitext(getattr(upload, "name", "") or "")[1].lower()
    if ext not in SCAN_TYPES:
        raise ValidationError("签章扫描件只能是PDF或图片（JPG、PNG）。")
    mime = check_upload(upload)
    record = type(record).objects.select_for_update().get(pk=record.pk)
    record.signed_scan.save(f"{record.doc_number}{ext}", upload, save=False)
    record.signed_type, record.signed_by, record.signed_at = mime, by, timezone.now()
    record.save(update_fields=["signed_scan", "signed_type", "signed_by", "signed_at"])
    matter = getattr(record, "matter", None)
    if matter is not None:
        log(matter, by, f"上传《{record.kind_label}》{record.doc_number}的签章扫描件，此后以扫描件为送达版本。")
    return record


@transaction.atomic
def template_save(*, jurisdiction: str, kind: str, title: str, body: str, notes: str, reason: str, by):
    """Change a jurisdiction's wording of a document kind: checked (casework.wording.check) and recorded
    with who, when and what it said before; a refused template leaves the old one in force."""
    from .models import DocumentTemplate, DocumentTemplateChange
    from .wording import check, current, get

    require(by, "casework.edit_template", "只有司法局工作人员可以修改文书模板。")
    profile = get_profile(jurisdiction)
    w = get(kind)
    if not w.issued_in(profile):
        raise ValidationError(f"{profile.name}不制发这种文书。")
    title, body, notes = (title or "").strip(), (body or "").replace("\r\n", "\n").strip(), \
        (notes or "").replace("\r\n", "\n").strip()
    if not (reason or "").strip():
        raise ValidationError("请填写修改说明。")
    errors = check(kind, jurisdiction, title, body, notes)
    if errors:
        raise ValidationError(errors + ["模板未保存，原模板继续有效。"])
    before = current(kind, jurisdiction)
    if (title, body, notes) == before:
        raise ValidationError("模板没有改动。")
    DocumentTemplate.objects.update_or_create(jurisdiction=jurisdiction, kind=kind, defaults={
        "title": title, "body": body, "notes": notes, "updated_by": by, "updated_at": timezone.now()})
    return DocumentTemplateChange.objects.create(
        jurisdiction=jurisdiction, kind=kind, title_before=before[0], body_before=before[1], notes_before=before[2],
        title=title, body=body, notes=notes, reason=reason.strip()[:200], changed_by=by)
