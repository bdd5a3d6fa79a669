"""Charts of the annual report, drawn by matplotlib (Agg backend, no display) as PNG with the project's
Chinese font (casework.pdf.font_path: WenQuanYi Micro Hei from PyPI), so they print as they show."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from casework.pdf import font_path  # noqa: E402


def _font():
    return font_manager.FontProperties(fname=font_path())


def totals_chart(agg, *, title: str) -> bytes:
    """Bar chart: the jurisdiction's total per category, each bar labelled with its number."""
    font = _font()
    labels = [c["label"] for c in agg.categories]
    fig = Figure(figsize=(9, 4.8), dpi=110)
    ax = fig.subplots()
    bars = ax.bar(range(len(labels)), agg.totals, color="#1f5fa8")
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, fontproperties=font, rotation=30, ha="right")
    ax.set_ylabel("件数", fontproperties=font)
    ax.set_title(title, fontproperties=font, fontsize=14)
    for bar, value in zip(bars, agg.totals, strict=False):
        ax.annotate(str(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                    va="bottom", fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def agencies_chart(agg, *, title: str) -> bytes:
    """Horizontal bars: each reporting agency's total."""
    font = _font()
    names = [ret.agency.name for ret, _v, _t in agg.rows]
    totals = [t for _r, _v, t in agg.rows]
    fig = Figure(figsize=(9, 0.6 * max(len(names), 2) + 1.5), dpi=110)
    ax = fig.subplots()
    ax.barh(range(len(names)), totals, color="#c0392b")
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names, fontproperties=font)
    ax.invert_yaxis()
    ax.set_title(title, fontproperties=font, fontsize=14)
    for i, value in enumerate(totals):
        ax.annotate(str(value), (value, i), va="center", ha="left", fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()
