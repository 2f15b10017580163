"""The slice of events a chart shows: those overlapping the parameters' window."""

from __future__ import annotations

import pandas as pd


def overlaps(first: pd.Series, last: pd.Series, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """Which intervals ``[first, last]`` overlap ``[start, end]``.

    An open bound (NaT: "soon", "recently") reaches as far as it may: an interval that starts on
    19 Sep and ends "soon" overlaps every window after 19 Sep. An interval with neither bound
    overlaps nothing: a chart cannot place it."""
    placed = first.notna() | last.notna()
    return placed & (first.isna() | (first <= end)) & (last.isna() | (last >= start))


def in_window(
    events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, include_planned: bool
) -> pd.DataFrame:
    """Events whose interval overlaps ``[start, end]`` (see ``overlaps``); only occurred ones
    unless ``include_planned``. Events with no bound at all (one whose dated mentions are not
    yet known, see ``as_of_view``) are left out."""
    shown = overlaps(events["date_start"], events["date_end"], start, end)
    if not include_planned:
        shown &= events["status"] == "occurred"
    return events.loc[shown].reset_index(drop=True)
