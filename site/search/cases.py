"""Staff case search (案件检索, issue 27 item 3): the "case" scope indexes, beside decision records, every
supervision matter (number, agency, source, facts), every issued document (its text and 发文字号) and every
complaint (masked as in the complaint list). One index entry per record: its object id packs the record's
primary key and its kind (`encode`), so the existing queue (tasks.sync_object(scope, object_id)) carries it.

Who sees what is not decided here: bureau staff see everything (a matter with its facts); a liaison sees
what casework.visibility lets it see — the matters `visible_matters` gives it (as a *party view* entry
without the facts: its number, title and the summary the bureau wrote for it), the documents addressed to its
agency (`visible_documents`) and the decision records those documents carry (`party_records`); never a
complaint. `case_scope(user)` turns those querysets into index filters both engines apply."""
from __future__ import annotations

from dataclasses import dataclass

from decisions.models import PROCESS_KINDS

# kind -> (code in the object id, Chinese label)
KINDS = {"matter": (1, "监督事项"), "matter_party": (2, "监督事项"), "document": (3, "文书"),
         "complaint": (4, "投诉举报"), "decision": (5, "决定记录")}
KIND_OF_CODE = {code: kind for kind, (code, _) in KINDS.items()}
KIND_LABELS = {"matter": "监督事项", "document": "文书", "complaint": "投诉举报", "decision": "决定记录"}
PROCESS_LABELS = {**dict(PROCESS_KINDS), "letter": "监督意见书/建议书", "programme": "年度监督检查计划",
                  "complaint": "投诉举报处理"}
PARTY_KIND = "matter_party"  # a liaison's view of a matter: bureau staff never get it (they get "matter")


def encode(kind: str, pk: int) -> int:
    return int(pk) * 10 + KINDS[kind][0]


def decode(object_id: int) -> tuple[str | None, int]:
    return KIND_OF_CODE.get(int(object_id) % 10), int(object_id) // 10


@dataclass(frozen=True)
class CaseScope:
    everything: bool = False  # bureau staff: every entry except the party views
    object_ids: tuple = ()  # a liaison: exactly these entries


def case_scope(user) -> CaseScope:
    from casework.visibility import carried_records, party_agency, visible_documents, visible_matters
    from decisions.models import DecisionRecord
    from roles.access import is_bureau

    if user is None or not user.is_authenticated or not user.is_active:
        return CaseScope()
    if is_bureau(user):
        return CaseScope(everything=True)
    if party_agency(user) is None:
        return CaseScope()
    matters = list(visible_matters(user).values_list("pk", flat=True))
    documents = visible_documents(user)
    ids = [encode(PARTY_KIND, pk) for pk in matters]
    ids += [encode("document", pk) for pk in documents.values_list("pk", flat=True)]
    # decision records: those a document issued to the agency carries
    records = carried_records(user, DecisionRecord.objects.all(), documents)
    ids += [encode("decision", pk) for pk in records.values_list("pk", flat=True)]
    return CaseScope(object_ids=tuple(sorted(ids)))


def own_filters(user) -> dict:
    """The filter every staff search (cases, decision records) of a bureau account bound to one jurisdiction
    carries: its own jurisdiction (roles.access.bureau_jurisdiction); none for a city or province account or a
    liaison (bound by its agency: case_scope, decisions.selectors)."""
    from roles.access import bureau_jurisdiction, is_bureau

    own = bureau_jurisdiction(user) if is_bureau(user) else ""
    return {"jurisdiction": own} if own else {}


def scope_for(q) -> CaseScope:
    """case_scope of the query's user, worked out once per search (the engines filter several times)."""
    spec = getattr(q, "_case_scope", None)
    if spec is None:
        spec = q._case_scope = case_scope(q.user)
    return spec


# ---- what each kind puts in the index -------------------------------------------------------------
def _doc(**kw):
    from .documents import CaseDocument
    from .tokenize import code_key

    kw.setdefault("issuer", "")
    kw.setdefault("outcome", "")
    kw.setdefault("doc_number", "")
    kw.setdefault("index_number", "")
    kind = kw["kind"]
    date = kw.get("date")
    return CaseDocument(kind_label=KINDS[kind][1], year=date.year if date else None,
                        doc_number_key=code_key(kw["doc_number"]), index_number_key=code_key(kw["index_number"]),
                        process_label=PROCESS_LABELS.get(kw.get("process_kind", ""), ""), **kw)


def _matter(m, party: bool):
    kind = PARTY_KIND if party else "matter"
    body = m.party_summary if party else f"{m.facts}\n{m.party_summary}".strip()
    return _doc(meta={"id": encode(kind, m.pk)}, title=m.title, body=body, kind=kind, jurisdiction=m.jurisdiction,
                date=m.opened_on, index_number=m.number, process_kind=m.process or "", agency=m.respondent_name,
                source=m.get_source_display(), outcome=m.outcome or "", url=f"/admin/casework/{m.pk}/")


def _document(d):
    m = d.matter
    return _doc(meta={"id": encode("document", d.pk)}, title=f"{d.kind_label}：{d.title}", body=d.body,
                kind="document", jurisdiction=m.jurisdiction, date=d.issued_on, doc_number=d.doc_number,
                index_number=m.number, process_kind=m.process or "", agency=d.addressee, issuer=d.kind_label,
                url=f"/admin/casework/files/document/{d.pk}.pdf")


def _complaint(c):
    # masked as in the complaint list (complaints/list.html): never the name, ID number, address or contact
    respondent = c.respondent
    title = f"{c.ground_label or '投诉举报'}（{c.masked_name}反映{respondent or '执法人员'}）"
    body = "\n".join(p for p in (c.request, c.facts, c.opinion, c.reply) if p)
    return _doc(meta={"id": encode("complaint", c.pk)}, title=title, body=body, kind="complaint",
                jurisdiction=c.jurisdiction, date=c.received_on, index_number=c.receipt_number,
                process_kind="complaint", agency=c.agency.name if c.agency_id else "",
                outcome=c.get_outcome_display() if c.outcome else c.get_status_display(),
                url=f"/admin/complaints/{c.pk}/")


def _decision(r):
    return _doc(meta={"id": encode("decision", r.pk)}, title=r.title, body=r.body, kind="decision",
                jurisdiction=r.jurisdiction, date=r.decided_on, doc_number=r.doc_number,
                process_kind=r.process_kind, agency=r.agency, outcome=r.outcome,
                url=f"/admin/search/decisions/{r.pk}/")


def _models():
    from casework.models import Document, Matter
    from complaints.models import Complaint
    from decisions.models import DecisionRecord

    return {"matter": Matter.objects.select_related("agency"), "matter_party": Matter.objects.select_related("agency"),
            "document": Document.objects.select_related("matter"),
            "complaint": Complaint.objects.select_related("agency", "supervisor"),
            "decision": DecisionRecord.objects.all()}


def load(object_id: int):
    kind, pk = decode(object_id)
    if kind is None:
        return None
    obj = _models()[kind].filter(pk=pk).first()
    return (kind, obj) if obj is not None else None


def build(item):
    kind, obj = item
    if kind in ("matter", PARTY_KIND):
        return _matter(obj, party=kind == PARTY_KIND)
    return {"document": _document, "complaint": _complaint, "decision": _decision}[kind](obj)


def all_items():
    for kind, qs in _models().items():
        for obj in qs.order_by("pk").iterator(chunk_size=500):
            yield kind, obj


def count() -> int:
    return sum(qs.count() for qs in _models().values())


def enqueue_for(instance) -> None:
    """A saved or deleted record: its entries go through the queue (indexing.enqueue)."""
    from .indexing import enqueue

    name = type(instance).__name__
    kinds = {"Matter": ("matter", PARTY_KIND), "Document": ("document",), "Complaint": ("complaint",),
             "DecisionRecord": ("decision",)}.get(name, ())
    for kind in kinds:
        enqueue("case", encode(kind, instance.pk))
