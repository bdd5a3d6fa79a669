"""Need-to-know for parties (被监督机关): the one place that decides what an agency's liaison may see of a
matter. Every screen that shows casework to a liaison asks here; bureau staff see the whole file of every
matter of their own jurisdiction (roles.access.bureau_jurisdiction: a district bureau's staff only their
district's, a city or province account with no 辖区 every jurisdiction's) and nothing of another's.

A liaison sees what is addressed to its agency: the documents issued to it (a Document exists only once
signed, so never a draft), the requests for its answer, its own answers, reports and uploads, and the
dates that bind it. It never sees the complainant's account (only the summary the officer chooses to send,
`Matter.party_summary`), who investigated, deliberations, extension or pause reasons, other parties'
answers, or an accountability case against its staff before the decision is issued to it."""
from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from roles.access import (
    agency_of,
    bureau_jurisdiction,
    is_bureau,
    outside_own_jurisdiction,
    own_jurisdiction_only,
    require_own_jurisdiction,
)

from .models import Attachment, Document, Matter, MatterEvent

# an accountability case (责任追究) is hidden from the agency whose staff it concerns until a document is
# issued to that agency (the decision, 过错 第十条第（三）项)
HIDDEN_UNTIL_ADDRESSED = {"accountability"}

# matters whose materials come from someone the agency must not learn about (the complainant, a supervisor)
CONFIDENTIAL_SOURCES = {"complaint", "supervisor_lead"}
CONFIDENTIAL_PROCESSES = {"complaint", "accountability"}

# in a complaint's or an accountability case's matter the bureau's own deadlines (owed to the complainant,
# or internal) are not the agency's business: there it sees only the clocks that bind it or that it is owed
# as applicant/objector (e.g. after a correction order in the same file)
INTERNAL_CLOCK_PROCESSES = {"complaint", "accountability"}
PARTY_CLOCK_RULES = {"letter_rectify_period", "decision_report_period", "letter_review_answer_period",
                     "dispute_supplement_period", "dispute_answer_period", "dispute_bureau_report_period",
                     "dispute_accept_period", "dispute_finish_period"}
# of these, the ones that name one agency in their label (each party's own answer period)
PER_AGENCY_CLOCK_RULES = {"dispute_answer_period", "dispute_bureau_report_period"}

BUREAU = "司法局"  # how a bureau actor is named to a party (never the officer or investigator by name)

REFUSE_MATTER = "您无权查看该监督事项：执法机关联络员只能查看送达本机关的事项。"
REFUSE_DOCUMENT = "您无权查看该文书：执法机关联络员只能查看主送本机关的已签发文书。"
REFUSE_ATTACHMENT = "您无权查看该材料：执法机关联络员只能查看本机关报送的材料。"
REFUSE_JURISDICTION = "您无权查看该监督事项：本账号只办理{name}的监督事项。"


def in_own_jurisdiction(user, matter: Matter) -> bool:
    """Bureau staff bound to a jurisdiction work only its matters (no query: the matter's own field); anyone else
    is not asked here (a liaison is bound by its agency)."""
    return not (is_bureau(user) and outside_own_jurisdiction(user, matter.jurisdiction))


def refused_jurisdiction(user) -> str:
    """The refusal of another jurisdiction's matter or task, naming the account's own jurisdiction."""
    from rules.profiles import get_profile

    return REFUSE_JURISDICTION.format(name=get_profile(bureau_jurisdiction(user)).name)


def require_matter_in_own_jurisdiction(user, matter: Matter | None) -> None:
    """Refuse (403, in Chinese) a bureau account's access to another jurisdiction's matter: its screen, its
    services, its tasks (flows.services, the task screens). The rule is roles.access.require_own_jurisdiction's,
    in the matter's words."""
    if matter is not None and is_bureau(user):
        require_own_jurisdiction(user, matter.jurisdiction, lambda: refused_jurisdiction(user))


# 过错 第五条 / 错案 第四条: a case an agency runs itself is handled by its legal unit (its liaison, holding this
# permission): in that file it sees what the bureau sees. Other agencies see nothing of it.
OWN_CASE_PERM = "accountability.run_own_case"
OWN_CASES = Q(process="accountability", accountability_case__run_by="agency")


def agency_runs(matter: Matter) -> bool:
    """An accountability case its agency runs itself (过错 第五条、错案 第四条), whoever reads it."""
    return matter.process == "accountability" and Matter.objects.filter(OWN_CASES, pk=matter.pk).exists()


def own_cases(user) -> QuerySet[Matter]:
    """The accountability cases its agency runs itself that `user` handles as the agency's legal unit (a liaison
    holding OWN_CASE_PERM): their whole file is its own (sees_whole; the decision search: decisions.selectors)."""
    agency = party_agency(user)
    if agency is None or not user.has_perm(OWN_CASE_PERM):
        return Matter.objects.none()
    return Matter.objects.filter(OWN_CASES, agency=agency)


def runs_own_case(user, matter: Matter) -> bool:
    agency = party_agency(user)
    if agency is None or matter.agency_id != agency.pk or matter.process != "accountability":
        return False
    return own_cases(user).filter(pk=matter.pk).exists()


def sees_whole(user, matter: Matter) -> bool:
    """Bureau staff of the matter's jurisdiction, or the agency's legal unit in its own case: the whole file."""
    if is_bureau(user):
        return in_own_jurisdiction(user, matter)
    return runs_own_case(user, matter)


def party_agency(user):
    """The agency a user sees casework for as a party (a liaison), or None for bureau staff and others."""
    if user is None or not user.is_authenticated or is_bureau(user) or not user.has_perm("casework.view_matter"):
        return None
    return agency_of(user)


def is_party(user) -> bool:
    return party_agency(user) is not None


def addressed_to(agency) -> Q:
    """Documents whose 主送 names the agency, alone or among several (“甲局、乙局”, a coordination opinion)."""
    name = agency.name
    return (Q(addressee=name) | Q(addressee__startswith=f"{name}、") | Q(addressee__endswith=f"、{name}")
            | Q(addressee__contains=f"、{name}、"))


def _addressed(agency) -> Exists:
    return Exists(Document.objects.filter(addressed_to(agency), matter=OuterRef("pk")))


def visible_matters(user) -> QuerySet[Matter]:
    qs = Matter.objects.select_related("agency")
    if is_bureau(user):
        return own_jurisdiction_only(qs, user)
    agency = party_agency(user)
    if agency is None:
        return qs.none()
    hidden = Q(process__in=HIDDEN_UNTIL_ADDRESSED) & ~_addressed(agency)
    if user.has_perm(OWN_CASE_PERM):
        hidden &= ~OWN_CASES  # its own agency's case, which it runs (the agency filter above keeps others out)
    # its agency's matters and those naming it a party, as one id list (a UNION of two index reads): an OR across
    # the join to the parties made PostgreSQL read every open matter and DISTINCT them (~60 ms at 100,000, issue 28),
    # and counted a matter once per party in a GROUP BY (the workbench's process counts)
    own = Matter.objects.filter(agency=agency).order_by().values("pk").union(
        Matter.parties.through.objects.filter(agency=agency).order_by().values("matter_id"))
    return qs.filter(pk__in=own).exclude(hidden)


def may_see_matter(user, matter: Matter) -> bool:
    if matter.pk is not None and is_bureau(user):  # bureau staff: the matter's own jurisdiction, no query
        return in_own_jurisdiction(user, matter)
    return visible_matters(user).filter(pk=matter.pk).exists()


def require_matter(user, matter: Matter) -> None:
    require_matter_in_own_jurisdiction(user, matter)
    if not may_see_matter(user, matter):
        raise PermissionDenied(REFUSE_MATTER if is_party(user) or agency_of(user) is not None
                               else "您无权查看该监督事项。")


def party_documents(user, matter: Matter) -> QuerySet[Document]:
    qs = matter.documents.order_by("issued_on", "pk")
    if sees_whole(user, matter):
        return qs
    agency = party_agency(user)
    return qs.filter(addressed_to(agency)) if agency is not None else qs.none()


def visible_documents(user) -> QuerySet[Document]:
    """Every document the user may open, across matters (the staff case search): party_documents of each
    matter visible_matters gives, in one query."""
    if is_bureau(user):  # the matters of the account's jurisdiction (all of them: no subquery)
        return own_jurisdiction_only(Document.objects.all(), user, "matter__jurisdiction")
    qs = Document.objects.filter(matter__in=visible_matters(user).values("pk"))
    agency = party_agency(user)
    if agency is None:
        return qs.none()
    if user.has_perm(OWN_CASE_PERM):  # the documents of its own agency's cases it runs
        return qs.filter(addressed_to(agency) | Q(matter__agency=agency, matter__process="accountability",
                                                  matter__accountability_case__run_by="agency"))
    return qs.filter(addressed_to(agency))


def may_open_document(user, document: Document) -> bool:
    if not may_see_matter(user, document.matter):
        return False
    return sees_whole(user, document.matter) or party_documents(user, document.matter).filter(pk=document.pk).exists()


def require_document(user, document: Document) -> None:
    if not may_see_matter(user, document.matter):
        require_matter(user, document.matter)
    if not may_open_document(user, document):
        raise PermissionDenied(REFUSE_DOCUMENT)


def party_attachments(user, matter: Matter) -> QuerySet[Attachment]:
    """A party sees its own uploads, and the bureau's only in a matter the bureau itself found (an inspection,
    a review): in one that came from a complainant or a supervisor's lead, or an accountability case, the
    bureau's materials carry the source's account and identity."""
    qs = matter.attachments.select_related("uploaded_by")
    if sees_whole(user, matter):
        return qs
    agency = party_agency(user)
    if agency is None:
        return qs.none()
    own = Q(uploaded_by__staff_profile__agency=agency)
    if matter.source in CONFIDENTIAL_SOURCES or matter.process in CONFIDENTIAL_PROCESSES:
        return qs.filter(own)
    return qs


def require_attachment(user, attachment: Attachment) -> None:
    require_matter(user, attachment.matter)
    if not party_attachments(user, attachment.matter).filter(pk=attachment.pk).exists():
        raise PermissionDenied(REFUSE_ATTACHMENT)


def party_clocks(user, matter: Matter, clocks: QuerySet):
    """Of a matter's clocks, those the user may see: all for the bureau; for a party the dates of its matter
    except another party's answer period, and in a complaint or accountability matter only those that bind it."""
    if sees_whole(user, matter):
        return clocks
    agency = party_agency(user)
    if agency is None:
        return clocks.none()
    if matter.process in INTERNAL_CLOCK_PROCESSES:
        clocks = clocks.filter(rule_key__in=PARTY_CLOCK_RULES)
    return clocks.exclude(Q(rule_key__in=PER_AGENCY_CLOCK_RULES) & ~Q(label__startswith=agency.name))


def may_see_clock(user, clock) -> bool:
    """For a clock whose subject is a matter: may the user see this one (a party only the dates that bind it)."""
    from clocks.models import Clock

    matter = clock.subject
    if not may_see_matter(user, matter):
        return False
    return party_clocks(user, matter, Clock.objects.filter(pk=clock.pk)).exists()


def party_events(user, matter: Matter) -> QuerySet[MatterEvent]:
    qs = matter.events.select_related("by")
    if sees_whole(user, matter):
        return qs
    agency = party_agency(user)
    if agency is None:
        return qs.none()
    return qs.filter(Q(agency__isnull=True) | Q(agency=agency), audience=MatterEvent.PARTY)


def actor_name(user, actor) -> str:
    """How the person who did something is named: in full to the bureau; to a party only its own staff
    by name, every bureau actor as 司法局."""
    if actor is None:
        return "系统"
    name = actor.get_full_name() or actor.username
    if is_bureau(user):
        return name
    own = party_agency(user)
    return name if own is not None and agency_of(actor) == own and not is_bureau(actor) else BUREAU


def party_records(user, matter: Matter, records: QuerySet):
    """Decision records a party sees on the matter screen: only those carried by a document issued to it."""
    if sees_whole(user, matter):
        return records
    return carried_records(user, records, party_documents(user, matter))


def carried_records(user, records: QuerySet, documents: QuerySet | None = None):
    """Decision records a party sees: those carried by a document it may open (`documents`, by default every
    one, visible_documents), never a confidential one."""
    if is_bureau(user):
        return records
    documents = visible_documents(user) if documents is None else documents
    return records.filter(doc_number__in=documents.exclude(doc_number="").values("doc_number"), confidential=False)


def visible_fields(user, matter: Matter) -> frozenset[str]:
    """Which of the matter's own fields the user reads: a party never the facts (for a complaint, the
    complainant's account), only the summary the bureau wrote for it."""
    common = {"number", "agency", "source", "process", "title", "opened_on", "status", "stage", "closed_on",
              "outcome", "party_summary"}
    if sees_whole(user, matter):
        return frozenset(common | {"facts", "opened_by"})
    return frozenset(common) if may_see_matter(user, matter) else frozenset()


def explain_refusals(view):
    """Under /admin/ Wagtail answers a PermissionDenied with a redirect and its own generic sentence; this
    puts the refusal's Chinese reason (e.g. REFUSE_DOCUMENT) in front of the person as well."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            if str(exc):
                messages.error(request, str(exc))
            raise

    return wrapped
