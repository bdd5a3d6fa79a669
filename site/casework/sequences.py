"""The one way to take the next number of a counter: 案号 (casework.MatterSequence), 发文字号 and 受理编号
(casework.DocumentSequence), 聘书/证件编号 (supervisors.NumberSequence). Each table is one row per counter
(jurisdiction, [kind,] year) with `last`; this takes it under a row lock so that two issuers at once get
two numbers, never one twice.

The row is created on first use inside a savepoint: a concurrent first use hits the unique constraint,
and both then lock the same row (on PostgreSQL the second waits for the first's transaction to end)."""
from __future__ import annotations

from django.db import IntegrityError, transaction


def take_next(model, **key) -> int:
    """The next value of the counter `model` row identified by `key` (its unique fields). Call it inside
    the transaction that uses the number: the lock holds until that transaction ends."""
    from django.db import connection

    if connection.vendor == "postgresql":  # one statement: the row locked, raised and read back
        meta = model._meta
        where = " AND ".join(f'"{meta.get_field(k).column}" = %s' for k in key)
        with connection.cursor() as cur:
            cur.execute(f'UPDATE "{meta.db_table}" SET "last" = "last" + 1 WHERE {where} RETURNING "last"',
                        [meta.get_field(k).get_db_prep_value(v, connection) for k, v in key.items()])
            row = cur.fetchone()
        if row is not None:
            return row[0]
    seq = model.objects.select_for_update().filter(**key).first()  # two queries once the row exists
    if seq is None:  # the first number of its year: create the row, then lock it
        try:
            with transaction.atomic():
                model.objects.get_or_create(**key)
        except IntegrityError:  # created by a concurrent issuer: lock it below
            pass
        seq = model.objects.select_for_update().get(**key)
    seq.last += 1
    seq.save(update_fields=["last"])
    return seq.last
