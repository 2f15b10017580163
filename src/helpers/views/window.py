"""The slice of events a chart shows: those overlapping the parameters' window."""

from __future__ import annotations

import pandas as pd


def in_window(
    events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, include_planned: bool
) -> pd.DataFrame:
    """Events whose interval overlaps ``[start, end]``; only occurred ones unless ``include_planned``.

    Undated events (NaT, see ``as_of_view``) are left out: a chart cannot place them.
    """
    overlaps = (events["date_start"] <= end) & (events["date_end"] >= start)
    if not include_planned:
        overlaps &= events["status"] == "occurred"
    return events.loc[overlaps].reset_index(drop=True)
