"""Chinese-aware tokenising for the embedded engine.

Stock FTS keeps a run of Chinese characters as one token, so 监督员 never matches 行政执法监督员管理办法.
Here a CJK run becomes overlapping bigrams (监督 督员 …) plus its last character, so every substring of
two or more characters is found, and a one-character query matches as a prefix of the bigrams. Latin
words and numbers stay whole (lower-cased). `SEARCH_TOKENIZER = "jieba"` switches to jieba's search
mode instead; benchmarks/search_bench.py measures both (bigrams find every substring, jieba does not).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.conf import settings

# CJK ideographs (basic + extension A + compatibility); everything else is split into words
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PIECE = re.compile(rf"[{_CJK}]+|[0-9a-z]+(?:\.[0-9]+)?")
# every bracket people type around the year of a 发文字号 becomes 〔〕
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕",
                           "(": "〔", ")": "〕", "（": "〔", "）": "〕", "{": "〔", "}": "〕",
                           "﹝": "〔", "﹞": "〕", "〖": "〔", "〗": "〕"})


def normalize(text: str) -> str:
    """NFKC (full-width digits/letters to ASCII), lower case, collapsed spaces."""
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())


def code_key(value: str) -> str:
    """Key for exact lookups of 发文字号/索引号: `武隆府办发[2021]62号` == `武隆府办发〔2021〕62号`."""
    text = unicodedata.normalize("NFKC", value or "").translate(_BRACKETS)
    return "".join(text.lower().split())


def _mode() -> str:
    return getattr(settings, "SEARCH_TOKENIZER", "bigram")


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def _jieba_words(run: str) -> list[str]:
    import jieba

    return [w for w in jieba.cut_for_search(run) if w.strip()]


def tokens(text: str, mode: str | None = None) -> list[str]:
    """Index tokens of a text, in order, with repeats (for term counts)."""
    mode = mode or _mode()
    out: list[str] = []
    for piece in _PIECE.findall(normalize(text)):
        if "\u3400" <= piece[0]:
            out.extend(_jieba_words(piece) if mode == "jieba" else _bigrams(piece))
        else:
            out.append(piece)
    return out


def token_counts(text: str, mode: str | None = None) -> Counter:
    return Counter(tokens(text, mode))


@dataclass(frozen=True)
class QueryTerm:
    """One thing every hit must contain: an exact token, or (one CJK char) any token starting with it."""

    text: str
    prefix: bool = False


def query_terms(query: str, mode: str | None = None) -> list[QueryTerm]:
    """What a query requires (AND). Bigram mode drops the trailing single char a run also indexes."""
    mode = mode or _mode()
    terms: list[QueryTerm] = []
    for piece in _PIECE.findall(normalize(query)):
        if "\u3400" <= piece[0]:
            if len(piece) == 1:
                terms.append(QueryTerm(piece, prefix=mode != "jieba"))
            elif mode == "jieba":
                terms.extend(QueryTerm(w) for w in _jieba_words(piece))
            else:
                terms.extend(QueryTerm(piece[i:i + 2]) for i in range(len(piece) - 1))
        else:
            terms.append(QueryTerm(piece))
    seen: dict[QueryTerm, None] = {}
    for t in terms:
        seen.setdefault(t, None)
    return list(seen)


def highlight_words(query: str) -> list[str]:
    """Words to mark in a snippet: the query's pieces, longest first."""
    pieces = set(_PIECE.findall(normalize(query)))
    return sorted(pieces, key=len, reverse=True)
