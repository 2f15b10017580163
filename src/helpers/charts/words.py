"""Words every chart shares: how dates read in alt text, and the source lines."""

from __future__ import annotations

import pandas as pd


def source_line(sources: pd.DataFrame) -> str:
    """'Source: …' naming each article with its outlet and date (and whether the date is inferred)."""
    parts = []
    for row in sources.sort_values("published").itertuples():
        basis = ", date inferred" if row.published_basis == "inferred" else ""
        outlet = "outlet unknown" if row.outlet == "unknown" else row.outlet
        parts.append(f"{row.source_id}: {outlet}, {row.published:%d %b %Y}{basis}")
    return "Source: " + "; ".join(parts) + ". Curated data in data/, every row with its verbatim quote."


def context_source_line(*frames: pd.DataFrame) -> str:
    """'Context: …' for rows of the context layer, which cite their sources row by row."""
    urls = pd.concat([frame["source_url"] for frame in frames])
    return f"Context: {urls.nunique()} public sources, each cited on its own row in data/context/."


def describe_dates(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Dates for alt text: 'on 18 Sep 2017', or 'between 4 Sep and 10 Sep 2017' for a range."""
    if start == end:
        return f"on {start:%-d %b %Y}"
    return f"between {start:%-d %b} and {end:%-d %b %Y}"
