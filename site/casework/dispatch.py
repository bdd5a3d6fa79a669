"""Receipt of a served document (送达回证) goes to the process that owns the document — and only to it.

`casework.services.document_serve` records the receipt date and then calls `dispatch_served`, which runs
exactly one handler: the one the document's owner registered. No broadcast where every process looks at
every document and decides whether it is its own.

Who owns a document: its KIND, not `Matter.process`. One matter is one case file that carries a chain of
processes (一案一档): a complaint substantiated in matter X continues as a 责令限期纠正通知书 or a 监督意见书
(letters) and as an accountability case in the same matter X, so `Matter.process` names only the process
that opened the file ("complaint") and would send the letter's receipt to the complaints app. A document
kind, on the other hand, is issued by one process only (casework.documents.KINDS: suggestion, opinion_letter,
correction_order … by letters; coordination_* by coordination; rectification_notice by the yearly
programme), so the kind names its owner without ambiguity wherever the document sits.

Each process registers its kinds once, in its AppConfig.ready:

    dispatch.on_served(process="letter", kinds=("opinion_letter", ...), handler=on_document_served)

`handler(*, document, by)` runs inside document_serve's transaction (the receipt and the clocks it starts
stand or fall together); it finds its own record from the document. A kind claimed by two processes, or a
kind casework.documents does not know, is refused at start-up (ImproperlyConfigured). A kind nobody claims
(a complaint's notices, an accountability decision: no period counts from their receipt) runs nothing."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Owner:
    process: str
    handler: Callable[..., None]


_OWNERS: dict[str, Owner] = {}


def on_served(*, process: str, kinds: Iterable[str], handler: Callable[..., None]) -> None:
    """Register `process` as the owner of `kinds`: receipt of a document of one of them calls `handler`."""
    from .documents import KINDS

    for kind in kinds:
        if kind not in KINDS:
            raise ImproperlyConfigured(f"casework.dispatch: unknown document kind {kind!r} (casework.documents.KINDS)")
        current = _OWNERS.get(kind)
        if current is not None and current.process != process:
            raise ImproperlyConfigured(f"casework.dispatch: document kind {kind!r} is owned by {current.process!r}, "
                                       f"{process!r} cannot claim it too")
        _OWNERS[kind] = Owner(process, handler)


def owner_of(kind: str) -> Owner | None:
    return _OWNERS.get(kind)


def owners() -> dict[str, str]:
    """kind -> owning process, for checks and tests."""
    return {kind: o.process for kind, o in sorted(_OWNERS.items())}


def dispatch_served(*, document, by) -> str | None:
    """Run the owner's handler for a document whose receipt was just recorded; the owner's process key,
    or None when no process counts anything from this kind's receipt."""
    owner = _OWNERS.get(document.kind)
    if owner is None:
        return None
    from flows import task_index

    with task_index.batch():  # the clocks it starts and the steps it completes: 待办索引 written once, at the end
        owner.handler(document=document, by=by)
    return owner.process
