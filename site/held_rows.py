"""The rows a running service holds locked in the current transaction, handed to the code it calls.

A service that has read a row `SELECT … FOR UPDATE` (the letter a decision saves, the task the flow's lock was
taken with) holds it for the rest of its transaction; what it calls next — another service, the flow's nodes, a
signal receiver — would otherwise read the same row again, locked or not, for nothing. `held(row)` says "this
copy is the row, locked by me"; `held_row(Model, pk)` finds it or None, and the callee then reads (and locks) the
row itself, as it must when called from anywhere else.

Only a copy read under a lock in this transaction may be held: `held` refuses outside a transaction (a copy held
there would be locked by nobody), and the hold ends with the `with` block, inside the transaction that took it."""

from __future__ import annotations

import contextlib
import contextvars

from django.db import transaction

_HELD: contextvars.ContextVar[dict | None] = contextvars.ContextVar("held_rows", default=None)


def _key(model, pk) -> tuple:
    return model._meta.concrete_model._meta.label, pk  # a proxy's row is its concrete model's


@contextlib.contextmanager
def held(*rows):
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("held rows are those locked in the current transaction; there is none")
    token = _HELD.set({**(_HELD.get() or {}), **{_key(type(row), row.pk): row for row in rows}})
    try:
        yield rows[0] if len(rows) == 1 else rows
    finally:
        _HELD.reset(token)


def held_row(model, pk):
    return (_HELD.get() or {}).get(_key(model, pk))
