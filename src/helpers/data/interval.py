"""An interval of calendar days, either bound possibly open, and how precise it is.

The *precision* says how the interval should be read, and is derived from the interval alone,
so that the same interval always has the same precision whichever words produced it: ``day``
(start = end), ``week`` (a whole Monday-to-Sunday week), ``month`` (a whole calendar month),
``year`` (a whole calendar year), ``open`` (a bound is unknown: "soon", "recently") or
``interval`` (anything else).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

PRECISIONS = pd.array(["day", "week", "month", "interval", "year", "open"], dtype="str")


class UnresolvableDate(ValueError):
    """The expression is not one the resolver knows, or names no day; the message says why."""


@dataclass(frozen=True)
class Interval:
    """A closed interval of calendar days; ``None`` is an open bound."""

    start: date | None
    end: date | None

    @classmethod
    def day(cls, day: date) -> Interval:
        return cls(day, day)

    @property
    def precision(self) -> str:
        return precision_of(self.start, self.end)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both: an open bound on either side stays open."""
        start = None if None in (self.start, other.start) else min(self.start, other.start)
        end = None if None in (self.end, other.end) else max(self.end, other.end)
        return Interval(start, end)

    def __str__(self) -> str:
        return f"{self.start or '..'}\t{self.end or '..'}\t{self.precision}"


def precision_of(start: date | None, end: date | None) -> str:
    """Name the granularity of ``[start, end]``: day, week, month, year, open or interval."""
    if start is None or end is None:
        return "open"
    if start == end:
        return "day"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return "week"
    if start.day == 1 and end == start.replace(day=calendar.monthrange(start.year, start.month)[1]):
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return "interval"


def precision_series(start: pd.Series, end: pd.Series) -> pd.Series:
    """Vectorized ``precision_of`` for columns of datetimes (a missing bound is open),
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
    year = first.astype("datetime64[Y]")
    whole_year = (first == year.astype("datetime64[D]")) & (last == (year + 1).astype("datetime64[D]") - 1)
    open_ = np.isnat(first) | np.isnat(last)
    which = np.select([open_, span == 0, monday & (span == 6), whole_month, whole_year], [5, 0, 1, 2, 4], 3)
    return pd.Series(PRECISIONS.take(which), index=start.index)
