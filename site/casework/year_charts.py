"""Charts of the year at a glance (年度概览), drawn by matplotlib (Agg, no display) as PNG with the project's
Chinese font (casework.pdf.font_path), as programme/charts.py draws the annual report. Series differ by
hatching as well as colour, so they read in greyscale print; each chart has its table beside it on the
screen."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .pdf import font_path  # noqa: E402
from .year import YearGlance  # noqa: E402

MONTH_LABELS = [f"{m}月" for m in range(1, 13)]


def _png(fig: Figure) -> bytes:
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", bbox_inches="tight")  # "tight" keeps the legend outside the axes in the image
    return out.getvalue()


def _frame(ax, font, title: str, ylabel: str = "件数") -> None:
    ax.set_title(title, fontproperties=font, fontsize=13)
    ax.set_ylabel(ylabel, fontproperties=font)
    ax.spines[["top", "right"]].set_visible(False)


def _legend(ax, font) -> None:
    ax.legend(prop=font, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))  # never over a bar


def matters_chart(g: YearGlance, *, title: str) -> bytes:
    """Matters opened and closed per month (all processes)."""
    font = font_manager.FontProperties(fname=font_path())
    fig = Figure(figsize=(9, 4.2), dpi=100)
    ax = fig.subplots()
    xs = range(12)
    ax.bar([x - 0.2 for x in xs], g.opened_total.months, 0.4, label="立案", color="#1f5fa8")
    ax.bar([x + 0.2 for x in xs], g.closed_total.months, 0.4, label="办结", color="#7fb069", hatch="//",
           edgecolor="#1b4d1b")
    ax.set_xticks(list(xs))
    ax.set_xticklabels(MONTH_LABELS, fontproperties=font)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _frame(ax, font, title)
    _legend(ax, font)
    return _png(fig)


def clocks_chart(g: YearGlance, *, title: str) -> bytes:
    """Clocks by due month: met on time, missed, still running (stacked)."""
    font = font_manager.FontProperties(fname=font_path())
    fig = Figure(figsize=(9, 4.2), dpi=100)
    ax = fig.subplots()
    met = [r.met for r in g.clocks_by_month]
    missed = [r.missed for r in g.clocks_by_month]
    pending = [r.pending for r in g.clocks_by_month]
    xs = list(range(12))
    ax.bar(xs, met, 0.6, label="按期办结", color="#2e7d32")
    ax.bar(xs, missed, 0.6, bottom=met, label="超期（逾期办结或逾期未办结）", color="#b00020", hatch="xx",
           edgecolor="#5c000f")
    ax.bar(xs, pending, 0.6, bottom=[a + b for a, b in zip(met, missed, strict=True)], label="计时中（未届满）",
           color="#bdbdbd", hatch="..", edgecolor="#555")
    ax.set_xticks(xs)
    ax.set_xticklabels(MONTH_LABELS, fontproperties=font)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _frame(ax, font, title, "时限数")
    _legend(ax, font)
    return _png(fig)


def overdue_chart(g: YearGlance, *, title: str) -> bytes:
    """Clocks running past their due day, by agency (horizontal bars, most first)."""
    font = font_manager.FontProperties(fname=font_path())
    rows = g.overdue_agencies
    fig = Figure(figsize=(9, 0.5 * max(len(rows), 2) + 1.4), dpi=100)
    ax = fig.subplots()
    values = [r.clocks.overdue for r in rows]
    ax.barh(range(len(rows)), values, color="#b00020")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r.name for r in rows], fontproperties=font)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    for i, value in enumerate(values):
        ax.annotate(str(value), (value, i), va="center", ha="left", fontsize=9)
    _frame(ax, font, title, "")
    return _png(fig)


def returns_chart(g: YearGlance, *, title: str) -> bytes:
    """Statistics returns in and missing, per jurisdiction (stacked horizontal bars)."""
    font = font_manager.FontProperties(fname=font_path())
    rows = g.returns_by_jurisdiction
    fig = Figure(figsize=(9, 0.6 * max(len(rows), 2) + 1.4), dpi=100)
    ax = fig.subplots()
    ys = list(range(len(rows)))
    got = [a for _j, a, _b in rows]
    ax.barh(ys, got, color="#1f5fa8", label="已报送")
    ax.barh(ys, [b for _j, _a, b in rows], left=got, color="#f2b134", hatch="//", edgecolor="#7a5200",
            label="未报送")
    ax.set_yticks(ys)
    ax.set_yticklabels([j for j, _a, _b in rows], fontproperties=font)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    _frame(ax, font, title, "")
    _legend(ax, font)
    return _png(fig)


CHARTS = {"matters": matters_chart, "clocks": clocks_chart, "overdue": overdue_chart, "returns": returns_chart}
