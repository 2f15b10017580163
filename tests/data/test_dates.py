"""The relative-date resolver, form by form, anchored on the articles' own dates."""

from datetime import date, timedelta

import pandas as pd
import pytest

from helpers.data.dates import (
    Interval,
    UnresolvableDate,
    precision_of,
    precision_series,
    resolve,
    resolve_series,
)

FRI = date(2017, 9, 1)  # a000: Friday
TUE = date(2017, 9, 19)  # a001: Tuesday


@pytest.mark.parametrize(
    ("expression", "anchor", "start", "end", "precision"),
    [
        ("Friday", FRI, date(2017, 9, 1), date(2017, 9, 1), "day"),
        ("Monday", TUE, date(2017, 9, 18), date(2017, 9, 18), "day"),
        ("Wednesday", TUE, date(2017, 9, 13), date(2017, 9, 13), "day"),
        ("earlier this week", FRI, date(2017, 8, 28), date(2017, 8, 31), "interval"),
        ("this week", TUE, date(2017, 9, 18), date(2017, 9, 24), "week"),
        ("last week", TUE, date(2017, 9, 11), date(2017, 9, 17), "week"),
        ("next week", FRI, date(2017, 9, 4), date(2017, 9, 10), "week"),
        ("early next week", FRI, date(2017, 9, 4), date(2017, 9, 6), "interval"),
        ("mid next week", FRI, date(2017, 9, 6), date(2017, 9, 8), "interval"),
        ("late last week", TUE, date(2017, 9, 15), date(2017, 9, 17), "interval"),
        ("last month", TUE, date(2017, 8, 1), date(2017, 8, 31), "month"),
        ("this month", TUE, date(2017, 9, 1), date(2017, 9, 30), "month"),
        ("next month", TUE, date(2017, 10, 1), date(2017, 10, 31), "month"),
        ("early this month", TUE, date(2017, 9, 1), date(2017, 9, 10), "interval"),
        ("mid next month", TUE, date(2017, 10, 11), date(2017, 10, 20), "interval"),
        ("late next month", date(2017, 1, 15), date(2017, 2, 21), date(2017, 2, 28), "interval"),
        ("early next month", TUE, date(2017, 10, 1), date(2017, 10, 10), "interval"),
        ("November", TUE, date(2017, 11, 1), date(2017, 11, 30), "month"),
        ("Sept. 3", TUE, date(2017, 9, 3), date(2017, 9, 3), "day"),
        ("November or December", TUE, date(2017, 11, 1), date(2017, 12, 31), "interval"),
        ("next week", date(2017, 12, 29), date(2018, 1, 1), date(2018, 1, 7), "week"),
        ("December", date(2018, 1, 10), date(2017, 12, 1), date(2017, 12, 31), "month"),
    ],
)
def test_resolve(expression, anchor, start, end, precision):
    interval = resolve(expression, anchor)
    assert (interval.start, interval.end, interval.precision) == (start, end, precision)


@pytest.mark.parametrize("expression", ["soon", "in the near future", "", "Feb. 30", "earlier this week"])
def test_unresolvable_expressions_raise(expression):
    anchor = date(2017, 9, 18)  # a Monday: 'earlier this week' is empty then
    with pytest.raises(UnresolvableDate, match=r"date expression|empty"):
        resolve(expression, anchor)


def test_error_lists_known_forms():
    with pytest.raises(UnresolvableDate, match="known forms are a weekday"):
        resolve("in the near future", FRI)


def test_precision_of_month_needs_whole_month():
    assert precision_of(date(2017, 2, 1), date(2017, 2, 28)) == "month"
    assert precision_of(date(2017, 2, 1), date(2017, 2, 27)) == "interval"


def test_precision_series_agrees_with_precision_of():
    # Every start in 2016-2017 (a leap February) with spans around a week and a month.
    starts = [date(2016, 1, 1) + timedelta(days=n) for n in range(731)]
    pairs = [(s, s + timedelta(days=span)) for s in starts for span in (0, 1, 6, 7, 27, 28, 29, 30)]
    start = pd.Series([s for s, _ in pairs], dtype="datetime64[us]", index=range(5, 5 + len(pairs)))
    end = pd.Series([e for _, e in pairs], dtype="datetime64[us]", index=start.index)
    found = precision_series(start, end)
    assert found.index.equals(start.index)
    assert found.tolist() == [precision_of(s, e) for s, e in pairs]
    assert set(found) == {"day", "week", "month", "interval"}
    missing = precision_series(pd.Series([pd.NaT], dtype="datetime64[us]"), pd.Series(end.iloc[:1].tolist()))
    assert missing.tolist() == ["interval"]


def test_resolve_series_resolves_each_pair_and_reports_errors():
    expressions = pd.Series(["Friday", "", "soon", "Friday"], index=[10, 11, 12, 13])
    anchors = pd.Series(["2017-09-01", "2017-09-01", "2017-09-01", "2017-09-19"], index=expressions.index)
    out = resolve_series(expressions, anchors)
    assert list(out.index) == [10, 11, 12, 13]
    assert out.loc[10, "start"] == pd.Timestamp("2017-09-01")
    assert out.loc[13, "start"] == pd.Timestamp("2017-09-15")
    assert pd.isna(out.loc[11, "start"]) and pd.isna(out.loc[11, "error"])
    assert pd.isna(out.loc[12, "start"]) and "soon" in out.loc[12, "error"]


# Anchors on every weekday, Sunday and Monday included, across a month's and a year's end.
ANCHORS = [date(2017, 12, 24) + timedelta(days=n) for n in range(15)] + [date(2017, 9, 17), date(2017, 9, 18)]


def iso_week(day: date, shift: int = 0) -> tuple[date, date]:
    """The ISO week (Monday to Sunday) of ``day``, moved by ``shift`` weeks: the reference, from
    ``isocalendar`` rather than weekday arithmetic."""
    year, week, _ = (day + timedelta(weeks=shift)).isocalendar()
    return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)


@pytest.mark.parametrize("anchor", ANCHORS, ids=lambda d: f"{d:%a-%Y-%m-%d}")
def test_week_phrases_on_every_weekday(anchor):
    for words, shift in (("this week", 0), ("last week", -1), ("next week", 1)):
        interval = resolve(words, anchor)
        assert (interval.start, interval.end) == iso_week(anchor, shift), words
    monday, _ = iso_week(anchor)
    for part, (first, last) in {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}.items():
        interval = resolve(f"{part} this week", anchor)
        assert (interval.start, interval.end) == (monday + timedelta(first), monday + timedelta(last))
    if anchor == monday:
        with pytest.raises(UnresolvableDate):
            resolve("earlier this week", anchor)
    else:
        assert resolve("earlier this week", anchor) == Interval(monday, anchor - timedelta(1))
    weekday = resolve(anchor.strftime("%A"), anchor)
    assert weekday == Interval(anchor, anchor)  # a bare weekday names the anchor's own day
