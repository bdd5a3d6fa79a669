"""The one writer of `DecisionRecord`: every process's decision service calls `decision_record` (never
`DecisionRecord(...)` or `.objects.create`; tests/decisions/test_one_writer.py greps for it).

It fits the texts to their columns (a title over 200 characters, an outcome over 64, an article over 100
are cut, not refused: the decision has been taken when this is called), validates the row (a known process
kind, a decision date, a body) and saves it. Saving is what indexes it for staff search: search.indexing
listens to DecisionRecord's post_save, so a record written here is searchable at once.

The caller holds the transaction (its decision and the record stand or fall together) and has checked the
actor's permission: this writes what was decided, it does not decide."""
from __future__ import annotations

import datetime as dt

from .models import DecisionRecord


def _cut(value, field: str) -> str:
    return (value or "")[:DecisionRecord._meta.get_field(field).max_length]


def decision_record(*, kind: str, title: str, body: str, jurisdiction: str, decided_on: dt.date,
                    outcome: str = "", article: str = "", agency: str = "", doc_number: str = "",
                    subject=None, confidential: bool = False, party_user=None) -> DecisionRecord:
    """Write what a process decided. `subject` is what the decision is about (the matter, a filing, an
    opinion, a campaign's application…); `confidential` keeps it from the agency's liaison; `party_user`
    is the person it concerns who may read it (a supervisor, a person held accountable)."""
    record = DecisionRecord(process_kind=kind, title=_cut(title, "title"), body=body or "",
                            jurisdiction=jurisdiction, agency=_cut(agency, "agency"), outcome=_cut(outcome, "outcome"),
                            decided_on=decided_on, doc_number=_cut(doc_number, "doc_number"),
                            article=_cut(article, "article"), confidential=confidential, party_user=party_user)
    if subject is not None:
        record.subject = subject
    record.full_clean()
    record.save()
    return record
