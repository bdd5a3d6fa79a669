"""The embedded engine's storage formats, with numpy: a term's postings blob, and the entries' filter
columns each process keeps in memory (DocTable), reloaded when the scope's index version moves."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

ID = np.dtype("<i4")
MAX_ID = 2**31 - 1


def pack_postings(ids, weights) -> bytes:
    """Entry ids (sorted, unique) then their weights, little-endian int32."""
    ids = np.asarray(ids, dtype=np.int64)
    if ids.size and int(ids[-1]) > MAX_ID:
        raise OverflowError("检索条目编号超出倒排表可存储的范围，请联系运维人员重置检索条目编号后重建索引。")
    return ids.astype(ID).tobytes() + np.asarray(weights, dtype=ID).tobytes()


def unpack_postings(blob) -> tuple[np.ndarray, np.ndarray]:
    """(ids, weights) of a blob: read-only views, no copy."""
    if not blob:
        return np.empty(0, ID), np.empty(0, ID)
    n = len(blob) // 8
    return np.frombuffer(blob, ID, n), np.frombuffer(blob, ID, n, 4 * n)


def pack_ids(ids) -> bytes:
    return np.unique(np.asarray(list(ids), dtype=np.int64)).astype(ID).tobytes()


def unpack_ids(blob) -> np.ndarray:
    return np.frombuffer(blob, ID) if blob else np.empty(0, ID)


def merge(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Postings of several sources (no entry in two of them) as one (ids, weights), sorted by id."""
    parts = [p for p in parts if p[0].size]
    if not parts:
        return np.empty(0, ID), np.empty(0, ID)
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([p[0] for p in parts])
    weights = np.concatenate([p[1] for p in parts])
    order = np.argsort(ids, kind="stable")
    return ids[order], weights[order]


def lookup(ids: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of `wanted` (sorted): whether `ids` holds it, and its value there (0 where not)."""
    if not ids.size:
        return np.zeros(wanted.size, bool), np.zeros(wanted.size, values.dtype)
    pos = np.searchsorted(ids, wanted)
    pos[pos >= ids.size] = ids.size - 1
    found = ids[pos] == wanted
    return found, np.where(found, values[pos], 0)


def contains(sorted_ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    if not sorted_ids.size:
        return np.zeros(wanted.size, bool)
    pos = np.searchsorted(sorted_ids, wanted)
    pos[pos >= sorted_ids.size] = sorted_ids.size - 1
    return sorted_ids[pos] == wanted


@dataclass
class DocTable:
    """The entries of one scope, sorted by id, with what filters and ranking read besides postings."""

    version: int
    ids: np.ndarray  # int64, sorted
    day: np.ndarray  # date as a proleptic ordinal (0: none), the recency tie-break
    year: np.ndarray  # 0: none
    public: np.ndarray  # bool
    expire: np.ndarray  # float POSIX seconds, inf: never
    columns: dict[str, np.ndarray] = field(default_factory=dict)  # kind, jurisdiction ... as codes
    codes: dict[str, dict[str, int]] = field(default_factory=dict)  # column -> value -> code
    retired: np.ndarray = field(default_factory=lambda: np.empty(0, ID))
    avg_title: float = 1.0
    avg_body: float = 1.0
    cache: dict = field(default_factory=dict)  # what is derived from this version (the BM25 lookups)

    @classmethod
    def build(cls, version: int, rows: list[tuple], names: tuple[str, ...], retired: np.ndarray) -> DocTable:
        """rows: (id, date, year, public, expire_at, title_length, length, *names), ordered by id."""
        n = len(rows)
        ids = np.fromiter((r[0] for r in rows), np.int64, n)
        day = np.fromiter((_ordinal(r[1]) for r in rows), np.int32, n)
        year = np.fromiter((r[2] or 0 for r in rows), np.int32, n)
        public = np.fromiter((bool(r[3]) for r in rows), bool, n)
        expire = np.fromiter((r[4].timestamp() if r[4] else np.inf for r in rows), np.float64, n)
        title_len = np.fromiter((r[5] or 0 for r in rows), np.float64, n)
        body_len = np.fromiter((r[6] or 0 for r in rows), np.float64, n)
        columns, codes = {}, {}
        for k, name in enumerate(names):
            table: dict[str, int] = {}
            columns[name] = np.fromiter((table.setdefault(r[7 + k] or "", len(table)) for r in rows), np.int32, n)
            codes[name] = table
        return cls(version, ids, day, year, public, expire, columns, codes, retired,
                   float(title_len.mean()) if n and title_len.any() else 1.0,
                   float(body_len.mean()) if n and body_len.any() else 1.0)

    def mask(self, filters: dict, now: float | None) -> np.ndarray:
        """Entries passing the filters (column -> value; year -> int); now: public notices only."""
        keep = np.ones(self.ids.size, bool)
        if now is not None:
            keep &= self.public & (self.expire > now)
        for name, value in filters.items():
            if name == "year":
                keep &= self.year == int(value)
            elif name in self.columns:
                code = self.codes[name].get(value)
                if code is None:
                    return np.zeros(self.ids.size, bool)
                keep &= self.columns[name] == code
        return keep

    def days_of(self, ids: np.ndarray) -> np.ndarray:
        found, pos = contains(self.ids, ids), np.searchsorted(self.ids, ids)
        pos[pos >= self.ids.size] = max(self.ids.size - 1, 0)
        return np.where(found, self.day[pos] if self.ids.size else 0, 0)


def _ordinal(value) -> int:
    if not value:
        return 0
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.toordinal()
