"""Resolve the articles' date expressions into honest intervals of days.

A news article says "Friday", "early next week" or "soon", not a date. Each expression is
resolved against the article's publication date (the *anchor*) into the smallest interval of
whole days that the words allow, never a guessed day; a vague one ("soon", "recently") gets an
open bound. The forms and what each means are the table in ``helpers.data.timex``; the
interval and its precision are ``helpers.data.interval``.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from helpers.data.interval import Interval, UnresolvableDate, precision_of, precision_series
from helpers.data.timex import resolve_text
from helpers.fast import iso_dates, row_keys

__all__ = [
    "Interval",
    "UnresolvableDate",
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


def resolve_series(expressions: pd.Series, anchors: pd.Series) -> pd.DataFrame:
    """Resolve many (expression, anchor) pairs at once.

    Each distinct pair is resolved once, so a million mentions that use a handful of
    expressions cost a handful of calls. Returns, aligned with the input's index, ``start`` and
    ``end`` (datetime64[us]; NaT for an open bound, and where there is no expression or it
    cannot be resolved), ``resolved`` (bool) and ``error`` (the resolver's message, or NA).
    """
    anchors = iso_dates(anchors) if pd.api.types.is_string_dtype(anchors.dtype) else anchors
    pairs = pd.DataFrame({"expression": expressions, "anchor": anchors.astype("datetime64[us]")})
    present = (pairs["expression"].notna() & (pairs["expression"] != "") & pairs["anchor"].notna()).to_numpy()
    # One resolver call per distinct pair; the answers are spread back by the pair's number.
    distinct, first, which = np.unique(
        row_keys(pairs, ["expression", "anchor"]), return_index=True, return_inverse=True
    )
    starts = np.full(len(distinct) + 1, np.datetime64("NaT"), dtype="datetime64[us]")
    ends = starts.copy()
    resolved = np.zeros(len(distinct) + 1, dtype=bool)
    errors = np.full(len(distinct) + 1, None, dtype=object)
    candidates = zip(
        pairs["expression"].iloc[first], pairs["anchor"].iloc[first], present[first], strict=True
    )
    for code, (expression, anchor, known) in enumerate(candidates):
        if not known:
            continue
        try:
            interval = resolve(expression, anchor.date())
        except UnresolvableDate as error:
            errors[code] = str(error)
            continue
        resolved[code] = True
        starts[code] = np.datetime64(interval.start, "us") if interval.start else np.datetime64("NaT")
        ends[code] = np.datetime64(interval.end, "us") if interval.end else np.datetime64("NaT")
    which = np.where(present, which.ravel(), len(distinct))
    return pd.DataFrame(
        {
            "start": starts[which],
            "end": ends[which],
            "resolved": resolved[which],
            "error": pd.array(errors, dtype="str").take(which),
        },
        index=expressions.index,
    )
