"""Sorting, ranking and de-duplicating on integer codes instead of strings.

Arrow ranks many distinct strings faster than pandas factorizes them; the rest (lexsort,
runs of equal keys) is NumPy on integers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.fast.joins import arrow_strings


def codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of the values, equal exactly where the values are (missing values share
    one code), numbered in sort order, and how many codes there are. Strings are ranked in
    Arrow: sorting many distinct strings beats hashing them."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        found = values.cat.codes.to_numpy().astype(np.int64)
        return np.where(found < 0, len(values.cat.categories), found), len(values.cat.categories) + 1
    if not pd.api.types.is_string_dtype(values.dtype):
        found, uniques = pd.factorize(values, use_na_sentinel=False, sort=True)
        return found.astype(np.int64), len(uniques)
    if values.empty:
        return np.zeros(0, dtype=np.int64), 0
    array = arrow_strings(values)
    sample = array.take(np.linspace(0, len(array) - 1, min(len(array), 4096)).astype(np.int64))
    if pc.count_distinct(sample, mode="all").as_py() > 0.9 * len(sample):
        found = sort_key(values) - 1
        return found, int(found.max()) + 1
    # Arrow sorts strings with many repeats slowly; hash them and rank the few distinct ones.
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    encoded = pc.dictionary_encode(array, null_encoding="encode")
    ranks = pc.rank(encoded.dictionary, sort_keys="ascending", tiebreaker="dense").to_numpy()
    return ranks.astype(np.int64)[encoded.indices.to_numpy(zero_copy_only=False)] - 1, len(ranks)


def row_keys(frame: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """One integer per row, equal exactly where the rows agree on every column (missing
    equals missing)."""
    key, bound = np.zeros(len(frame), dtype=np.int64), 1
    for column in columns:
        found, count = codes(frame[column])
        if bound * count >= 2**62:  # renumber densely before the product could overflow
            key, uniques = pd.factorize(key)
            bound = len(uniques)
        key, bound = key * count + found, bound * count
    return key


def duplicated(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """``frame.duplicated(columns, keep="first")``, with each string column ranked in Arrow."""
    if len(columns) == 1:
        found, count = codes(frame[columns[0]])
        if count == len(frame):  # as many codes as rows: all distinct (the usual primary key)
            return pd.Series(False, index=frame.index)
    else:
        found = row_keys(frame, columns)
    return pd.Series(repeats(found), index=frame.index)


def repeats(keys: np.ndarray) -> np.ndarray:
    """``pd.Series(keys).duplicated(keep="first")`` for integer keys, as a NumPy array. A stable
    sort puts equal keys side by side in row order, and all but the first of each run repeat.
    The sort (timsort) is near-linear on keys that come in runs, as the rows of a table
    written event by event do, and no slower than hashing on shuffled keys."""
    order = np.argsort(keys, kind="stable")
    later = order[1:][keys[order[1:]] == keys[order[:-1]]]
    out = np.zeros(len(keys), dtype=bool)
    out[later] = True
    return out


def sort_key(values: pd.Series) -> np.ndarray:
    """Integers that sort as the values do, missing values last."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        found = values.cat.codes.to_numpy().astype(np.int64)
        return np.where(found < 0, np.iinfo(np.int64).max, found)
    if pd.api.types.is_string_dtype(values.dtype):
        ranks = pc.rank(arrow_strings(values), sort_keys="ascending", tiebreaker="dense")
        return ranks.to_numpy(zero_copy_only=False).astype(np.int64)
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        found = values.to_numpy().view(np.int64)
        return np.where(values.isna().to_numpy(), np.iinfo(np.int64).max, found)
    numbers = values.astype("float64").to_numpy(na_value=np.nan)
    return np.where(np.isnan(numbers), np.inf, numbers)


def order(frame: pd.DataFrame, columns: Sequence[str], rows: np.ndarray | None = None) -> np.ndarray:
    """Positions of ``frame``'s rows (of those where the boolean ``rows`` holds, if given) in the
    order of ``frame.sort_values(columns, kind="stable")``: ascending, missing values last.
    String columns are ranked in Arrow, then one NumPy lexsort orders the rows."""
    keys = [sort_key(frame[column]) for column in reversed(columns)]
    if rows is None:
        return np.lexsort(keys)
    where = np.flatnonzero(rows)
    return where[np.lexsort([key[where] for key in keys])]
