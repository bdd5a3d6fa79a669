"""A generation counter kept in a cache: everything cached under generation N is stale once the counter moves.

Three caches use it — public pages (pages.cache), the 我的待办 count and list (flows.badge) and staff permissions
(roles.auth_cache). A write bumps the counter when it happens and once more when its transaction commits, so a
value computed by another process between the two, from data not yet committed, is not kept."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache as default_cache
from django.db import transaction


class Generation:
    def __init__(self, key: str, cache: Callable = lambda: default_cache):
        self.key = key
        self._cache = cache
        self._incr = self.incr  # one bound method, so a transaction's commit hook is recognised and added once

    def current(self) -> int:
        cache = self._cache()
        gen = cache.get(self.key)
        if gen is None:
            # from the clock, never from 1: a key evicted and recreated must not meet entries of an earlier number
            cache.add(self.key, int(time.time() * 1000), timeout=None)
            gen = cache.get(self.key)
        return gen

    def incr(self) -> None:
        cache = self._cache()
        try:
            cache.incr(self.key)
        except ValueError:  # missing (first use, or evicted)
            self.current()
            cache.incr(self.key)

    def bump(self) -> None:
        """Stale now, and again when the current transaction commits (once per transaction, however many rows
        it writes)."""
        self.incr()
        conn = transaction.get_connection()
        if conn.in_atomic_block and not any(entry[1] is self._incr for entry in conn.run_on_commit):
            transaction.on_commit(self._incr)
