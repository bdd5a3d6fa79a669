"""What the served documents leave waiting (我的待办 provider, flows.worklist.PROVIDERS): a document issued
and not yet served — for the addressee agency's liaison, to sign for receipt online (签收); for the bureau's
officers, to enter the receipt date from the return slip (送达回证). Receipt starts the clocks that count
from it, so neither has a due date of its own."""
from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse

from roles.access import agency_of, groups_of, is_bureau
from roles.definitions import OFFICER

from .models import Document

PROCESS = "送达"


def _unserved():
    return Document.objects.filter(received_on__isnull=True).order_by("issued_on", "pk")


FIELDS = ("pk", "kind_label", "doc_number", "matter_id", "matter__title", "issued_on", "addressee")


def documents_to_serve(user, *, today: dt.date) -> list:
    from flows.worklist import FastUrls, Item

    items, urls = [], FastUrls()
    agency = None if is_bureau(user) else agency_of(user)

    def url(pk):  # one reverse for all of them (thousands unserved at a province's size)
        return urls.fill("service", lambda probe: reverse("casework:service", args=[probe]), pk)

    if agency is not None:
        docs = _unserved().filter(addressee=agency.name).filter(
            Q(matter__agency=agency) | Q(matter__parties=agency)).distinct()
        items += [Item(title=f"签收《{d['kind_label']}》", subject=f"{d['doc_number']} {d['matter__title']}",
                       process=PROCESS, url=url(d["pk"]), key=f"sign:{d['pk']}", matter_id=d["matter_id"],
                       note=f"{d['issued_on']:%Y-%m-%d}签发；期限自签收之日起计算")
                  for d in docs.values(*FIELDS)]
    if OFFICER in groups_of(user) and user.has_perm("casework.record_service"):
        items += [Item(title=f"登记送达回证：《{d['kind_label']}》", subject=f"{d['doc_number']} {d['matter__title']}",
                       process=PROCESS, url=url(d["pk"]), key=f"serve:{d['pk']}",
                       matter_id=d["matter_id"], note=f"{d['issued_on']:%Y-%m-%d}签发，主送{d['addressee']}")
                  for d in _unserved().values(*FIELDS)]
    return items
