"""Pandas idioms the layers share, written once: a lookup by id, and joins of labels per key that
stay fast on a large record (``benchmarks/README.md`` has the figures)."""

from __future__ import annotations

import pandas as pd


def among(values: pd.Series, keys: pd.Series) -> pd.Series:
    """``values.isin(keys)`` for id columns, as a lookup of each value in an index of the keys:
    pandas 3's ``isin`` on ``str`` makes an Arrow scalar of each key in Python, and a merge pays
    a fixed cost on every call, where an index hashes the keys once and stays fast at any size."""
    found = pd.Index(keys.drop_duplicates()).get_indexer(values) >= 0
    return pd.Series(found, index=values.index)


def joined_sorted(labels: pd.Series, keys: pd.Series, sep: str) -> pd.Series:
    """Per key, its ``labels`` sorted and joined by ``sep``."""
    frame = pd.DataFrame({"key": keys, "label": labels}).sort_values(["key", "label"])
    return joined_in_order(frame["label"], frame["key"], sep).rename_axis(keys.name).rename(labels.name)


def joined_in_order(labels: pd.Series, keys: pd.Series, sep: str) -> pd.Series:
    """Per key (in order of first appearance), its ``labels`` (none missing) in their order,
    joined by ``sep``: a plain loop, quicker than any groupby at both ends of the scale (a few
    hundred rows, or 400,000)."""
    parts: dict[str, list[str]] = {}
    for key, label in zip(keys.tolist(), labels.tolist(), strict=True):
        parts.setdefault(key, []).append(label)
    joined = pd.Series(
        [sep.join(each) for each in parts.values()], index=pd.Index(list(parts), dtype="str"), dtype="str"
    )
    return joined.rename_axis(keys.name).rename(labels.name)


def by_id(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """``frame``'s rows indexed by their ``key``, for lookups with ``map``: where an id repeats,
    its first row (the key checks report the repeat itself)."""
    return frame.drop_duplicates(key).set_index(key)


def raw_days(frame: pd.DataFrame, column: str) -> pd.Series:
    """A date column of a raw (all-string) table, parsed: '' is missing. The domain checks read
    dates this way before the typed tables exist."""
    return pd.to_datetime(frame[column].where(frame[column] != ""), format="%Y-%m-%d")
