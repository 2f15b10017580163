"""The coverage chart: sentences of each article by whether the curated data quotes them."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from helpers.charts.style import OKABE_ITO, finish, legend_below, margins

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
        f"All {substantive} sentences of substance rest on curated quotes"
        if gaps == 0
        else f"{gaps} of {substantive} sentences of substance are not yet curated"
    )


def alt_text(summary: pd.DataFrame) -> str:
    parts = [
        f"{source_id}: {row['covered']} covered, {row['uncurated']} page furniture, "
        f"{row['uncovered']} not covered"
        for source_id, row in summary.iterrows()
    ]
    return "Stacked bar chart of sentences per article by coverage. " + "; ".join(parts) + "."


def chart(summary: pd.DataFrame, source: str) -> Figure:
    fig, ax = plt.subplots(figsize=(9, 3.6))
    margins(fig, left=0.1, bottom_in=1.2)
    left = pd.Series(0, index=summary.index)
    for status, colour in COVERAGE_COLOURS.items():
        ax.barh(summary.index, summary[status], left=left, color=colour, height=0.55)
        for y, (value, x0) in enumerate(zip(summary[status], left, strict=True)):
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
        left = left + summary[status]
    ax.invert_yaxis()
    ax.set_xlabel("Sentences")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    legend_below(fig, [Patch(color=c, label=COVERAGE_LABELS[s]) for s, c in COVERAGE_COLOURS.items()], ncol=3)
    finish(
        fig, headline(summary), "Sentences of each article by whether the curated data quotes them.", source
    )
    return fig
