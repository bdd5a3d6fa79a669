"""Chinese-aware tokenising for the embedded engine's index.

Stock FTS keeps a run of Chinese characters as one token, so 监督员 never matches 行政执法监督员管理办法.
Here a CJK run becomes overlapping bigrams (监督 督员 …) plus its last character, so every substring of
two or more characters is found, and a one-character query matches as a prefix of the bigrams. Latin
words and numbers stay whole (lower-cased). Queries are cut into words (jieba) by analysis.py, and each
word is looked up through its bigrams: words for what people mean, bigrams so no word is missed.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

# CJK ideographs (basic + extension A + compatibility); everything else is split into words
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PIECE = re.compile(rf"[{_CJK}]+|[0-9a-z]+(?:\.[0-9]+)?")
# every bracket people type around the year of a 发文字号 becomes 〔〕
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕",
                           "(": "〔", ")": "〕", "（": "〔", "）": "〕", "{": "〔", "}": "〕",
                           "﹝": "〔", "﹞": "〕", "〖": "〔", "〗": "〕"})


def normalize(text: str) -> str:
    """NFKC (full-width digits/letters to ASCII), lower case, collapsed spaces."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):  # the quick check is much cheaper than normalising
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.lower().split())


def code_key(value: str) -> str:
    """Key for exact lookups of 发文字号/索引号: `武隆府办发[2021]62号` == `武隆府办发〔2021〕62号`."""
    text = unicodedata.normalize("NFKC", value or "").translate(_BRACKETS)
    return "".join(text.lower().split())


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    out = [a + b for a, b in zip(run, run[1:], strict=False)]
    out.append(run[-1])
    return out


def tokens(text: str) -> list[str]:
    """Index tokens of a text, in order, with repeats (for term counts)."""
    out: list[str] = []
    for piece in _PIECE.findall(normalize(text)):
        if "\u3400" <= piece[0]:
            out.extend(_bigrams(piece))
        else:
            out.append(piece)
    return out


def token_counts(text: str) -> Counter:
    return Counter(tokens(text))


def highlight_words(query: str) -> list[str]:
    """Words to mark in a snippet: the query's pieces, longest first."""
    pieces = set(_PIECE.findall(normalize(query)))
    return sorted(pieces, key=len, reverse=True)
