"""What the dataset holds and how well it is backed: counts, evidence, validation, coverage."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from helpers import paths
from helpers.load import Tables
from helpers.plotting import OKABE_ITO, finish, legend_below, margins
from helpers.schema import read_package

COVERAGE_COLOURS = {
    "covered": OKABE_ITO["blue"],
    "uncurated": "#bbbbbb",
    "uncovered": OKABE_ITO["vermillion"],
}
COVERAGE_LABELS = {
    "covered": "Covered by a quote",
    "uncurated": "Page furniture (uncurated.csv)",
    "uncovered": "Not covered: a gap",
}


def table_counts(tables: Tables) -> pd.DataFrame:
    """Rows and columns of each table, in data-package order."""
    return pd.DataFrame(
        {"rows": [len(t) for t in tables.values()], "columns": [t.shape[1] for t in tables.values()]},
        index=pd.Index(list(tables), name="table"),
    )


def evidence(tables: Tables) -> pd.DataFrame:
    """Every event with each statement about it: article, verbatim quote, date words, status then."""
    events = tables["events"][["event_id", "title", "status", "date_start", "date_end"]]
    mentions = tables["mentions"][["event_id", "source_id", "reported_status", "date_text", "quote"]]
    out = events.merge(mentions, on="event_id").sort_values(["date_start", "event_id", "source_id"])
    return out.set_index(["event_id", "title"])


def validation_summary(tables: Tables) -> pd.DataFrame:
    """What the loader checked in each table, read from datapackage.json (it has passed, or
    the notebook would have stopped): rows, and the fields under each kind of rule."""
    rows = []
    for name, resource in read_package(paths.DATA / "datapackage.json").items():
        fields = resource.fields
        rows.append(
            {
                "table": name,
                "layer": resource.layer,
                "rows": len(tables[name]),
                "required": sum(f.required for f in fields),
                "typed (date, number)": sum(f.type != "string" for f in fields),
                "enums": sum(f.enum is not None for f in fields),
                "patterns": sum(f.pattern is not None for f in fields),
                "keys (primary, foreign)": f"{len(resource.primary_key)}, {len(resource.foreign_keys)}",
                "evidence": resource.evidence.get("text", "")
                or ("source_url" if "source_url" in resource.field_names else ""),
                "result": "passed",
            }
        )
    return pd.DataFrame(rows).set_index("table")


def coverage_summary(coverage: pd.DataFrame) -> pd.DataFrame:
    """Sentences per article and status."""
    summary = pd.crosstab(coverage["source_id"], coverage["status"])
    return summary.reindex(columns=list(COVERAGE_COLOURS), fill_value=0)


def coverage_chart(summary: pd.DataFrame, source: str) -> Figure:
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
    substantive = int(summary["covered"].sum() + summary["uncovered"].sum())
    gaps = int(summary["uncovered"].sum())
    title = (
        f"All {substantive} sentences of substance rest on curated quotes"
        if gaps == 0
        else f"{gaps} of {substantive} sentences of substance are not yet curated"
    )
    finish(fig, title, "Sentences of each article by whether the curated data quotes them.", source)
    return fig


def coverage_alt(summary: pd.DataFrame) -> str:
    parts = [
        f"{source_id}: {row['covered']} covered, {row['uncurated']} page furniture, "
        f"{row['uncovered']} not covered"
        for source_id, row in summary.iterrows()
    ]
    return "Stacked bar chart of sentences per article by coverage. " + "; ".join(parts) + "."
