"""Spelling and script of a query (issue 27): what people type is not always what notices say.

- **Traditional characters** (執法證件, 投訴舉報) become simplified ones through OpenCC's t2s tables
  (opencc-python-reimplemented: phrase-aware, so 乾坤 stays and 幹部 becomes 干部; a simplified query
  passes unchanged). Both engines get the converted text, through analysis.analyse.
- **A wrong homophone** (监督原 for 监督员, 案卷评察 for 案卷评查, 统计年保 for 统计年报 — what a pinyin
  keyboard offers first) is corrected only where the word typed cannot match anything: one of its bigrams
  occurs nowhere in the index. The character is then replaced by one with the same pinyin (pypinyin's
  table; tones ignored, and the usual keyboard fuzziness zh/z, ch/c, sh/s, n/l, -ng/-n) that makes every
  bigram of the word one the index holds; of several, the one whose rarest bigram is most common wins.
  The vocabulary is the engine's (`vocabulary(bigrams) -> {bigram: document count}`): a word the index
  holds is never changed, so a correct query is never "corrected".
- **Common wrong words** that are real words too (法治 for 法制, 申述 for 申诉) are the editors' call: a
  one-way rule in the synonym table (检索同义词), which analysis applies like any synonym.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

Vocabulary = Callable[[list[str]], dict[str, int]]

MAX_CORRECTIONS = 2  # characters corrected in one query at most (each costs one vocabulary lookup)
_FUZZY = (("zh", "z"), ("ch", "c"), ("sh", "s"))  # initials a keyboard user confuses (and n/l below)


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s); simplified text is returned as it is."""
    if not text or text.isascii():
        return text
    return _converter().convert(text)


def _strip_tone(syllable: str) -> str:
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))
    return plain.replace("ü", "v")


def _fuzzy(syllable: str) -> str:
    """The key shared by syllables a keyboard user confuses: zh/z, ch/c, sh/s, n/l, -ang/-an, -eng/-en, -ing/-in."""
    for long, short in _FUZZY:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    if syllable.startswith("n"):
        syllable = "l" + syllable[1:]
    if syllable.endswith("ng") and len(syllable) > 2:
        syllable = syllable[:-1]
    return syllable


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, list[str]], dict[str, list[str]]]:
    """char -> its syllables (toneless); syllable -> chars; fuzzy key -> chars (common CJK only)."""
    from pypinyin.pinyin_dict import pinyin_dict

    sounds: dict[str, tuple[str, ...]] = {}
    same: dict[str, list[str]] = {}
    near: dict[str, list[str]] = {}
    for code, value in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        char = chr(code)
        syllables = tuple(dict.fromkeys(_strip_tone(s) for s in value.split(",")))
        sounds[char] = syllables
        for s in syllables:
            same.setdefault(s, []).append(char)
            near.setdefault(_fuzzy(s), []).append(char)
    return sounds, same, near


def warm_up() -> None:
    _converter().convert("執法")
    _tables()


def homophones(char: str) -> tuple[list[str], list[str]]:
    """(characters with the same pinyin, characters with a near pinyin), the character itself left out."""
    sounds, same, near = _tables()
    exact = list(dict.fromkeys(c for s in sounds.get(char, ()) for c in same.get(s, []) if c != char))
    seen = set(exact) | {char}
    fuzzy = list(dict.fromkeys(c for s in sounds.get(char, ()) for c in near.get(_fuzzy(s), []) if c not in seen))
    return exact, fuzzy


def _bigrams(word: str) -> list[str]:
    return [word[i:i + 2] for i in range(len(word) - 1)]


def correct_word(word: str, vocabulary: Vocabulary, known: dict[str, int], only: int | None = None) -> str | None:
    """The word with one character replaced by a homophone so that every bigram is in the index, or None.
    `known`: bigram -> document count already looked up (filled in here); `only`: the one position that
    may change."""
    if len(word) < 2:
        return None
    missing = [i for i, b in enumerate(_bigrams(word)) if not known.get(b)]
    if not missing:
        return None
    # the character to replace stands in every missing bigram: bigram i holds characters i and i + 1
    positions = set(range(missing[0], missing[0] + 2))
    for i in missing[1:]:
        positions &= {i, i + 1}
    if only is not None:
        positions &= {only}
    best: tuple[int, int, str] | None = None  # (exactness, count of the rarest bigram, word)
    for pos in sorted(positions):
        exact, fuzzy = homophones(word[pos])
        for rank, chars in ((1, exact), (0, fuzzy)):
            words = [word[:pos] + c + word[pos + 1:] for c in chars]
            need = {b for w in words for b in _bigrams(w) if b not in known}
            if need:
                found = vocabulary(sorted(need))
                known.update({b: found.get(b, 0) for b in need})
            for w in words:
                rarest = min(known.get(b, 0) for b in _bigrams(w))
                if rarest and (best is None or (rank, rarest) > best[:2]):
                    best = (rank, rarest, w)
            if best is not None and best[0] == rank:
                break  # an exact homophone is preferred to any near one
    return best[2] if best else None
