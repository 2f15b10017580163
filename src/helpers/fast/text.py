"""Parsing and searching Arrow-backed text columns: dates, numbers, enums and substrings."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.fast.joins import arrow_strings
from helpers.fast.keys import codes

# RE2 reads a backslash before ASCII punctuation as that character; every other character of
# a needle (letters, digits, spaces, anything beyond ASCII) is already a literal.

_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def contains(haystacks: pd.Series, needles: pd.Series) -> pd.Series:
    """Row-wise ``needle in haystack``. Needles repeat (a date expression, a traded item), so
    each distinct needle is searched for in its rows at once, in Arrow, as an escaped literal:
    RE2 skips ahead to a literal's first bytes, where ``match_substring`` scans every
    position of the sentence."""
    out = np.zeros(len(haystacks), dtype=bool)
    hay = arrow_strings(haystacks)
    if isinstance(hay, pa.ChunkedArray):  # a take from one buffer beats one across chunks
        hay = hay.combine_chunks()
    found, _ = codes(needles)
    order = np.argsort(found, kind="stable")
    bounds = np.flatnonzero(np.diff(found[order])) + 1
    for rows in np.split(order, bounds):
        if len(rows):
            needle = needles.iloc[rows[0]]
            if isinstance(needle, str):
                literal = _ASCII_PUNCTUATION.sub(r"\\\g<0>", needle)
                out[rows] = np.asarray(pc.match_substring_regex(hay.take(rows), literal), dtype=bool)
    return pd.Series(out, index=haystacks.index)


def iso_dates(values: pd.Series) -> pd.Series:
    """Strings ``YYYY-MM-DD`` as ``datetime64[us]``; NaT for '' and missing values and for
    anything that is not a real day in that form (``2017-9-1``, ``2017-02-30``, ``' 2017-09-01'``).
    Arrow's strict ISO cast does the common case of all-valid columns at once."""
    try:
        days = pc.cast(arrow_strings(values.where(values != "")), pa.date32())
    except pa.ArrowInvalid:  # some value is not a date: find which, row by row
        well_formed = values.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
        parsed = pd.to_datetime(values.where(well_formed), format="%Y-%m-%d", errors="coerce")
        return parsed.astype("datetime64[us]")
    return pd.Series(days.cast(pa.timestamp("us")).to_numpy(zero_copy_only=False), index=values.index)


def numbers(values: pd.Series) -> pd.Series:
    """``pd.to_numeric(values, errors="coerce")`` as float64, '' counting as missing: Arrow
    casts the common all-valid column at once, pandas finds the bad values otherwise."""
    present = values.where(values != "")
    try:
        parsed = pc.cast(arrow_strings(present), pa.float64())
    except pa.ArrowInvalid:  # some value is not a number: find which, row by row
        return pd.to_numeric(present, errors="coerce").astype("float64")
    return pd.Series(parsed.to_numpy(zero_copy_only=False), index=values.index)


def categorical(values: pd.Series, categories: list[str]) -> pd.Categorical:
    """``pd.Categorical(values, categories)``, coded in Arrow; values not among the categories
    (and missing values) become NaN."""
    array = arrow_strings(values)
    found = pc.index_in(array, value_set=pa.array(categories, type=array.type))
    found = pc.fill_null(found, -1).to_numpy(zero_copy_only=False)
    return pd.Categorical.from_codes(found, categories=categories)
