"""Index documents, defined once: the elasticsearch-dsl `Document` classes say which fields exist, and
`build()` fills one from a notice or a decision record. The Elasticsearch engine indexes the document
as it is; the embedded engine stores the same dict (its filter fields as columns, its text as postings).
"""
from __future__ import annotations

import html

from django.apps import apps
from django.conf import settings
from django.utils.html import strip_tags
from elasticsearch.dsl import Boolean, Date, Document, Integer, Keyword, Long, Text

from .tokenize import code_key


def es_analyzer() -> str:
    """"cjk" (bigrams and single characters, a stock cluster), "smartcn" or "ik" where that plugin is
    installed. Text fields name two custom analyzers the Elasticsearch engine defines from this setting
    when it creates an index (engines/es_index.py): one for indexing, one for queries."""
    value = (getattr(settings, "SEARCH_ES_ANALYZER", "cjk") or "cjk").strip().lower()
    return "ik" if value.startswith("ik") else value


def index_alias(scope: str) -> str:
    return f"{getattr(settings, 'SEARCH_INDEX_PREFIX', 'supervision')}-{scope}s"


# the text fields the query searches (engines/es_query.py), as the embedded engine weighs them: the title,
# the metadata (every META_FIELDS value copied into one field) and the body
TITLE, METADATA, BODY = "title", "metadata", "body"
CHARS = "chars"  # subfield of each: one token per character (a one-character query; every analyzer)


def _text(**kw):
    return Text(analyzer="supervision_index", search_analyzer="supervision_search", **kw)


def _searched(similarity: str = "", **kw):
    """A searched text field: words and bigrams, and a `.chars` subfield of single characters."""
    chars = Text(analyzer="supervision_chars")
    return _text(fields={CHARS: chars, **kw.pop("fields", {})},
                 **({"similarity": similarity} if similarity else {}), **kw)


# a metadata field is also copied into `metadata` (the embedded engine: META_FIELDS)
TO_METADATA = {"copy_to": METADATA}


class _Common(Document):
    title = _searched("supervision_title", fields={"raw": Keyword()})
    body = _searched()
    metadata = _searched("supervision_metadata")  # filled by copy_to; never in _source
    kind = Keyword()
    kind_label = Keyword(**TO_METADATA)
    jurisdiction = Keyword()
    issuer = _text(fields={"raw": Keyword()}, **TO_METADATA)
    year = Integer()
    date = Date()
    doc_number = Keyword(**TO_METADATA)
    doc_number_key = Keyword()  # tokenize.code_key: 〔〕 [] ［］ () and full-width digits made one form
    index_number = Keyword(**TO_METADATA)
    index_number_key = Keyword()
    url = Keyword(index=False)
    object_id = Long()  # Elasticsearch: the unique last sort key (search_after needs one; _id has no doc values)


class NoticeDocument(_Common):
    """A published notice (公告公示): public search."""

    written_on = Date()
    published_on = Date()
    subject_category = Keyword(**TO_METADATA)
    keywords = _text(**TO_METADATA)
    live = Boolean()
    expire_at = Date()

    class Index:
        name = index_alias("notice")


class DecisionDocument(_Common):
    """A decision record (决定记录): staff search only, filtered by who may open it."""

    process_kind = Keyword()
    agency = Keyword(**TO_METADATA)
    outcome = Keyword()
    article = _text(**TO_METADATA)
    confidential = Boolean()
    party_user_id = Long()

    class Index:
        name = index_alias("decision")


class CaseDocument(_Common):
    """A matter, an issued document, a complaint or a decision record (search/cases.py): the staff case
    search, filtered by casework.visibility (each entry's object id names its kind and record)."""

    process_kind = Keyword()
    process_label = Keyword(**TO_METADATA)
    agency = Keyword(**TO_METADATA)
    source = Keyword(**TO_METADATA)
    outcome = Keyword()
    confidential = Boolean()
    party_user_id = Long()

    class Index:
        name = index_alias("case")


# fields the embedded engine weighs as metadata (between title and body)
META_FIELDS = ("issuer", "keywords", "subject_category", "doc_number", "index_number", "agency", "article",
               "kind_label", "process_label", "source")


def plain_text(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def notice_model():
    try:
        return apps.get_model("public_notices", "NoticePage")
    except LookupError:  # the notice app's models are not there yet
        return None


def build_notice(page) -> NoticeDocument:
    date = page.published_on or page.written_on or (page.first_published_at and page.first_published_at.date())
    doc = NoticeDocument(
        meta={"id": page.pk},
        title=page.title, body=plain_text(getattr(page, "body", "")),
        kind=page.kind, kind_label=page.get_kind_display() if hasattr(page, "get_kind_display") else page.kind,
        jurisdiction=page.jurisdiction or "", issuer=page.issuer or "",
        year=date.year if date else None, date=date,
        doc_number=page.doc_number or "", doc_number_key=code_key(page.doc_number),
        index_number=page.index_number or "", index_number_key=code_key(page.index_number),
        written_on=page.written_on, published_on=page.published_on,
        subject_category=str(getattr(page, "subject_category", "") or ""),
        keywords=str(getattr(page, "keywords", "") or ""),
        live=bool(page.live and not page.expired), expire_at=page.expire_at,
        url=page.get_url() or page.url_path,
    )
    return doc


def build_decision(record) -> DecisionDocument:
    return DecisionDocument(
        meta={"id": record.pk},
        title=record.title, body=plain_text(record.body),
        kind=record.process_kind, kind_label=record.get_process_kind_display(),
        jurisdiction=record.jurisdiction, issuer="",
        year=record.decided_on.year if record.decided_on else None, date=record.decided_on,
        doc_number=record.doc_number, doc_number_key=code_key(record.doc_number),
        index_number="", index_number_key="",
        process_kind=record.process_kind, agency=record.agency, outcome=record.outcome,
        article=record.article, confidential=record.confidential, party_user_id=record.party_user_id,
        url=f"/admin/search/decisions/{record.pk}/",
    )


def load_object(scope: str, pk: int):
    """The live object behind an index entry, or None (deleted / not indexable)."""
    if scope == "case":
        from . import cases

        return cases.load(pk)
    if scope == "decision":
        from decisions.models import DecisionRecord

        return DecisionRecord.objects.filter(pk=pk).first()
    model = notice_model()
    if model is None:
        return None
    page = model.objects.filter(pk=pk).first()
    return page.specific if page is not None else None


def build(scope: str, obj) -> Document:
    if scope == "case":
        from . import cases

        return cases.build(obj)
    return build_decision(obj) if scope == "decision" else build_notice(obj)


def all_objects(scope: str):
    """Everything a rebuild indexes (notices: those an anonymous reader may open, pages.visibility)."""
    if scope == "case":
        from . import cases

        return cases.all_items()
    if scope == "decision":
        from decisions.models import DecisionRecord

        return DecisionRecord.objects.order_by("pk").iterator(chunk_size=500)
    model = notice_model()
    if model is None:
        return iter(())
    from pages.visibility import restricted_prefixes, visible_to_anonymous

    public = visible_to_anonymous(model.objects.all(), restricted_prefixes(fresh=True)).exclude(expired=True)
    return (p.specific for p in public.order_by("pk").iterator(chunk_size=500))


def count_objects(scope: str) -> int:
    """How many objects all_objects(scope) yields (a rebuild's progress total)."""
    if scope == "case":
        from . import cases

        return cases.count()
    if scope == "decision":
        from decisions.models import DecisionRecord

        return DecisionRecord.objects.count()
    model = notice_model()
    return model.objects.live().count() if model is not None else 0


DOCUMENTS = {"notice": NoticeDocument, "decision": DecisionDocument, "case": CaseDocument}
