"""Joins on string ids: each value's row among the keys, by an Arrow hash join, memoized.

pandas converts Arrow strings to Python objects to ``merge``, ``map`` or ``isin`` them,
which costs a second or more per million rows; Arrow's ``index_in`` does it in C. Joins
repeat (the loader's foreign-key checks, then every helper, join the same id columns), so
the large ones are remembered while both arrays live.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.fast.pool import PARALLEL_MIN_ROWS, side_by_side

_NARROW_RATIO = 8

Strings = pa.Array | pa.ChunkedArray


def arrow_strings(values: pd.Series | Iterable[str]) -> Strings:
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

_MEMO_MIN_ROWS = PARALLEL_MIN_ROWS


def positions(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """Row position in ``keys`` of each value (of the first match if keys repeat), -1 where
    there is none, as a read-only int64 array. Computed by an Arrow hash join, once per pair
    of arrays (see ``_MEMO``)."""
    return _join_together(arrow_strings(keys), [arrow_strings(values)])[0]


def positions_all(pairs: Sequence[tuple[pd.Series, pd.Series]]) -> list[np.ndarray]:
    """``[positions(values, keys) for values, keys in pairs]``, with the columns joined to the
    same keys (every table's ``event_id``) joined in one go, so the keys are hashed once rather
    than once per column: building the hash table costs as much as probing a million values.
    On large data the groups run side by side, as Arrow releases the GIL while it hashes; with
    fewer groups than cores, the largest is split, as two hash tables built at once beat one
    built alone."""
    groups: dict[int, tuple[Strings, list[int]]] = {}
    arrays = []
    for at, (values, keys) in enumerate(pairs):
        key_array = arrow_strings(keys)
        groups.setdefault(id(key_array), (key_array, []))[1].append(at)
        arrays.append(arrow_strings(values))
    tasks = list(groups.values())
    rows = max((len(array) for array in arrays), default=0)
    while (
        rows >= PARALLEL_MIN_ROWS
        and len(tasks) < (os.cpu_count() or 1)
        and max(len(members) for _, members in tasks) > 1
    ):
        key_array, members = tasks.pop(max(range(len(tasks)), key=lambda at: len(tasks[at][1])))
        tasks += [(key_array, members[: len(members) // 2]), (key_array, members[len(members) // 2 :])]
    joined = side_by_side(
        [partial(_join_together, key_array, [arrays[at] for at in members]) for key_array, members in tasks],
        rows,
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


def clear_memo() -> None:
    """Forget every memoized join (the benchmark times helpers with and without it)."""
    with _MEMO_LOCK:
        _MEMO.clear()


def isin(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """``values.isin(allowed)`` for string values, computed by Arrow (missing values are never in)."""
    if isinstance(allowed, pd.Series) and len(allowed) <= _NARROW_RATIO * len(values):
        return pd.Series(positions(values, allowed) >= 0, index=values.index, name=values.name)
    array = arrow_strings(values)
    value_set = arrow_strings(allowed).cast(array.type).drop_null()
    # A few values against many keys: hashing the few and probing the many is cheaper.
    value_set = value_set.filter(pc.is_in(value_set, value_set=array))
    found = pc.fill_null(pc.is_in(array, value_set=value_set, skip_nulls=True), False)
    return pd.Series(np.asarray(found, dtype=bool), index=values.index, name=values.name)


def take(values: pd.Series, where: np.ndarray) -> pd.Series:
    """``values.iloc[where]`` with NA where ``where`` is -1, on a fresh 0..n-1 index."""
    found = where >= 0
    if values.empty:
        return values.reset_index(drop=True).reindex(range(len(where)))
    taken = values.iloc[np.where(found, where, 0)].reset_index(drop=True)
    return taken if found.all() else taken.where(found)
