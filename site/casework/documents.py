"""Document kinds (文书种类) and their 发文字号 代字, numbering from a locked per-year sequence, and issuing:
number → PDF (casework.pdf) → stored privately. Every casework process issues its documents here."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from rules.profiles import get_profile

from . import layout
from .models import Document, DocumentSequence, Matter
from .pdf import OfficialDocument, render
from .sequences import take_next

# kind -> (文书名称, 发文字号代字). One list for every process, so numbers never collide.
KINDS: dict[str, tuple[str, str]] = {
    # Enshi 003 第二十六条—第二十九条、第三十一条
    "suggestion": ("行政执法监督建议书", "监建"),
    "review_answer": ("复查答复书", "监复"),
    "supervision_decision": ("行政执法监督决定书", "监决"),
    "interview_record": ("约谈记录", "监谈"),
    "referral": ("问题线索移送函", "监移"),
    # Wulong 004 监督意见书制度 第三条、第九条、第十条
    "opinion_letter": ("行政执法监督意见书", "监意"),
    "review_decision": ("复查决定书", "监复决"),
    "correction_order": ("责令限期纠正通知书", "监纠"),
    "circular": ("行政执法监督通报", "监通"),
    # Wulong 004 投诉举报制度
    "complaint_acceptance": ("投诉举报受理告知书", "投受"),
    "complaint_refusal": ("投诉举报不予受理告知书", "投不"),
    "complaint_transfer": ("投诉举报转送函", "投转"),
    "complaint_reply": ("投诉举报处理结果告知书", "投复"),
    "complaint_appeal_answer": ("投诉举报申诉答复书", "投申"),
    # Enshi 003 第十条: the answer back to the 12345 hotline (complaints.hotline)
    "hotline_reply": ("12345热线工单办理情况回复函", "热复"),
    # Wulong 004 争议协调办法
    "coordination_acceptance": ("行政执法争议协调受理通知书", "协受"),
    "coordination_supplement": ("补正材料通知书", "协补"),
    "coordination_refusal": ("行政执法争议协调不予受理决定书", "协不"),
    "coordination_notice": ("行政执法争议协调通知书", "协通"),
    "coordination_opinion": ("行政执法协调意见书", "协意"),
    "coordination_proposal": ("行政执法争议协调建议", "协建"),
    "coordination_extension": ("行政执法争议协调延期告知书", "协延"),
    # Wulong 004 过错责任追究 / 错案责任倒查
    "accountability_decision": ("行政执法责任追究决定书", "追决"),
    "reinvestigation_order": ("责令重新调查通知书", "追查"),
    # Wulong 004 移送 (投诉 第十一条, 过错 第五条、第十一条, 错案 第四条、第十二条) and 追偿 (错案 第十二条第二款)
    "matter_referral": ("移送函", "移"),
    "recovery_decision": ("行政赔偿追偿决定书", "追偿"),
    "accountability_answer": ("举报投诉答复书", "追复"),
    # the yearly programme (004 通报制度 第五条)
    "rectification_notice": ("限期整改通知书", "整改"),
}


def kind_label(kind: str) -> str:
    try:
        return KINDS[kind][0]
    except KeyError:
        raise ValidationError(f"未知的文书种类：{kind}") from None


def next_seq(*, jurisdiction: str, kind: str, year: int, issuer: str = "") -> int:
    """The next number of `kind` in `year` for the bureau (issuer "") or an agency issuing in its own name
    (issuer_key); the row lock serialises concurrent issuers (casework.sequences)."""
    return take_next(DocumentSequence, jurisdiction=jurisdiction, issuer=issuer, kind=kind, year=year)


def issuer_key(agency) -> str:
    return f"agency:{agency.pk}" if agency is not None else ""


def issuer_code(agency) -> str:
    """An agency's own 发文机关代字: the one kept in the register, else its 简称, else its name."""
    return (agency.doc_code or agency.short_name or agency.name).strip()


def doc_number(*, authority: str, kind: str, year: int, seq: int, code: str = "") -> str:
    """发文字号 in GB/T 9704 form: 机关代字 + 〔年份〕 + 序号 (no leading zeros), e.g. 武隆监意〔2026〕3号. The bureau's
    代字 is its authority's first two characters; an agency issuing in its own name passes its `code`."""
    return f"{code or authority[:2]}{KINDS[kind][1]}〔{year}〕{seq}号"


def doc_format(kind: str) -> str:
    """文件格式 or 信函格式, as the kind's wording (its process's texts.py) says."""
    from .wording import REGISTRY

    w = REGISTRY.get(kind)
    return w.format if w else layout.FILE


def official(*, authority: str, kind: str, label: str, number: str, title: str, addressee: str,
             paragraphs: list[str], issued_on: dt.date, notes: list[str], copy_to: str = "",
             keep_whole: tuple[str, ...] = ()) -> OfficialDocument:
    return OfficialDocument(authority=authority, kind_label=label, doc_number=number, title=title,
                            addressee=addressee, paragraphs=paragraphs, issued_on=issued_on, notes=notes,
                            copy_to=copy_to, format=doc_format(kind), keep_whole=keep_whole)


def attach_files(record, doc: OfficialDocument) -> None:
    """The PDF and the editable .docx beside it (same layout), on a Document or a complaints Notice."""
    from .docx import build

    record.pdf.save(f"{doc.doc_number or 'document'}.pdf", ContentFile(render(doc)), save=False)
    record.docx.save(f"{doc.doc_number or 'document'}.docx", ContentFile(build(doc)), save=False)


def issue(*, matter: Matter, kind: str, title: str, paragraphs: list[str], by, addressee: str = "",
          article: str = "", notes: list[str] | None = None, issued_on: dt.date | None = None,
          copy_to: str = "", values: dict | None = None, issuer=None) -> Document:
    """Number, render (PDF and .docx) and store one document. The caller (a process service) has checked
    permission and holds the transaction; the document is not served until its receipt is recorded.
    `values`: the placeholder values its wording was filled with (kept for template previews).
    `issuer`: an Agency issuing in its own name (an accountability case its legal unit runs, 过错 第五条、错案 第四条)
    — its name heads the document and the number comes from its own sequence under its own 代字."""
    from django.utils import timezone

    label = kind_label(kind)
    paragraphs = [p.strip() for p in paragraphs if p and p.strip()]
    if not paragraphs:
        raise ValidationError(f"《{label}》正文不能为空。")
    issued_on = issued_on or timezone.localdate()
    profile = get_profile(matter.jurisdiction)
    authority = issuer.name if issuer is not None else profile.authority
    seq = next_seq(jurisdiction=matter.jurisdiction, kind=kind, year=issued_on.year, issuer=issuer_key(issuer))
    number = doc_number(authority=authority, kind=kind, year=issued_on.year, seq=seq,
                        code=issuer_code(issuer) if issuer is not None else "")
    if issuer is not None and Document.objects.filter(doc_number=number).exists():
        raise ValidationError(f"发文字号{number}已被使用：请在执法机关名录中为{issuer.name}设置与司法局不同的发文机关代字。")
    addressee = addressee or matter.respondent_name
    notes = list(notes or [])
    if article:
        notes.insert(0, f"依据：{article}")
    document = Document(matter=matter, kind=kind, kind_label=label, doc_number=number, year=issued_on.year,
                        seq=seq, title=title.strip() or label, addressee=addressee, body="\n".join(paragraphs),
                        article=article, issued_on=issued_on, issued_by=by, values=values or {})
    document.full_clean(exclude=["pdf", "docx", "signed_scan"])
    names = tuple(dict.fromkeys([matter.respondent_name, addressee, *(a.name for a in matter.parties.all())]))
    attach_files(document, official(authority=authority, kind=kind, label=label, number=number,
                                    title=document.title, addressee=addressee, paragraphs=paragraphs,
                                    issued_on=issued_on, notes=notes, copy_to=copy_to, keep_whole=names))
    document.save()
    return document
