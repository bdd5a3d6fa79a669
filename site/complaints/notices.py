"""Notices to the complainant (受理/不予受理/转送/处理结果告知书): numbered from casework's locked sequence
(so numbers never collide with other documents of the kind), rendered in the official layout, stored
privately on the complaint. 主送 is the complainant; the agency complained about never receives them."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone

from casework.documents import attach_files, doc_number, kind_label, next_seq, official
from rules.profiles import get_profile

from .models import Complaint, Notice


def addressee(complaint: Complaint) -> str:
    return f"{complaint.name}（投诉举报人）" if complaint.name else "投诉举报人"


def issue_notice(*, complaint: Complaint, kind: str, title: str, paragraphs: list[str], by, article: str = "",
                 issued_on: dt.date | None = None, copy_to: str = "", notes: list[str] | None = None,
                 values: dict | None = None, to: str = "") -> Notice:
    """The caller (a service) has checked permission and holds the transaction. PDF and .docx beside it.
    `to`: another addressee than the complainant (the reply to the 12345 hotline, complaints.hotline)."""
    label = kind_label(kind)
    paragraphs = [p.strip() for p in paragraphs if p and p.strip()]
    issued_on = issued_on or timezone.localdate()
    profile = get_profile(complaint.jurisdiction)
    seq = next_seq(jurisdiction=complaint.jurisdiction, kind=kind, year=issued_on.year)
    number = doc_number(authority=profile.authority, kind=kind, year=issued_on.year, seq=seq)
    notice = Notice(complaint=complaint, kind=kind, kind_label=label, doc_number=number, title=title or label,
                    body="\n".join(paragraphs), article=article, issued_on=issued_on, issued_by=by,
                    values=values or {})
    notice.full_clean(exclude=["pdf", "docx", "signed_scan"])
    attach_files(notice, official(authority=profile.authority, kind=kind, label=label, number=number,
                                  title=notice.title, addressee=to or addressee(complaint), paragraphs=paragraphs,
                                  issued_on=issued_on, copy_to=copy_to,
                                  notes=([f"依据：{article}"] if article else []) + list(notes or [])))
    notice.save()
    return notice
