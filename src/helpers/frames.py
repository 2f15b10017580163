"""Vectorized operations that pandas does slowly on Arrow-backed strings.

pandas 3 stores ``str`` columns in Arrow when pyarrow is installed (it is, by the
lock). Most string work is then fast, but joining, grouping, sorting and
de-duplicating on string keys go through pandas' factorization, which costs a
second or more per million rows, and ``Series.isin`` converts every allowed
value one by one in Python. The functions here turn each string column into
integers once in Arrow (a hash join, or a rank) and do the rest on those integer
positions and codes in NumPy. Each one gives
the same answer as the pandas expression its docstring names (tests/test_frames.py
checks that on random frames).
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

T = TypeVar("T")

# Above this many keys per value, ``isin`` first narrows the keys to those among the values.
_NARROW_RATIO = 8


Strings = pa.Array | pa.ChunkedArray


def _strings(values: pd.Series | Iterable[str]) -> Strings:
    """The values as Arrow strings: a ``str`` column's own Arrow data, without a copy."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype="str")
    array = series.astype("str").array
    if hasattr(array, "__arrow_array__"):
        return array.__arrow_array__()
    return pa.array(array, from_pandas=True)


# Joins repeat: the loader's foreign-key check, its link checks and then every helper join the
# same id columns of the same tables. Arrow arrays are immutable, so the positions computed
# for one pair of arrays hold for as long as both exist; the memo keeps both alive.
# Small joins cost less than the bookkeeping and are not kept.
_MEMO: OrderedDict[tuple[int, int], tuple[object, object, np.ndarray]] = OrderedDict()
_MEMO_LOCK = threading.Lock()
_MEMO_SIZE = 16
_MEMO_MIN_ROWS = 65_536


def positions(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """Row position in ``keys`` of each value (of the first match if keys repeat), -1 where
    there is none, as a read-only int64 array. Computed by an Arrow hash join, once per pair
    of arrays (see ``_MEMO``)."""
    return _join_together(_strings(keys), [_strings(values)])[0]


def positions_all(pairs: Sequence[tuple[pd.Series, pd.Series]]) -> list[np.ndarray]:
    """``[positions(values, keys) for values, keys in pairs]``, with the columns joined to the
    same keys (every table's ``event_id``) joined in one go, so the keys are hashed once rather
    than once per column: building the hash table costs as much as probing a million values.
    The groups run side by side, as Arrow releases the GIL while it hashes; with fewer groups
    than cores, the largest is split, as two hash tables built at once beat one built alone."""
    groups: dict[int, tuple[Strings, list[int]]] = {}
    arrays = []
    for at, (values, keys) in enumerate(pairs):
        key_array = _strings(keys)
        groups.setdefault(id(key_array), (key_array, []))[1].append(at)
        arrays.append(_strings(values))
    tasks = list(groups.values())
    while len(tasks) < (os.cpu_count() or 1) and max((len(members) for _, members in tasks), default=0) > 1:
        key_array, members = tasks.pop(max(range(len(tasks)), key=lambda at: len(tasks[at][1])))
        tasks += [(key_array, members[: len(members) // 2]), (key_array, members[len(members) // 2 :])]
    joined = side_by_side(
        [partial(_join_together, key_array, [arrays[at] for at in members]) for key_array, members in tasks]
    )
    found: dict[int, np.ndarray] = {}
    for (_, members), results in zip(tasks, joined, strict=True):
        found.update(zip(members, results, strict=True))
    return [found[at] for at in range(len(pairs))]


def prefetch(pairs: Sequence[tuple[pd.Series, pd.Series]]) -> None:
    """Memoize the large joins among ``pairs`` (values, keys) that ``positions`` and ``isin``
    will be asked for (see ``positions_all``)."""
    positions_all(
        [
            (values, keys)
            for values, keys in pairs
            if len(values) >= _MEMO_MIN_ROWS and len(keys) <= _NARROW_RATIO * len(values)
        ]
    )


def _join_together(key_array: Strings, arrays: list[Strings]) -> list[np.ndarray]:
    """The positions of each of ``arrays`` in ``key_array``: those the memo holds, and the rest
    from one hash join of them all, split and memoized per array."""
    found: list[np.ndarray | None] = []
    with _MEMO_LOCK:
        for array in arrays:
            memo_key = (id(array), id(key_array))
            if memo_key in _MEMO:
                _MEMO.move_to_end(memo_key)
            found.append(_MEMO[memo_key][2] if memo_key in _MEMO else None)
    missing = [array for array, known in zip(arrays, found, strict=True) if known is None]
    if missing:
        chunks = [
            chunk.cast(key_array.type)
            for array in missing
            for chunk in (array.chunks if isinstance(array, pa.ChunkedArray) else [array])
        ]
        joined = pc.index_in(pa.chunked_array(chunks, type=key_array.type), value_set=key_array)
        joined = pc.fill_null(joined, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        joined.setflags(write=False)
        parts = np.split(joined, np.cumsum([len(array) for array in missing])[:-1])
        for array, part in zip(missing, parts, strict=True):
            if len(array) >= _MEMO_MIN_ROWS:
                _remember(array, key_array, part)
        fresh = iter(parts)
        found = [known if known is not None else next(fresh) for known in found]
    return found


def _remember(array: Strings, key_array: Strings, found: np.ndarray) -> None:
    with _MEMO_LOCK:
        _MEMO[(id(array), id(key_array))] = (array, key_array, found)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)


def side_by_side(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Run the tasks in a thread pool (one thread per core) and return their results in the
    tasks' order. Worth it for Arrow and NumPy work, which releases the GIL; the tasks must
    only read what they share."""
    if len(tasks) < 2:
        return [task() for task in tasks]
    with ThreadPoolExecutor(max_workers=min(len(tasks), os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda task: task(), tasks))


def clear_memo() -> None:
    """Forget every memoized join (the benchmark times helpers with and without it)."""
    with _MEMO_LOCK:
        _MEMO.clear()


def isin(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """``values.isin(allowed)`` for string values, computed by Arrow (missing values are never in)."""
    if isinstance(allowed, pd.Series) and len(allowed) <= _NARROW_RATIO * len(values):
        return pd.Series(positions(values, allowed) >= 0, index=values.index, name=values.name)
    array = _strings(values)
    value_set = _strings(allowed).cast(array.type).drop_null()
    # A few values against many keys: hashing the few and probing the many is cheaper.
    value_set = value_set.filter(pc.is_in(value_set, value_set=array))
    found = pc.fill_null(pc.is_in(array, value_set=value_set, skip_nulls=True), False)
    return pd.Series(np.asarray(found, dtype=bool), index=values.index, name=values.name)


def lookup(keys: pd.Series, mapping: pd.Series) -> pd.Series:
    """``keys.map(mapping)`` for a mapping indexed by unique strings: a hash join in Arrow
    (pandas converts Arrow strings to Python objects to map them). Missing keys give NA."""
    where = positions(keys, mapping.index.to_series())
    return take(mapping, where).set_axis(keys.index).rename(keys.name)


def take(values: pd.Series, where: np.ndarray) -> pd.Series:
    """``values.iloc[where]`` with NA where ``where`` is -1, on a fresh 0..n-1 index."""
    found = where >= 0
    if values.empty:
        return values.reset_index(drop=True).reindex(range(len(where)))
    taken = values.iloc[np.where(found, where, 0)].reset_index(drop=True)
    return taken if found.all() else taken.where(found)


def codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of the values, equal exactly where the values are (missing values share
    one code), numbered in sort order, and how many codes there are. Strings are ranked in
    Arrow: sorting a million strings is several times faster than hashing them."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        found = values.cat.codes.to_numpy().astype(np.int64)
        return np.where(found < 0, len(values.cat.categories), found), len(values.cat.categories) + 1
    if not pd.api.types.is_string_dtype(values.dtype):
        found, uniques = pd.factorize(values, use_na_sentinel=False, sort=True)
        return found.astype(np.int64), len(uniques)
    if values.empty:
        return np.zeros(0, dtype=np.int64), 0
    array = _strings(values)
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
        ranks = pc.rank(_strings(values), sort_keys="ascending", tiebreaker="dense")
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


def sort_rows(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame.sort_values(columns, kind="stable")`` (see ``order``)."""
    return frame.take(order(frame, columns))


def group_first(groups: np.ndarray, count: int) -> np.ndarray:
    """Per group 0..count-1, the position of its first row in ``groups`` (-1 if it has none)."""
    first = np.full(count, -1, dtype=np.int64)
    present, at = np.unique(groups, return_index=True)
    first[present] = at
    return first


def first_of_earliest(groups: np.ndarray, count: int, when: np.ndarray) -> np.ndarray:
    """Per group 0..count-1, the position of the first row (in row order) among the group's rows
    with the smallest ``when``; -1 for a group without rows. A group number outside 0..count-1
    leaves the row out."""
    inside = (groups >= 0) & (groups < count)
    earliest = np.full(count, np.iinfo(np.int64).max)
    np.minimum.at(earliest, groups[inside], when[inside])
    chosen = inside.copy()
    chosen[inside] = when[inside] == earliest[groups[inside]]
    return group_first(np.where(chosen, groups, count), count + 1)[:count]


# RE2 reads a backslash before ASCII punctuation as that character; every other character of
# a needle (letters, digits, spaces, anything beyond ASCII) is already a literal.
_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def contains(haystacks: pd.Series, needles: pd.Series) -> pd.Series:
    """Row-wise ``needle in haystack``. Needles repeat (a date expression, a traded item), so
    each distinct needle is searched for in its rows at once, in Arrow, as an escaped literal:
    RE2 skips ahead to a literal's first bytes, which makes it about twice as fast as
    ``match_substring`` on sentences."""
    out = np.zeros(len(haystacks), dtype=bool)
    hay = _strings(haystacks)
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
        days = pc.cast(_strings(values.where(values != "")), pa.date32())
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
        parsed = pc.cast(_strings(present), pa.float64())
    except pa.ArrowInvalid:  # some value is not a number: find which, row by row
        return pd.to_numeric(present, errors="coerce").astype("float64")
    return pd.Series(parsed.to_numpy(zero_copy_only=False), index=values.index)


def categorical(values: pd.Series, categories: list[str]) -> pd.Categorical:
    """``pd.Categorical(values, categories)``, coded in Arrow; values not among the categories
    (and missing values) become NaN."""
    array = _strings(values)
    found = pc.index_in(array, value_set=pa.array(categories, type=array.type))
    found = pc.fill_null(found, -1).to_numpy(zero_copy_only=False)
    return pd.Categorical.from_codes(found, categories=categories)
