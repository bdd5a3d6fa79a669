"""Official documents as PDF, laid out to GB/T 9704-2012 (the geometry in casework.layout, the fonts in
casework.fonts, the line breaking in casework.linebreak).

`typeset(doc)` places every line, rule and the seal guide on its page, in millimetres from the page's
top-left corner; `paint(pages)` draws them with reportlab's canvas, character by character on the
28-character grid (each character in the first font of its role that has it), every font embedded as a
subset. `render(doc)` does both. 文件格式 (7): 发文机关标志 in red 小标宋, 发文字号, the red rule, title,
主送, 正文, 署名/成文日期 with the seal position, 附注, 版记 (抄送, 印发机关和印发日期 between rules) and page
numbers at the outer edge with 一字线 each side; 信函格式 (9.1): the letterhead with red double lines, the
发文字号 right under it, no page number on the first page, the 抄送 at the foot of the last page."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import cache, lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from . import fonts, layout
from . import linebreak as lb

L = layout
RED = Color(1, 0, 0)
BLACK = Color(0, 0, 0)


def chinese_date(day: dt.date) -> str:
    """Dates as GB/T 9704-2012 7.3.5.4 writes them: 2026年9月29日 (月、日不编虚位)."""
    return f"{day.year}年{day.month}月{day.day}日"


def font_path() -> str:
    """The sans-serif font of screens and charts (WenQuanYi Micro Hei from PyPI), not of documents."""
    return fonts.fallback_path()


@dataclass
class OfficialDocument:
    authority: str                      # 发文机关 (发文机关标志, 署名, 印发机关)
    kind_label: str                     # e.g. 行政执法监督建议书
    doc_number: str                     # 发文字号
    title: str
    addressee: str                      # 主送机关
    paragraphs: list[str]
    issued_on: dt.date                  # 成文日期
    notes: list[str] = field(default_factory=list)   # 附注 (7.3.6), without their parentheses
    copy_to: str = ""                   # 抄送机关 (7.4.2)
    format: str = L.FILE                # 文件格式 or 信函格式 (9.1)
    keep_whole: tuple[str, ...] = ()    # names a title never breaks inside (agencies)
    seal_guide: bool = True             # the dashed circle where the seal goes (印章位置)


# ------------------------------------------------------------------ fonts
@dataclass(frozen=True)
class _Face:
    name: str
    path: str
    chars: frozenset


@cache
def _face(path: str) -> _Face:
    name = "Doc-" + path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if name not in pdfmetrics.getRegisteredFontNames():
        kwargs = {"subfontIndex": 0} if path.lower().endswith(".ttc") else {}
        pdfmetrics.registerFont(TTFont(name, path, **kwargs))
    font = pdfmetrics.getFont(name)
    return _Face(name, path, frozenset(font.face.charToGlyph))


def faces(role: str) -> list[_Face]:
    return [_face(p) for p in fonts.chains()[role]]


def face_for(ch: str, role: str) -> _Face:
    chain = faces(role)
    code = ord(ch)
    for f in chain:
        if code in f.chars:
            return f
    return chain[0]


def is_wide(ch: str) -> bool:
    """Full-width: takes one cell of the character grid."""
    return ord(ch) >= 0x2E80 or ch in "—…“”‘’"


def advance(ch: str, role: str, size: float) -> float:
    """mm a character takes: a full-width one a grid cell (3号: 156/28 mm, other sizes in proportion),
    a half-width one its own width in the font."""
    if is_wide(ch):
        return size * L.PT * (L.CHAR / L.EM_SAN)
    f = face_for(ch, role)
    return pdfmetrics.stringWidth(ch, f.name, size) * L.PT


def measure(text: str, role: str = fonts.FANGSONG, size: float = L.SIZE_SAN) -> float:
    return sum(advance(ch, role, size) for ch in text)


# ------------------------------------------------------------------ what goes on a page
@dataclass
class Text:
    x: float             # left edge, mm
    baseline: float      # mm from the top edge
    text: str
    role: str
    size: float
    color: Color = BLACK
    spread: float = 0.0  # extra mm after each gap (justified lines)


@dataclass
class Rule:
    x0: float
    x1: float
    y: float             # centre of the stroke, mm from the top edge
    width: float
    color: Color = BLACK


@dataclass
class Circle:
    cx: float
    cy: float
    r: float


@dataclass
class Page:
    number: int
    items: list = field(default_factory=list)
    numbered: bool = True


def _spread_gaps(text: str) -> int:
    """Gaps a justified line may widen: between characters, never inside a half-width run."""
    gaps = 0
    for a, b in zip(text, text[1:], strict=False):
        if is_wide(a) or is_wide(b):
            gaps += 1
    return gaps


@dataclass
class _Line:
    text: str
    role: str = fonts.FANGSONG
    size: float = L.SIZE_SAN
    x: float = L.LEFT
    align: str = "left"            # left / centre / right / justify
    right: float = L.RIGHT
    color: Color = BLACK
    kind: str = "body"


def paragraph_lines(text: str, *, indent_chars: int = L.PARAGRAPH_INDENT_CHARS, width: float = L.BODY_W,
                    role: str = fonts.FANGSONG, size: float = L.SIZE_SAN, left: float = L.LEFT,
                    hang: float = 0.0, kind: str = "body") -> list[_Line]:
    """A paragraph: first line indented, then flush (7.3.3), broken by the rules (linebreak), justified."""
    cell = size * L.PT * (L.CHAR / L.EM_SAN)
    first = indent_chars * cell
    lines = lb.break_lines(text, width - hang, lambda s: measure(s, role, size), first_indent=first - hang)
    out = []
    for i, line in enumerate(lines):
        x = left + (first if i == 0 else hang)
        last = i == len(lines) - 1
        out.append(_Line(line, role, size, x, "left" if last else "justify", left + width, kind=kind))
    return out


def _text_item(line: _Line, baseline: float) -> Text:
    w = measure(line.text, line.role, line.size)
    x, spread = line.x, 0.0
    if line.align == "centre":
        x = line.x + (line.right - line.x - w) / 2
    elif line.align == "right":
        x = line.right - w
    elif line.align == "justify":
        gaps = _spread_gaps(line.text)
        if gaps:
            spread = max(0.0, (line.right - line.x - w) / gaps)
    return Text(x, baseline, line.text, line.role, line.size, line.color, spread)


def _fit_size(text: str, role: str, largest: float, width: float) -> float:
    w = measure(text, role, largest)
    return largest if w <= width else largest * width / w


def _dash_top(size: float) -> float:
    """mm from the baseline up to the top of the 一字线 glyph, read from the font that draws it."""
    f = face_for("—", fonts.SONG)
    return _glyph_top(f.path, size)


@lru_cache(maxsize=8)
def _glyph_top_units(path: str) -> tuple[float, float]:
    from fontTools.ttLib import TTFont as FTFont

    font = FTFont(path, fontNumber=0, lazy=True)
    name = font.getBestCmap().get(ord("—"))
    glyph_set = font.getGlyphSet()
    from fontTools.pens.boundsPen import BoundsPen

    pen = BoundsPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.bounds[3], font["head"].unitsPerEm


def _glyph_top(path: str, size: float) -> float:
    top, upem = _glyph_top_units(path)
    return top / upem * size * L.PT


def typeset(doc: OfficialDocument) -> list[Page]:
    """Every element of the document on its page, positions in mm."""
    pages = [Page(1, numbered=doc.format != L.LETTER)]
    items = pages[0].items
    head_role = fonts.XIAOBIAOSONG
    # ---- 版头
    if doc.format == L.LETTER:
        size = _fit_size(doc.authority, head_role, L.LETTER_MARK_SIZE_MAX, L.BODY_W)
        em = size * L.PT
        items.append(_text_item(_Line(doc.authority, head_role, size, 0, "centre", L.PAGE_W, RED),
                                L.LETTER_MARK_TOP + L.ASCENT * em))
        y = L.LETTER_MARK_TOP + em + L.LETTER_RULE_BELOW_MARK      # top of the double line (9.1)
        x0, x1 = L.LETTER_RULE_LEFT, L.LETTER_RULE_LEFT + L.LETTER_RULE_LENGTH
        items.append(Rule(x0, x1, y + L.LETTER_RULE_THICK / 2, L.LETTER_RULE_THICK, RED))
        thin_y = y + L.LETTER_RULE_THICK + L.LETTER_RULE_GAP + L.LETTER_RULE_THIN / 2
        items.append(Rule(x0, x1, thin_y, L.LETTER_RULE_THIN, RED))
        below = thin_y + L.LETTER_RULE_THIN / 2
        bottom = L.LETTER_BOTTOM_RULE
        items.append(Rule(x0, x1, bottom - L.LETTER_RULE_THICK / 2, L.LETTER_RULE_THICK, RED))
        items.append(Rule(x0, x1, bottom - L.LETTER_RULE_THICK - L.LETTER_RULE_GAP - L.LETTER_RULE_THIN / 2,
                          L.LETTER_RULE_THIN, RED))
        number_top = below + L.LETTER_NUMBER_GAP                  # 3号汉字高度的7/8 below the line
        if doc.doc_number:
            items.append(_text_item(_Line(doc.doc_number, align="right"), number_top + L.ASCENT * L.EM_SAN))
        y = number_top + L.EM_SAN + L.LETTER_TITLE_GAP_LINES * L.LINE - (L.LINE - L.EM_SAN) / 2
    else:
        size = _fit_size(doc.authority, head_role, L.MARK_SIZE_MAX, L.BODY_W)
        em = size * L.PT
        items.append(_text_item(_Line(doc.authority, head_role, size, L.LEFT, "centre", L.RIGHT, RED),
                                L.MARK_TOP + L.ASCENT * em))
        number_band = L.MARK_TOP + em + L.NUMBER_GAP_LINES * L.LINE
        if doc.doc_number:
            items.append(_text_item(_Line(doc.doc_number, align="centre"),
                                    L.baseline_in_line(number_band, L.SIZE_SAN)))
        rule = number_band + (L.LINE - L.EM_SAN) / 2 + L.EM_SAN + L.RED_RULE_BELOW_NUMBER
        items.append(Rule(L.LEFT, L.RIGHT, rule + L.RED_RULE_WIDTH / 2, L.RED_RULE_WIDTH, RED))
        y = rule + L.RED_RULE_WIDTH + L.TITLE_GAP_LINES * L.LINE
    # ---- 主体: title, 主送, 正文 as line bands from y
    flow: list[_Line] = []
    title_lines = lb.break_title(doc.title, L.BODY_W, lambda s: measure(s, head_role, L.SIZE_ER),
                                 keep=doc.keep_whole)
    flow += [_Line(t, head_role, L.SIZE_ER, L.LEFT, "centre", L.RIGHT, kind="title") for t in title_lines]
    flow.append(_Line("", kind="gap"))                                 # 7.3.2 标题下空一行
    if doc.addressee:
        flow += [_Line(t.text, kind="addressee") for t in
                 paragraph_lines(doc.addressee + "：", indent_chars=0)]
    for p in doc.paragraphs:
        flow += paragraph_lines(p)
    closing = _closing_lines(doc)
    page, y = _flow(pages, flow, y, closing, doc)
    _imprint(pages, doc, y)
    for p in pages:
        if p.numbered:
            _page_number(p)
    return pages


def _closing_lines(doc: OfficialDocument) -> list[_Line]:
    """署名 over 成文日期 (7.3.5.1: date 右空四字, 署名 centred on it), then 附注 (7.3.6)."""
    date = chinese_date(doc.issued_on)
    date_w = measure(date)
    centre = L.DATE_RIGHT - date_w / 2
    sig_w = measure(doc.authority)
    sig_x = min(centre - sig_w / 2, L.RIGHT - sig_w)
    lines = [_Line("", kind="gap")] * L.SIGNATURE_GAP_LINES
    lines.append(_Line(doc.authority, x=sig_x, kind="signature"))
    lines.append(_Line(date, x=L.DATE_RIGHT - date_w, kind="date"))
    for note in doc.notes:
        lines += paragraph_lines(f"（{note}）", kind="note")
    return lines


def _new_page(pages: list[Page], numbered: bool = True) -> Page:
    page = Page(len(pages) + 1, numbered=numbered)
    pages.append(page)
    return page


def _flow(pages: list[Page], flow: list[_Line], y: float, closing: list[_Line], doc) -> tuple[Page, float]:
    """Place the line bands; page breaks at the 版心's lower edge. The 署名 and 成文日期 never stand on a
    page without 正文: when they do not fit, the last two lines of 正文 go over with them (7.3.5.5)."""
    def fits(top: float, n: int) -> bool:
        return top + n * L.LINE <= L.BOTTOM + 1e-6

    # find where the closing block starts a new page, and pull two body lines along if needed
    positions: list[tuple[int, float]] = []  # (page index, band top) per line
    page_i, top = 0, y
    for line in flow:
        if not fits(top, 1):
            page_i, top = page_i + 1, L.TOP
        if line.kind == "gap" and top == L.TOP:
            positions.append((page_i, top - L.LINE))  # a blank line never opens a page
            continue
        positions.append((page_i, top))
        top += L.LINE
    # the closing (署名, 成文日期 and 附注) stays on one page, with at least the last two lines of 正文
    sig_block = len(closing) if len(closing) <= L.LINES - 2 else L.SIGNATURE_GAP_LINES + 2
    if not fits(top, sig_block):
        # move the last two body lines to a new page (or the last one if the paragraph has only one)
        move = 2 if len(flow) >= 2 and flow[-2].kind == "body" else 1
        start = len(flow) - move
        page_i += 1
        top = L.TOP
        for i in range(start, len(flow)):
            positions[i] = (page_i, top)
            top += L.LINE
    for line, (pi, band) in zip(flow, positions, strict=True):
        while len(pages) <= pi:
            _new_page(pages)
        if line.kind != "gap":
            pages[pi].items.append(_text_item(line, L.baseline_in_line(band, line.size)))
    while len(pages) <= page_i:
        _new_page(pages)
    page = pages[page_i]
    sig_top, sig_page = None, page
    for line in closing:
        if not fits(top, 1):
            page = _new_page(pages)
            top = L.TOP
        if line.kind != "gap":
            page.items.append(_text_item(line, L.baseline_in_line(top, line.size)))
        if line.kind == "signature":
            sig_top, sig_page = top, page
        top += L.LINE
    if doc.seal_guide and sig_top is not None:
        date = chinese_date(doc.issued_on)
        cx = L.DATE_RIGHT - measure(date) / 2
        sig_page.items.append(Circle(cx, sig_top + L.SEAL_CENTRE_BELOW_SIGNATURE_TOP, L.SEAL_DIAMETER / 2))
    return page, top


def _imprint(pages: list[Page], doc: OfficialDocument, top: float) -> None:
    """版记 at the foot of the last page (7.4); 信函格式: only the 抄送, no rules, no 印发 line (9.1)."""
    size, role = L.SIZE_SI, fonts.FANGSONG
    side = L.IMPRINT_CHAR * L.IMPRINT_SIDE_CHARS
    copy_lines: list[_Line] = []
    if doc.copy_to:
        label = "抄送："
        hang = measure(label, role, size)
        text = label + doc.copy_to.rstrip("。") + "。"
        copy_lines = paragraph_lines(text, indent_chars=0, width=L.BODY_W - 2 * side, role=role, size=size,
                                     left=L.LEFT + side, hang=hang, kind="copy")
    letter = doc.format == L.LETTER
    if letter and not copy_lines:
        return
    n = len(copy_lines) + (0 if letter else 1)
    page = pages[-1]
    if top + n * L.LINE > L.BOTTOM + 1e-6:
        page = _new_page(pages)
    band = L.BOTTOM - n * L.LINE
    if not letter:
        page.items.append(Rule(L.LEFT, L.RIGHT, band + L.IMPRINT_THICK / 2, L.IMPRINT_THICK))
    for line in copy_lines:
        page.items.append(_text_item(line, L.baseline_in_line(band, size)))
        band += L.LINE
    if letter:
        return
    if copy_lines:
        page.items.append(Rule(L.LEFT, L.RIGHT, band, L.IMPRINT_THIN))
    page.items.append(_text_item(_Line(doc.authority, role, size, L.LEFT + side), L.baseline_in_line(band, size)))
    printed = chinese_date(doc.issued_on) + "印发"
    page.items.append(_text_item(_Line(printed, role, size, L.LEFT, "right", L.RIGHT - side),
                                 L.baseline_in_line(band, size)))
    page.items.append(Rule(L.LEFT, L.RIGHT, L.IMPRINT_LAST_RULE - L.IMPRINT_THICK / 2, L.IMPRINT_THICK))


def page_number_text(n: int) -> str:
    return f"— {n} —"


def _page_number(page: Page) -> None:
    """7.5: 4号半角宋体阿拉伯数字 between 一字线, the dash's top 7 mm under the 版心; odd pages right
    (居右空一字), even pages left (居左空一字)."""
    size, role = L.PAGE_NO_SIZE, fonts.SONG
    text = page_number_text(page.number)
    baseline = L.PAGE_NO_DASH_TOP + _dash_top(size)
    line = _Line(text, role, size, L.LEFT + L.PAGE_NO_SIDE, "left", L.RIGHT - L.PAGE_NO_SIDE)
    if page.number % 2:
        line.align = "right"
    page.items.append(_text_item(line, baseline))


# ------------------------------------------------------------------ drawing
def paint(pages: list[Page], *, title: str = "", author: str = "", subject: str = "") -> bytes:
    buf = io.BytesIO()
    first = faces(fonts.FANGSONG)[0]
    c = rl_canvas.Canvas(buf, pagesize=(L.PAGE_W * mm, L.PAGE_H * mm), initialFontName=first.name,
                         initialFontSize=L.SIZE_SAN, pageCompression=1, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator("行政执法监督公开平台")
    for page in pages:
        for item in page.items:
            if isinstance(item, Text):
                _draw_text(c, item)
            elif isinstance(item, Rule):
                c.setStrokeColor(item.color)
                c.setLineWidth(item.width * mm)
                y = (L.PAGE_H - item.y) * mm
                c.line(item.x0 * mm, y, item.x1 * mm, y)
            elif isinstance(item, Circle):
                c.setStrokeColor(RED)
                c.setLineWidth(0.3 * mm)
                c.setDash(4, 3)
                c.circle(item.cx * mm, (L.PAGE_H - item.cy) * mm, item.r * mm, stroke=1, fill=0)
                c.setDash()
        c.showPage()
    c.save()
    return buf.getvalue()


def _draw_text(c, item: Text) -> None:
    c.setFillColor(item.color)
    x = item.x
    y = (L.PAGE_H - item.baseline) * mm
    text = item.text
    for i, ch in enumerate(text):
        f = face_for(ch, item.role)
        c.setFont(f.name, item.size)
        c.drawString(x * mm, y, ch)
        x += advance(ch, item.role, item.size)
        if item.spread and i + 1 < len(text) and (is_wide(ch) or is_wide(text[i + 1])):
            x += item.spread


def render(doc: OfficialDocument) -> bytes:
    return paint(typeset(doc), title=f"{doc.kind_label} {doc.doc_number}".strip(), author=doc.authority,
                 subject=doc.title)
