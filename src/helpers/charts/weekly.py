"""Charts for data too large to mark row by row: rows per week as a heat map."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure

from helpers.charts.style import date_axis, finish, margins


def weekly_counts(
    frame: pd.DataFrame, by: str, start: pd.Timestamp, end: pd.Timestamp, top: int = 12
) -> pd.DataFrame:
    """Rows per week (columns: Monday of each week in ``[start, end]``) for each value of ``by``
    (rows: the ``top`` most frequent, the rest summed as 'all others'). A row counts in the
    week of the first day it may have taken place (``date_start``)."""
    weeks = pd.date_range(start - pd.Timedelta(days=start.weekday()), end, freq="W-MON")
    shown = frame.loc[frame["date_start"].between(weeks[0], end)]
    week = shown["date_start"].dt.to_period("W-SUN").dt.start_time
    counts = pd.crosstab(shown[by].astype("str"), week).reindex(columns=weeks, fill_value=0)
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index
    head = counts.loc[order[:top]]
    if len(order) > top:
        head.loc[f"all others ({len(order) - top})"] = counts.loc[order[top:]].sum()
    return head


def draw_weekly(ax: plt.Axes, counts: pd.DataFrame, label: str) -> None:
    """A heat map of ``weekly_counts``, one row per value, with a colour bar saying what is counted.
    The scale is logarithmic, so that a busy 'all others' row does not blank out the rest; empty
    weeks stay white."""
    edges = [*counts.columns, counts.columns[-1] + pd.Timedelta(days=7)] if len(counts.columns) else []
    values = np.ma.masked_equal(counts.to_numpy(), 0)
    mesh = ax.pcolormesh(
        edges,
        range(len(counts) + 1),
        values,
        cmap="cividis",
        norm=LogNorm(vmin=1, vmax=max(int(counts.to_numpy().max()), 2)),
        shading="flat",
        rasterized=True,
    )
    ax.set_yticks([i + 0.5 for i in range(len(counts))], counts.index)
    ax.set_ylim(len(counts), 0)
    ax.tick_params(axis="y", length=0)
    ax.figure.colorbar(mesh, ax=ax, label=f"{label} (log scale)", fraction=0.03, pad=0.01)


def weekly_figure(
    frame: pd.DataFrame,
    by: str,
    start: pd.Timestamp,
    end: pd.Timestamp,
    counted: str,
    title: str,
    subtitle: str,
    source: str,
) -> Figure:
    """The whole chart for data too large to mark row by row: a weekly heat map per value of ``by``."""
    counts = weekly_counts(frame, by, start, end)
    fig, ax = plt.subplots(figsize=(11, max(4.4, 2.6 + 0.4 * len(counts))))
    margins(fig, left=0.2, bottom_in=1.1, right=0.88)
    draw_weekly(ax, counts, counted)
    date_axis(ax, start, end)
    finish(fig, title, f"{subtitle} Each counts in the week of its first possible day; white: none.", source)
    return fig
