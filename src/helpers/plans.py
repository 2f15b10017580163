"""What became of the plans the articles announced: a forecast-verification view.

Each plan (an event the articles last report as planned or proposed) is
set against its outcome from the context layer: the window the articles announced,
the day it was first announced, and whether, when and how far from the window it
actually happened. A ``not_found`` outcome means no record was found, which is not
proof that the plan was dropped; the chart and the tables say so.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.frames import order, positions, take
from helpers.load import Tables
from helpers.plotting import OKABE_ITO, date_axis, describe_dates, finish, legend_below, margins
from helpers.views import first_reports

VERDICTS = ("in window", "early", "late", "no window", "partly", "not found")
VERDICT_COLOURS = {
    "in window": OKABE_ITO["green"],
    "no window": OKABE_ITO["blue"],
    "early": OKABE_ITO["sky_blue"],
    "late": OKABE_ITO["vermillion"],
    "partly": OKABE_ITO["orange"],
    "not found": "#7f7f7f",
}
WINDOW_COLOUR = "#555555"


def plans(tables: Tables) -> pd.DataFrame:
    """One row per plan (an event last reported as planned or proposed) with its outcome.

    Columns: announced window, first announcement, realised dates, ``verdict`` (one of
    ``VERDICTS``), ``lead_days`` (announcement to realisation) and ``slip_days`` (days
    outside the window: positive late, negative early, 0 inside)."""
    events = tables["events"]
    planned = events["status"].isin(("planned", "proposed")).to_numpy()
    rows = order(events, ["date_start", "event_id"], planned)
    out = (
        events[["event_id", "title", "kind", "status", "date_start", "date_end"]]
        .take(rows)
        .rename(columns={"date_start": "window_start", "date_end": "window_end"})
        .reset_index(drop=True)
    )
    # First announcement: the earliest article that mentions the plan.
    out["announced"] = take(tables["sources"]["published"], first_reports(tables)[rows])
    outcomes = tables["outcomes"]
    found = positions(out["event_id"], outcomes["event_id"])
    realised = {"outcome": "outcome", "date_start": "realised_start", "date_end": "realised_end"}
    for column, name in (*realised.items(), ("location", "realised_location")):
        out[name] = take(outcomes[column], found)
    late = out["realised_start"] > out["window_end"]
    early = out["realised_end"] < out["window_start"]
    verdict = pd.Series("in window", index=out.index, dtype="str")
    verdict = verdict.mask(early, "early").mask(late, "late")
    # A plan the articles known by then gave no date for (see views.as_of_view) has no window.
    verdict = verdict.mask(out["window_start"].isna(), "no window")
    verdict = verdict.mask(out["outcome"] == "partly", "partly").mask(
        out["outcome"] == "not_found", "not found"
    )
    verdict = verdict.mask(out["outcome"].isna(), "not found")
    slip = (
        (out["realised_start"] - out["window_end"]).dt.days.where(late, 0)
        + (out["realised_end"] - out["window_start"]).dt.days.where(early, 0)
    ).where(verdict.isin(("in window", "early", "late")))
    out = out.assign(
        verdict=pd.Categorical(verdict, categories=VERDICTS),
        lead_days=(out["realised_start"] - out["announced"]).dt.days.astype("Int64"),
        slip_days=slip.astype("Int64"),
    )
    columns = [
        "event_id",
        "title",
        "kind",
        "status",
        "announced",
        "window_start",
        "window_end",
        "outcome",
        "realised_start",
        "realised_end",
        "realised_location",
        "verdict",
        "lead_days",
        "slip_days",
    ]
    return out[columns]


def overlapping(
    table: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, happened_only: bool
) -> pd.DataFrame:
    """Plans whose announced window or realised dates overlap ``[start, end]``; with
    ``happened_only`` only those that happened (in full or in part)."""
    window = (table["window_start"] <= end) & (table["window_end"] >= start)
    realised = (table["realised_start"] <= end) & (table["realised_end"] >= start)
    keep = window | realised
    if happened_only:
        keep &= table["outcome"].isin(("held", "partly"))
    return table.loc[keep].reset_index(drop=True)


def scorecard(table: pd.DataFrame) -> pd.DataFrame:
    """How many plans ended in each verdict, with their median lead time in days."""
    return (
        table.groupby("verdict", observed=False)
        .agg(plans=("event_id", "size"), median_lead_days=("lead_days", "median"))
        .reset_index()
    )


def _outcome_note(row: pd.Series) -> str:
    if row["verdict"] == "not found":
        return "no record found"
    if row["verdict"] == "late":
        return f"{row['slip_days']} days late"
    if row["verdict"] == "early":
        return f"{-row['slip_days']} days early"
    if row["verdict"] == "no window":
        return "no date given"
    return str(row["verdict"])


def headline(table: pd.DataFrame, announced: int | None = None) -> str:
    """The verdicts in one line; ``announced`` is the number of plans before any filter."""
    counts = table["verdict"].value_counts()
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if counts.get(v, 0)) or "none shown"
    if announced is not None and announced != len(table):
        return f"Of {announced} plans the articles announced, {len(table)} shown: {parts}"
    return f"Of {len(table)} plans the articles announced: {parts}"


def alt_text(table: pd.DataFrame) -> str:
    parts = [
        f"Chart of {len(table)} plans announced in the articles, one per row: the announced window as a "
        "hollow bar, the day of first announcement as a tick, and what happened as a filled mark"
    ]
    for _, row in table.iterrows():
        window = (
            f"expected {describe_dates(row['window_start'], row['window_end'])}"
            if pd.notna(row["window_start"])
            else "expected without a date"
        )
        if pd.notna(row["realised_start"]):
            first, last = row["realised_start"], row["realised_end"]
            happened = (
                f"happened on {first:%-d %b %Y}"
                if first == last
                else (f"happened from {first:%-d %b} to {last:%-d %b %Y}")
            )
        else:
            happened = "no record of it found"
        parts.append(f"{row['title']}: {window}; {happened} ({_outcome_note(row)})")
    return "; ".join(parts) + "."


def chart(
    table: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    source: str,
    announced: int | None = None,
) -> Figure:
    """One row per plan: announced window (hollow), announcement (tick and dotted lead line),
    outcome (filled, coloured by verdict), with the verdict written at the right. ``announced``
    is the number of plans before filtering, for the title."""
    fig, ax = plt.subplots(figsize=(10, 1.6 + 0.55 * max(len(table), 1)))
    margins(fig, left=0.3, bottom_in=1.5, right=0.86)
    day = pd.Timedelta(days=1)
    for y, (_, row) in enumerate(table.iterrows()):
        colour = VERDICT_COLOURS[row["verdict"]]
        if pd.notna(row["window_start"]):
            ax.barh(
                y,
                (row["window_end"] - row["window_start"]).days + 1,
                left=row["window_start"],
                height=0.55,
                color="white",
                edgecolor=WINDOW_COLOUR,
                linewidth=1.4,
                linestyle=":" if row["status"] == "proposed" else "-",
                zorder=1,
            )
            ax.plot(
                [row["announced"] + day / 2, row["window_start"]],
                [y, y],
                color=WINDOW_COLOUR,
                linestyle=":",
                linewidth=1,
            )
        ax.plot(row["announced"] + day / 2, y, marker="|", markersize=14, color="#222222", linestyle="none")
        if pd.notna(row["realised_start"]):
            if row["realised_start"] == row["realised_end"]:
                ax.plot(
                    row["realised_start"] + day / 2,
                    y,
                    marker="D",
                    markersize=10,
                    linestyle="none",
                    color=colour,
                    markeredgecolor="#222222",
                    zorder=3,
                )
            else:
                ax.barh(
                    y,
                    (row["realised_end"] - row["realised_start"]).days + 1,
                    left=row["realised_start"],
                    height=0.3,
                    color=colour,
                    edgecolor="#222222",
                    zorder=3,
                )
        ax.annotate(
            _outcome_note(row),
            (1.005, y),
            xycoords=("axes fraction", "data"),
            va="center",
            fontsize=8.5,
            color=colour if row["verdict"] != "not found" else "#444444",
            fontweight="bold",
            annotation_clip=False,
        )
    ax.set_yticks(range(len(table)), [_wrap(t) for t in table["title"]], fontsize=8.5)
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    date_axis(ax, start, end)
    handles = [
        Line2D([], [], marker="|", color="#222222", linestyle="none", markersize=12, label="First announced"),
        Patch(facecolor="white", edgecolor=WINDOW_COLOUR, label="Announced window"),
        Patch(facecolor="white", edgecolor=WINDOW_COLOUR, linestyle=":", label="Window of a proposal"),
        *[
            Patch(facecolor=VERDICT_COLOURS[v], edgecolor="#222222", label=f"Happened: {v}")
            for v in ("in window", "early", "late", "no window", "partly")
            if v in set(table["verdict"])
        ],
    ]
    legend_below(fig, handles, ncol=4)
    finish(
        fig,
        headline(table, announced),
        "Announced window (articles) against what happened (context layer, cited sources); "
        "'no record found' is not proof it did not happen.",
        source,
    )
    return fig


def _wrap(title: str, width: int = 44) -> str:
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])
