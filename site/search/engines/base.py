"""What every engine takes and returns: the same query and the same result shape for both engines."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..tokenize import highlight_words

MAX_QUERY_LENGTH = 100
# facets the staff search offers (field -> Chinese heading)
DECISION_FACETS = {"process_kind": "流程类型", "agency": "涉及执法机关", "year": "年份", "outcome": "结果"}
# the staff case search (cases.py): kind, process, agency, year, outcome/state
CASE_FACETS = {"kind": "类别", "process_kind": "办理程序", "agency": "执法机关", "year": "年份", "outcome": "结果/状态"}
NOTICE_FACETS = {"kind": "类别", "year": "年份", "jurisdiction": "辖区"}


@dataclass
class SearchQuery:
    text: str = ""
    scope: str = "notice"  # "notice" (public) | "decision" (staff)
    filters: dict = field(default_factory=dict)  # kind, year, jurisdiction, process_kind, agency, outcome
    page: int = 1
    per_page: int = 10
    user: object = None  # decisions: results limited to what this user may open
    facets: tuple = ()
    cursor: str = ""  # Elasticsearch deep pages: SearchResults.cursor of the page before (es_paging.py)


@dataclass
class Hit:
    object_id: int
    title: str
    url: str
    kind: str
    kind_label: str
    date: dt.date | None
    doc_number: str = ""
    index_number: str = ""
    jurisdiction: str = ""
    issuer: str = ""
    agency: str = ""
    outcome: str = ""
    process_kind: str = ""
    snippet: SafeString = mark_safe("")
    exact: bool = False  # found by its 发文字号/索引号

    def as_json(self) -> dict:
        return {"title": self.title, "url": self.url, "kind": self.kind, "kind_label": self.kind_label,
                "date": self.date.isoformat() if self.date else None, "doc_number": self.doc_number,
                "index_number": self.index_number, "jurisdiction": self.jurisdiction,
                "snippet": str(self.snippet)}


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[Hit]
    total: int
    facets: dict = field(default_factory=dict)  # name -> [(value, count)], most frequent first
    more: bool = False  # total is a lower bound: counting stopped there
    message: str = ""  # why nothing could be searched (e.g. only question words), for the person
    suggestions: list = field(default_factory=list)  # no result: Hits with the closest titles
    broader: list = field(default_factory=list)  # no result: shorter queries that do find something
    cursor: str = ""  # Elasticsearch deep pages: hand to the next page's SearchQuery.cursor ("" = none)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


def snippet(text: str, query: str, width: int = 120) -> SafeString:
    """A window of `text` around the first query word, HTML-escaped, query words in <mark>."""
    words = [w for w in highlight_words(query) if w]
    low = text.lower()
    start = -1
    for w in words:
        start = low.find(w)
        if start >= 0:
            break
    if start < 0:  # no whole word in the text: try its two-character pieces
        pieces = [w[i:i + 2] for w in words for i in range(max(1, len(w) - 1))]
        hits = [low.find(p) for p in pieces if p and low.find(p) >= 0]
        start = min(hits) if hits else 0
        words = words + pieces
    begin = max(0, start - width // 3)
    window = text[begin:begin + width]
    marks = sorted({w for w in words if w}, key=len, reverse=True)
    out = escape(window)
    if marks:
        pattern = re.compile("|".join(re.escape(escape(m)) for m in marks), re.IGNORECASE)
        out = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", out)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if begin + width < len(text) else ""
    return mark_safe(prefix + out + suffix)
