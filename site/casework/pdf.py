"""Official documents as PDF in the standard layout of 党政机关公文格式 (GB/T 9704-2012), simplified:
红头 (issuing authority in red), 发文字号 above the red rule, centred title, 主送, 正文 with two-character
indents, 落款 and 成文日期 with the seal position (印章位置) marked, page numbers "— 1 —".

reportlab (pure Python, maintained, no system libraries) draws it; the Chinese font is WenQuanYi Micro Hei,
which installs with the project from PyPI (package paperang-p2-fonts-cjk), so every machine renders the
same glyphs and the font is embedded (subset) in the PDF. DOCUMENT_FONT_PATH may name another TrueType
font (e.g. a licensed 仿宋) on a server that has one."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from importlib import resources
from xml.sax.saxutils import escape

from django.conf import settings
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

FONT = "DocFont"
RED = colors.HexColor("#d40000")


def font_path() -> str:
    custom = getattr(settings, "DOCUMENT_FONT_PATH", "")
    if custom:
        return custom
    return str(resources.files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc")


def _register_font() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    path = font_path()
    kwargs = {"subfontIndex": 0} if path.lower().endswith(".ttc") else {}
    pdfmetrics.registerFont(TTFont(FONT, path, **kwargs))


def chinese_date(day: dt.date) -> str:
    """成文日期 as GB/T 9704-2012 writes it: 2026年11月27日."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass
class OfficialDocument:
    authority: str                      # 发文机关 (红头 and 落款)
    kind_label: str                     # e.g. 行政执法监督建议书
    doc_number: str                     # 发文字号
    title: str
    addressee: str                      # 主送机关
    paragraphs: list[str]
    issued_on: dt.date                  # 成文日期
    notes: list[str] = field(default_factory=list)   # 附注: basis articles, provisional-date notes
    copy_to: str = ""                   # 抄送


class SealMark(Flowable):
    """落款 with the seal position: the authority and date right-aligned, a dashed red circle where the
    seal is stamped (印章位置) centred over them."""

    def __init__(self, authority: str, date_text: str, width: float):
        super().__init__()
        self.authority, self.date_text, self.width = authority, date_text, width
        self.height = 42 * mm

    def draw(self):
        c = self.canv
        size = 16
        right = self.width - 8 * mm
        c.setFont(FONT, size)
        auth_w = pdfmetrics.stringWidth(self.authority, FONT, size)
        date_w = pdfmetrics.stringWidth(self.date_text, FONT, size)
        c.drawString(right - auth_w, 22 * mm, self.authority)
        c.drawString(right - date_w, 12 * mm, self.date_text)
        cx = right - max(auth_w, date_w) / 2
        c.setStrokeColor(RED)
        c.setDash(3, 2)
        c.setLineWidth(1)
        c.circle(cx, 19 * mm, 19 * mm, stroke=1, fill=0)
        c.setDash()
        c.setFillColor(RED)
        c.setFont(FONT, 8)
        label = "（印章位置）"
        c.drawString(cx - pdfmetrics.stringWidth(label, FONT, 8) / 2, 1.5 * mm, label)
        c.setFillColor(colors.black)


def render(doc: OfficialDocument) -> bytes:
    _register_font()
    buf = io.BytesIO()
    frame_width = A4[0] - 28 * mm - 26 * mm
    pdf = SimpleDocTemplate(buf, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=30 * mm,
                            bottomMargin=30 * mm, title=f"{doc.kind_label} {doc.doc_number}",
                            author=doc.authority, subject=doc.title)
    head = ParagraphStyle("head", fontName=FONT, fontSize=30, leading=38, alignment=TA_CENTER, textColor=RED)
    number = ParagraphStyle("number", fontName=FONT, fontSize=16, leading=22, alignment=TA_CENTER)
    title = ParagraphStyle("title", fontName=FONT, fontSize=22, leading=32, alignment=TA_CENTER,
                           wordWrap="CJK", spaceBefore=6, spaceAfter=12)
    body = ParagraphStyle("body", fontName=FONT, fontSize=16, leading=28, alignment=TA_JUSTIFY,
                          wordWrap="CJK", firstLineIndent=32)
    plain = ParagraphStyle("plain", parent=body, firstLineIndent=0)
    note = ParagraphStyle("note", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK")
    right = ParagraphStyle("right", parent=note, alignment=TA_RIGHT)

    story = [
        Paragraph(escape(doc.authority), head),
        Spacer(1, 4 * mm),
        Paragraph(escape(doc.doc_number), number),
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=2, spaceAfter=10 * mm),
        Paragraph(escape(doc.title), title),
        Paragraph(escape(doc.addressee) + "：", plain),
    ]
    story += [Paragraph(escape(p), body) for p in doc.paragraphs if p.strip()]
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether([SealMark(doc.authority, chinese_date(doc.issued_on), frame_width)]))
    if doc.notes:
        story.append(Spacer(1, 4 * mm))
        story += [Paragraph("（" + escape(n) + "）", note) for n in doc.notes]
    if doc.copy_to:
        story.append(HRFlowable(width="100%", thickness=0.5, color=colors.black, spaceBefore=6 * mm))
        story.append(Paragraph("抄送：" + escape(doc.copy_to) + "。", note))
        story.append(Paragraph(f"{escape(doc.authority)}　　{chinese_date(doc.issued_on)}印发", right))

    def page_number(canvas, _doc):
        canvas.saveState()
        canvas.setFont(FONT, 14)
        text = f"— {canvas.getPageNumber()} —"
        canvas.drawCentredString(A4[0] / 2, 18 * mm, text)
        canvas.restoreState()

    pdf.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buf.getvalue()
