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
from helpers.data.timex import KNOWN_FORMS

FRI = date(2017, 9, 1)  # a000: Friday
TUE = date(2017, 9, 19)  # a001: Tuesday
THU = date(2017, 9, 14)
WED = date(2017, 10, 4)
SAT = date(2017, 11, 25)
SUN = date(2017, 12, 31)  # the last day of a year, a Sunday
MON = date(2018, 1, 1)  # the first day of a year, a Monday
FEB = date(2017, 2, 28)  # the last day of a month, a Tuesday
LEAP = date(2016, 2, 29)  # a leap day, a Monday
D = date
OPEN = None

# (expression, anchor, start, end, precision): every form of the table in helpers.data.timex,
# anchored on every weekday and across the ends of months and years. Worked out by hand.
TABLE = [
    ("Friday", FRI, D(2017, 9, 1), D(2017, 9, 1), "day"),
    ("Monday", TUE, D(2017, 9, 18), D(2017, 9, 18), "day"),
    ("on Wednesday", TUE, D(2017, 9, 13), D(2017, 9, 13), "day"),
    ("Sunday", SUN, D(2017, 12, 31), D(2017, 12, 31), "day"),
    ("Saturday", MON, D(2017, 12, 30), D(2017, 12, 30), "day"),
    ("last Friday", FRI, D(2017, 8, 25), D(2017, 8, 25), "day"),
    ("last Sunday", MON, D(2017, 12, 31), D(2017, 12, 31), "day"),
    ("last Thursday", THU, D(2017, 9, 7), D(2017, 9, 7), "day"),
    ("this Friday", TUE, D(2017, 9, 22), D(2017, 9, 22), "day"),
    ("this Monday", SUN, D(2017, 12, 25), D(2017, 12, 25), "day"),
    ("next Friday", FRI, D(2017, 9, 8), D(2017, 9, 8), "day"),
    ("next Monday", SUN, D(2018, 1, 1), D(2018, 1, 1), "day"),
    ("next Tuesday", SAT, D(2017, 11, 28), D(2017, 11, 28), "day"),
    ("yesterday", MON, D(2017, 12, 31), D(2017, 12, 31), "day"),
    ("today", WED, D(2017, 10, 4), D(2017, 10, 4), "day"),
    ("tomorrow", SUN, D(2018, 1, 1), D(2018, 1, 1), "day"),
    ("tomorrow", FEB, D(2017, 3, 1), D(2017, 3, 1), "day"),
    ("five days ago", TUE, D(2017, 9, 14), D(2017, 9, 14), "day"),
    ("3 days ago", MON, D(2017, 12, 29), D(2017, 12, 29), "day"),
    ("two weeks ago", TUE, D(2017, 9, 4), D(2017, 9, 10), "week"),
    ("a week ago", MON, D(2017, 12, 25), D(2017, 12, 31), "week"),
    ("a month ago", MON, D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("two years ago", WED, D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("Oct. 3", TUE, D(2017, 10, 3), D(2017, 10, 3), "day"),
    ("October 3, 2017", MON, D(2017, 10, 3), D(2017, 10, 3), "day"),
    ("3 October", TUE, D(2017, 10, 3), D(2017, 10, 3), "day"),
    ("3 October 2017", SUN, D(2017, 10, 3), D(2017, 10, 3), "day"),
    ("the 3rd of October", TUE, D(2017, 10, 3), D(2017, 10, 3), "day"),
    ("Jan. 5", SUN, D(2018, 1, 5), D(2018, 1, 5), "day"),
    ("Dec. 28", MON, D(2017, 12, 28), D(2017, 12, 28), "day"),
    ("Sept. 3", TUE, D(2017, 9, 3), D(2017, 9, 3), "day"),
    ("February 29", LEAP, D(2016, 2, 29), D(2016, 2, 29), "day"),
    ("Oct. 3-4", TUE, D(2017, 10, 3), D(2017, 10, 4), "interval"),
    ("3-4 October", TUE, D(2017, 10, 3), D(2017, 10, 4), "interval"),
    ("Dec. 30\u201331, 2017", FRI, D(2017, 12, 30), D(2017, 12, 31), "interval"),
    ("November", TUE, D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("in November 2017", MON, D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("Nov.", TUE, D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("December", MON, D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("January", SUN, D(2018, 1, 1), D(2018, 1, 31), "month"),
    ("mid-March", TUE, D(2017, 3, 11), D(2017, 3, 20), "interval"),
    ("early November", TUE, D(2017, 11, 1), D(2017, 11, 10), "interval"),
    ("late February", FEB, D(2017, 2, 21), D(2017, 2, 28), "interval"),
    ("late February", LEAP, D(2016, 2, 21), D(2016, 2, 29), "interval"),
    ("2017", FRI, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("in 2018", TUE, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("early 2018", TUE, D(2018, 1, 1), D(2018, 4, 30), "interval"),
    ("late 2017", FRI, D(2017, 9, 1), D(2017, 12, 31), "interval"),
    ("mid-2017", FRI, D(2017, 5, 1), D(2017, 8, 31), "interval"),
    ("this week", SUN, D(2017, 12, 25), D(2017, 12, 31), "week"),
    ("next week", SUN, D(2018, 1, 1), D(2018, 1, 7), "week"),
    ("last week", MON, D(2017, 12, 25), D(2017, 12, 31), "week"),
    ("this weekend", WED, D(2017, 10, 7), D(2017, 10, 8), "interval"),
    ("this weekend", SUN, D(2017, 12, 30), D(2017, 12, 31), "interval"),
    ("next weekend", FRI, D(2017, 9, 9), D(2017, 9, 10), "interval"),
    ("last weekend", MON, D(2017, 12, 30), D(2017, 12, 31), "interval"),
    ("next month", SUN, D(2018, 1, 1), D(2018, 1, 31), "month"),
    ("last month", MON, D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("this month", FEB, D(2017, 2, 1), D(2017, 2, 28), "month"),
    ("next year", TUE, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("last year", MON, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("early next week", FRI, D(2017, 9, 4), D(2017, 9, 6), "interval"),
    ("mid next week", FRI, D(2017, 9, 6), D(2017, 9, 8), "interval"),
    ("late last week", TUE, D(2017, 9, 15), D(2017, 9, 17), "interval"),
    ("mid next month", TUE, D(2017, 10, 11), D(2017, 10, 20), "interval"),
    ("late next month", D(2017, 1, 15), D(2017, 2, 21), D(2017, 2, 28), "interval"),
    ("early this month", TUE, D(2017, 9, 1), D(2017, 9, 10), "interval"),
    ("early next year", SUN, D(2018, 1, 1), D(2018, 4, 30), "interval"),
    ("earlier this week", FRI, D(2017, 8, 28), D(2017, 8, 31), "interval"),
    ("later this week", TUE, D(2017, 9, 20), D(2017, 9, 24), "interval"),
    ("earlier this month", TUE, D(2017, 9, 1), D(2017, 9, 18), "interval"),
    ("later this year", TUE, D(2017, 9, 20), D(2017, 12, 31), "interval"),
    ("the end of the month", TUE, D(2017, 9, 21), D(2017, 9, 30), "interval"),
    ("at the end of next month", TUE, D(2017, 10, 21), D(2017, 10, 31), "interval"),
    ("the beginning of next year", TUE, D(2018, 1, 1), D(2018, 4, 30), "interval"),
    ("the end of the week", WED, D(2017, 10, 6), D(2017, 10, 8), "interval"),
    ("the end of November", TUE, D(2017, 11, 21), D(2017, 11, 30), "interval"),
    ("the start of 2018", TUE, D(2018, 1, 1), D(2018, 4, 30), "interval"),
    ("by the end of the month", TUE, D(2017, 9, 19), D(2017, 9, 30), "interval"),
    ("by the end of the year", SUN, D(2017, 12, 31), D(2017, 12, 31), "day"),
    ("by the end of next week", FRI, D(2017, 9, 1), D(2017, 9, 10), "interval"),
    ("November or December", TUE, D(2017, 11, 1), D(2017, 12, 31), "interval"),
    ("Monday or Tuesday", TUE, D(2017, 9, 18), D(2017, 9, 19), "interval"),
    ("soon", TUE, D(2017, 9, 19), OPEN, "open"),
    ("in the near future", FRI, D(2017, 9, 1), OPEN, "open"),
    ("at an early date", SUN, D(2017, 12, 31), OPEN, "open"),
    ("in the coming weeks", TUE, D(2017, 9, 19), OPEN, "open"),
    ("recently", TUE, OPEN, D(2017, 9, 19), "open"),
    ("in recent days", MON, OPEN, D(2018, 1, 1), "open"),
    ("November or soon", TUE, D(2017, 9, 19), OPEN, "open"),
]


@pytest.mark.parametrize(("expression", "anchor", "start", "end", "precision"), TABLE)
def test_resolve(expression, anchor, start, end, precision):
    interval = resolve(expression, anchor)
    assert (interval.start, interval.end, interval.precision) == (start, end, precision)


def test_the_table_covers_every_weekday_and_enough_expressions():
    assert len(TABLE) >= 60
    assert {anchor.weekday() for _, anchor, *_ in TABLE} == set(range(7))


def unknown(expression: str) -> str:
    return f"cannot resolve date expression {expression!r}: {KNOWN_FORMS}"


@pytest.mark.parametrize(
    ("expression", "anchor", "message"),
    [
        ("", FRI, "empty date expression"),
        ("someday", FRI, unknown("someday")),
        ("in the fullness of time", FRI, unknown("in the fullness of time")),
        ("Feb. 30", TUE, "February 2018 has no day 30"),  # the February nearest Sept. 2017
        ("Feb. 29, 2017", TUE, "February 2017 has no day 29"),
        ("Oct. 4-3", TUE, "a range of days must run forward, not 4-3"),
        ("earlier this week", D(2017, 9, 18), "'earlier this week' is empty on the week's first day"),
        ("later this month", FEB, "'later this month' is empty on the month's last day"),
        ("earlier this year", MON, "'earlier this year' is empty on the year's first day"),
        ("early this weekend", FRI, "a weekend has no early part"),
        ("the end of Friday", FRI, "'the end of' or 'the beginning of' needs a week, a month or a year"),
        ("by the end of last month", TUE, "'by the end of last month' lies before the article's date"),
    ],
)
def test_what_names_no_day_is_refused_saying_why_word_for_word(expression, anchor, message):
    with pytest.raises(UnresolvableDate) as caught:
        resolve(expression, anchor)
    assert str(caught.value) == message


def test_precision_of_month_needs_whole_month():
    assert precision_of(date(2017, 2, 1), date(2017, 2, 28)) == "month"
    assert precision_of(date(2017, 2, 1), date(2017, 2, 27)) == "interval"


def test_precision_series_agrees_with_precision_of():
    # Every start in 2016-2017 (a leap year) with spans around a week, a month and a year.
    starts = [date(2016, 1, 1) + timedelta(days=n) for n in range(731)]
    pairs = [(s, s + timedelta(days=span)) for s in starts for span in (0, 1, 6, 7, 27, 28, 29, 30, 364, 365)]
    start = pd.Series([s for s, _ in pairs], dtype="datetime64[us]", index=range(5, 5 + len(pairs)))
    end = pd.Series([e for _, e in pairs], dtype="datetime64[us]", index=start.index)
    found = precision_series(start, end)
    assert found.index.equals(start.index)
    assert found.tolist() == [precision_of(s, e) for s, e in pairs]
    assert set(found) == {"day", "week", "month", "year", "interval"}
    missing = precision_series(pd.Series([pd.NaT], dtype="datetime64[us]"), pd.Series(end.iloc[:1].tolist()))
    assert missing.tolist() == ["open"]


def test_resolve_series_resolves_each_pair_and_reports_errors():
    expressions = pd.Series(["Friday", "", "someday", "Friday", "soon"], index=[10, 11, 12, 13, 14])
    anchors = pd.Series(["2017-09-01"] * 3 + ["2017-09-19"] * 2, index=expressions.index)
    out = resolve_series(expressions, anchors)
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert out["resolved"].tolist() == [True, False, False, True, True]
    assert out.loc[14, "start"] == pd.Timestamp("2017-09-19") and pd.isna(out.loc[14, "end"])
    assert out.loc[10, "start"] == pd.Timestamp("2017-09-01")
    assert out.loc[13, "start"] == pd.Timestamp("2017-09-15")
    assert pd.isna(out.loc[11, "start"]) and pd.isna(out.loc[11, "error"])
    assert pd.isna(out.loc[12, "start"]) and "'someday'" in out.loc[12, "error"]


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


def test_resolve_series_takes_dates_as_datetimes_too_and_says_errors_as_strings():
    expressions = pd.Series(["Friday", "someday"], index=[3, 4], dtype="str")
    anchors = pd.Series(pd.to_datetime(["2017-09-19", "2017-09-19"]), index=expressions.index)
    out = resolve_series(expressions, anchors)
    assert out.loc[3, "start"] == pd.Timestamp("2017-09-15") and out.loc[3, "end"] == pd.Timestamp(
        "2017-09-15"
    )
    assert str(out["start"].dtype) == "datetime64[us]" and out["error"].dtype == "str"
    assert pd.isna(out.loc[3, "error"]) and "'someday'" in out.loc[4, "error"]


@pytest.mark.parametrize(
    ("expression", "anchor", "start", "end"),
    [
        ("July", MON, D(2017, 7, 1), D(2017, 7, 31)),  # six months either way: the past one
        ("November 2018", TUE, D(2018, 11, 1), D(2018, 11, 30)),  # the year given wins over the nearest
        ("Friday,", FRI, D(2017, 9, 1), D(2017, 9, 1)),  # trailing punctuation
        ("mid\u2014next week", FRI, D(2017, 9, 6), D(2017, 9, 8)),  # an em dash
        ("recently or November", TUE, None, D(2017, 11, 30)),  # an open start stays open in the hull
    ],
)
def test_edges_of_the_forms(expression, anchor, start, end):
    assert resolve(expression, anchor) == Interval(start, end)


def test_an_empty_expression_says_so():
    with pytest.raises(UnresolvableDate) as caught:
        resolve("   ", FRI)
    assert str(caught.value) == "empty date expression"


def test_each_distinct_expression_and_anchor_is_resolved_once(monkeypatch):
    """A record of many mentions uses a handful of date words: each pair costs one resolver call."""
    from helpers.data import dates

    calls = []
    real = dates.resolve
    monkeypatch.setattr(
        dates, "resolve", lambda text, anchor: calls.append((text, anchor)) or real(text, anchor)
    )
    expressions = pd.Series(["Friday", "soon", "Friday", "", "Friday", "soon"] * 50, dtype="str")
    anchors = pd.Series(pd.to_datetime(["2017-09-01", "2017-09-01", "2017-09-19"] * 100))
    found = dates.resolve_series(expressions, anchors)
    assert sorted(set(calls)) == sorted(calls) and len(calls) == 4
    assert found["resolved"].sum() == 250
