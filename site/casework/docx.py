"""The editable Word version (.docx) of an official document, beside its PDF: the same GB/T 9704-2012
geometry from casework.layout (A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters
as Word's document grid with exact line spacing and a 0.25 pt condensed 3号), the same title breaks
(casework.linebreak), 成文日期 右空四字 with the 署名 centred on it, 附注, 版记 between rules and page numbers
at the outer edge (odd and even footers, 一字线 each side); 信函格式 puts the letterhead with its red double
lines in the first page's header and footer and leaves that page unnumbered.

Word and WPS break Chinese lines themselves (their own 禁则), so body paragraphs carry no hard breaks and
stay editable. Font names are those of a bureau's machines (settings.DOCUMENT_DOCX_FONTS: 仿宋_GB2312,
方正小标宋简体, 宋体); a machine without one substitutes its own."""
from __future__ import annotations

import io

from django.conf import settings
from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import fonts, layout
from . import linebreak as lb
from .pdf import OfficialDocument, chinese_date, measure

L = layout
RED = RGBColor(0xFF, 0, 0)
TWIPS_PER_MM = 1440 / 25.4


def _font_name(role: str) -> str:
    names = getattr(settings, "DOCUMENT_DOCX_FONTS", {}) or {}
    return names.get(role) or fonts.ROLES[role][0]


def _run(paragraph, text: str, role: str = fonts.FANGSONG, size: float = L.SIZE_SAN, color=None):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    name = _font_name(role)
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    if size == L.SIZE_SAN:  # 3号 condensed 0.25 pt: 28 characters fill the 156 mm line (5.2.3)
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), "-5")
        rpr.append(spacing)
    if color is not None:
        run.font.color.rgb = color
    return run


def _para(container, *, align=WD_ALIGN_PARAGRAPH.LEFT, before_mm: float = 0.0, first_chars: int = 0,
          right_mm: float = 0.0, left_mm: float = 0.0, exact: float = L.LINE):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Mm(before_mm)
    fmt.space_after = Mm(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Mm(exact)
    if right_mm:
        fmt.right_indent = Mm(right_mm)
    if left_mm:
        fmt.left_indent = Mm(left_mm)
    if first_chars:
        ind = fmt._element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), str(first_chars * 100))
        fmt.first_line_indent = Mm(first_chars * L.CHAR)
    p.paragraph_format.widow_control = True
    ppr = p._element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra space between Chinese and digits (as the PDF)
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        ppr.append(el)
    return p


def _border(paragraph, side: str, *, width_mm: float, color: str = "000000", style: str = "single",
            space_pt: int = 1) -> None:
    ppr = paragraph._element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), style)
    edge.set(qn("w:sz"), str(max(2, round(width_mm / L.PT * 8))))  # eighths of a point
    edge.set(qn("w:space"), str(space_pt))
    edge.set(qn("w:color"), color)
    borders.append(edge)


def _page_field(paragraph, role: str, size: float) -> None:
    _run(paragraph, "— ", role, size)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        run = _run(paragraph, "", role, size)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._element.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
    _run(paragraph, " —", role, size)


def _doc_grid(section) -> None:
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(L.LINE * TWIPS_PER_MM)))


def build(doc: OfficialDocument) -> bytes:
    d = new_docx()
    section = d.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(L.PAGE_W), Mm(L.PAGE_H)
    section.top_margin, section.left_margin = Mm(L.TOP), Mm(L.LEFT)
    section.right_margin = Mm(L.PAGE_W - L.RIGHT)
    section.bottom_margin = Mm(L.PAGE_H - L.BOTTOM)
    section.footer_distance = Mm(L.PAGE_H - L.PAGE_NO_DASH_TOP - 6)
    _doc_grid(section)
    d.settings.odd_and_even_pages_header_footer = True
    head = fonts.XIAOBIAOSONG
    letter = doc.format == L.LETTER
    # ---- page numbers (7.5): odd right, even left, one 4号 character in from the edge
    odd = section.footer.paragraphs[0]
    odd.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Mm(L.PAGE_NO_SIDE)
    _page_field(odd, fonts.SONG, L.PAGE_NO_SIZE)
    even = section.even_page_footer.paragraphs[0]
    even.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Mm(L.PAGE_NO_SIDE)
    _page_field(even, fonts.SONG, L.PAGE_NO_SIZE)
    mark_size = min(L.LETTER_MARK_SIZE_MAX if letter else L.MARK_SIZE_MAX,
                    (L.LETTER_MARK_SIZE_MAX if letter else L.MARK_SIZE_MAX) * L.BODY_W
                    / max(measure(doc.authority, head, L.MARK_SIZE_MAX), 1e-6))
    if letter:
        # 9.1: the letterhead in the first page's header, the lower double line in its footer, no number
        section.different_first_page_header_footer = True
        section.header_distance = Mm(L.LETTER_MARK_TOP - 2)
        hp = section.first_page_header.paragraphs[0]
        hp.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(hp, doc.authority, head, mark_size, RED)
        _border(hp, "bottom", width_mm=1.5, color="FF0000", style="thickThinSmallGap",
                space_pt=round(L.LETTER_RULE_BELOW_MARK / L.PT))
        fp = section.first_page_footer.paragraphs[0]
        _border(fp, "top", width_mm=1.5, color="FF0000", style="thinThickSmallGap")
        if doc.doc_number:
            _run(_para(d, align=WD_ALIGN_PARAGRAPH.RIGHT), doc.doc_number)
        title_before = L.LETTER_TITLE_GAP_LINES * L.LINE
    else:
        mark = _para(d, align=WD_ALIGN_PARAGRAPH.CENTER, before_mm=L.MARK_TOP - L.TOP,
                     exact=mark_size * L.PT * 1.1)
        _run(mark, doc.authority, head, mark_size, RED)
        number = _para(d, align=WD_ALIGN_PARAGRAPH.CENTER, before_mm=L.NUMBER_GAP_LINES * L.LINE)
        _run(number, doc.doc_number or " ")
        _border(number, "bottom", width_mm=L.RED_RULE_WIDTH, color="FF0000",
                space_pt=round(L.RED_RULE_BELOW_NUMBER / L.PT))
        title_before = L.TITLE_GAP_LINES * L.LINE
    # ---- 主体
    title_lines = lb.break_title(doc.title, L.BODY_W, lambda s: measure(s, head, L.SIZE_ER), keep=doc.keep_whole)
    title = _para(d, align=WD_ALIGN_PARAGRAPH.CENTER, before_mm=title_before)
    for i, line in enumerate(title_lines):
        run = _run(title, line, head, L.SIZE_ER)
        if i + 1 < len(title_lines):
            run.add_break()
    if doc.addressee:
        _run(_para(d, before_mm=L.ADDRESSEE_GAP_LINES * L.LINE), doc.addressee + "：")
    for text in doc.paragraphs:
        p = _para(d, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_chars=L.PARAGRAPH_INDENT_CHARS)
        _run(p, text)
    # ---- 署名, 成文日期 (7.3.5.1), 附注 (7.3.6)
    date = chinese_date(doc.issued_on)
    date_right = L.RIGHT - L.DATE_RIGHT
    sig_right = max(0.0, date_right + (measure(date) - measure(doc.authority)) / 2)
    _run(_para(d, align=WD_ALIGN_PARAGRAPH.RIGHT, before_mm=L.SIGNATURE_GAP_LINES * L.LINE, right_mm=sig_right),
         doc.authority)
    _run(_para(d, align=WD_ALIGN_PARAGRAPH.RIGHT, right_mm=date_right), date)
    for note in doc.notes:
        _run(_para(d, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_chars=L.NOTE_INDENT_CHARS), f"（{note}）")
    # ---- 版记 (7.4; 信函格式 only the 抄送, 9.1)
    # rules as wide as the 版心 (7.4.1): the one-character margins (7.4.2, 7.4.3) are a full-width space and a
    # right tab stop, not paragraph indents (which would shorten the rules)
    side = L.IMPRINT_CHAR
    if doc.copy_to:
        cp = _para(d, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before_mm=L.LINE)
        _run(cp, "\u3000抄送：" + doc.copy_to.rstrip("。") + "。", size=L.SIZE_SI)
        if not letter:
            _border(cp, "top", width_mm=L.IMPRINT_THICK)
            _border(cp, "bottom", width_mm=L.IMPRINT_THIN)
    if not letter:
        from docx.enum.text import WD_TAB_ALIGNMENT

        pr = _para(d, before_mm=0 if doc.copy_to else L.LINE)
        pr.paragraph_format.tab_stops.add_tab_stop(Mm(L.BODY_W - side), WD_TAB_ALIGNMENT.RIGHT)
        _run(pr, f"\u3000{doc.authority}\t{date}印发", size=L.SIZE_SI)
        if not doc.copy_to:
            _border(pr, "top", width_mm=L.IMPRINT_THICK)
        _border(pr, "bottom", width_mm=L.IMPRINT_THICK)
    core = d.core_properties
    core.title, core.author, core.subject = f"{doc.kind_label} {doc.doc_number}".strip(), doc.authority, doc.title
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
