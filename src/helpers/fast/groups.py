"""Per-group reductions over integer group numbers 0..count-1 (a row's event, say).

``pandas.groupby`` builds a hash table of the group labels each time; here the groups are
already row positions from a join, so NumPy's ufunc ``.at`` and ``unique`` do the work.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


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
    earliest = group_min(groups[inside], when[inside], count, np.iinfo(np.int64).max)
    chosen = inside.copy()
    chosen[inside] = when[inside] == earliest[groups[inside]]
    return group_first(np.where(chosen, groups, count), count + 1)[:count]


def group_min(groups: np.ndarray, values: np.ndarray, count: int, empty: int) -> np.ndarray:
    """Per group 0..count-1, the smallest of its ``values`` (``empty`` for a group without rows):
    ``pd.Series(values).groupby(groups).min().reindex(range(count), fill_value=empty)``."""
    out = np.full(count, empty, dtype=np.int64)
    np.minimum.at(out, groups, values)
    return out


def group_max(groups: np.ndarray, values: np.ndarray, count: int, empty: int) -> np.ndarray:
    """Per group 0..count-1, the largest of its ``values`` (``empty`` for a group without rows)."""
    out = np.full(count, empty, dtype=np.int64)
    np.maximum.at(out, groups, values)
    return out


def joined_per_group(
    groups: np.ndarray, ranks: np.ndarray, words: np.ndarray, count: int, sep: str
) -> pd.Series:
    """Per group 0..count-1, its rows' words in sort order joined by ``sep`` (NA for a group
    without rows): ``words[ranks]`` grouped by ``groups``, each group ``sep.join(sorted(...))``.
    ``ranks`` order the words as they sort (``words[rank]`` is the word of that rank).

    Most groups have one or two rows: those are labelled from their lowest and highest rank
    alone, and the distinct (lowest, highest, one-or-two) combinations are joined once each;
    only groups of three or more are joined row by row."""
    size = np.bincount(groups, minlength=count)
    low = group_min(groups, ranks, count, len(words))
    high = group_max(groups, ranks, count, 0)
    width = len(words) + 1
    combos, uniques = pd.factorize((low * width + high) * 3 + np.minimum(size, 2))
    text = [
        None if n == 0 else words[a] if n == 1 else f"{words[a]}{sep}{words[b]}"
        for a, b, n in zip(uniques // 3 // width, uniques // 3 % width, uniques % 3, strict=True)
    ]
    labels = pd.Series(pd.array(text, dtype="str").take(combos))
    crowded = np.flatnonzero(size > 2)
    if len(crowded):
        rows = np.isin(groups, crowded)
        lists = pd.Series(ranks[rows]).groupby(groups[rows]).agg(sorted)
        labels.iloc[lists.index] = [sep.join(words[k] for k in found) for found in lists]
    return labels
