"""Vectorized operations that pandas does slowly on Arrow-backed strings.

pandas 3 stores ``str`` columns in Arrow when pyarrow is installed (it is, by the
lock). Most string work is then fast, but ``Series.isin`` still converts every
allowed value one by one in Python, which costs minutes when checking a million
foreign keys against a million keys. ``isin`` here hands the whole test to Arrow.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def isin(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """``values.isin(allowed)`` for string values, computed by Arrow (missing values are never in)."""
    array = pa.array(values.astype("str"), from_pandas=True)
    allowed = allowed if isinstance(allowed, pd.Series) else pd.Series(list(allowed), dtype="str")
    value_set = pa.array(allowed.astype("str").dropna(), from_pandas=True).cast(array.type)
    found = pc.fill_null(pc.is_in(array, value_set=value_set, skip_nulls=True), False)
    return pd.Series(np.asarray(found, dtype=bool), index=values.index)


def lookup(keys: pd.Series, mapping: pd.Series) -> pd.Series:
    """``keys.map(mapping)`` for a mapping indexed by unique strings: a hash join in Arrow
    (pandas converts Arrow strings to Python objects to map them). Missing keys give NA."""
    array = pa.array(keys.astype("str"), from_pandas=True)
    index = pa.array(mapping.index.astype("str"), from_pandas=True).cast(array.type)
    positions = pc.index_in(array, value_set=index).to_numpy(zero_copy_only=False)
    found = ~np.isnan(positions)
    taken = mapping.iloc[np.where(found, positions, 0).astype("int64")].reset_index(drop=True)
    return taken.where(found).set_axis(keys.index)


def contains(haystacks: pd.Series, needles: pd.Series) -> pd.Series:
    """Row-wise ``needle in haystack``. Needles repeat (a date expression, a traded item), so
    each distinct needle is searched for in its rows at once, in Arrow."""
    out = np.zeros(len(haystacks), dtype=bool)
    hay = pa.array(haystacks.astype("str"), from_pandas=True)
    for needle, rows in needles.groupby(needles.astype("str"), sort=False).indices.items():
        out[rows] = np.asarray(pc.match_substring(hay.take(pa.array(rows)), needle), dtype=bool)
    return pd.Series(out, index=haystacks.index)


def categorical(values: pd.Series, categories: list[str]) -> pd.Categorical:
    """``pd.Categorical(values, categories)``, coded in Arrow; values not among the categories
    (and missing values) become NaN."""
    array = pa.array(values.astype("str"), from_pandas=True)
    codes = pc.index_in(array, value_set=pa.array(categories, type=array.type))
    codes = pc.fill_null(codes, -1).to_numpy(zero_copy_only=False)
    return pd.Categorical.from_codes(codes, categories=categories)
