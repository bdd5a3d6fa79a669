"""Notices to the complainant (受理/不予受理/转送/处理结果告知书): numbered from casework's locked sequence
(so numbers never collide with other documents of the kind), rendered in the official layout, stored
privately on the complaint. 主送 is the complainant; the agency complained about never receives them."""
from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from casework.documents import doc_number, kind_label, next_seq
from casework.pdf import OfficialDocument, render
from rules.profiles import get_profile

from .models import Complaint, Notice


def addressee(complaint: Complaint) -> str:
    return f"{complaint.name}（投诉举报人）" if complaint.name else "投诉举报人"


def issue_notice(*, complaint: Complaint, kind: str, title: str, paragraphs: list[str], by, article: str = "",
                 issued_on: dt.date | None = None, copy_to: str = "") -> Notice:
    """The caller (a service) has checked permission and holds the transaction."""
    label = kind_label(kind)
    paragraphs = [p.strip() for p in paragraphs if p and p.strip()]
    issued_on = issued_on or timezone.localdate()
    profile = get_profile(complaint.jurisdiction)
    seq = next_seq(jurisdiction=complaint.jurisdiction, kind=kind, year=issued_on.year)
    number = doc_number(authority=profile.authority, kind=kind, year=issued_on.year, seq=seq)
    notice = Notice(complaint=complaint, kind=kind, kind_label=label, doc_number=number, title=title or label,
                    body="\n".join(paragraphs), article=article, issued_on=issued_on, issued_by=by)
    notice.full_clean(exclude=["pdf"])
    pdf = render(OfficialDocument(authority=profile.authority, kind_label=label, doc_number=number,
                                  title=notice.title, addressee=addressee(complaint), paragraphs=paragraphs,
                                  issued_on=issued_on, notes=[f"依据：{article}"] if article else [],
                                  copy_to=copy_to))
    notice.pdf.save(f"{number}.pdf", ContentFile(pdf), save=False)
    notice.save()
    return notice
