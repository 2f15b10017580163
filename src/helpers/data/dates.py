"""Resolve the articles' date expressions into honest intervals of days.

A news article says "Friday", "early next week" or "soon", not a date. Each expression is
resolved against the article's publication date (the *anchor*) into the smallest interval of
whole days that the words allow, never a guessed day; a vague one ("soon", "recently") gets an
open bound. The forms and what each means are the table in ``helpers.data.timex``; the
interval and its precision are ``helpers.data.interval``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from helpers.data.interval import Interval, UnresolvableDate, precision_of, precision_series
from helpers.data.timex import resolve_text

__all__ = [
    "Interval",
    "UnresolvableDate",
    "iso_dates",
    "precision_of",
    "precision_series",
    "resolve",
    "resolve_series",
]


def resolve(expression: str, anchor: date) -> Interval:
    """Resolve ``expression`` (as written in an article) against the article's date.

    "X or Y" is the smallest interval that holds both.

    >>> resolve("early next week", date(2017, 9, 1))
    Interval(start=datetime.date(2017, 9, 4), end=datetime.date(2017, 9, 6))
    """
    if not expression.strip():
        raise UnresolvableDate("empty date expression")
    parts = [resolve_text(part, anchor) for part in expression.lower().split(" or ")]
    result = parts[0]
    for part in parts[1:]:
        result = result.hull(part)
    return result


def iso_dates(values: pd.Series) -> pd.Series:
    """Strings ``YYYY-MM-DD`` as ``datetime64[us]``; NaT for '' and missing values and for
    anything that is not a real day in that form (``2017-9-1``, ``2017-02-30``, ``' 2017-09-01'``)."""
    well_formed = values.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
    parsed = pd.to_datetime(values.where(well_formed), format="%Y-%m-%d", errors="coerce")
    return parsed.astype("datetime64[us]")


def _interval_or_error(expression: str, anchor: pd.Timestamp) -> tuple:
    """(start, end, resolved, error) of one expression against its anchor."""
    try:
        interval = resolve(expression, anchor.date())
    except UnresolvableDate as error:
        return (None, None, False, str(error))
    return (interval.start, interval.end, True, None)


def resolve_series(expressions: pd.Series, anchors: pd.Series) -> pd.DataFrame:
    """Resolve many (expression, anchor) pairs at once.

    Each distinct pair is resolved once, so a million mentions that use a handful of
    expressions cost a handful of calls. Returns, aligned with the input's index, ``start`` and
    ``end`` (datetime64[us]; NaT for an open bound, and where there is no expression or it
    cannot be resolved), ``resolved`` (bool) and ``error`` (the resolver's message, or NA).
    """
    anchors = iso_dates(anchors) if pd.api.types.is_string_dtype(anchors.dtype) else anchors
    anchors = anchors.astype("datetime64[us]").to_numpy()  # by position, as the expressions
    pairs = pd.DataFrame({"expression": expressions, "anchor": anchors})
    present = pairs["expression"].notna() & (pairs["expression"] != "") & pairs["anchor"].notna()
    distinct = pairs.loc[present].drop_duplicates()
    answers = pd.DataFrame(
        [
            _interval_or_error(*pair)
            for pair in zip(distinct["expression"].tolist(), distinct["anchor"].tolist(), strict=True)
        ],
        columns=["start", "end", "resolved", "error"],
        index=distinct.index,
    )
    out = pairs.merge(distinct.join(answers), on=["expression", "anchor"], how="left")
    out = out[["start", "end", "resolved", "error"]].set_axis(expressions.index)
    out["resolved"] = out["resolved"].fillna(False)
    return out.astype({"start": "datetime64[us]", "end": "datetime64[us]", "resolved": bool, "error": "str"})
