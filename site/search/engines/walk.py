"""How the embedded engine finds a page of results fast: walk one term's postings newest first and
stop as soon as the page is full, checking the other terms per candidate with an index lookup.

Ranking: tier A (every query term in the title) before tier B (the rest), newest first inside a tier.
Counting stops at COUNT_CAP ("more than 1000"), as Elasticsearch's track_total_hits does at 10,000:
exact counts of a word in most notices cost a full scan and tell a person nothing more.

Plain SQL over the search tables with `%s` parameters, so it runs the same on SQLite and PostgreSQL.
"""
from __future__ import annotations

from django.db import connection

from ..models import Posting, SearchEntry

COUNT_CAP = 1000


class Walk:
    def __init__(self, groups: list[list[int]], title_weight: int, entry_sql: tuple[str, list] | None,
                 exclude_ids: list[int], hidden_sql: tuple[str, list] | None = None,
                 days: tuple[int, int] | None = None):
        """groups: per query term, the term ids that satisfy it (one, or several for a one-character
        prefix); entry_sql: a condition on the entry row `e` checked per candidate (filters, visibility);
        hidden_sql: a small set of entry ids to leave out (unpublished/expired notices), read once;
        days: a date range (ordinals) walked directly in the index (the year filter)."""
        self.title = title_weight
        self.hidden_sql, self.days = hidden_sql, days
        # the driver is the term with the fewest postings (cheap estimate, capped)
        order = sorted(range(len(groups)),
                       key=lambda i: (len(groups[i]) > 1, self._df(groups[i]) if len(groups[i]) == 1 else 0))
        self.driver, self.others = groups[order[0]], [groups[i] for i in order[1:]]
        self.entry_sql = entry_sql
        self.exclude_ids = exclude_ids
        q = connection.ops.quote_name
        self.P, self.E = q(Posting._meta.db_table), q(SearchEntry._meta.db_table)

    @staticmethod
    def _in(column: str, ids: list[int]) -> tuple[str, list]:
        if len(ids) == 1:
            return f"{column} = %s", list(ids)
        return f"{column} IN ({', '.join(['%s'] * len(ids))})", list(ids)

    def _df(self, ids: list[int], cap: int = 3000) -> int:
        cond, params = self._in("term_id", ids)
        with connection.cursor() as cur:
            cur.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {Posting._meta.db_table} WHERE {cond} LIMIT %s) t",
                        params + [cap])
            return cur.fetchone()[0]

    def _has(self, ids: list[int], in_title: bool) -> tuple[str, list]:
        cond, params = self._in("p2.term_id", ids)
        title = " AND p2.weight >= %s" if in_title else ""
        return (f"EXISTS (SELECT 1 FROM {self.P} p2 WHERE {cond} AND p2.day = p1.day "
                f"AND p2.entry_id = p1.entry_id{title})", params + ([self.title] if in_title else []))

    def _where(self, tier: str | None) -> tuple[str, list]:
        cond, params = self._in("p1.term_id", self.driver)
        parts, params = [cond], list(params)
        if self.days:
            parts.append("p1.day BETWEEN %s AND %s")
            params += list(self.days)
        for ids in self.others:
            sql, p = self._has(ids, in_title=tier == "A")
            parts.append(sql)
            params += p
        if tier in ("A", "B"):
            # "every term in the title" for the driver row itself (or any of its prefix terms)
            title_parts, title_params = [], []
            if len(self.driver) == 1:
                title_parts.append("p1.weight >= %s")
                title_params.append(self.title)
            else:
                sql, p = self._has(self.driver, in_title=True)
                title_parts.append(sql)
                title_params += p
            if tier == "A":
                parts += title_parts
                params += title_params
            else:
                for ids in self.others:
                    sql, p = self._has(ids, in_title=True)
                    title_parts.append(sql)
                    title_params += p
                parts.append(f"NOT ({' AND '.join(title_parts)})")
                params += title_params
        if self.exclude_ids:
            sql, p = self._in("p1.entry_id", self.exclude_ids)
            parts.append(f"NOT ({sql})")
            params += p
        if self.hidden_sql:
            parts.append(f"p1.entry_id NOT IN ({self.hidden_sql[0]})")
            params += self.hidden_sql[1]
        if self.entry_sql:
            parts.append(f"EXISTS (SELECT 1 FROM {self.E} e WHERE e.id = p1.entry_id AND {self.entry_sql[0]})")
            params += self.entry_sql[1]
        return " AND ".join(parts), params

    def _select(self) -> str:
        distinct = "DISTINCT " if len(self.driver) > 1 else ""
        return f"SELECT {distinct}p1.entry_id, p1.day FROM {self.P} p1"

    def page(self, tier: str | None, limit: int, offset: int) -> list[int]:
        if limit <= 0:
            return []
        where, params = self._where(tier)
        sql = f"{self._select()} WHERE {where} ORDER BY p1.day DESC, p1.entry_id DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cur:
            cur.execute(sql, params + [limit, offset])
            return [row[0] for row in cur.fetchall()]

    def count(self, tier: str | None = None, cap: int = COUNT_CAP) -> int:
        """Matches, counted up to cap + 1 (so a caller can tell "more than cap")."""
        where, params = self._where(tier)
        with connection.cursor() as cur:
            cur.execute(f"SELECT COUNT(*) FROM ({self._select()} WHERE {where} LIMIT %s) t", params + [cap + 1])
            return cur.fetchone()[0]
