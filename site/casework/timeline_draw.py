"""The matter timeline's rows drawn as markup in one pass (casework.timeline builds them; _timeline.html holds the
frame): a file shows up to 200 rows, each a band, a group of bars and marks and a table line — as template loops
(an `add` filter per coordinate) they were most of the matter screen's rendering (issue 28). The markup is the
templates' own, character for character: coordinates printed as the template printed them (a position as Python
writes the float, a coordinate moved by a few units as a whole number, as the `add` filter gives it), text
escaped as autoescape does."""
from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from .timeline import Timeline

HATCH = ' fill="url(#tl-hatch)"'
LATE_ROW = ' class="tl-row-late"'


def _e(text) -> str:
    return escape(str(text))


def _at(x: float, dx: int) -> int:
    """`{{ x|add:dx }}`: the filter adds whole numbers (int() of the position first)."""
    return int(x) + dx


def bands(tl: Timeline) -> SafeString:
    """The rows' alternating background bands."""
    return mark_safe("".join(
        f'<rect class="tl-band{" tl-band-alt" if i % 2 else ""}" x="0" y="{r.y}" width="{tl.width}" '
        f'height="{tl.row_h}"/>' for i, r in enumerate(tl.rows)))


def _mark(m, y) -> str:
    text = _e(m.text)
    if m.shape == "decision":
        return (f'<rect class="tl-mark tl-m-decision" x="{_at(m.x, -5)}" y="{y + 8}" width="10" height="10">'
                f'<title>{text}</title></rect>\n')
    if m.shape == "handoff":
        return (f'<path class="tl-mark tl-m-handoff" d="M{_at(m.x, -6)} {y + 7} L{_at(m.x, 6)} {y + 13} '
                f'L{_at(m.x, -6)} {y + 19} Z"><title>{text}</title></path>\n')
    if m.shape == "met":
        return (f'<rect class="tl-mark tl-m-met" x="{_at(m.x, -2)}" y="{y + 3}" width="4" height="20">'
                f'<title>{text}</title></rect>\n')
    return f'<circle class="tl-mark tl-m-{_e(m.shape)}" cx="{m.x}" cy="{y + 13}" r="5"><title>{text}</title></circle>'


def rows(tl: Timeline) -> SafeString:
    """Each row's group: its label, its clock bar's pieces, a document's transit line, its marks."""
    out = []
    for r in tl.rows:
        y = int(r.y)
        out.append(f'<g class="tl-row tl-{_e(r.kind)}{" tl-late" if r.late else ""}"><title>{_e(r.title)}</title>\n'
                   f'<text class="tl-label" x="6" y="{y + 17}">{"【逾期】" if r.late else ""}{_e(r.short_label)}</text>\n')
        out.extend(f'<rect class="tl-seg tl-seg-{_e(s.kind)}" x="{s.x}" y="{y + 7}" width="{s.width}" height="12"'
                   f'{HATCH if s.kind == "paused" else ""}><title>{_e(s.text)}</title></rect>'
                   for s in r.segments)
        out.append("\n")
        if r.kind == "document" and len(r.marks) == 2:
            out.append(f'<line class="tl-transit" x1="{r.marks[0].x}" y1="{y + 13}" x2="{r.marks[1].x}" '
                       f'y2="{y + 13}"/>')
        out.append("\n")
        out.extend(_mark(m, y) for m in r.marks)
        out.append("\n</g>")
    return mark_safe("".join(out))


def table_rows(tl: Timeline) -> SafeString:
    """The same rows as a table (under 以表格查看时间轴)."""
    return mark_safe("".join(
        f'<tr{LATE_ROW if r.late else ""}><td>{_e(r.kind_label)}{"（逾期）" if r.late else ""}</td>'
        f'<th scope="row">{_e(r.label)}</th><td>{_e(r.summary)}</td></tr>' for r in tl.rows))
