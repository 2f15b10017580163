"""The coverage chart: sentences of each article by whether the curated data quotes them."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from helpers.analysis.audit import least_covered
from helpers.charts.style import OKABE_ITO, finish, legend_below, margins

# More bars than this do not fit the chart's height, nor could a reader tell them apart.
SHOWN_ARTICLES = 12

# Not a blue: blue is the status family of the other charts.
COVERAGE_COLOURS = {
    "covered": OKABE_ITO["green"],
    "uncurated": "#bbbbbb",
    "uncovered": OKABE_ITO["vermillion"],
}
COVERAGE_LABELS = {
    "covered": "Covered by a quote",
    "uncurated": "Page furniture (uncurated.csv)",
    "uncovered": "Not covered: a gap",
}


def headline(summary: pd.DataFrame) -> str:
    """Whether every sentence of substance rests on a quote, or how many do not."""
    substantive = int(summary["covered"].sum() + summary["uncovered"].sum())
    gaps = int(summary["uncovered"].sum())
    return (
        f"All {substantive:,} sentences of substance rest on curated quotes"
        if gaps == 0
        else f"{gaps:,} of {substantive:,} sentences of substance are not yet curated"
    )


def _what(summary: pd.DataFrame, shown: pd.DataFrame) -> str:
    if len(shown) == len(summary):
        return "Sentences of each article"
    return f"Sentences of the {len(shown)} of {len(summary):,} articles with the most gaps"


def alt_text(summary: pd.DataFrame) -> str:
    shown = least_covered(summary, SHOWN_ARTICLES)
    parts = [
        f"{source_id}: {row['covered']} covered, {row['uncurated']} page furniture, "
        f"{row['uncovered']} not covered"
        for source_id, row in shown.iterrows()
    ]
    what = "sentences per article" if len(shown) == len(summary) else _what(summary, shown).lower()
    return f"Stacked bar chart of {what} by coverage. " + "; ".join(parts) + "."


def chart(summary: pd.DataFrame, source: str) -> Figure:
    """Bars of ``least_covered`` articles; the headline counts every article's sentences."""
    shown = least_covered(summary, SHOWN_ARTICLES)
    # Taller with more bars, so that each keeps room for its counts.
    fig, ax = plt.subplots(figsize=(9, max(3.6, 1.8 + 0.3 * len(shown))))
    margins(fig, left=0.1, bottom_in=1.2)
    left = pd.Series(0, index=shown.index)
    for status, colour in COVERAGE_COLOURS.items():
        bars = ax.barh(shown.index, shown[status], left=left, color=colour, height=0.55)
        for bar, article in zip(bars.patches, shown.index, strict=True):
            bar.set_gid(f"article-{article}.{status}")
        for y, (value, x0) in enumerate(zip(shown[status], left, strict=True)):
            if value:
                ax.text(
                    x0 + value / 2,
                    y,
                    str(int(value)),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if status != "uncurated" else "black",
                )
        left = left + shown[status]
    ax.invert_yaxis()
    ax.set_xlabel("Sentences")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    legend_below(fig, [Patch(color=c, label=COVERAGE_LABELS[s]) for s, c in COVERAGE_COLOURS.items()], ncol=3)
    what = f"{_what(summary, shown)} by whether the curated data quotes them."
    finish(fig, headline(summary), what, source)
    return fig
