"""What a query asks for, the way people type it (issue 15): words, not every bigram.

A query becomes *clauses*, one per word that carries meaning:
- each run of Chinese characters is cut into words (jieba); question words and particles (吗, 呢, 怎么,
  如何, 什么时候, 能不能, 找谁, 有没有 …) are dropped, so they never block a match;
- a word staff listed as a synonym (SearchSynonym) is a clause of alternatives: the word typed (weight 1)
  or any of its synonyms (SYNONYM_WEIGHT);
- Latin words and numbers are clauses of their own; a lone Chinese character (a query of one
  character) matches any word containing it.
Between two words typed together (行政|执法) the *junction* bigram (政执) is a proximity term: a notice
where the words stand together scores higher (`phrases` holds the same pairs whole, 行政执法, for an
engine that matches phrases). The engines match a document when it holds at least
`minimum_should_match(n)` of the n clauses, and rank by BM25 over the clauses' bigrams.

This is the one home of the query-side rules: both engines call `analyse(text, synonym_table())` and
render the same `Analysis` — the embedded engine into bigram lookups and its own BM25, Elasticsearch
into a bool query (engines/es_query.py) over its analyzers (engines/es_index.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .spelling import MAX_CORRECTIONS, Vocabulary, correct_word, to_simplified
from .tokenize import _CJK, normalize

SYNONYM_WEIGHT = 0.6
STOP_MESSAGE = ("“{text}”只含有“{words}”等提问用语，没有可以检索的关键词。请输入要找的事项或文件名称中的词语，"
                "如“投诉”“监督员 聘期”，或直接输入发文字号。")

# phrases that ask rather than say (removed wherever they stand in a run)
STOP_PHRASES = sorted({
    "什么时候", "什么时间", "可不可以", "能不能", "会不会", "要不要", "是不是", "有没有", "该不该", "怎么办", "怎么样",
    "怎么", "怎样", "如何", "什么", "为什么", "为何", "哪里", "哪儿", "哪些", "哪个", "哪家", "多少", "多久", "多长",
    "几年", "几天", "几个", "几次", "找谁", "哪天", "哪年", "何时", "咋办", "怎么弄", "行不行", "对不对",
    "有人管", "请问", "是否", "能否", "可否", "可以", "应该", "应当", "需要", "一下",
    "的话", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "谁", "啥", "咋",
}, key=len, reverse=True)
# one-character words that say nothing on their own (dropped when jieba cuts them out of a run)
STOP_CHARS = set("的了是在和与及或我你他她它们有要会被把给向对去到就都也还又很几能让由从之其这那个该吗呢吧啊呀么嘛谁啥咋哪")
_STOP_RE = re.compile("|".join(map(re.escape, STOP_PHRASES)))
_RUN = re.compile(rf"[{_CJK}]+|[0-9a-z]+(?:\.[0-9]+)?")


@dataclass
class Clause:
    """One word of the query: matched when the document holds any alternative (all of its bigrams)."""

    typed: str
    alternatives: list[tuple[str, float]] = field(default_factory=list)  # (text, weight), typed first
    prefix: bool = False  # a lone character: any indexed bigram starting with it


@dataclass
class Analysis:
    clauses: list[Clause]
    junctions: list[str]  # bigrams across two adjacent words typed together
    dropped: list[str]  # question words and particles left out
    phrases: list[str] = field(default_factory=list)  # the same adjacent words, whole (行政执法)

    @property
    def asks(self) -> bool:
        """A question (怎么, 如何, 能不能, …吗): it asks what a rule says."""
        return any(len(w) > 1 or w in "吗呢么" for w in self.dropped)

    @property
    def stop_words_only(self) -> bool:
        return not self.clauses and bool(self.dropped)

    @property
    def need(self) -> int:
        """How many clauses a document must hold (minimum_should_match of this query)."""
        return minimum_should_match(len(self.clauses))

    def stop_message(self, text: str) -> str:
        """For a query of question words alone: what to tell the person (the same in both engines)."""
        return STOP_MESSAGE.format(text=text, words="”“".join(dict.fromkeys(self.dropped)))


def minimum_should_match(n: int) -> int:
    """Clauses a document must hold: all of one or two words; of longer queries, all but one in three
    (3 -> 2, 4 -> 3, 5 -> 4, 6 -> 4)."""
    return n if n <= 2 else n - n // 3


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def warm_up() -> None:
    """Load jieba's dictionary now (about a second), and the conversion and pinyin tables (half a second),
    rather than in a reader's first search (web processes call it at start through search.engines.warm_up)."""
    from . import spelling

    _jieba()
    spelling.warm_up()


def _cut(segment: str) -> list[str]:
    return [w for w in _jieba().lcut(segment) if w.strip()]


def _synonym_spans(run: str, table: dict[str, list[str]]) -> list[tuple[int, int]]:
    """Non-overlapping spans of `run` that are synonym words, longest first, left to right."""
    spans: list[tuple[int, int]] = []
    taken = [False] * len(run)
    for word in sorted(table, key=len, reverse=True):
        start = run.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(taken[start:end]):
                spans.append((start, end))
                for i in range(start, end):
                    taken[i] = True
            start = run.find(word, end)
    return sorted(spans)


def analyse(text: str, synonyms: dict[str, list[str]] | None = None, vocabulary: Vocabulary | None = None) -> Analysis:
    """synonyms: word -> words that may stand for it (normalised), e.g. {"协管员": ["辅助人员"]}.
    vocabulary: bigrams -> how many documents hold each (the engine's index); given, a word that cannot
    match because of a wrong homophone is corrected (spelling.py). Traditional characters become
    simplified ones in any case."""
    table = synonyms or {}
    clauses: list[Clause] = []
    junctions: list[str] = []
    phrases: list[str] = []
    dropped: list[str] = []
    singles: list[str] = []
    budget = [MAX_CORRECTIONS]
    known: dict[str, int] = {}
    for piece in _RUN.findall(to_simplified(normalize(text))):
        if not ("\u3400" <= piece[0]):
            clauses.append(Clause(piece, [(piece, 1.0)]))
            continue
        if vocabulary is not None and budget[0] > 0:
            piece = _corrected(piece, _words(piece, table, []), table, vocabulary, known, budget)
        words = _words(piece, table, dropped)
        # drop one-character particles; a remaining lone character (原 in 原题目) is matched through the
        # bigrams it forms with the words beside it (原题), so it narrows without blocking a whole question
        kept: list[str | None] = []
        for w in words:
            if w is not None and len(w) == 1 and w in STOP_CHARS:
                dropped.append(w)
                w = None
            kept.append(w)
        for i, w in enumerate(kept):
            if w is None:
                continue
            prev = kept[i - 1] if i > 0 else None
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            if len(w) == 1:
                pairs = ([prev[-1] + w] if prev else []) + ([w + nxt[0]] if nxt else [])
                if pairs:
                    clauses.append(Clause(w, [(p, 1.0) for p in pairs]))
                else:
                    singles.append(w)
                continue
            alts = [(w, 1.0)] + [(s, SYNONYM_WEIGHT) for s in table.get(w, []) if s != w]
            clauses.append(Clause(w, alts))
            if prev is not None and len(prev) > 1:
                junctions.append(prev[-1] + w[0])
                phrases.append(prev + w)
    if not clauses:  # only characters standing alone: each matches the words that contain it
        clauses = [Clause(c, [(c, 1.0)], prefix=True) for c in dict.fromkeys(singles)]
    unique: dict[str, Clause] = {}
    for c in clauses:
        unique.setdefault(c.typed, c)
    return Analysis(list(unique.values()), list(dict.fromkeys(junctions)), dropped, list(dict.fromkeys(phrases)))


def _words(piece: str, table: dict[str, list[str]], dropped: list[str]) -> list[str | None]:
    """The words of a run of Chinese characters in order, None where a question word or particle stood."""
    words: list[str | None] = []
    pos = 0
    for start, end in _synonym_spans(piece, table) + [(len(piece), len(piece))]:
        words += _plain_words(piece[pos:start], dropped)
        if end > start:
            words.append(piece[start:end])
        pos = end
    return words


def _corrected(piece: str, words: list[str | None], table: dict, vocabulary: Vocabulary, known: dict[str, int],
               budget: list[int]) -> str:
    """The run with wrong homophones corrected (spelling.correct_word): a word of two or more characters
    with a bigram the index does not hold and not in jieba's dictionary, or a lone character that forms no
    known bigram with the characters beside it. Words in the synonym table are left as typed; a wrong word
    that is a real word too (纪录 for 记录) is the synonym table's (editors') to map."""
    spans, pos = [], 0
    for w in words:
        if w is None:
            continue
        start = piece.find(w, pos)
        spans.append((start, w))
        pos = start + len(w)
    grams = {piece[i:i + 2] for i in range(len(piece) - 1)} - set(known)
    if grams:
        found = vocabulary(sorted(grams))
        known.update({g: found.get(g, 0) for g in grams})
    chars = list(piece)
    for start, w in spans:
        if budget[0] <= 0:
            break
        if w in table or (len(w) == 1 and w in STOP_CHARS):
            continue
        if len(w) > 1:
            if _jieba().dt.FREQ.get(w):  # a real word (量子) the notices happen not to hold: not a typo
                continue
            better = correct_word(w, vocabulary, known)
            if better:
                chars[start:start + len(w)] = better
                budget[0] -= 1
            continue
        # a lone character: corrected within the pair it forms with a neighbour
        pairs = [(piece[start - 1:start + 1], start - 1)] if start > 0 else []
        pairs += [(piece[start:start + 2], start)] if start + 1 < len(piece) else []
        if not pairs or any(known.get(p) for p, _ in pairs):
            continue
        for pair, at in pairs:
            better = correct_word(pair, vocabulary, known, only=start - at)
            if better:
                chars[at:at + 2] = better
                budget[0] -= 1
                break
    return "".join(chars)


def _plain_words(segment: str, dropped: list[str]) -> list[str | None]:
    out: list[str | None] = []
    pos = 0
    for m in _STOP_RE.finditer(segment):
        if m.start() > pos:
            out += _cut(segment[pos:m.start()])
        out.append(None)
        dropped.append(m.group(0))
        pos = m.end()
    if pos < len(segment):
        out += _cut(segment[pos:])
    return out


def synonym_table() -> dict[str, list[str]]:
    """The staff-maintained synonyms as word -> alternatives (two-way rules in both directions)."""
    from .models import SearchSynonym

    table: dict[str, list[str]] = {}
    for rule in SearchSynonym.objects.all():
        word = to_simplified(normalize(rule.word))
        others = [to_simplified(normalize(s)) for s in rule.synonym_list()]
        table.setdefault(word, []).extend(others)
        if rule.two_way:
            group = [word] + others
            for w in others:
                table.setdefault(w, []).extend(x for x in group if x != w)
    return {w: list(dict.fromkeys(alts)) for w, alts in table.items()}
