"""Chinese line breaking (禁则) for every official document, PDF and DOCX alike.

- No line begins with a closing mark (，。、；：？！）》」』”…) nor ends with an opening one (（《「『“).
  Where the next line would begin with one, the last character of this line moves down with it
  (推出); the renderer then spreads the line to the full width, so the right edge stays straight.
- A run of half-width letters and digits (2026, 30, GB/T) never breaks, nor do "……" and "——".
- Titles (GB/T 9704-2012 7.3.1 回行时，要做到词意完整，排列对称) break only between words: jieba cuts the
  title, a one-character word stays with the word before it (复查答复|书 → 复查答复书), a 《…》 or “…” stays
  whole where it fits; of the breaks that need the fewest lines the most even one is taken, never an
  hourglass (沙漏形) of three lines or more.

`break_lines` and `break_title` take a `measure(text) -> width` so the PDF measures with its fonts;
`violations` tells what breaks a rule, for the tests that read documents back."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

CLOSING = frozenset("，。、；：？！）》」』”’…〕】〉｝％,.;:?!)]}%·")
OPENING = frozenset("（《「『“‘〔【〈｛([{")
_HALF_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/_:%]*[A-Za-z0-9%]|[A-Za-z0-9]")
_DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号")  # the year and number of a 发文字号 stay on one line
_PAIRS = ("……", "——")


def cjk_width(text: str) -> float:
    """Width in characters: full-width 1, half-width 0.5 (for tests and plain-text use)."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "—…“”‘’" else 1.0 for ch in text)


def atoms(text: str) -> list[str]:
    """The text cut into pieces a line may never split: half-width runs, paired marks, single characters."""
    out, i = [], 0
    while i < len(text):
        m = _DOC_NUMBER.match(text, i) or _HALF_RUN.match(text, i)
        if m and m.end() > i:
            out.append(m.group())
            i = m.end()
            continue
        pair = next((p for p in _PAIRS if text.startswith(p, i)), None)
        if pair:
            out.append(pair)
            i += len(pair)
            continue
        out.append(text[i])
        i += 1
    return out


def _starts_closed(unit: str) -> bool:
    return bool(unit) and unit[0] in CLOSING


def _ends_open(unit: str) -> bool:
    return bool(unit) and unit[-1] in OPENING


def _may_break(before: str, after: str) -> bool:
    return not _starts_closed(after) and not _ends_open(before)


def _fill(units: list[str], width: float, measure: Callable[[str], float], first_indent: float) -> list[str]:
    """Greedy filling with 推出: a break the rules forbid moves back to the nearest allowed one."""
    lines: list[str] = []
    start, n = 0, len(units)
    avail = width - first_indent
    while start < n:
        used, end = 0.0, start
        while end < n and used + measure(units[end]) <= avail + 1e-6:
            used += measure(units[end])
            end += 1
        if end == start:      # a single unit wider than the line: it stands alone
            end = start + 1
        if end < n:
            k = end
            while k > start + 1 and not _may_break(units[k - 1], units[k]):
                k -= 1
            if _may_break(units[k - 1], units[k]):
                end = k
        lines.append("".join(units[start:end]))
        start, avail = end, width
    return lines


def break_lines(text: str, width: float, measure: Callable[[str], float] = cjk_width, *,
                first_indent: float = 0.0) -> list[str]:
    """Body text into lines of at most `width` (the first line `first_indent` shorter), by the rules above."""
    text = text.replace("\n", "")
    if not text:
        return [""]
    return _fill(atoms(text), width, measure, first_indent)


# ------------------------------------------------------------------ titles
@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


# compounds of this field a title should never split (jieba cuts them in two)
COMPOUNDS = ("行政执法", "执法证件", "监督管理局", "复查申请", "复查答复书", "复查决定书", "监督建议书", "监督意见书",
             "监督决定书", "纠正通知书", "整改通知书", "受理通知书", "告知书", "争议协调", "投诉举报", "责任追究",
             "限期整改", "限期纠正", "重新调查", "告知义务", "执法人员", "行政处罚", "行政许可", "行政强制", "行政检查",
             "协调意见", "协调建议", "市场监督管理局", "司法局")
# one-character words that lead into the next word rather than close the one before
LEADING = frozenset("未不对在将向与和及或被由从把给按依就")


def title_units(text: str, keep: tuple[str, ...] = ()) -> list[str]:
    """Words of a title, joined so that no break falls inside a word or a compound of this field, nor
    before a one-character word that closes the one before (复查答复|书)."""
    words = [w for w in _jieba().lcut(text) if w]
    units: list[str] = []
    carry = ""
    for w in words:
        if all(ch in OPENING for ch in w) or (len(w) == 1 and w in LEADING):
            carry += w
            continue
        w = carry + w
        carry = ""
        if units and ((len(w) == 1 and w not in LEADING) or _starts_closed(w) or _ends_open(units[-1])):
            units[-1] += w
        else:
            units.append(w)
    if carry:
        if units:
            units[-1] += carry
        else:
            units.append(carry)
    return _keep_compounds(_keep_quoted(units), keep)


def _keep_compounds(units: list[str], keep: tuple[str, ...] = ()) -> list[str]:
    """Join units across which one of COMPOUNDS (or of `keep`, e.g. agency names) runs."""
    text = "".join(units)
    protected = set()
    for word in (*COMPOUNDS, *keep):
        for m in re.finditer(re.escape(word), text):
            protected.update(range(m.start() + 1, m.end()))
    out: list[str] = []
    pos = 0
    for u in units:
        if out and pos in protected:
            out[-1] += u
        else:
            out.append(u)
        pos += len(u)
    return out


def _keep_quoted(units: list[str]) -> list[str]:
    """Join the units of a 《…》 or “…” into one."""
    out: list[str] = []
    depth, buf = 0, ""
    for u in units:
        opened = u.count("《") + u.count("“")
        closed = u.count("》") + u.count("”")
        if depth == 0 and opened > closed:
            buf, depth = u, opened - closed
            continue
        if depth:
            buf += u
            depth += opened - closed
            if depth <= 0:
                out.append(buf)
                buf, depth = "", 0
            continue
        out.append(u)
    if buf:
        out.append(buf)
    return out


def break_title(text: str, width: float, measure: Callable[[str], float] = cjk_width, *,
                keep: tuple[str, ...] = ()) -> list[str]:
    """A title in as few lines as fit, breaking only between words, the most even way (梯形 or 菱形).
    `keep`: names (agencies) never broken where they fit on one line."""
    text = text.strip()
    if measure(text) <= width + 1e-6:
        return [text]
    keep = tuple(k for k in keep if k and measure(k) <= width)
    units = title_units(text, keep)
    # a word wider than the line is cut by the body rules (only such a word breaks inside)
    if any(measure(u) > width + 1e-6 for u in units):
        fixed = []
        for u in units:
            fixed += break_lines(u, width, measure) if measure(u) > width + 1e-6 else [u]
        units = fixed
    widths = [measure(u) for u in units]
    n = len(units)
    for lines in range(2, n + 1):
        best = _best_split(units, widths, width, lines)
        if best is not None:
            return best
    return ["".join(units)]


def _best_split(units: list[str], widths: list[float], width: float, lines: int) -> list[str] | None:
    n = len(units)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    ideal = prefix[-1] / lines
    best: tuple[float, list[int]] | None = None

    def rec(start: int, left: int, cuts: list[int]) -> None:
        nonlocal best
        if left == 1:
            if prefix[n] - prefix[start] > width + 1e-6:
                return
            bounds = [0, *cuts, n]
            lens = [prefix[b] - prefix[a] for a, b in zip(bounds, bounds[1:], strict=False)]
            cost = sum((x - ideal) ** 2 for x in lens)
            cost += sum(0 if units[c - 1].endswith(("的", "关于")) else 2.0 for c in cuts)
            if len(lens) >= 3 and any(lens[i] < lens[i - 1] - 1 and lens[i] < lens[i + 1] - 1
                                      for i in range(1, len(lens) - 1)):
                cost += 1e6  # an hourglass
            if best is None or cost < best[0]:
                best = (cost, list(cuts))
            return
        for end in range(start + 1, n - left + 2):
            if prefix[end] - prefix[start] > width + 1e-6:
                break
            if not _may_break(units[end - 1], units[end]):
                continue
            rec(end, left - 1, [*cuts, end])

    rec(0, lines, [])
    if best is None:
        return None
    bounds = [0, *best[1], n]
    return ["".join(units[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


# ------------------------------------------------------------------ checking
def violations(lines: list[str], *, title: bool = False, keep: tuple[str, ...] = ()) -> list[str]:
    """What in these lines breaks a rule: a line beginning with a closing mark, ending with an opening
    one, a half-width run or paired mark split across lines, and (titles) a break inside a word."""
    found = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if line[0] in CLOSING:
            found.append(f"第{i + 1}行以“{line[0]}”开头")
        if line[-1] in OPENING:
            found.append(f"第{i + 1}行以“{line[-1]}”结尾")
        if i + 1 < len(lines) and lines[i + 1]:
            nxt = lines[i + 1]
            if re.match(r"[A-Za-z0-9]", line[-1]) and re.match(r"[A-Za-z0-9]", nxt[0]):
                found.append(f"第{i + 1}行末的数字或字母被拆开")
            if (line[-1], nxt[0]) in (("…", "…"), ("—", "—")):
                found.append(f"第{i + 1}行末的“{line[-1] * 2}”被拆开")
    if title and len(lines) > 1:
        units = title_units("".join(lines), keep)
        edges, pos = set(), 0
        for u in units:
            pos += len(u)
            edges.add(pos)
        pos = 0
        for i, line in enumerate(lines[:-1]):
            pos += len(line)
            if pos not in edges:
                found.append(f"标题第{i + 1}行在词语中间回行（“{line[-2:]}|{lines[i + 1][:2]}”）")
    return found
