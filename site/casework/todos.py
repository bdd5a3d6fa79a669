"""What the served documents leave waiting (我的待办 provider, flows.worklist.PROVIDERS): a document issued
and not yet served — for the addressee agency's liaison, to sign for receipt online (签收); for the bureau's
officers, to enter the receipt date from the return slip (送达回证). Receipt starts the clocks that count
from it, so neither has a due date of its own."""
from __future__ import annotations

import datetime as dt

from django.db.models import DateField, Q, Value
from django.db.models.functions import Concat
from django.urls import reverse

from roles.access import agency_of, groups_of, is_bureau, own_jurisdiction_only
from roles.definitions import OFFICER

from .models import Document

PROCESS = "送达"
# the officers' item title, in SQL: 我的待办 sorts by it, and on PostgreSQL the partial index
# document_unserved_title (migration 0016) holds the unserved documents in this order — change both together
SERVICE_TITLE = Concat(Value("登记送达回证：《"), "kind_label", Value("》"))


def _unserved():
    return Document.objects.filter(received_on__isnull=True).order_by("issued_on", "pk")


FIELDS = ("pk", "kind_label", "doc_number", "matter_id", "matter__title", "issued_on", "addressee")


def documents_to_serve(user, *, today: dt.date):
    """The liaison's documents to sign for (a few: its own agency's), then the officers' return slips to enter
    (every document unserved: thousands at a province's size, counted, sorted and paged in SQL — issue 28)."""
    from flows.worklist import FastUrls, Item, QuerySource, recused_matters

    urls = FastUrls()
    agency = None if is_bureau(user) else agency_of(user)

    def url(pk):  # one reverse for all of them
        return urls.fill("service", lambda probe: reverse("casework:service", args=[probe]), pk)

    sources = []
    if agency is not None:
        docs = _unserved().filter(addressee=agency.name).filter(
            Q(matter__agency=agency) | Q(matter__parties=agency)).distinct()
        sources.append([Item(title=f"签收《{d['kind_label']}》", subject=f"{d['doc_number']} {d['matter__title']}",
                             process=PROCESS, url=url(d["pk"]), key=f"sign:{d['pk']}", matter_id=d["matter_id"],
                             note=f"{d['issued_on']:%Y-%m-%d}签发；期限自签收之日起计算")
                        for d in docs.values(*FIELDS)])
    if OFFICER in groups_of(user) and user.has_perm("casework.record_service"):
        # the documents of its own jurisdiction's matters (roles.access.bureau_jurisdiction), none it recused from
        unserved = own_jurisdiction_only(_unserved(), user, "matter__jurisdiction").exclude(
            matter_id__in=recused_matters(user))

        def build(pks):
            return {d["pk"]: Item(title=f"登记送达回证：《{d['kind_label']}》",
                                  subject=f"{d['doc_number']} {d['matter__title']}", process=PROCESS,
                                  url=url(d["pk"]), key=f"serve:{d['pk']}", matter_id=d["matter_id"],
                                  note=f"{d['issued_on']:%Y-%m-%d}签发，主送{d['addressee']}")
                    for d in unserved.filter(pk__in=pks).values(*FIELDS)}

        sources.append(QuerySource(unserved, due=Value(None, output_field=DateField()),
                                   title=SERVICE_TITLE,
                                   order=("issued_on", "pk"), build=build,
                                   # its heads walk the partial index on the title (casework 0016) and stop at
                                   # the page's end: counted apart off that index (4 + 3 ms), not every row
                                   # read for a window count beside the heads (18 ms at 100,000 matters)
                                   count_apart=True))
    return tuple(sources)
