"""An analysed query (analysis.py, the same object the embedded engine ranks with) rendered as an
Elasticsearch bool query, so switching engine does not change what people find.

- one should clause per query word; a document must hold `minimum_should_match` of them (the number
  analysis.minimum_should_match gives, computed here, never a percentage the cluster works out);
- a word is a `dis_max` of its alternatives (the word typed, boost 1; each staff synonym at
  analysis.SYNONYM_WEIGHT): the best alternative counts, as in the embedded engine;
- an alternative is `match_phrase` on the title (×3), the metadata (every META_FIELDS value, copied into
  one field) and the body, summed: its characters together, in order;
- a query of lone characters (督) matches them on the `.chars` subfields (one token per character);
- words typed together (投诉|行政) earn a bonus where they stand together: `match_phrase` with a slop;
- a 发文字号/索引号 typed in any brackets (tokenize.code_key) outranks every text match.
"""
from __future__ import annotations

from ..analysis import Analysis, Clause
from ..documents import BODY, CHARS, METADATA, TITLE

# field weights as the embedded engine's (engines/embedded.py TITLE_BOOST, META_BOOST)
FIELD_BOOSTS = {TITLE: 3.0, METADATA: 1.0, BODY: 1.0}
PHRASE_BOOST = 0.5  # words typed together standing together (embedded engine: PROXIMITY)
PHRASE_SLOP = 1  # one token may stand between them (行政执法 / 行政、执法)
EXACT_BOOST = 10_000  # a 发文字号/索引号 match outranks any text match


def may_be_number(key: str) -> bool:
    """A 发文字号 or 索引号 always holds digits: only then is it looked up as one."""
    return any(ch.isdigit() for ch in key)


def _boost(value: float) -> float:
    return round(value, 3)


def alternative(text: str, weight: float, fields=FIELD_BOOSTS, sub: str = "") -> dict:
    """One alternative of a word: its phrase in each field, the field's weight times the alternative's."""
    return {"bool": {"should": [{"match_phrase": {f"{name}{sub}": {"query": text, "boost": _boost(boost * weight)}}}
                                for name, boost in fields.items()]}}


def clause(c: Clause, fields=FIELD_BOOSTS) -> dict:
    """One word: matched when the document holds any of its alternatives; scored by the best one."""
    sub = f".{CHARS}" if c.prefix else ""
    return {"dis_max": {"queries": [alternative(text, weight, fields, sub) for text, weight in c.alternatives]}}


def phrase_bonus(a: Analysis) -> list[dict]:
    return [{"match_phrase": {name: {"query": phrase, "slop": PHRASE_SLOP,
                                     "boost": _boost(PHRASE_BOOST * FIELD_BOOSTS[name])}}}
            for phrase in a.phrases for name in (TITLE, BODY)]


def text_query(a: Analysis, need: int, fields=FIELD_BOOSTS) -> dict:
    """The words: `need` of them must match (analysis.minimum_should_match), phrases add to the score."""
    query = {"bool": {"must": [{"bool": {"should": [clause(c, fields) for c in a.clauses],
                                         "minimum_should_match": need}}]}}
    if fields is FIELD_BOOSTS and a.phrases:
        query["bool"]["should"] = phrase_bonus(a)
    return query


def exact_clauses(key: str) -> list[dict]:
    """A 发文字号/索引号 as stored (tokenize.code_key at index time), found however it was typed."""
    return [{"constant_score": {"filter": {"term": {name: key}}, "boost": EXACT_BOOST}}
            for name in ("doc_number_key", "index_number_key")]


def exact_filter(key: str) -> dict:
    return {"bool": {"should": [{"term": {"doc_number_key": key}}, {"term": {"index_number_key": key}}],
                     "minimum_should_match": 1}}


def render(a: Analysis, key: str, need: int, filters: list) -> dict:
    """The whole query: an exact number match, or `need` of the words; inside the filters."""
    should = exact_clauses(key) if may_be_number(key) else []
    if a.clauses:
        should.append(text_query(a, need))
    if not should:
        return {"bool": {"must": [{"match_none": {}}], "filter": filters}}
    return {"bool": {"should": should, "minimum_should_match": 1, "filter": filters}}
