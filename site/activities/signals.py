"""Signals other apps listen to.

`absence_threshold_reached(sender=AbsenceFinding, supervisor=..., finding=...)` is sent once per
finding, inside the transaction that records it (the dismissal process starts a proposal from it:
000 第十八条第（三）项, 001 第十六条第（六）项, 002 第十五条第（二）项)."""

from django.dispatch import Signal

absence_threshold_reached = Signal()
