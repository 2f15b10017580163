"""Resolve the articles' relative date expressions into honest intervals.

A news article says "Friday" or "early next week", not a date. Each expression
is resolved against the article's publication date (the *anchor*) into the
smallest interval of whole days that the words allow, never a guessed day:

========================  ===========================================================
expression                interval (all bounds inclusive)
========================  ===========================================================
``Monday`` … ``Sunday``   the most recent such weekday on or before the anchor: news
                          reports use a bare weekday for a day of the past six days.
``this week``             the Monday-to-Sunday week containing the anchor (ISO 8601).
``last week``             the week before it; ``next week`` the week after it.
``this/last/next month``  the calendar month containing the anchor, before or after it.
``November``              a named month: the occurrence nearest the anchor.
``Sept. 3``               a named day of a month: the occurrence nearest the anchor.
``earlier this week``     from the Monday of the anchor's week to the day before it.
``early`` / ``mid`` /     TimeML's START / MID / END modifiers on a week or month.
``late`` + week or month  A month is cut in thirds: days 1-10, 11-20, 21-end. A week
                          has no exact thirds, so the parts overlap by a day, which
                          keeps the vagueness honest: Mon-Wed, Wed-Fri, Fri-Sun.
``X or Y``                the smallest interval that holds both X and Y.
========================  ===========================================================

The *precision* says how the interval should be read: ``day`` (start = end),
``week`` (a whole Monday-to-Sunday week), ``month`` (a whole calendar month) or
``interval`` (anything else). It is derived from the interval itself, so the same
interval always has the same precision whichever words produced it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from helpers.fast import iso_dates, row_keys

__all__ = [
    "Interval",
    "UnresolvableDate",
    "precision_of",
    "precision_series",
    "resolve",
    "resolve_series",
]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Thirds of a week (offsets from Monday) and of a month (day numbers), per modifier.
WEEK_PARTS = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
SHIFT = {"last": -1, "this": 0, "next": 1}

PRECISIONS = pd.array(["day", "week", "month", "interval"], dtype="str")

_RELATIVE = re.compile(r"(?:(early|mid|late)\s+)?(last|this|next)\s+(week|month)")
_NAMED_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})")


class UnresolvableDate(ValueError):
    """The expression is not one the resolver knows; the message says which forms it knows."""


@dataclass(frozen=True)
class Interval:
    """A closed interval of calendar days."""

    start: date
    end: date

    @property
    def precision(self) -> str:
        return precision_of(self.start, self.end)

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.start, other.start), max(self.end, other.end))


def precision_of(start: date, end: date) -> str:
    """Name the granularity of ``[start, end]``: day, week, month or interval."""
    if start == end:
        return "day"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return "week"
    last_day = calendar.monthrange(start.year, start.month)[1]
    if start.day == 1 and end == start.replace(day=last_day):
        return "month"
    return "interval"


def resolve(expression: str, anchor: date) -> Interval:
    """Resolve ``expression`` (as written in an article) against the article's date.

    >>> resolve("early next week", date(2017, 9, 1))
    Interval(start=datetime.date(2017, 9, 4), end=datetime.date(2017, 9, 6))
    """
    text = " ".join(expression.strip().lower().split())
    if not text:
        raise UnresolvableDate("empty date expression")
    if " or " in text:
        parts = [resolve(part, anchor) for part in text.split(" or ")]
        result = parts[0]
        for part in parts[1:]:
            result = result.hull(part)
        return result
    try:
        return _resolve_simple(text, anchor)
    except UnresolvableDate:
        raise UnresolvableDate(
            f"cannot resolve date expression {expression!r}: known forms are a weekday, "
            "'[early|mid|late] last|this|next week|month', 'earlier this week', a month name, "
            "'<month> <day>', and 'X or Y'"
        ) from None


def _resolve_simple(text: str, anchor: date) -> Interval:
    if text in WEEKDAYS:
        back = (anchor.weekday() - WEEKDAYS[text]) % 7
        day = anchor - timedelta(days=back)
        return Interval(day, day)
    if text == "earlier this week":
        monday = anchor - timedelta(days=anchor.weekday())
        if monday == anchor:
            raise UnresolvableDate(text)
        return Interval(monday, anchor - timedelta(days=1))
    if match := _RELATIVE.fullmatch(text):
        modifier, shift, unit = match.groups()
        if unit == "week":
            return _week(anchor, SHIFT[shift], modifier)
        year, month = _add_months(anchor.year, anchor.month, SHIFT[shift])
        return _month(year, month, modifier)
    if text.rstrip(".") in MONTHS:
        year, month = _nearest_month(anchor, MONTHS[text.rstrip(".")])
        return _month(year, month, None)
    if (match := _NAMED_DAY.fullmatch(text)) and match.group(1) in MONTHS:
        year, month = _nearest_month(anchor, MONTHS[match.group(1)])
        try:
            day = date(year, month, int(match.group(2)))
        except ValueError:
            raise UnresolvableDate(text) from None
        return Interval(day, day)
    raise UnresolvableDate(text)


def _week(anchor: date, shift: int, modifier: str | None) -> Interval:
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
    first, last = WEEK_PARTS.get(modifier, (0, 6))
    return Interval(monday + timedelta(days=first), monday + timedelta(days=last))


def _month(year: int, month: int, modifier: str | None) -> Interval:
    last_day = calendar.monthrange(year, month)[1]
    first, last = MONTH_PARTS.get(modifier, (1, last_day))
    return Interval(date(year, month, first), date(year, month, min(last, last_day)))


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def _nearest_month(anchor: date, month: int) -> tuple[int, int]:
    """The (year, month) nearest the anchor: within six months either side."""
    delta = (month - anchor.month + 6) % 12 - 6
    return _add_months(anchor.year, anchor.month, delta)


def resolve_series(expressions: pd.Series, anchors: pd.Series) -> pd.DataFrame:
    """Resolve many (expression, anchor) pairs at once.

    Each distinct pair is resolved once, so a million mentions that use a
    handful of expressions cost a handful of calls. Returns ``start``, ``end``
    (datetime64[us], NaT where there is no expression or it cannot be resolved) and
    ``error`` (the resolver's message, or NA), aligned with the input's index.
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
        else:
            starts[code], ends[code] = np.datetime64(interval.start, "us"), np.datetime64(interval.end, "us")
    which = np.where(present, which.ravel(), len(distinct))
    return pd.DataFrame(
        {
            "start": starts[which],
            "end": ends[which],
            "error": pd.array(errors, dtype="str").take(which),
        },
        index=expressions.index,
    )


def precision_series(start: pd.Series, end: pd.Series) -> pd.Series:
    """Vectorized ``precision_of`` for columns of datetimes (a missing bound makes an interval),
    in whole days in NumPy: pandas' ``.dt`` accessors and month offsets cost ten times more."""
    first, last = start.to_numpy("datetime64[D]"), end.to_numpy("datetime64[D]")
    span = (last - first).astype(np.int64)  # NaT spans are a huge negative number
    monday = (first.astype(np.int64) + 3) % 7 == 0  # 1970-01-01 was a Thursday
    # Calendar months are slow to compute, so only for spans a month can have (28-31 days).
    maybe = np.flatnonzero((span >= 27) & (span <= 30))
    month = first[maybe].astype("datetime64[M]")
    whole_month = np.zeros(len(first), dtype=bool)
    whole_month[maybe] = (first[maybe] == month.astype("datetime64[D]")) & (
        last[maybe] == (month + 1).astype("datetime64[D]") - 1
    )
    which = np.select([span == 0, monday & (span == 6), whole_month], [0, 1, 2], 3)
    return pd.Series(PRECISIONS.take(which), index=start.index)
