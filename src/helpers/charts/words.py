"""Words every chart shares: how dates read in alt text, and the source lines."""

from __future__ import annotations

import pandas as pd

NAMED_SOURCES = 8


def source_line(sources: pd.DataFrame) -> str:
    """'Source: …' naming each article with its outlet and date (and whether the date is
    inferred); past ``NAMED_SOURCES`` articles a line could not hold them, and it counts them."""
    if len(sources) > NAMED_SOURCES:
        first, last = sources["published"].min(), sources["published"].max()
        listed = (
            f"{len(sources):,} articles published between {first:%d %b %Y} and {last:%d %b %Y}, "
            "each listed in data/sources.csv"
        )
    else:
        parts = []
        for row in sources.sort_values("published").itertuples():
            basis = ", date inferred" if row.published_basis == "inferred" else ""
            outlet = "outlet unknown" if row.outlet == "unknown" else row.outlet
            parts.append(f"{row.source_id}: {outlet}, {row.published:%d %b %Y}{basis}")
        listed = "; ".join(parts)
    return f"Source: {listed}. Curated data in data/, every row with its verbatim quote."


def context_source_line(*frames: pd.DataFrame) -> str:
    """'Context: …' for rows of the context layer, which cite their sources row by row."""
    urls = pd.concat([frame["source_url"] for frame in frames])
    n = urls.nunique()
    return f"Context: {n} public source{'' if n == 1 else 's'}, each cited on its own row in data/context/."


def with_context(source: str, *frames: pd.DataFrame) -> str:
    """The articles' source line, plus the context layer's when any of ``frames`` (rows of the
    context layer a chart draws) has rows."""
    shown = [frame for frame in frames if not frame.empty]
    return f"{source} {context_source_line(*shown)}" if shown else source


def describe_dates(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Dates for alt text: 'on 18 Sep 2017', 'between 4 Sep and 10 Sep 2017' for a range, and for
    an open bound 'from 19 Sep 2017, with no end given' or 'until 1 Sep 2017, with no start given'."""
    if pd.isna(start) and pd.isna(end):
        return "with no date given"
    if pd.isna(end):
        return f"from {start:%-d %b %Y}, with no end given"
    if pd.isna(start):
        return f"until {end:%-d %b %Y}, with no start given"
    if start == end:
        return f"on {start:%-d %b %Y}"
    return f"between {start:%-d %b} and {end:%-d %b %Y}"


def nothing_shown(
    what: str,
    start: pd.Timestamp,
    end: pd.Timestamp,
    as_of: pd.Timestamp | None,
    first_published: pd.Timestamp | None,
    filtered: bool = False,
) -> str:
    """Why a chart of ``what`` has nothing to draw, as its title says it: nothing reported yet on
    ``as_of``, nothing matching the filters, or nothing in the window."""
    if as_of is not None and (first_published is None or as_of < first_published):
        first = f"the first article is dated {first_published:%-d %b %Y}" if first_published else "no article"
        return f"Nothing was reported by {as_of:%-d %b %Y}: {first}"
    window = f"on {start:%-d %b %Y}" if start == end else f"between {start:%-d %b %Y} and {end:%-d %b %Y}"
    return f"No {what} match these filters {window}" if filtered else f"No {what} {window}"
